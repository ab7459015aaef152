import type { CatalogueAdditions, Spec } from './catalogue-types.ts';

/**
 * Ready-mixed concrete (预拌混凝土, GB/T 14902-2012), in m³, strength classes C25–C50. It must be
 * placed within about 90 minutes of mixing, so plants deliver within 30–50 km; a mixer truck costs
 * roughly 1.5 CNY per m³ per km. No substitution between classes is listed: concrete is mixed to a
 * design, and a stronger mix changes heat, shrinkage and cost in ways the designer must approve.
 */
export const CONCRETE_CLASSES = ['C25', 'C30', 'C35', 'C40', 'C45', 'C50'] as const;

const concreteSpecs: Spec[] = CONCRETE_CLASSES.map(
  (strength): Spec => ({
    id: `concrete-${strength.toLowerCase()}`,
    category: 'concrete',
    product: 'ready-mixed-concrete',
    name: { zh: `预拌混凝土 ${strength}`, en: `Ready-mixed concrete ${strength}` },
    unit: 'm3',
    standard: 'GB/T 14902-2012',
    step: 0.5,
    freightCnyPerUnitKm: 1.5,
    deliveryRadiusKm: 40,
    attributes: { strengthClass: strength },
  }),
);

export const CONCRETE: CatalogueAdditions = {
  products: [
    {
      id: 'ready-mixed-concrete',
      category: 'concrete',
      name: { zh: '预拌混凝土', en: 'Ready-mixed concrete' },
      keywords: ['混凝土', '砼', '商混', '商砼', '商品混凝土', '商品砼', '预拌混凝土', 'CONCRETE'],
      attributes: [
        { key: 'strengthClass', name: { zh: '强度等级', en: 'Strength class' }, identifies: true },
      ],
    },
  ],
  specs: concreteSpecs,
};
