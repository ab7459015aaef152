import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberText } from '../../../functions/shared/parse/parse-number.ts';
import { parseQuantity } from '../../../functions/shared/parse/parse-quantity.ts';

const DIGITS = '零一二三四五六七八九';

/** Formal Chinese numeral for 0 < n < 10⁸ (一千零二十, 一万零二百 …), the way a form would print it. */
function chineseNumeral(n: number): string {
  const section = (value: number): string => {
    let out = '';
    let zero = false;
    for (const [unit, size] of [
      ['千', 1000],
      ['百', 100],
      ['十', 10],
      ['', 1],
    ] as const) {
      const digit = Math.floor(value / size) % 10;
      if (digit === 0) {
        zero = out !== '';
        continue;
      }
      out += (zero ? '零' : '') + DIGITS[digit] + unit;
      zero = false;
    }
    return out;
  };
  const high = Math.floor(n / 10_000);
  const low = n % 10_000;
  if (high === 0) return section(low);
  return `${section(high)}万${low === 0 ? '' : (low < 1000 ? '零' : '') + section(low)}`;
}

const toFullWidth = (text: string) =>
  text.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('parseNumber: what clerks type', () => {
  it.each([
    ['1200', 1200],
    ['1,200', 1200],
    ['12,000.50', 12000.5],
    ['1,234,567', 1234567],
    ['１２００', 1200],
    ['１，２００', 1200],
    [' 1 200 ', 1200],
    ['1.2万', 12000],
    ['1.1万', 11000],
    ['3千', 3000],
    ['1.5亿', 150000000],
    ['1200万', 12000000],
    ['1万2千', 12000],
    ['12万5', 125000],
    ['一千二百', 1200],
    ['一千二', 1200],
    ['三万五', 35000],
    ['两万', 20000],
    ['十二', 12],
    ['一千零五', 1005],
    ['一亿二千万', 120000000],
    ['壹仟贰佰', 1200],
    ['一点五万', 15000],
    ['零', 0],
    ['1.2w', 12000],
    ['3k', 3000],
    ['1E+06', 1000000],
    ['.5', 0.5],
    ['+7', 7],
  ])('reads %s as %d', (text, value) => {
    expect(parseNumber(text)).toEqual({ ok: true, value });
  });

  it('reads numbers from numeric cells, trimming float noise to 15 significant digits', () => {
    expect(parseNumber(1200)).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(1199.9999999999998)).toEqual({ ok: true, value: 1200 });
    expect(parseNumber(0.1 + 0.2)).toEqual({ ok: true, value: 0.3 });
  });

  it('strips currency signs and 元 only when asked', () => {
    expect(parseNumber('¥3,950', { currency: true })).toEqual({ ok: true, value: 3950 });
    expect(parseNumber('￥3950', { currency: true })).toEqual({ ok: true, value: 3950 });
    expect(parseNumber('3950元', { currency: true })).toEqual({ ok: true, value: 3950 });
    expect(parseNumber('3950元')).toMatchObject({ ok: false, reason: 'field.number_invalid' });
  });

  it.each([
    ['', 'field.required'],
    ['   ', 'field.required'],
    [null, 'field.required'],
    [undefined, 'field.required'],
    ['abc', 'field.number_invalid'],
    ['1.2.3', 'field.number_invalid'],
    ['12吨', 'field.number_invalid'],
    ['二〇二〇', 'field.number_invalid'],
    ['百千', 'field.number_invalid'],
    ['万', 'field.number_invalid'],
    ['-', 'field.number_invalid'],
    [true, 'field.number_invalid'],
    [new Date(0), 'field.number_invalid'],
    ['12,00', 'field.number_grouping'],
    ['1.200,50', 'field.number_grouping'],
    ['1,2,3', 'field.number_grouping'],
    ['-5', 'field.number_negative'],
    ['−5', 'field.number_negative'],
    ['(1,200)', 'field.number_negative'],
    ['负五', 'field.number_negative'],
    [-5, 'field.number_negative'],
    [Number.NaN, 'field.not_finite'],
    [Number.POSITIVE_INFINITY, 'field.not_finite'],
    ['1万亿亿', 'field.number_invalid'],
  ])('rejects %j with %s', (cell, reason) => {
    expect(parseNumber(cell)).toMatchObject({ ok: false, reason });
  });

  it('accepts negatives when allowed', () => {
    expect(parseNumber('-5', { allowNegative: true })).toEqual({ ok: true, value: -5 });
    expect(parseNumber('(1,200)', { allowNegative: true })).toEqual({ ok: true, value: -1200 });
  });

  it('checks whole numbers and bounds, with the bound in the message parameters', () => {
    expect(parseNumber('1.5', { integer: true })).toMatchObject({ ok: false, reason: 'field.not_integer' });
    expect(parseNumber('1.5万', { integer: true })).toEqual({ ok: true, value: 15000 });
    expect(parseNumber('2亿', { max: 1e8 })).toEqual({
      ok: false,
      reason: 'field.too_big',
      params: { maximum: 1e8 },
    });
    expect(parseNumber('0', { min: 1 })).toEqual({
      ok: false,
      reason: 'field.too_small',
      params: { minimum: 1 },
    });
    expect(parseNumber('1e20')).toMatchObject({ ok: false, reason: 'field.too_big' });
  });
});

describe('parseNumber properties', () => {
  const amount = fc.integer({ min: 0, max: 10 ** 12 });

  it('reads any whole number written plainly, grouped, or full-width', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const grouped = n.toLocaleString('en-US');
        return (
          parseNumberText(String(n)).ok &&
          [String(n), grouped, toFullWidth(grouped)].every((text) => {
            const result = parseNumberText(text);
            return result.ok && result.value === n;
          })
        );
      }),
    );
  });

  it('applies 万 and 亿 exactly, in decimal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 3 }),
        (units, decimals) => {
          const text = (units / 10 ** decimals).toFixed(decimals);
          const wan = parseNumberText(`${text}万`);
          const yi = parseNumberText(`${text}亿`);
          return wan.ok && wan.value === Number(`${text}e4`) && yi.ok && yi.value === Number(`${text}e8`);
        },
      ),
    );
  });

  it('reads any formal Chinese numeral below 10⁸', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), (n) => {
        const result = parseNumberText(chineseNumeral(n));
        return result.ok && result.value === n;
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'0123456789.,万亿千百十一二两零点-+()kwE元¥ ') }),
        (text) => {
          const result = parseNumber(text, { allowNegative: true, currency: true });
          return result.ok ? Number.isFinite(result.value) : typeof result.reason === 'string';
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('parseNumber: linear in the text (issue 12, High 2)', () => {
  it('refuses huge exponents and overlong text at once', () => {
    // Arrange
    const hostile = ['1E+100000', '1e100000', '0.0001E+100000', '1E-100000', `1${'0'.repeat(200_000)}`];

    // Act
    const started = performance.now();
    const results = hostile.map((text) => parseNumber(text));
    const elapsed = performance.now() - started;

    // Assert
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'field.too_big',
      'field.too_big',
      'field.too_big',
      'field.number_invalid',
      'field.number_invalid',
    ]);
    expect(elapsed).toBeLessThan(1000); // was 12 s for 1E+100000 alone
    expect(parseQuantity(`${'9'.repeat(40_000)}吨`)).toEqual({ ok: false, reason: 'field.number_invalid' });
    expect(parseNumber('1E+06')).toEqual({ ok: true, value: 1_000_000 });
    expect(parseNumber('1.5E3')).toEqual({ ok: true, value: 1500 });
  });
});
