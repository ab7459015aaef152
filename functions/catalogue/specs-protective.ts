import type { CatalogueAdditions, LocalText, Spec } from './catalogue-types.ts';

/**
 * Protective supplies. Light and valuable, shipped nationwide: freight per piece is tiny (a 9.6 m truck
 * carries about two million masks for ~8,000 CNY per 1,000 km, i.e. ~4×10⁻⁶ CNY per mask-km).
 * Steps follow the usual packing (boxes of 50 masks, 10 respirators).
 *
 * Substitution is deliberately conservative, one direction only, and only where the supplied
 * product's standard covers every requirement of the demanded one:
 * - 医用防护口罩 (GB 19083-2010) fills KN95 (GB 2626-2019) demand for general particulate protection:
 *   its filtration (non-oily particles ≥ 95 %) and fit requirements are at least those of KN95. Not the
 *   reverse: KN95 has no synthetic-blood or microbial requirements.
 * - 医用外科口罩 (YY 0469-2011) fills 一次性使用医用口罩 (YY/T 0969-2013) demand: it meets the same
 *   bacterial filtration (≥ 95 %) and microbial limits and adds fluid resistance and PFE ≥ 30 %.
 * - Medical protective masks do NOT fill surgical-mask demand: YY 0469 tests synthetic-blood
 *   penetration at 16.0 kPa, GB 19083 at 10.7 kPa. KN95 fills no medical demand at all.
 * - Melt-blown fabric BFE99 fills BFE95 demand (same product, higher filtration efficiency).
 */

const NATIONWIDE = 2000;

function mask(id: string, product: string, zh: string, en: string, standard: string, step: number): Spec {
  return {
    id,
    category: 'protective',
    product,
    name: { zh: `${zh}（${standard}）`, en: `${en} (${standard})` },
    unit: 'piece',
    standard,
    step,
    freightCnyPerUnitKm: 0.000004,
    deliveryRadiusKm: NATIONWIDE,
    attributes: {},
  };
}

const masks: Spec[] = [
  mask('mask-surgical-yy0469', 'mask-surgical', '医用外科口罩', 'Surgical mask', 'YY 0469-2011', 50),
  mask(
    'mask-disposable-medical-yy0969',
    'mask-disposable-medical',
    '一次性使用医用口罩',
    'Single-use medical face mask',
    'YY/T 0969-2013',
    50,
  ),
  mask(
    'mask-kn95-gb2626',
    'mask-kn95',
    'KN95 颗粒物防护口罩',
    'KN95 particulate respirator',
    'GB 2626-2019',
    10,
  ),
  mask(
    'mask-medical-protective-gb19083',
    'mask-medical-protective',
    '医用防护口罩',
    'Medical protective mask',
    'GB 19083-2010',
    10,
  ),
];

const others: Spec[] = [
  {
    id: 'suit-medical-protective-gb19082',
    category: 'protective',
    product: 'protective-suit',
    name: {
      zh: '医用一次性防护服（GB 19082-2009）',
      en: 'Single-use medical protective clothing (GB 19082-2009)',
    },
    unit: 'item',
    standard: 'GB 19082-2009',
    step: 1,
    freightCnyPerUnitKm: 0.0003,
    deliveryRadiusKm: NATIONWIDE,
    attributes: {},
  },
  {
    id: 'disinfectant-chlorine-84',
    category: 'protective',
    product: 'disinfectant-chlorine',
    name: { zh: '84 消毒液（含氯消毒剂）', en: '84 disinfectant (chlorine-based)' },
    unit: 'L',
    standard: 'GB/T 36758-2018',
    step: 0.5,
    freightCnyPerUnitKm: 0.0006,
    deliveryRadiusKm: 1000,
    attributes: {},
  },
  {
    id: 'disinfectant-alcohol-75',
    category: 'protective',
    product: 'disinfectant-alcohol',
    name: { zh: '75% 乙醇消毒液（医用酒精）', en: '75 % ethanol disinfectant (medical alcohol)' },
    unit: 'L',
    standard: 'GB/T 26373-2020',
    step: 0.5,
    freightCnyPerUnitKm: 0.0012,
    deliveryRadiusKm: 800,
    attributes: {},
    note: {
      zh: '易燃液体（第 3 类危险货物），须危险品运输资质。',
      en: 'Flammable liquid (dangerous goods class 3): needs a licensed hazardous-goods carrier.',
    },
  },
  ...(['BFE95', 'BFE99'] as const).map(
    (grade): Spec => ({
      id: `meltblown-${grade.toLowerCase()}`,
      category: 'protective',
      product: 'meltblown',
      name: { zh: `熔喷非织造布 ${grade}`, en: `Melt-blown nonwoven fabric ${grade}` },
      unit: 't',
      standard: 'FZ/T 64078-2019',
      step: 0.1,
      freightCnyPerUnitKm: 0.6,
      deliveryRadiusKm: NATIONWIDE,
      attributes: { bfe: grade },
    }),
  ),
];

