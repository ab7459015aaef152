import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';

describe('units', () => {
  it.each([
    ['吨', 't'],
    ['t', 't'],
    ['T', 't'],
    ['Ｔ', 't'],
    ['公吨', 't'],
    ['万吨', 'wan-t'],
    ['公斤', 'kg'],
    ['千克', 'kg'],
    ['KG', 'kg'],
    ['斤', 'jin'],
    ['只', 'piece'],
    ['个', 'piece'],
    ['pcs', 'piece'],
    ['万只', 'wan-piece'],
    ['万个', 'wan-piece'],
    ['件', 'item'],
    ['套', 'item'],
    ['方', 'm3'],
    ['立方', 'm3'],
    ['立方米', 'm3'],
    ['m³', 'm3'],
    ['M3', 'm3'],
    ['升', 'L'],
    ['l', 'L'],
    ['毫升', 'mL'],
    ['台', 'machine'],
    ['辆', 'machine'],
    ['人', 'person'],
    [' 吨 ', 't'],
  ])('reads %s as %s', (text, id) => {
    expect(catalogue.resolveUnit(text)?.id).toBe(id);
  });

  it('does not read unknown unit text', () => {
    expect(catalogue.resolveUnit('箱')).toBeUndefined();
    expect(catalogue.resolveUnit('')).toBeUndefined();
  });

  it('names every unit in Chinese and English', () => {
    expect(catalogue.getUnit('wan-piece')).toMatchObject({ name: { zh: '万只' }, symbol: { en: '10k pcs' } });
    for (const unit of catalogue.units) {
      expect(unit.name.zh).toMatch(/\p{Script=Han}/u);
      expect(unit.name.en).toMatch(/^[a-z]/);
    }
  });

  it.each([
    [1.234, 't', 'kg', 1234],
    [10, 'wan-piece', 'piece', 100_000],
    [10, '万只', '只', 100_000],
    [1.1, 'wan-piece', 'piece', 11_000],
    [1, 'm3', 'L', 1000],
    [500, 'mL', 'L', 0.5],
    [3, 'jin', 'kg', 1.5],
    [1, 'kg', 'jin', 2],
    [2500, 'kg', 't', 2.5],
    [1.2, 'wan-t', 't', 12_000],
    [7, 't', 't', 7],
  ])('converts %d %s to %d %s exactly', (value, from, to, expected) => {
    expect(catalogue.convertQuantity(value, from, to)).toBe(expected);
  });

  it('refuses to convert across dimensions or with unknown units', () => {
    expect(catalogue.convertQuantity(1, 't', 'm3')).toBeUndefined();
    expect(catalogue.convertQuantity(1, 'piece', 'item')).toBeUndefined();
    expect(catalogue.convertQuantity(1, 'furlong', 't')).toBeUndefined();
    expect(catalogue.convertQuantity(Number.NaN, 't', 'kg')).toBeUndefined();
    expect(catalogue.canConvert('吨', 'kg')).toBe(true);
    expect(catalogue.canConvert('吨', '只')).toBe(false);
  });

  it('converts power-of-ten units exactly: any decimal amount in t is 1000× in kg and back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        fc.integer({ min: 0, max: 6 }),
        (units, decimals) => {
          const value = Number((units / 10 ** decimals).toFixed(decimals));
          const kg = catalogue.convertQuantity(value, 't', 'kg');
          return kg === Number(`${value}e3`) && catalogue.convertQuantity(kg!, 'kg', 't') === value;
        },
      ),
    );
  });

  it('round-trips between any two units of one dimension', () => {
    const pairs = catalogue.units.flatMap((a) =>
      catalogue.units.filter((b) => b.dimension === a.dimension).map((b) => [a.id, b.id] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer({ min: 0, max: 10 ** 9 }), ([a, b], n) => {
        const there = catalogue.convertQuantity(n, a, b)!;
        return catalogue.convertQuantity(there, b, a) === n;
      }),
    );
  });
});
