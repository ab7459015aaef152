import type { Product, Spec } from './catalogue-types.ts';

/**
 * Reading product specs from what people type: `P.O42.5`, `PO 42.5`, `普通硅酸盐水泥42.5`,
 * `HRB400E Φ25`, `螺纹钢 HRB400E 25`, `三级螺纹 Φ25`, `KN95口罩`, `商混C30`, `H型钢 Q235B 300*150`.
 *
 * 1. Exact: the text (spaces ignored) is a spec's id, Chinese or English name, or alias.
 * 2. Structured: the text is cut into known words — product keywords (螺纹钢, 水泥, 口罩) and forms of
 *    attribute values (HRB400E, Φ25, P.O, 42.5R, C30) — longest first, never splitting a letter or
 *    digit run (so 42.5 is not read inside 42.5R, nor HRB400 inside HRB400E, nor 25 inside 25米).
 *    Words that name a product narrow the family; attribute words narrow the specs within it.
 * The caller gets every spec that fits; one is a match, several are ambiguous — unless the text also
 * holds a number nothing explains (`HRB400E Φ36` when the catalogue stops at Φ32), then none.
 */

interface Lexeme {
  /** Products this word names by itself. */
  readonly identifies: Set<string>;
  /** product → attribute key → values this word stands for. */
  readonly values: Map<string, Map<string, Set<string>>>;
}

export interface SpecLexicon {
  readonly words: ReadonlyMap<string, Lexeme>;
  readonly longest: number;
  readonly exact: ReadonlyMap<string, readonly Spec[]>;
  readonly specsByProduct: ReadonlyMap<string, readonly Spec[]>;
}

/**
 * Upper case, full-width folded, one diameter sign, `×`/`*` between digits as X, ranges as `-`,
 * `42.5 R` as `42.5R`, standard numbers closed up (`GB 2626` → `GB2626`); other spaces stay as word breaks.
 */
export function normaliseSpecText(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[ΦФØ∅⌀]/g, 'Φ')
    .replace(/[·•・]/g, '.')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/Φ /g, 'Φ')
    .replace(/(?<=\d) ?[X×*✕✖] ?(?=\d)/g, 'X')
    .replace(/(?<=\d) ?[~\-–—] ?(?=\d)/g, '-')
    .replace(/(?<=\d\.5) R(?![A-Z])/g, 'R')
    .replace(/(?<=\b(?:GB|YY|FZ|JTG|JC|JG)(?:\/T)?) (?=\d)/g, '');
}

/** The exact-match key: normalised, without spaces. */
export function compactSpecText(text: string): string {
  return normaliseSpecText(text).replace(/ /g, '');
}

function lexeme(words: Map<string, Lexeme>, form: string): Lexeme {
  const key = compactSpecText(form);
  let entry = words.get(key);
  if (!entry) {
    entry = { identifies: new Set(), values: new Map() };
    words.set(key, entry);
  }
  return entry;
}

function addValue(entry: Lexeme, product: string, attribute: string, value: string): void {
  let byAttribute = entry.values.get(product);
  if (!byAttribute) {
    byAttribute = new Map();
    entry.values.set(product, byAttribute);
  }
  let values = byAttribute.get(attribute);
  if (!values) {
    values = new Set();
    byAttribute.set(attribute, values);
  }
  values.add(value);
}

export function buildSpecLexicon(products: readonly Product[], specs: readonly Spec[]): SpecLexicon {
  const specsByProduct = new Map<string, Spec[]>();
  for (const spec of specs) {
    const list = specsByProduct.get(spec.product);
    if (list) list.push(spec);
    else specsByProduct.set(spec.product, [spec]);
  }
  const words = new Map<string, Lexeme>();
  for (const product of products) {
    for (const keyword of product.keywords) lexeme(words, keyword).identifies.add(product.id);
    const productSpecs = specsByProduct.get(product.id) ?? [];
    for (const attribute of product.attributes) {
      const values = new Set(
        productSpecs
          .map((s) => s.attributes[attribute.key])
          .filter((v) => v !== undefined)
          .map(String),
      );
      for (const value of values) {
        const forms = [
          ...(attribute.forms ?? ['{v}']).map((template) => template.replaceAll('{v}', value)),
          ...(attribute.aliases?.[value] ?? []),
        ];
        for (const form of forms) {
          const entry = lexeme(words, form);
          addValue(entry, product.id, attribute.key, value);
          if (attribute.identifies) entry.identifies.add(product.id);
        }
      }
    }
  }
  words.delete('');
  const exact = new Map<string, Spec[]>();
  for (const spec of specs) {
    for (const name of [spec.id, spec.name.zh, spec.name.en, ...(spec.aliases ?? [])]) {
      const key = compactSpecText(name);
      const list = exact.get(key);
      if (!list) exact.set(key, [spec]);
      else if (!list.includes(spec)) list.push(spec);
    }
  }
  let longest = 0;
  for (const word of words.keys()) longest = Math.max(longest, word.length);
  return { words, longest, exact, specsByProduct };
}