const MASK_WORDS = ['口罩'];

const BASIS: Record<string, LocalText> = {
  protectiveForKn95: {
    zh: 'GB 19083 医用防护口罩的过滤效率（非油性颗粒 ≥95%）和密合性要求不低于 GB 2626 KN95，可满足一般颗粒物防护需求；反之不可。',
    en: 'A GB 19083 medical protective mask filters non-oily particles at ≥ 95 % with a fit requirement at least that of GB 2626 KN95, so it serves general particulate protection; not the reverse.',
  },
  surgicalForDisposable: {
    zh: 'YY 0469 医用外科口罩满足 YY/T 0969 的细菌过滤效率（≥95%）和微生物指标，另有合成血液穿透和颗粒过滤效率要求；反之不可。',
    en: 'A YY 0469 surgical mask meets the bacterial filtration (≥ 95 %) and microbial limits of YY/T 0969 and adds fluid resistance and particle filtration; not the reverse.',
  },
  meltblown: {
    zh: '同一产品，BFE99 的细菌过滤效率高于 BFE95 的要求。',
    en: 'Same fabric; BFE99 filters better than BFE95 requires.',
  },
};

export const PROTECTIVE: CatalogueAdditions = {
  products: [
    {
      id: 'mask-surgical',
      category: 'protective',
      name: { zh: '医用外科口罩', en: 'Surgical mask' },
      keywords: [...MASK_WORDS, '医用外科口罩', '外科口罩', '医用外科', 'YY0469', 'SURGICALMASK'],
      attributes: [],
    },
    {
      id: 'mask-disposable-medical',
      category: 'protective',
      name: { zh: '一次性使用医用口罩', en: 'Single-use medical face mask' },
      keywords: [
        ...MASK_WORDS,
        '一次性使用医用口罩',
        '一次性医用口罩',
        '医用口罩',
        '普通医用口罩',
        'YY/T0969',
        'YYT0969',
        'YY0969',
      ],
      attributes: [],
    },
    {
      id: 'mask-kn95',
      category: 'protective',
      name: { zh: 'KN95 口罩', en: 'KN95 respirator' },
      keywords: [...MASK_WORDS, 'KN95', 'GB2626', '颗粒物防护口罩', 'N95'],
      attributes: [],
    },
    {
      id: 'mask-medical-protective',
      category: 'protective',
      name: { zh: '医用防护口罩', en: 'Medical protective mask' },
      keywords: [...MASK_WORDS, '医用防护口罩', '医用N95', 'GB19083', 'N95'],
      attributes: [],
    },
    {
      id: 'protective-suit',
      category: 'protective',
      name: { zh: '医用防护服', en: 'Medical protective clothing' },
      keywords: ['防护服', '医用防护服', '一次性防护服', '医用一次性防护服', 'GB19082'],
      attributes: [],
    },
    {
      id: 'disinfectant-chlorine',
      category: 'protective',
      name: { zh: '含氯消毒液', en: 'Chlorine disinfectant' },
      keywords: [
        '84消毒液',
        '84消毒水',
        '84消毒剂',
        '84',
        '含氯消毒液',
        '含氯消毒剂',
        '次氯酸钠消毒液',
        '消毒液',
        '消毒水',
      ],
      attributes: [],
    },
    {
      id: 'disinfectant-alcohol',
      category: 'protective',
      name: { zh: '乙醇消毒液', en: 'Ethanol disinfectant' },
      keywords: ['75%酒精', '75%乙醇', '75度酒精', '医用酒精', '酒精消毒液', '乙醇消毒液', '酒精', '消毒液'],
      attributes: [],
    },
    {
      id: 'meltblown',
      category: 'protective',
      name: { zh: '熔喷布', en: 'Melt-blown fabric' },
      keywords: ['熔喷布', '熔喷无纺布', '熔喷非织造布', '熔喷', 'MELTBLOWN'],
      attributes: [
        {
          key: 'bfe',
          name: { zh: '过滤等级', en: 'Filtration grade' },
          identifies: true,
          aliases: { BFE95: ['95级', 'BFE≥95'], BFE99: ['99级', 'BFE≥99'] },
        },
      ],
    },
  ],
  specs: [...masks, ...others],
  substitutions: [
    {
      supply: 'mask-medical-protective-gb19083',
      demand: 'mask-kn95-gb2626',
      basis: BASIS.protectiveForKn95!,
    },
    {
      supply: 'mask-surgical-yy0469',
      demand: 'mask-disposable-medical-yy0969',
      basis: BASIS.surgicalForDisposable!,
    },
    { supply: 'meltblown-bfe99', demand: 'meltblown-bfe95', basis: BASIS.meltblown! },
  ],
};
