import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone, phoneKind } from '../../../functions/shared/parse/parse-phone.ts';
import { PHONE_PATTERN } from '../../../functions/shared/schema-fields.ts';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));
const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), digits(9))
  .map(([second, rest]) => `1${second}${rest}`);
const landline = fc
  .tuple(
    fc.oneof(
      fc.constant('010'),
      fc.integer({ min: 20, max: 29 }).map((n) => `0${n}`),
      fc.integer({ min: 300, max: 999 }).map((n) => `0${n}`),
    ),
    fc.integer({ min: 1, max: 9 }),
    fc.oneof(digits(6), digits(7)),
  )
  .map(([area, first, rest]) => ({ area, local: `${first}${rest}` }));

describe('parsePhone: what clerks type', () => {
  it.each([
    ['13905981234', '13905981234'],
    ['139 0598 1234', '13905981234'],
    ['139-0598-1234', '13905981234'],
    ['+86 13905981234', '13905981234'],
    ['+8613905981234', '13905981234'],
    ['0086-13905981234', '13905981234'],
    ['(+86)139 0598 1234', '13905981234'],
    ['8613905981234', '13905981234'],
    ['１３９０５９８１２３４', '13905981234'],
    ['0591-12345678', '0591-12345678'],
    ['0591 12345678', '0591-12345678'],
    ['(0591)12345678', '0591-12345678'],
    ['（0591）12345678', '0591-12345678'],
    ['059112345678', '0591-12345678'],
    ['0591-1234-5678', '0591-12345678'],
    ['+86 591 12345678', '0591-12345678'],
    ['+86-10-12345678', '010-12345678'],
    ['010-12345678', '010-12345678'],
    ['01012345678', '010-12345678'],
    ['021-1234567', '021-1234567'],
    ['0591-12345678转123', '0591-12345678-123'],
    ['0591-12345678 ext. 123', '0591-12345678-123'],
    ['０５９１－１２３４５６７８', '0591-12345678'],
    ['电话：13905981234', '13905981234'],
    ['Tel: 0591-12345678', '0591-12345678'],
  ])('reads %s as %s', (text, expected) => {
    expect(parsePhone(text)).toEqual({ ok: true, value: expected });
  });

  it('reads a numeric cell holding a mobile number', () => {
    expect(parsePhone(13905981234)).toEqual({ ok: true, value: '13905981234' });
  });

  it.each([
    ['12345678901', 'field.phone'],
    ['1390598123', 'field.phone'],
    ['139059812345', 'field.phone'],
    ['0591-0123456', 'field.phone'],
    ['0105-12345678', 'field.phone'],
    ['400-123-4567', 'field.phone'],
    ['13905981234转8', 'field.phone'],
    ['电话13905981234x', 'field.phone'],
    [true, 'field.phone'],
    ['13905981234/0591-12345678', 'field.phone_multiple'],
    ['13905981234 13800001111', 'field.phone_multiple'],
    ['13905981234、13800001111', 'field.phone_multiple'],
    ['', 'field.required'],
    [null, 'field.required'],
  ])('rejects %j with %s', (cell, reason) => {
    expect(parsePhone(cell)).toMatchObject({ ok: false, reason });
  });

  it('tells mobiles from landlines', () => {
    expect(phoneKind('13905981234')).toBe('mobile');
    expect(phoneKind('0591-12345678')).toBe('landline');
  });
});

describe('parsePhone properties', () => {
  it('normalises any mobile however it is spaced or prefixed, to what the API accepts', () => {
    const written = fc.constantFrom(
      (m: string) => m,
      (m: string) => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`,
      (m: string) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`,
      (m: string) => `+86 ${m}`,
      (m: string) => `0086${m}`,
    );
    fc.assert(
      fc.property(mobile, written, (number, write) => {
        const result = parsePhone(write(number));
        return result.ok && result.value === number && PHONE_PATTERN.test(result.value);
      }),
    );
  });

  it('normalises any landline with its area code, to what the API accepts', () => {
    const written = fc.constantFrom(
      (a: string, l: string) => `${a}-${l}`,
      (a: string, l: string) => `${a} ${l}`,
      (a: string, l: string) => `(${a})${l}`,
      (a: string, l: string) => `${a}${l}`,
      (a: string, l: string) => `+86 ${a.slice(1)} ${l}`,
    );
    fc.assert(
      fc.property(landline, written, ({ area, local }, write) => {
        const result = parsePhone(write(area, local));
        return result.ok && result.value === `${area}-${local}` && PHONE_PATTERN.test(result.value);
      }),
    );
  });
});