const LETTER = /[A-Z]/;
const DIGIT = /[0-9]/;
/** After a number, these make it a length, weight or count, not a size: 12米, 500吨, 50只, 75%. */
const QUANTITY_SUFFIX = '米吨只个件台方%';

function fitsBoundaries(text: string, start: number, end: number): boolean {
  const first = text[start]!;
  const last = text[end - 1]!;
  const prev = text[start - 1];
  const next = text[end];
  if (prev !== undefined) {
    if (LETTER.test(first) && LETTER.test(prev)) return false;
    if (DIGIT.test(first) && (DIGIT.test(prev) || prev === '.')) return false;
  }
  if (next !== undefined) {
    if (LETTER.test(last) && LETTER.test(next)) return false;
    if (DIGIT.test(last)) {
      if (DIGIT.test(next) || LETTER.test(next) || QUANTITY_SUFFIX.includes(next)) return false;
      if (next === '.' && DIGIT.test(text[end + 1] ?? '')) return false;
    }
  }
  return true;
}

/** The known words of `text`, longest first, non-overlapping, and which characters they cover. */
function readWords(text: string, lexicon: SpecLexicon): { words: Lexeme[]; taken: boolean[] } {
  const found: { start: number; end: number; entry: Lexeme }[] = [];
  for (let start = 0; start < text.length; start++) {
    for (let length = Math.min(lexicon.longest, text.length - start); length >= 1; length--) {
      const entry = lexicon.words.get(text.slice(start, start + length));
      if (entry && fitsBoundaries(text, start, start + length))
        found.push({ start, end: start + length, entry });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: boolean[] = [];
  const chosen: Lexeme[] = [];
  for (const word of found) {
    let free = true;
    for (let i = word.start; i < word.end && free; i++) free = !taken[i];
    if (!free) continue;
    for (let i = word.start; i < word.end; i++) taken[i] = true;
    chosen.push(word.entry);
  }
  return { words: chosen, taken };
}

/** A number no word explains (Φ36 when the catalogue stops at Φ32), other than a length or count. */
function hasUnexplainedNumber(text: string, taken: readonly boolean[]): boolean {
  for (const match of text.matchAll(/\d+(?:\.\d+)?/g)) {
    const next = text[match.index + match[0].length] ?? '';
    const covered = [...match[0]].some((_, i) => taken[match.index + i]);
    const isQuantity = next !== '' && (QUANTITY_SUFFIX.includes(next) || '年月日号'.includes(next));
    if (!covered && !isQuantity) return true;
  }
  return false;
}

function intersect(sets: readonly Set<string>[]): Set<string> {
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((item) => rest.every((set) => set.has(item))));
}

/** Every spec the text can mean (see the module comment); empty when none. */
export function matchSpecs(input: string, lexicon: SpecLexicon): readonly Spec[] {
  const exact = lexicon.exact.get(compactSpecText(input));
  if (exact) return exact;
  const text = normaliseSpecText(input);
  const { words, taken } = readWords(text, lexicon);
  const constraints = new Map<string, Map<string, Set<string>>>();
  for (const word of words) {
    for (const [product, byAttribute] of word.values) {
      const merged = constraints.get(product) ?? new Map<string, Set<string>>();
      for (const [attribute, values] of byAttribute) {
        merged.set(attribute, new Set([...(merged.get(attribute) ?? []), ...values]));
      }
      constraints.set(product, merged);
    }
  }
  const naming = words.map((w) => w.identifies).filter((set) => set.size > 0);
  let products: Set<string>;
  if (naming.length > 0) {
    products = intersect(naming);
    if (products.size === 0) products = new Set(naming.flatMap((set) => [...set]));
  } else {
    products = new Set(constraints.keys());
  }
  const candidates: Spec[] = [];
  for (const product of products) {
    const wanted = constraints.get(product);
    for (const spec of lexicon.specsByProduct.get(product) ?? []) {
      const fits = [...(wanted ?? [])].every(([attribute, values]) =>
        values.has(String(spec.attributes[attribute])),
      );
      if (fits) candidates.push(spec);
    }
  }
  // Several fit but the text also gave a size we do not know: naming them would mislead.
  return candidates.length > 1 && hasUnexplainedNumber(text, taken) ? [] : candidates;
}
