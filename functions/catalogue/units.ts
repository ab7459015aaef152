import type { Unit } from './catalogue-types.ts';

/**
 * Units of measure. Dimensions and their base units: mass (kg), piece (只), item (件), volume (L),
 * machine (台), person (人). Conversions happen only within one dimension.
 */
export const BASE_UNITS: readonly Unit[] = [
  {
    id: 't',
    name: { zh: '吨', en: 'tonne' },
    symbol: { zh: '吨', en: 't' },
    dimension: 'mass',
    factor: '1000',
    aliases: ['t', '吨', '噸', '公吨', 'ton', 'tons', 'tonne', 'tonnes'],
  },
  {
    id: 'wan-t',
    name: { zh: '万吨', en: 'ten thousand tonnes' },
    symbol: { zh: '万吨', en: '10 kt' },
    dimension: 'mass',
    factor: '10000000',
    aliases: ['万吨', '萬噸', '10kt'],
  },
  {
    id: 'kg',
    name: { zh: '千克', en: 'kilogram' },
    symbol: { zh: '千克', en: 'kg' },
    dimension: 'mass',
    factor: '1',
    aliases: ['kg', 'kgs', '千克', '公斤', 'kilogram', 'kilograms', 'kilo', 'kilos'],
  },
  {
    id: 'jin',
    name: { zh: '斤', en: 'jin (500 g)' },
    symbol: { zh: '斤', en: 'jin' },
    dimension: 'mass',
    factor: '0.5',
    aliases: ['斤', '市斤', 'jin'],
  },
  {
    id: 'g',
    name: { zh: '克', en: 'gram' },
    symbol: { zh: '克', en: 'g' },
    dimension: 'mass',
    factor: '0.001',
    aliases: ['g', '克', 'gram', 'grams'],
  },
  {
    id: 'piece',
    name: { zh: '只', en: 'piece' },
    symbol: { zh: '只', en: 'pcs' },
    dimension: 'piece',
    factor: '1',
    aliases: ['只', '个', '片', '枚', 'pc', 'pcs', 'piece', 'pieces'],
  },
  {
    id: 'wan-piece',
    name: { zh: '万只', en: 'ten thousand pieces' },
    symbol: { zh: '万只', en: '10k pcs' },
    dimension: 'piece',
    factor: '10000',
    aliases: ['万只', '万个', '万片', '万枚', '10kpcs'],
  },
  {
    id: 'item',
    name: { zh: '件', en: 'item' },
    symbol: { zh: '件', en: 'items' },
    dimension: 'item',
    factor: '1',
    aliases: ['件', '套', 'item', 'items', 'suit', 'suits'],
  },
  {
    id: 'wan-item',
    name: { zh: '万件', en: 'ten thousand items' },
    symbol: { zh: '万件', en: '10k items' },
    dimension: 'item',
    factor: '10000',
    aliases: ['万件', '万套'],
  },
  {
    id: 'm3',
    name: { zh: '立方米', en: 'cubic metre' },
    symbol: { zh: '立方米', en: 'm³' },
    dimension: 'volume',
    factor: '1000',
    aliases: [
      'm3',
      'm³',
      '立方米',
      '立方',
      '方',
      '立米',
      'cbm',
      'cubicmetre',
      'cubicmeter',
      'cubicmetres',
      'cubicmeters',
    ],
  },
  {
    id: 'L',
    name: { zh: '升', en: 'litre' },
    symbol: { zh: '升', en: 'L' },
    dimension: 'volume',
    factor: '1',
    aliases: ['l', '升', '公升', 'litre', 'liter', 'litres', 'liters'],
  },
  {
    id: 'mL',
    name: { zh: '毫升', en: 'millilitre' },
    symbol: { zh: '毫升', en: 'mL' },
    dimension: 'volume',
    factor: '0.001',
    aliases: ['ml', '毫升', 'millilitre', 'milliliter', 'millilitres', 'milliliters'],
  },
  {
    id: 'machine',
    name: { zh: '台', en: 'unit' },
    symbol: { zh: '台', en: 'units' },
    dimension: 'machine',
    factor: '1',
    aliases: ['台', '辆', '部', 'unit', 'units', 'machine', 'machines'],
  },
  {
    id: 'person',
    name: { zh: '人', en: 'person' },
    symbol: { zh: '人', en: 'people' },
    dimension: 'person',
    factor: '1',
    aliases: ['人', '名', '位', 'person', 'persons', 'people', 'worker', 'workers'],
  },
];

/** How unit text is compared: full-width folded, no spaces, lower case (`Ｍ³` → `m3`). */
export function normaliseUnitText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}
