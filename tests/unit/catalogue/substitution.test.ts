import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';

describe('canSubstitute', () => {
  it.each([
    ['cement-po-52.5', 'cement-po-42.5'],
    ['cement-po-42.5r', 'cement-po-42.5'],
    ['cement-po-52.5', 'cement-po-42.5r'],
    ['cement-po-52.5r', 'cement-po-52.5'],
    ['cement-pc-42.5', 'cement-pc-32.5r'],
    ['cement-pii-62.5', 'cement-pii-52.5r'],
    ['rebar-hrb500e-25', 'rebar-hrb400e-25'],
    ['rebar-hrb500e-25', 'rebar-hrb400-25'],
    ['rebar-hrb400e-16', 'rebar-hrb400-16'],
    ['mask-medical-protective-gb19083', 'mask-kn95-gb2626'],
    ['mask-surgical-yy0469', 'mask-disposable-medical-yy0969'],
    ['meltblown-bfe99', 'meltblown-bfe95'],
    ['cement-po-42.5', 'cement-po-42.5'],
  ])('lets %s fill demand for %s', (supply, demand) => {
    expect(catalogue.canSubstitute(supply, demand)).toBe(true);
  });

  it.each([
    ['cement-po-42.5', 'cement-po-52.5'],
    ['cement-po-42.5', 'cement-po-42.5r'],
    ['cement-pc-52.5', 'cement-po-42.5'],
    ['cement-po-52.5', 'cement-pc-42.5'],
    ['cement-pii-52.5', 'cement-po-42.5'],
    ['rebar-hrb400e-25', 'rebar-hrb500e-25'],
    ['rebar-hrb400-25', 'rebar-hrb400e-25'],
    ['rebar-hrb500e-25', 'rebar-hrb400e-22'],
    ['mask-kn95-gb2626', 'mask-medical-protective-gb19083'],
    ['mask-medical-protective-gb19083', 'mask-surgical-yy0469'],
    ['mask-kn95-gb2626', 'mask-surgical-yy0469'],
    ['mask-kn95-gb2626', 'mask-disposable-medical-yy0969'],
    ['mask-disposable-medical-yy0969', 'mask-surgical-yy0469'],
    ['concrete-c35', 'concrete-c30'],
    ['asphalt-70', 'asphalt-90'],
    ['no-such-spec', 'no-such-spec'],
  ])('does not let %s fill demand for %s', (supply, demand) => {
    expect(catalogue.canSubstitute(supply, demand)).toBe(false);
  });

  it('lists what may fill a demand, with the reason in both languages', () => {
    expect(
      catalogue
        .substitutesFor('cement-po-42.5')
        .map((s) => s.id)
        .sort(),
    ).toEqual(['cement-po-42.5r', 'cement-po-52.5', 'cement-po-52.5r']);
    expect(catalogue.substitutesFor('mask-kn95-gb2626').map((s) => s.id)).toEqual([
      'mask-medical-protective-gb19083',
    ]);
    expect(catalogue.substitutesFor('mask-surgical-yy0469')).toEqual([]);
    const rule = catalogue.substitutionRule('cement-po-52.5', 'cement-po-42.5');
    expect(rule?.basis.zh).toContain('GB 175');
    expect(rule?.basis.en).toContain('GB 175');
  });
});

describe('substitution rules', () => {
  const rules = catalogue.substitutions;

  it('never go both ways and never join different units or categories', () => {
    for (const rule of rules) {
      const supply = catalogue.getSpec(rule.supply)!;
      const demand = catalogue.getSpec(rule.demand)!;
      expect(catalogue.canSubstitute(rule.demand, rule.supply), `${rule.demand} → ${rule.supply}`).toBe(
        false,
      );
      expect(supply.unit).toBe(demand.unit);
      expect(supply.category).toBe(demand.category);
    }
  });

  it('are transitive: what fills a substitute fills the original', () => {
    const missing = rules.flatMap((first) =>
      rules
        .filter((second) => second.supply === first.demand)
        .filter((second) => !catalogue.canSubstitute(first.supply, second.demand))
        .map((second) => `${first.supply} → ${second.demand}`),
    );
    expect(missing).toEqual([]);
  });

  it('only join specs of the same cement type or the same rebar diameter', () => {
    for (const rule of rules) {
      const supply = catalogue.getSpec(rule.supply)!;
      const demand = catalogue.getSpec(rule.demand)!;
      if (supply.product === 'cement') expect(supply.attributes.type).toBe(demand.attributes.type);
      if (supply.product === 'rebar') expect(supply.attributes.diameterMm).toBe(demand.attributes.diameterMm);
    }
  });
});
