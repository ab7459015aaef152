import type { CatalogueAdditions, Spec } from './catalogue-types.ts';

/**
 * Road petroleum asphalt (道路石油沥青), penetration grades 70 and 90, class A (JTG F40-2004), in
 * tonnes. Shipped hot in insulated tankers: about 0.55 CNY per tonne-km within ~400 km. The grades
 * are not substitutes: which one a road needs depends on its climate zone.
 */
const asphalt: Spec[] = (['70', '90'] as const).map(
  (grade): Spec => ({
    id: `asphalt-${grade}`,
    category: 'petrochemical',
    product: 'asphalt',
    name: { zh: `道路石油沥青 ${grade} 号（A 级）`, en: `Road petroleum asphalt, grade ${grade} (class A)` },
    unit: 't',
    standard: 'JTG F40-2004',
    step: 1,
    freightCnyPerUnitKm: 0.55,
    deliveryRadiusKm: 400,
    attributes: { grade },
  }),
);

export const PETROCHEMICAL: CatalogueAdditions = {
  products: [
    {
      id: 'asphalt',
      category: 'petrochemical',
      name: { zh: '道路石油沥青', en: 'Road petroleum asphalt' },
      keywords: ['沥青', '石油沥青', '道路石油沥青', '道路沥青', 'ASPHALT', 'BITUMEN'],
      attributes: [
        {
          key: 'grade',
          name: { zh: '标号', en: 'Grade' },
          forms: ['{v}', '{v}#', '{v}号', 'A-{v}', 'A{v}', 'AH-{v}', 'AH{v}', 'A级{v}'],
        },
      ],
    },
  ],
  specs: asphalt,
};
