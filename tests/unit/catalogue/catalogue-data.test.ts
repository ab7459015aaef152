import { describe, expect, it } from 'vitest';
import { baseCatalogue as catalogue } from '../../../functions/catalogue/catalogue.ts';

const SLUG = /^[a-z0-9][a-z0-9.\-_]{0,79}$/;

describe('catalogue data', () => {
  it('has the seven product categories with Chinese and English names', () => {
    expect(catalogue.categories.map((c) => c.id)).toEqual([
      'steel',
      'cement',
      'concrete',
      'aggregate',
      'protective',
      'machinery',
      'petrochemical',
    ]);
    for (const category of catalogue.categories) {
      expect(category.name.zh).toMatch(/\p{Script=Han}/u);
      expect(category.name.en).toMatch(/^[A-Z]/);
    }
    expect(catalogue.getCategory('steel')?.name.zh).toBe('钢材');
    expect(catalogue.getCategory('food')).toBeUndefined();
  });

  it('gives every spec a slug id, its category, names in both languages, a known unit and sane logistics', () => {
    for (const spec of catalogue.specs) {
      expect(spec.id).toMatch(SLUG);
      expect(catalogue.getCategory(spec.category)).toBeDefined();
      expect(spec.name.zh).toMatch(/\p{Script=Han}/u);
      expect(spec.name.en).not.toMatch(/\p{Script=Han}/u);
      expect(catalogue.getUnit(spec.unit)).toBeDefined();
      expect(spec.step).toBeGreaterThan(0);
      expect(spec.freightCnyPerUnitKm).toBeGreaterThan(0);
      expect(spec.deliveryRadiusKm).toBeGreaterThan(0);
    }
  });

  it('prices bulk freight at the usual 0.3–0.6 CNY per tonne-km', () => {
    const bulk = catalogue.specs.filter((s) => s.unit === 't');
    expect(bulk.length).toBeGreaterThan(30);
    for (const spec of bulk) {
      expect(spec.freightCnyPerUnitKm).toBeGreaterThanOrEqual(0.3);
      expect(spec.freightCnyPerUnitKm).toBeLessThanOrEqual(0.6);
    }
    for (const spec of [
      ...catalogue.specsOf('steel'),
      ...catalogue.specsOf('cement'),
      ...catalogue.specsOf('aggregate'),
    ]) {
      expect(spec.freightCnyPerUnitKm).toBeLessThanOrEqual(0.5);
    }
  });

  it('delivers ready-mixed concrete within 30–50 km and protective supplies nationwide', () => {
    for (const spec of catalogue.specsOf('concrete')) {
      expect(spec.unit).toBe('m3');
      expect(spec.standard).toBe('GB/T 14902-2012');
      expect(spec.deliveryRadiusKm).toBeGreaterThanOrEqual(30);
      expect(spec.deliveryRadiusKm).toBeLessThanOrEqual(50);
    }
    expect(catalogue.specsOf('protective').every((s) => s.deliveryRadiusKm >= 800)).toBe(true);
  });

  it('covers the rebar grades and diameters of GB/T 1499.2', () => {
    for (const grade of ['hrb400e', 'hrb500e']) {
      for (const d of [12, 14, 16, 18, 20, 22, 25, 28, 32]) {
        expect(catalogue.getSpec(`rebar-${grade}-${d}`)).toMatchObject({
          unit: 't',
          standard: 'GB/T 1499.2-2018',
        });
      }
    }
    expect(catalogue.getSpec('wire-rod-hpb300-6.5')?.standard).toBe('GB/T 1499.1-2017');
    expect(catalogue.getSpec('h-beam-q355b-hn300x150')?.standard).toBe('GB/T 11263-2017');
    expect(catalogue.getSpec('plate-q235b')?.unit).toBe('t');
  });

  it('covers the GB 175 cement types and strength classes people order', () => {
    for (const id of [
      'cement-po-42.5',
      'cement-po-42.5r',
      'cement-po-52.5',
      'cement-po-52.5r',
      'cement-pc-32.5r',
      'cement-pc-42.5',
      'cement-psa-42.5',
      'cement-pii-52.5',
    ]) {
      expect(catalogue.getSpec(id)).toMatchObject({ category: 'cement', unit: 't', standard: 'GB 175' });
    }
    expect(catalogue.getSpec('cement-po-42.5')?.name.zh).toBe('普通硅酸盐水泥 P.O 42.5');
  });

  it('covers the protective supplies with their standards and units', () => {
    expect(catalogue.getSpec('mask-surgical-yy0469')).toMatchObject({
      unit: 'piece',
      standard: 'YY 0469-2011',
    });
    expect(catalogue.getSpec('mask-kn95-gb2626')).toMatchObject({ unit: 'piece', standard: 'GB 2626-2019' });
    expect(catalogue.getSpec('mask-medical-protective-gb19083')).toMatchObject({
      unit: 'piece',
      standard: 'GB 19083-2010',
    });
    expect(catalogue.getSpec('mask-disposable-medical-yy0969')).toMatchObject({
      unit: 'piece',
      standard: 'YY/T 0969-2013',
    });
    expect(catalogue.getSpec('suit-medical-protective-gb19082')).toMatchObject({
      unit: 'item',
      standard: 'GB 19082-2009',
    });
    expect(catalogue.getSpec('disinfectant-chlorine-84')?.unit).toBe('L');
    expect(catalogue.getSpec('disinfectant-alcohol-75')?.unit).toBe('L');
    expect(catalogue.getSpec('meltblown-bfe99')?.unit).toBe('t');
  });

  it('counts machinery in 台 and sells asphalt by the tonne', () => {
    expect(catalogue.specsOf('machinery').every((s) => s.unit === 'machine')).toBe(true);
    expect(catalogue.getSpec('excavator-20t')).toBeDefined();
    expect(catalogue.getSpec('loader-5t')).toBeDefined();
    expect(catalogue.getSpec('truck-crane-25t')).toBeDefined();
    expect(catalogue.getSpec('asphalt-70')).toMatchObject({ unit: 't', standard: 'JTG F40-2004' });
    expect(catalogue.getSpec('asphalt-90')).toBeDefined();
  });

  it('has every id the demo data and the other modules use', () => {
    for (const id of [
      'rebar-hrb400e-25',
      'rebar-hrb400e-16',
      'rebar-hrb500e-25',
      'wire-rod-hpb300-8',
      'cement-po-42.5',
      'cement-po-52.5',
      'cement-pc-42.5',
      'mask-surgical-yy0469',
      'mask-kn95-gb2626',
    ]) {
      expect(catalogue.getSpec(id), id).toBeDefined();
    }
    expect(catalogue.getSkill('electrician')).toBeDefined();
    expect(catalogue.getSkill('sewing-operator')).toBeDefined();
    expect(catalogue.getCertificate('special-operation-electrician')).toBeDefined();
  });

  it('returns nothing for unknown ids', () => {
    expect(catalogue.getSpec('rebar-hrb400e-36')).toBeUndefined();
    expect(catalogue.getSkill('astronaut')).toBeUndefined();
    expect(catalogue.getCertificate('pilot-licence')).toBeUndefined();
    expect(catalogue.getUnit('furlong')).toBeUndefined();
    expect(catalogue.specsOf('food')).toEqual([]);
  });

  it('gives every skill and certificate a slug id and names in both languages', () => {
    for (const item of [...catalogue.skills, ...catalogue.certificates]) {
      expect(item.id).toMatch(SLUG);
      expect(item.name.zh).toMatch(/\p{Script=Han}/u);
      expect(item.name.en).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
