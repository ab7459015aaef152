import type { CatalogueAdditions, Spec } from './catalogue-types.ts';

/**
 * Construction machinery, counted in 台 (for sale or hire). Excavators and loaders travel on a
 * low-bed trailer (freight grows with the machine's weight); truck cranes drive themselves. No
 * standard is named: buyers specify machines by size class, not by a product standard.
 */
interface MachineSize {
  readonly size: number;
  readonly zh: string;
  readonly en: string;
  readonly freight: number;
}

function machines(product: string, attribute: string, sizes: readonly MachineSize[], radius: number): Spec[] {
  return sizes.map(
    ({ size, zh, en, freight }): Spec => ({
      id: `${product}-${size}t`,
      category: 'machinery',
      product,
      name: { zh, en },
      unit: 'machine',
      step: 1,
      freightCnyPerUnitKm: freight,
      deliveryRadiusKm: radius,
      attributes: { [attribute]: size },
    }),
  );
}

const TONNE_FORMS = ['{v}吨', '{v}T', '{v}吨级', '{v}T级'];

export const MACHINERY: CatalogueAdditions = {
  products: [
    {
      id: 'excavator',
      category: 'machinery',
      name: { zh: '液压挖掘机', en: 'Hydraulic excavator' },
      keywords: ['挖掘机', '液压挖掘机', '挖机', '勾机', '钩机', 'EXCAVATOR'],
      attributes: [
        {
          key: 'operatingWeightT',
          name: { zh: '整机重量级（吨）', en: 'Operating weight class (t)' },
          forms: [...TONNE_FORMS, '{v}0', '{v}0型'],
          // Size classes and the model numbers people use for them (小松 PC, 三一 SY, 徐工 XE, 卡特 CAT).
          aliases: {
            '6': ['小挖', '微挖', '小型', 'PC60', 'SY60', 'XE60'],
            '20': ['中挖', '中型', 'PC200', 'PC210', 'SY215', 'XE215', 'CAT320'],
            '36': ['大挖', '大型', 'PC360', 'SY365', 'XE370', 'CAT336'],
          },
        },
      ],
    },
    {
      id: 'loader',
      category: 'machinery',
      name: { zh: '轮式装载机', en: 'Wheel loader' },
      keywords: ['装载机', '轮式装载机', '铲车', 'LOADER'],
      attributes: [
        {
          key: 'ratedLoadT',
          name: { zh: '额定载重量（吨）', en: 'Rated load (t)' },
          forms: [...TONNE_FORMS, 'ZL{v}0', '{v}0型', '{v}0铲车'],
        },
      ],
    },
    {
      id: 'truck-crane',
      category: 'machinery',
      name: { zh: '汽车起重机', en: 'Truck crane' },
      keywords: ['汽车起重机', '汽车吊', '吊车', '起重机', 'TRUCKCRANE'],
      attributes: [
        {
          key: 'liftingCapacityT',
          name: { zh: '最大额定起重量（吨）', en: 'Maximum rated lifting capacity (t)' },
          forms: [...TONNE_FORMS, 'QY{v}', '{v}T吊', '{v}吨吊'],
        },
      ],
    },
  ],
  specs: [
    ...machines(
      'excavator',
      'operatingWeightT',
      [
        { size: 6, zh: '小型液压挖掘机（6 吨级）', en: 'Mini hydraulic excavator (6 t class)', freight: 5 },
        { size: 20, zh: '液压挖掘机（20 吨级）', en: 'Hydraulic excavator (20 t class)', freight: 12 },
        {
          size: 36,
          zh: '大型液压挖掘机（36 吨级）',
          en: 'Large hydraulic excavator (36 t class)',
          freight: 18,
        },
      ],
      500,
    ),
    ...machines(
      'loader',
      'ratedLoadT',
      [
        { size: 3, zh: '轮式装载机（3 吨，ZL30 级）', en: 'Wheel loader (3 t, ZL30 class)', freight: 7 },
        { size: 5, zh: '轮式装载机（5 吨，ZL50 级）', en: 'Wheel loader (5 t, ZL50 class)', freight: 10 },
      ],
      500,
    ),
    ...machines(
      'truck-crane',
      'liftingCapacityT',
      [
        { size: 25, zh: '汽车起重机（25 吨）', en: 'Truck crane (25 t)', freight: 6 },
        { size: 50, zh: '汽车起重机（50 吨）', en: 'Truck crane (50 t)', freight: 9 },
      ],
      300,
    ),
  ],
};
