import type { Category } from './catalogue-types.ts';

/** The product categories of the marketplace (labour is separate: skills). */
export const BASE_CATEGORIES: readonly Category[] = [
  { id: 'steel', name: { zh: '钢材', en: 'Steel' } },
  { id: 'cement', name: { zh: '水泥', en: 'Cement' } },
  { id: 'concrete', name: { zh: '商品混凝土', en: 'Ready-mixed concrete' } },
  { id: 'aggregate', name: { zh: '砂石骨料', en: 'Aggregates' } },
  { id: 'protective', name: { zh: '防护物资', en: 'Protective supplies' } },
  { id: 'machinery', name: { zh: '工程机械', en: 'Construction machinery' } },
  { id: 'petrochemical', name: { zh: '石油化工', en: 'Petrochemicals' } },
];
