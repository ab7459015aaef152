import { describe, expect, it } from 'vitest';
import {
  Catalogue,
  CatalogueError,
  baseCatalogue as catalogue,
} from '../../../functions/catalogue/catalogue.ts';
import type { Spec } from '../../../functions/catalogue/catalogue-types.ts';

const rebar36 = (grade: string): Spec => ({
  id: `rebar-${grade.toLowerCase()}-36`,
  category: 'steel',
  product: 'rebar',
  name: { zh: `热轧带肋钢筋（螺纹钢）${grade} Φ36`, en: `Hot-rolled ribbed bar (rebar) ${grade} Ø36 mm` },
  unit: 't',
  standard: 'GB/T 1499.2-2018',
  step: 1,
  freightCnyPerUnitKm: 0.35,
  deliveryRadiusKm: 400,
  attributes: { grade, diameterMm: 36 },
});

describe('extending the catalogue', () => {
  it('adds specs, and the added ones resolve from free text like the base ones', () => {
    const extended = catalogue.extend({
      specs: [rebar36('HRB400E'), rebar36('HRB500E')],
      substitutions: [
        {
          supply: 'rebar-hrb500e-36',
          demand: 'rebar-hrb400e-36',
          basis: { zh: '同直径，强度更高', en: 'Same size, stronger' },
        },
      ],
    });
    expect(extended.getSpec('rebar-hrb400e-36')?.attributes.diameterMm).toBe(36);
    expect(extended.resolveSpec('HRB400E Φ36')).toMatchObject({
      ok: true,
      value: { id: 'rebar-hrb400e-36' },
    });
    expect(extended.canSubstitute('rebar-hrb500e-36', 'rebar-hrb400e-36')).toBe(true);
    expect(extended.specsOf('steel').length).toBe(catalogue.specsOf('steel').length + 2);
  });

  it('leaves the base catalogue unchanged', () => {
    catalogue.extend({ specs: [rebar36('HRB400E')] });
    expect(catalogue.getSpec('rebar-hrb400e-36')).toBeUndefined();
  });

  it('adds skills, certificates, categories and units', () => {
    const extended = catalogue.extend({
      categories: [{ id: 'textile', name: { zh: '纺织品', en: 'Textiles' } }],
      units: [
        {
          id: 'roll',
          name: { zh: '卷', en: 'roll' },
          symbol: { zh: '卷', en: 'rolls' },
          dimension: 'roll',
          factor: '1',
          aliases: ['卷', 'roll'],
        },
      ],
      certificates: [
        {
          id: 'nurse-licence',
          name: { zh: '护士执业证书', en: 'Nurse licence' },
          issuer: { zh: '卫生健康部门', en: 'Health authority' },
        },
      ],
      skills: [
        {
          id: 'nurse',
          name: { zh: '护士', en: 'Nurse' },
          sector: 'services',
          aliases: ['护理员'],
          requires: ['nurse-licence'],
        },
      ],
    });
    expect(extended.resolveSkill('护士')).toMatchObject({ ok: true, value: { id: 'nurse' } });
    expect(extended.resolveUnit('卷')?.id).toBe('roll');
    expect(extended.getCategory('textile')).toBeDefined();
  });

  it.each([
    ['a duplicate spec id', { specs: [{ ...rebar36('HRB400E'), id: 'rebar-hrb400e-25' }] }],
    ['an unknown product', { specs: [{ ...rebar36('HRB400E'), product: 'tube' }] }],
    ['an unknown unit', { specs: [{ ...rebar36('HRB400E'), unit: 'bundle' }] }],
    ['a category that is not its product’s', { specs: [{ ...rebar36('HRB400E'), category: 'cement' }] }],
    ['an id that is not a slug', { specs: [{ ...rebar36('HRB400E'), id: 'Rebar 36' }] }],
    ['an undefined attribute', { specs: [{ ...rebar36('HRB400E'), attributes: { colour: 'red' } }] }],
    ['a zero step', { specs: [{ ...rebar36('HRB400E'), step: 0 }] }],
    [
      'a substitution across units',
      {
        substitutions: [
          { supply: 'mask-kn95-gb2626', demand: 'rebar-hrb400e-25', basis: { zh: '', en: '' } },
        ],
      },
    ],
    [
      'a substitution of a spec by itself',
      { substitutions: [{ supply: 'asphalt-70', demand: 'asphalt-70', basis: { zh: '', en: '' } }] },
    ],
    [
      'a skill requiring an unknown certificate',
      {
        skills: [
          {
            id: 'pilot',
            name: { zh: '飞行员', en: 'Pilot' },
            sector: 'services' as const,
            aliases: [],
            requires: ['atpl'],
          },
        ],
      },
    ],
    [
      'a unit alias that another unit has',
      {
        units: [
          {
            id: 'tonne2',
            name: { zh: '吨', en: 'tonne' },
            symbol: { zh: '吨', en: 't' },
            dimension: 'mass',
            factor: '1000',
            aliases: ['吨'],
          },
        ],
      },
    ],
    [
      'a unit factor that is not a positive decimal',
      {
        units: [
          {
            id: 'bag',
            name: { zh: '袋', en: 'bag' },
            symbol: { zh: '袋', en: 'bags' },
            dimension: 'mass',
            factor: '0',
            aliases: ['袋'],
          },
        ],
      },
    ],
  ])('refuses %s', (_, additions) => {
    expect(() => catalogue.extend(additions)).toThrow(CatalogueError);
  });

  it('builds a catalogue from parts', () => {
    const small = Catalogue.fromParts({
      categories: [{ id: 'steel', name: { zh: '钢材', en: 'Steel' } }],
      units: catalogue.units,
    });
    expect(small.specs).toEqual([]);
    expect(small.resolveSpec('HRB400E Φ25')).toMatchObject({ ok: false, reason: 'field.unknown_spec' });
  });
});
