import type { CatalogueAdditions, Spec, SubstitutionRule } from './catalogue-types.ts';

/**
 * Common cements (通用硅酸盐水泥, GB 175; current edition GB 175-2023), in tonnes, bagged or bulk.
 * Road freight about 0.4 CNY per tonne-km; cement is sold within roughly 250 km of the plant.
 *
 * Substitution is derived, not listed by hand: a cement fills a demand for another of the SAME type
 * when each of its guaranteed strength minima (3-day and 28-day, compressive and flexural) is at least
 * the demanded one's. With the minima below that means: a higher class fills a lower one, and an
 * early-strength (R) cement fills the plain one of its class (P.O 52.5 → P.O 42.5, P.O 42.5R → P.O 42.5,
 * P.O 52.5 → P.O 42.5R) — never the other way, and never across types (a P.C does not fill a P.O: the
 * admixtures differ and mix designs depend on them).
 */

export interface CementType {
  readonly code: string;
  readonly slug: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly family: 'portland' | 'blended';
  readonly classes: readonly string[];
  readonly aliases: readonly string[];
}

export const CEMENT_TYPES: readonly CementType[] = [
  {
    code: 'P.O',
    slug: 'po',
    name: { zh: '普通硅酸盐水泥', en: 'Ordinary Portland cement' },
    family: 'portland',
    classes: ['42.5', '42.5R', '52.5', '52.5R'],
    aliases: ['PO', 'P.O.', '普通硅酸盐水泥', '普通硅酸盐', '普硅水泥', '普硅', '普通水泥'],
  },
  {
    code: 'P.II',
    slug: 'pii',
    name: { zh: '硅酸盐水泥（Ⅱ型）', en: 'Portland cement, type II' },
    family: 'portland',
    classes: ['42.5', '42.5R', '52.5', '52.5R', '62.5'],
    aliases: ['PII', 'Ⅱ型硅酸盐水泥', '硅酸盐水泥', '纯硅酸盐水泥'],
  },
  {
    code: 'P.S.A',
    slug: 'psa',
    name: { zh: '矿渣硅酸盐水泥（A型）', en: 'Portland blast-furnace-slag cement, type A' },
    family: 'blended',
    classes: ['32.5', '32.5R', '42.5', '42.5R'],
    aliases: ['PSA', 'P.SA', 'PS.A', '矿渣硅酸盐水泥', '矿渣硅酸盐', '矿渣水泥'],
  },
  {
    code: 'P.C',
    slug: 'pc',
    name: { zh: '复合硅酸盐水泥', en: 'Composite Portland cement' },
    family: 'blended',
    classes: ['32.5R', '42.5', '42.5R', '52.5'],
    aliases: ['PC', '复合硅酸盐水泥', '复合硅酸盐', '复合水泥'],
  },
];

/** Guaranteed minima, MPa: [3 d compressive, 28 d compressive, 3 d flexural, 28 d flexural] (GB 175-2007 表 3). */
export const CEMENT_MINIMA: Readonly<
  Record<CementType['family'], Readonly<Record<string, readonly number[]>>>
> = {
  portland: {
    '42.5': [17.0, 42.5, 3.5, 6.5],
    '42.5R': [22.0, 42.5, 4.0, 6.5],
    '52.5': [23.0, 52.5, 4.0, 7.0],
    '52.5R': [27.0, 52.5, 5.0, 7.0],
    '62.5': [28.0, 62.5, 5.0, 8.0],
    '62.5R': [32.0, 62.5, 5.5, 8.0],
  },
  blended: {
    '32.5': [10.0, 32.5, 2.5, 5.5],
    '32.5R': [15.0, 32.5, 3.5, 5.5],
    '42.5': [15.0, 42.5, 3.5, 6.5],
    '42.5R': [19.0, 42.5, 4.0, 6.5],
    '52.5': [21.0, 52.5, 4.0, 7.0],
    '52.5R': [23.0, 52.5, 4.5, 7.0],
  },
};

const cementId = (type: CementType, strength: string) => `cement-${type.slug}-${strength.toLowerCase()}`;

const cementSpecs: Spec[] = CEMENT_TYPES.flatMap((type) =>
  type.classes.map(
    (strength): Spec => ({
      id: cementId(type, strength),
      category: 'cement',
      product: 'cement',
      name: {
        zh: `${type.name.zh} ${type.code} ${strength}`,
        en: `${type.name.en} ${type.code} ${strength}`,
      },
      unit: 't',
      standard: 'GB 175',
      step: 1,
      freightCnyPerUnitKm: 0.4,
      deliveryRadiusKm: 250,
      attributes: { type: type.code, strengthClass: strength },
      aliases: [`${type.code}${strength}`, `${type.code} ${strength}`],
    }),
  ),
);

function meetsMinima(supply: readonly number[], demand: readonly number[]): boolean {
  return supply.every((value, i) => value >= (demand[i] ?? Number.POSITIVE_INFINITY));
}

const cementSubstitutions: SubstitutionRule[] = CEMENT_TYPES.flatMap((type) => {
  const minima = CEMENT_MINIMA[type.family];
  return type.classes.flatMap((supply) =>
    type.classes
      .filter((demand) => demand !== supply && meetsMinima(minima[supply]!, minima[demand]!))
      .map(
        (demand): SubstitutionRule => ({
          supply: cementId(type, supply),
          demand: cementId(type, demand),
          basis: {
            zh: `同品种 ${type.code}：${supply} 的 3 天、28 天抗压和抗折强度最低值均不低于 ${demand}（GB 175）。`,
            en: `Same type ${type.code}: every 3-day and 28-day compressive and flexural minimum of ${supply} is at least that of ${demand} (GB 175).`,
          },
        }),
      ),
  );
});

const strengthAliases = Object.fromEntries(
  [...new Set(CEMENT_TYPES.flatMap((t) => t.classes))]
    .filter((c) => c.endsWith('R'))
    .map((c) => [c, [`${c.slice(0, -1)}早强`, `${c.slice(0, -1)}早强型`]]),
);

export const CEMENT: CatalogueAdditions = {
  products: [
    {
      id: 'cement',
      category: 'cement',
      name: { zh: '通用硅酸盐水泥', en: 'Common cement' },
      keywords: ['水泥', '散装水泥', '袋装水泥', 'CEMENT'],
      attributes: [
        {
          key: 'type',
          name: { zh: '品种代号', en: 'Type' },
          identifies: true,
          aliases: Object.fromEntries(CEMENT_TYPES.map((t) => [t.code, t.aliases])),
        },
        { key: 'strengthClass', name: { zh: '强度等级', en: 'Strength class' }, aliases: strengthAliases },
      ],
    },
  ],
  specs: cementSpecs,
  substitutions: cementSubstitutions,
};
