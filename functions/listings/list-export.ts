import type { Catalogue } from '../catalogue/catalogue.ts';
import { skillName, specName } from '../imports/cell-parsers.ts';
import type { Cell, SheetRows } from '../imports/workbook.ts';
import { fullName } from '../regions/regions.ts';
import type { SummaryRow } from './list-summary.ts';
import type { ListingView } from './listing.ts';

/**
 * A list view as a spreadsheet: the columns a department's 供应清单 / 需求清单 has, in Chinese
 * (or English). Hidden prices and contacts stay hidden in the file too.
 */
type Lang = 'zh' | 'en';
type Accessor = [zh: string, en: string, get: (l: ListingView, lang: Lang) => Cell];

const STATUS: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '有效', en: 'Open' },
  closed: { zh: '已关闭', en: 'Closed' },
};

const common = (lang: Lang): Accessor[] => [
  ['编号', 'ID', (l) => l.id],
  ['企业', 'Organisation', (l) => l.orgName],
  ['地点', 'Place', (l) => fullName(l.adcode, lang) ?? l.adcode],
  ['状态', 'Status', (l) => STATUS[l.status]?.[lang] ?? l.status],
];
const contact: Accessor[] = [
  ['联系人', 'Contact', (l) => l.contact?.name ?? null],
  ['联系电话', 'Phone', (l) => l.contact?.phone ?? null],
];
const pick = <K extends string>(l: ListingView, key: K): Cell =>
  (l as unknown as Record<K, Cell>)[key] ?? null;
const yes = (lang: Lang) => (v: unknown) =>
  v ? (lang === 'zh' ? '是' : 'yes') : lang === 'zh' ? '否' : 'no';

function columns(catalogue: Catalogue, kind: ListingView['kind'], lang: Lang): Accessor[] {
  const y = yes(lang);
  switch (kind) {
    case 'supply':
      return [
        ...common(lang),
        ['产品规格', 'Spec', (l) => specName(catalogue, pick(l, 'specId') as string, lang)],
        ['可供数量', 'Quantity', (l) => pick(l, 'quantity')],
        ['剩余数量', 'Remaining', (l) => pick(l, 'remaining')],
        ['单位', 'Unit', (l) => pick(l, 'unit')],
        ['配送半径（公里）', 'Delivery radius (km)', (l) => pick(l, 'deliveryRadiusKm')],
        ['供货开始日期', 'Available from', (l) => pick(l, 'availableFrom')],
        ['供货截止日期', 'Available until', (l) => pick(l, 'availableUntil')],
        ['单价（元）', 'Unit price (CNY)', (l) => pick(l, 'unitPrice')],
        ...contact,
      ];
    case 'demand':
      return [
        ...common(lang),
        ['项目名称', 'Project', (l) => pick(l, 'projectName')],
        ['省重点项目', 'Key project', (l) => y(pick(l, 'keyProject'))],
        ['产品规格', 'Spec', (l) => specName(catalogue, pick(l, 'specId') as string, lang)],
        ['需求数量', 'Quantity', (l) => pick(l, 'quantity')],
        ['剩余数量', 'Remaining', (l) => pick(l, 'remaining')],
        ['单位', 'Unit', (l) => pick(l, 'unit')],
        ['最早交付日期', 'Deliver from', (l) => pick(l, 'deliverFrom')],
        ['最迟交付日期', 'Needed by', (l) => pick(l, 'neededBy')],
        ['最高限价（元）', 'Ceiling price (CNY)', (l) => pick(l, 'ceilingPrice')],
        ['接受替代规格', 'Accepts substitutes', (l) => y(pick(l, 'acceptsSubstitutes'))],
        ...contact,
      ];
    case 'labour_offer':
    case 'labour_request':
      return [
        ...common(lang),
        ['工种', 'Skill', (l) => skillName(catalogue, pick(l, 'skillId') as string, lang)],
        ['人数', 'Headcount', (l) => pick(l, 'headcount')],
        ['剩余人数', 'Remaining', (l) => pick(l, 'remaining')],
        ['开始日期', 'From', (l) => pick(l, 'from')],
        ['结束日期', 'Until', (l) => pick(l, 'until')],
        ['日薪（元）', 'Daily wage (CNY)', (l) => pick(l, 'dailyWage')],
        ...contact,
      ];
  }
}

export function listingRows(
  catalogue: Catalogue,
  kind: ListingView['kind'],
  listings: readonly ListingView[],
  lang: Lang,
): SheetRows {
  const cols = columns(catalogue, kind, lang);
  return [
    cols.map(([zh, en]) => (lang === 'zh' ? zh : en)),
    ...listings.map((l) => cols.map(([, , get]) => get(l, lang))),
  ];
}

export function summaryRows(catalogue: Catalogue, rows: readonly SummaryRow[], lang: Lang): SheetRows {
  const header =
    lang === 'zh'
      ? ['城市', '产品规格', '单位', '供应', '需求', '缺口（需求−供应）', '供应条数', '需求条数']
      : [
          'City',
          'Spec',
          'Unit',
          'Supply',
          'Demand',
          'Gap (demand − supply)',
          'Supply listings',
          'Demand listings',
        ];
  return [
    header,
    ...rows.map((r) => [
      fullName(r.cityAdcode, lang) ?? r.cityAdcode,
      specName(catalogue, r.specId, lang),
      r.unit,
      r.supply,
      r.demand,
      r.gap,
      r.supplyListings,
      r.demandListings,
    ]),
  ];
}
