import {
  type Decimal,
  decimalFromNumber,
  decimalFromString,
  multiplyDecimal,
  shiftDecimal,
} from './decimal.ts';

/**
 * Money in deals is counted in fen (分, 0.01 yuan) as whole numbers, never as binary floating point:
 * a unit price of 3987.65 yuan is 398765 fen, and quantity × unit price is worked out on exact
 * decimals (BigInt mantissas) and rounded half up (四舍五入) to the fen once, at the end.
 * Pure and browser-safe.
 */

/** The largest amount of one deal: 1万亿 yuan (10^14 fen), far below 2^53, so fen stay exact numbers. */
export const MAX_AMOUNT_FEN = 100_000_000_000_000;
/** Quantities carry at most three decimals (a kilogram in tonnes). */
export const QUANTITY_DECIMALS = 3;

/** Unit prices as people write them: digits with at most two decimals (`3987.65`, `420`). */
export const YUAN_PATTERN = /^(?:0|[1-9]\d{0,9})(?:\.\d{1,2})?$/;

/** Fen from a yuan amount given as text (`"3987.65"`) or a number (`3987.65`); undefined if not exact to the fen. */
export function yuanToFen(value: string | number): number | undefined {
  let decimal: Decimal | undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    decimal = decimalFromNumber(value);
  } else {
    if (!YUAN_PATTERN.test(value)) return undefined;
    decimal = decimalFromString(value);
  }
  if (!decimal) return undefined;
  const fen = shiftDecimal(decimal, 2);
  if (fen.exponent < 0) return undefined; // finer than a fen
  const whole = fen.mantissa * 10n ** BigInt(fen.exponent);
  if (whole > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return Number(whole);
}

/** Whether a quantity has at most {@link QUANTITY_DECIMALS} decimals (checked on its decimal form). */
export function hasQuantityPrecision(quantity: number): boolean {
  if (!Number.isFinite(quantity)) return false;
  return decimalFromNumber(quantity).exponent >= -QUANTITY_DECIMALS;
}

/** Rounds a decimal to a whole number, halves away from zero (the amounts here are never negative). */
function roundHalfUp(d: Decimal): bigint {
  if (d.exponent >= 0) return d.mantissa * 10n ** BigInt(d.exponent);
  const divisor = 10n ** BigInt(-d.exponent);
  const quotient = d.mantissa / divisor;
  const remainder = d.mantissa % divisor;
  return remainder * 2n >= divisor ? quotient + 1n : quotient;
}

/** quantity × unit price, in fen, exact then rounded half up to the fen. */
export function amountFen(quantity: number, unitPriceFen: number): bigint {
  return roundHalfUp(multiplyDecimal(decimalFromNumber(quantity), decimalFromNumber(unitPriceFen)));
}

/** `398765` fen → `"3987.65"` (always two decimals). Works on sums beyond 2^53 given as BigInt. */
export function fenToYuanText(fen: number | bigint): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Fen as 亿元 (10^8 yuan = 10^10 fen) with four decimals, rounded half up: the departments' unit. */
export function fenToYiText(fen: number | bigint): string {
  const value = BigInt(fen);
  const tenThousandths = roundHalfUp({ mantissa: value, exponent: -6 });
  return `${tenThousandths / 10_000n}.${String(tenThousandths % 10_000n).padStart(4, '0')}`;
}

/** Fen as 万元 (10^4 yuan = 10^6 fen) with two decimals, rounded half up: the departments' other unit. */
export function fenToWanText(fen: number | bigint): string {
  const value = BigInt(fen);
  const hundredths = roundHalfUp({ mantissa: value, exponent: -4 });
  return `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

/** `1234567.8` → `"1,234,567.80"`: yuan text (from {@link fenToYuanText}) with thousands separators. */
export function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Adds fen amounts exactly, whatever their number. */
export function sumFen(amounts: Iterable<number | bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += BigInt(amount);
  return total;
}
