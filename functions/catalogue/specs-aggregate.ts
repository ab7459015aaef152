import type { CatalogueAdditions, Spec } from './catalogue-types.ts';

/**
 * Aggregates for concrete, in tonnes: sand (建设用砂, GB/T 14684-2022) and crushed stone (建设用卵石、
 * 碎石, GB/T 14685-2022). Heavy and cheap, so hauled short: about 0.45 CNY per tonne-km within ~80 km.
 * Quarries that sell by the m³ convert at the bulk density they state; the catalogue keeps tonnes.
 */
const BASE = {
  category: 'aggregate',
  unit: 't',
  step: 1,
  freightCnyPerUnitKm: 0.45,
  deliveryRadiusKm: 80,
} as const;

const sand: Spec[] = [
  {
    ...BASE,
    id: 'sand-natural-medium',
    product: 'sand',
    name: { zh: '天然砂（河砂）中砂', en: 'Natural (river) sand, medium' },
    standard: 'GB/T 14684-2022',
    attributes: { source: 'natural' },
  },
  {
    ...BASE,
    id: 'sand-manufactured-medium',
    product: 'sand',
    name: { zh: '机制砂 中砂', en: 'Manufactured sand, medium' },
    standard: 'GB/T 14684-2022',
    attributes: { source: 'manufactured' },
  },
];

export const GRAVEL_SIZES = ['5-20', '5-25', '5-31.5'] as const;

const gravel: Spec[] = GRAVEL_SIZES.map(
  (size): Spec => ({
    ...BASE,
    id: `gravel-${size}`,
    product: 'gravel',
    name: { zh: `碎石 ${size.replace('-', '–')} mm`, en: `Crushed stone ${size.replace('-', '–')} mm` },
    standard: 'GB/T 14685-2022',
    attributes: { sizeMm: size },
  }),
);

export const AGGREGATE: CatalogueAdditions = {
  products: [
    {
      id: 'sand',
      category: 'aggregate',
      name: { zh: '建设用砂', en: 'Sand' },
      keywords: ['建设用砂', '建筑用砂', '砂子', '沙子', '中砂', '中沙', 'SAND'],
      attributes: [
        {
          key: 'source',
          name: { zh: '来源', en: 'Source' },
          identifies: true,
          aliases: {
            natural: ['天然砂', '天然沙', '河砂', '河沙', '黄砂', '黄沙', '江砂'],
            manufactured: ['机制砂', '机制沙', '人工砂', '机制中砂'],
          },
        },
      ],
    },
    {
      id: 'gravel',
      category: 'aggregate',
      name: { zh: '碎石', en: 'Crushed stone' },
      keywords: ['碎石', '石子', '石料', 'GRAVEL'],
      attributes: [
        { key: 'sizeMm', name: { zh: '粒级（mm）', en: 'Size (mm)' }, forms: ['{v}', '{v}MM', '{v}毫米'] },
      ],
    },
  ],
  specs: [...sand, ...gravel],
};
