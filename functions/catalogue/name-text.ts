/**
 * Reading a named catalogue entry (a skill, a certificate) from what people type: `电焊工`,
 * `熟练电焊工`, `叉车工（持证）`, `吊车司机`, `普工/杂工`, `电工证`, `B2驾照`. Exact ids, names and aliases
 * first; otherwise the names found in the text, longest first and non-overlapping, so 叉车司机 is the
 * forklift driver and not a driver, and 货车司机 the truck driver.
 */

export interface Named {
  readonly id: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly aliases?: readonly string[];
}

export interface NameLexicon<T extends Named> {
  readonly names: ReadonlyMap<string, readonly T[]>;
  readonly longest: number;
}

export function compactNameText(text: string): string {
  return text.normalize('NFKC').toUpperCase().replace(/\s+/g, '');
}

export function buildNameLexicon<T extends Named>(items: readonly T[]): NameLexicon<T> {
  const names = new Map<string, T[]>();
  for (const item of items) {
    for (const name of [item.id, item.name.zh, item.name.en, ...(item.aliases ?? [])]) {
      const key = compactNameText(name);
      const list = names.get(key);
      if (!list) names.set(key, [item]);
      else if (!list.includes(item)) list.push(item);
    }
  }
  let longest = 0;
  for (const name of names.keys()) longest = Math.max(longest, name.length);
  return { names, longest };
}

const LETTER_OR_DIGIT = /[A-Z0-9]/;

/** Every entry the text can mean; empty when none. */
export function matchNames<T extends Named>(input: string, lexicon: NameLexicon<T>): readonly T[] {
  const text = compactNameText(input);
  const exact = lexicon.names.get(text);
  if (exact) return exact;
  const found: { start: number; end: number; items: readonly T[] }[] = [];
  for (let start = 0; start < text.length; start++) {
    for (let length = Math.min(lexicon.longest, text.length - start); length >= 2; length--) {
      const items = lexicon.names.get(text.slice(start, start + length));
      if (!items) continue;
      const end = start + length;
      // Latin names are whole words: QC is not read inside QCC, nor B2 inside AB2.
      const cutsWord =
        (LETTER_OR_DIGIT.test(text[start]!) && LETTER_OR_DIGIT.test(text[start - 1] ?? '')) ||
        (LETTER_OR_DIGIT.test(text[end - 1]!) && LETTER_OR_DIGIT.test(text[end] ?? ''));
      if (!cutsWord) found.push({ start, end, items });
    }
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: boolean[] = [];
  const chosen = new Set<T>();
  for (const word of found) {
    let free = true;
    for (let i = word.start; i < word.end && free; i++) free = !taken[i];
    if (!free) continue;
    for (let i = word.start; i < word.end; i++) taken[i] = true;
    for (const item of word.items) chosen.add(item);
  }
  return [...chosen];
}
