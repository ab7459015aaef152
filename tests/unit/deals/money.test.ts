import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountFen,
  fenToYiText,
  fenToYuanText,
  hasQuantityPrecision,
  sumFen,
  yuanToFen,
} from '../../../functions/deals/money.ts';

describe('money in fen', () => {
  it.each([
    ['3987.65', 398765],
    ['420', 42000],
    ['0.1', 10],
    ['0.01', 1],
    [3987.65, 398765],
    [0.3, 30],
  ] as const)('reads %j yuan as %i fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['3.999', '-1', '1e3', ' 12', '12.', '.5', '01', 'NaN', ''])('refuses %j as a price', (text) => {
    expect(yuanToFen(text)).toBeUndefined();
  });

  it('refuses a number finer than a fen', () => {
    expect(yuanToFen(0.001)).toBeUndefined();
    expect(yuanToFen(Number.POSITIVE_INFINITY)).toBeUndefined();
  });

  it('multiplies exactly and rounds half up once: 0.1 t × 0.3 yuan × 3 is not a float sum', () => {
    expect(amountFen(12.345, 398765)).toBe(4922754n); // 4922753.925
    expect(amountFen(0.005, 100)).toBe(1n); // 0.5 fen rounds up
    expect(amountFen(0.004, 100)).toBe(0n);
    expect(amountFen(1.1, 10)).toBe(11n); // 1.1 × 10 = 11.000000000000002 in floats
  });

  it('agrees with integer arithmetic on quantities in thousandths', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e8 }), (milli, fen) => {
        const quantity = milli / 1000;
        const exact = BigInt(milli) * BigInt(fen); // in thousandths of a fen
        const rounded = exact / 1000n + (exact % 1000n >= 500n ? 1n : 0n);
        expect(amountFen(quantity, fen)).toBe(rounded);
      }),
    );
  });

  it('writes fen as yuan and as 亿元 for the departments', () => {
    expect(fenToYuanText(398765)).toBe('3987.65');
    expect(fenToYuanText(5)).toBe('0.05');
    expect(fenToYiText(123_456_789_012n)).toBe('12.3457'); // 1,234,567,890.12 yuan
    expect(fenToYiText(0)).toBe('0.0000');
  });

  it('sums beyond 2^53 exactly', () => {
    expect(sumFen([Number.MAX_SAFE_INTEGER, 2, 3n])).toBe(9007199254740996n);
  });

  it('keeps quantities to three decimals', () => {
    expect(hasQuantityPrecision(12.345)).toBe(true);
    expect(hasQuantityPrecision(1.2345)).toBe(false);
    expect(hasQuantityPrecision(1e9)).toBe(true);
  });
});
