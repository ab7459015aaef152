import {
  addDecimal,
  compareDecimal,
  type Decimal,
  decimalFromNumber,
  decimalFromString,
  decimalToNumber,
  isIntegerDecimal,
  multiplyDecimal,
  shiftDecimal,
  ZERO,
} from './decimal.ts';
import { failed, isBlank, type ParseResult, parsed } from './parse-result.ts';

/**
 * Numbers as clerks type them into a spreadsheet: `1200`, `1,200`, `12,000.50`, `１２００`
 * (full-width), `1 200`, `1.2万`, `3千`, `1.5亿`, `1万2千`, `3万5`, `一千二百`, `两万`, `壹仟贰佰`,
 * `1.2w`, `3k`, `1E+06`, and, with `currency`, `¥3,950` or `3950元`. Multipliers are applied in exact
 * decimal arithmetic, so `1.1万` is 11000. Numbers that arrive as numbers (Excel cells) are trimmed to
 * Excel's 15 significant digits, which removes float noise such as 1199.9999999999998.
 */

export type NumberFailureReason =
  | 'field.required'
  | 'field.number_invalid'
  | 'field.number_grouping'
  | 'field.number_negative'
  | 'field.not_finite'
  | 'field.not_integer'
  | 'field.too_small'
  | 'field.too_big';

export interface ParseNumberOptions {
  /** Accept negative numbers (default false: quantities, prices and counts are never negative). */
  allowNegative?: boolean;
  /** Require a whole number. */
  integer?: boolean;
  /** Inclusive bounds; `max` defaults to 1e15. */
  min?: number;
  max?: number;
  /** Strip a currency sign or word: `¥`, `￥`, `RMB`, `CNY`, `人民币`, a trailing `元`. */
  currency?: boolean;
}

export const DEFAULT_MAX_NUMBER = 1e15;

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

/** Small units (within a 万 section) and large units, as powers of ten. */
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 4, 萬: 4, 亿: 8, 億: 8 };
const LATIN_SUFFIXES: Readonly<Record<string, number>> = { K: 3, W: 4 };

const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)(?:E[+-]?\d+)?$/i;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const ARABIC_RUN = /^[\d.,]+(?:E[+-]?\d+)?/i;

type Token =
  | { kind: 'number'; value: Decimal; text: string }
  | { kind: 'digit'; value: number; zero: boolean }
  | { kind: 'point' }
  | { kind: 'small'; power: number }
  | { kind: 'large'; power: number }
  | { kind: 'latin'; power: number };

/** Reads an Arabic run (`12,000.50`, `1.2`); a comma outside thousands grouping is an error. */
function readArabic(text: string): Decimal | 'grouping' | undefined {
  if (PLAIN.test(text)) return decimalFromString(text);
  if (GROUPED.test(text)) return decimalFromString(text.replaceAll(',', ''));
  return text.includes(',') ? 'grouping' : undefined;
}

function tokenise(text: string): Token[] | 'grouping' | undefined {
  const tokens: Token[] = [];
  let rest = text;
  while (rest.length > 0) {
    const run = ARABIC_RUN.exec(rest)?.[0];
    if (run) {
      const value = readArabic(run);
      if (value === undefined || value === 'grouping') return value;
      tokens.push({ kind: 'number', value, text: run });
      rest = rest.slice(run.length);
      continue;
    }
    const char = rest[0]!;
    rest = rest.slice(1);
    if (char in CHINESE_DIGITS)
      tokens.push({ kind: 'digit', value: CHINESE_DIGITS[char]!, zero: CHINESE_DIGITS[char] === 0 });
    else if (char === '点') tokens.push({ kind: 'point' });
    else if (char in SMALL_UNITS) tokens.push({ kind: 'small', power: SMALL_UNITS[char]! });
    else if (char in LARGE_UNITS) tokens.push({ kind: 'large', power: LARGE_UNITS[char]! });
    else if (char.toUpperCase() in LATIN_SUFFIXES && rest.length === 0) {
      tokens.push({ kind: 'latin', power: LATIN_SUFFIXES[char.toUpperCase()]! });
    } else return undefined;
  }
  return tokens;
}

/**
 * Evaluates digits and units the way Chinese numbers are read: sections of 千百十 inside 万 and 亿,
 * `零` as a gap (一千零五 = 1005), a leading 十 (十二 = 12), and the colloquial trailing digit that
 * takes the next lower unit (一千二 = 1200, 三万五 = 35000, 1万2 = 12000).
 */
