import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';
import { parseQuantity } from '../../../functions/shared/parse/parse-quantity.ts';

describe('parseQuantity: number and unit in one cell', () => {
  it.each([
    ['500吨', 500, 't'],
    ['500 t', 500, 't'],
    ['500T', 500, 't'],
    ['10万只', 10, 'wan-piece'],
    ['1.2万吨', 1.2, 'wan-t'],
    ['3,000 kg', 3000, 'kg'],
    ['１２００ 千克', 1200, 'kg'],
    ['20方', 20, 'm3'],
    ['20立方米', 20, 'm3'],
    ['20 m³', 20, 'm3'],
    ['两千件', 2000, 'item'],
    ['5台', 5, 'machine'],
    ['200L', 200, 'L'],
  ])('reads %s as %d %s', (text, value, unit) => {
    expect(parseQuantity(text)).toEqual({ ok: true, value: { value, unit } });
  });

  it('leaves the unit undefined for a bare number', () => {
    expect(parseQuantity('500')).toEqual({ ok: true, value: { value: 500, unit: undefined } });
    expect(parseQuantity(500)).toEqual({ ok: true, value: { value: 500, unit: undefined } });
  });

  it('converts into the requested unit, exactly', () => {
    expect(parseQuantity('10万只', { unit: 'piece' })).toEqual({
      ok: true,
      value: { value: 100_000, unit: 'piece' },
    });
    expect(parseQuantity('1.2万吨', { unit: 't' })).toEqual({
      ok: true,
      value: { value: 12_000, unit: 't' },
    });
    expect(parseQuantity('1,234 kg', { unit: 't' })).toEqual({
      ok: true,
      value: { value: 1.234, unit: 't' },
    });
    expect(parseQuantity('1.5亿只', { unit: '万只' })).toEqual({
      ok: true,
      value: { value: 15_000, unit: 'wan-piece' },
    });
  });

  it('takes a bare number to be in the requested unit', () => {
    expect(parseQuantity('500', { unit: 't' })).toEqual({ ok: true, value: { value: 500, unit: 't' } });
  });

  it('checks whole numbers and bounds after converting', () => {
    expect(parseQuantity('1.5万只', { unit: 'piece', integer: true })).toEqual({
      ok: true,
      value: { value: 15_000, unit: 'piece' },
    });
    expect(parseQuantity('2万吨', { unit: 't', max: 10_000 })).toMatchObject({
      ok: false,
      reason: 'field.too_big',
    });
  });

  it.each([
    ['500吨', 'piece', 'field.unit_mismatch'],
    ['20方', 't', 'field.unit_mismatch'],
  ])('refuses %s in %s as %s', (text, unit, reason) => {
    expect(parseQuantity(text, { unit })).toMatchObject({ ok: false, reason });
  });

  it.each([
    ['500箱', 'field.unknown_unit'],
    ['abc吨', 'field.number_invalid'],
    ['吨', 'field.number_invalid'],
    ['-5吨', 'field.number_negative'],
    ['', 'field.required'],
    [null, 'field.required'],
  ])('rejects %j with %s', (cell, reason) => {
    expect(parseQuantity(cell)).toMatchObject({ ok: false, reason });
  });

  it('names the unit it did not recognise', () => {
    expect(parseQuantity('500箱')).toEqual({
      ok: false,
      reason: 'field.unknown_unit',
      params: { unit: '箱' },
    });
  });

  it('refuses an unknown target unit as a programming error', () => {
    expect(() => parseQuantity('5吨', { unit: 'furlong' })).toThrow(RangeError);
  });

  it('reads back any amount printed with any alias of its unit', () => {
    const unitAlias = fc.constantFrom(
      ...catalogue.units.flatMap((u) => u.aliases.map((alias) => [u.id, alias] as const)),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), unitAlias, fc.boolean(), (n, [id, alias], spaced) => {
        const result = parseQuantity(`${n.toLocaleString('en-US')}${spaced ? ' ' : ''}${alias}`);
        if (!result.ok) return false;
        // 10万只 may be read as 10 万只 or as 10万 只: the same amount either way.
        return catalogue.convertQuantity(result.value.value, result.value.unit!, id) === n;
      }),
      { numRuns: 2000 },
    );
  });
});
