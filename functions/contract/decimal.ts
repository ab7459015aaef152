/**
 * Exact decimal arithmetic for the few places where binary floating point would show through:
 * reading `1.1万` (must be 11000, not 11000.000000000002) and converting 1.234 t into kg (1234, not
 * 1233.9999999999998). A decimal is `mantissa × 10^exponent` with a BigInt mantissa; turning it back
 * into a number goes through JavaScript's own decimal-string parser, which rounds correctly.
 */
export interface Decimal {
  readonly mantissa: bigint;
  readonly exponent: number;
}

export const ZERO: Decimal = { mantissa: 0n, exponent: 0 };

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/** Reads `12`, `-0.5`, `.5`, `5.`, `1.2e3`; undefined for anything else. */
export function decimalFromString(text: string): Decimal | undefined {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) return undefined;
  const [, sign, whole = '', fraction = '', exp = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  const digits = `${whole}${fraction}` || '0';
  const mantissa = BigInt(digits) * (sign === '-' ? -1n : 1n);
  return normalise({ mantissa, exponent: Number(exp) - fraction.length });
}

/** The decimal a finite number prints as (its shortest round-trip form). */
export function decimalFromNumber(value: number): Decimal {
  if (!Number.isFinite(value)) throw new RangeError('not a finite number');
  return decimalFromString(String(value))!;
}

function normalise(d: Decimal): Decimal {
  if (d.mantissa === 0n) return ZERO;
  let { mantissa, exponent } = d;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent += 1;
  }
  return { mantissa, exponent };
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const exponent = Math.min(a.exponent, b.exponent);
  const scale = (d: Decimal) => d.mantissa * 10n ** BigInt(d.exponent - exponent);
  return normalise({ mantissa: scale(a) + scale(b), exponent });
}

export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return normalise({ mantissa: a.mantissa * b.mantissa, exponent: a.exponent + b.exponent });
}

export function shiftDecimal(a: Decimal, powerOfTen: number): Decimal {
  return a.mantissa === 0n ? ZERO : { mantissa: a.mantissa, exponent: a.exponent + powerOfTen };
}

/**
 * a ÷ b. Exact when the quotient is a terminating decimal within `digits` significant digits
 * (always so when b is a power of ten); otherwise rounded there, far below a double's precision.
 */
export function divideDecimal(a: Decimal, b: Decimal, digits = 30): Decimal {
  if (b.mantissa === 0n) throw new RangeError('division by zero');
  if (a.mantissa === 0n) return ZERO;
  const scale = BigInt(digits);
  const quotient = (a.mantissa * 10n ** scale) / b.mantissa;
  return normalise({ mantissa: quotient, exponent: a.exponent - b.exponent - digits });
}

export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const diff = addDecimal(a, { mantissa: -b.mantissa, exponent: b.exponent }).mantissa;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

export function isIntegerDecimal(a: Decimal): boolean {
  return normalise(a).exponent >= 0;
}

export function decimalToNumber(d: Decimal): number {
  return Number(`${d.mantissa}e${d.exponent}`);
}