function evaluate(tokens: readonly Token[]): Decimal | undefined {
  let total = ZERO;
  let section = ZERO;
  let pending: Decimal | undefined;
  let pendingIsSingleDigit = false;
  let lastSmall = 99; // power of the last small unit in this section
  let lastLarge = 99; // power of the last large unit
  let lastUnitPower: number | undefined;
  let zeroGap = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.kind) {
      case 'number':
        if (pending !== undefined) return undefined;
        pending = token.value;
        pendingIsSingleDigit = /^\d$/.test(token.text);
        break;
      case 'digit':
        if (pending !== undefined && !(pending.mantissa === 0n && zeroGap)) return undefined;
        if (token.zero) {
          zeroGap = true;
          pending = ZERO;
          pendingIsSingleDigit = false;
          break;
        }
        pending = { mantissa: BigInt(token.value), exponent: 0 };
        pendingIsSingleDigit = !zeroGap;
        break;
      case 'point': {
        // 一点五 = 1.5: the digits after 点 are read one by one.
        if (pending === undefined) return undefined;
        let fraction = '';
        while (tokens[i + 1]?.kind === 'digit') {
          i++;
          fraction += String((tokens[i] as { value: number }).value);
        }
        if (fraction === '') return undefined;
        pending = addDecimal(pending, decimalFromString(`0.${fraction}`)!);
        pendingIsSingleDigit = false;
        break;
      }
      case 'small': {
        if (token.power >= lastSmall) return undefined;
        const count = pending ?? (token.power === 1 ? { mantissa: 1n, exponent: 0 } : undefined);
        if (count === undefined) return undefined;
        section = addDecimal(section, shiftDecimal(count, token.power));
        lastSmall = token.power;
        lastUnitPower = token.power;
        pending = undefined;
        zeroGap = false;
        break;
      }
      case 'large':
      case 'latin': {
        if (token.power >= lastLarge && !(token.power === 8 && lastLarge === 4)) return undefined;
        if (pending === undefined && section.mantissa === 0n && total.mantissa === 0n) return undefined; // 万 alone
        const amount = addDecimal(section, pending ?? ZERO);
        total =
          token.power === 8
            ? shiftDecimal(addDecimal(total, amount), 8)
            : addDecimal(total, shiftDecimal(amount, token.power));
        section = ZERO;
        pending = undefined;
        lastSmall = 99;
        lastLarge = token.power;
        lastUnitPower = token.power;
        zeroGap = false;
        break;
      }
    }
  }
  if (pending !== undefined) {
    if (pendingIsSingleDigit && lastUnitPower !== undefined && lastUnitPower >= 2) {
      pending = shiftDecimal(pending, lastUnitPower - 1);
    }
    section = addDecimal(section, pending);
  }
  return addDecimal(total, section);
}

function stripCurrency(text: string): string {
  return text.replace(/^(?:¥|RMB|CNY|人民币)/i, '').replace(/(?:元|RMB|CNY)$/i, '');
}

function checkBounds(value: Decimal, options: ParseNumberOptions): ParseResult<number, NumberFailureReason> {
  if (value.mantissa < 0n && !options.allowNegative) return failed('field.number_negative');
  if (options.integer && !isIntegerDecimal(value)) return failed('field.not_integer');
  const max = options.max ?? DEFAULT_MAX_NUMBER;
  if (compareDecimal(value, decimalFromNumber(max)) > 0) return failed('field.too_big', { maximum: max });
  if (options.min !== undefined && compareDecimal(value, decimalFromNumber(options.min)) < 0) {
    return failed('field.too_small', { minimum: options.min });
  }
  const number = decimalToNumber(value);
  return parsed(Object.is(number, -0) ? 0 : number);
}

/**
 * Bounds that keep parsing linear in the text: no cell holds a sensible number longer than this, and
 * an exponent beyond ±MAX_EXPONENT is out of every range (`1E+100000` would otherwise cost a
 * 100,000-digit BigInt power, quadratic in the exponent: 12 s).
 */
export const MAX_NUMBER_TEXT = 100;
const MAX_EXPONENT = 40;
const EXPONENT = /E([+-]?)(\d+)$/i;

/** Parses the text of a number (see the module comment); undefined-free result with a reason key. */
export function parseNumberText(
  text: string,
  options: ParseNumberOptions = {},
): ParseResult<number, NumberFailureReason> {
  if (text.length > MAX_NUMBER_TEXT) return failed('field.number_invalid');
  const exponent = EXPONENT.exec(text);
  if (exponent && Number(exponent[2]!.slice(0, 6)) > MAX_EXPONENT) {
    return exponent[1] === '-'
      ? failed('field.number_invalid')
      : failed('field.too_big', { maximum: options.max ?? DEFAULT_MAX_NUMBER });
  }
  let s = text.normalize('NFKC').replace(/\s+/g, '').replace(/[，]/g, ',');
  if (s === '') return failed('field.required');
  if (options.currency) s = stripCurrency(s);
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(s);
  if (parenthesised) {
    negative = true;
    s = parenthesised[1]!;
  }
  const sign = /^([+\-−]|负)/.exec(s);
  if (sign) {
    if (negative && sign[1] !== '+') return failed('field.number_invalid');
    negative = negative || sign[1] !== '+';
    s = s.slice(sign[1]!.length);
  }
  if (s === '') return failed('field.number_invalid');
  const tokens = tokenise(s);
  if (tokens === 'grouping') return failed('field.number_grouping');
  if (tokens === undefined || tokens.length === 0) return failed('field.number_invalid');
  const value = evaluate(tokens);
  if (value === undefined) return failed('field.number_invalid');
  return checkBounds(negative ? multiplyDecimal(value, { mantissa: -1n, exponent: 0 }) : value, options);
}

/** Parses one spreadsheet cell: a number, or text as {@link parseNumberText} reads it. */
export function parseNumber(
  cell: unknown,
  options: ParseNumberOptions = {},
): ParseResult<number, NumberFailureReason> {
  if (isBlank(cell)) return failed('field.required');
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return failed('field.not_finite');
    return checkBounds(decimalFromNumber(Number(cell.toPrecision(15))), options);
  }
  if (typeof cell === 'bigint') return parseNumberText(cell.toString(), options);
  if (typeof cell !== 'string') return failed('field.number_invalid');
  return parseNumberText(cell, options);
}
