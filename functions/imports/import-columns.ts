import type { Catalogue } from '../catalogue/catalogue.ts';
import { textIssue } from '../contract/schema-fields.ts';
import type { ListingKind } from '../listings/listing.ts';
import type { Message, MessageKey, MessageParams } from '../shared/i18n/messages.ts';
import * as cells from './cell-parsers.ts';
import type { Cell } from './workbook.ts';

/**
 * The columns of each import template: Chinese header first (what clerks see), English accepted
 * too, and the parser that turns what was typed into the listing field.
 */
export type CellResult =
  | { ok: true; value: unknown }
  | { ok: false; key: MessageKey; params?: MessageParams };

export interface Column {
  /** The listing field it fills (dotted for nested: `contact.name`), or a pseudo-field. */
  field: string;
  header: Message;
  /** Other headers people use for it. */
  aliases?: readonly string[];
  required: boolean;
  /** Only in organizer templates (the firm a row is for). */
  organizerOnly?: boolean;
  /** Reads a cell; the catalogue in use names the specs, units, skills and certificates it knows. */
  parse: (cell: Cell, catalogue: Catalogue) => CellResult;
  /**
   * The template's example value: plainly fictitious (张三, a 138-0000-0000 number). In date columns
   * `{Y}` stands for next year, so the example never shows a window already over.
   */
  example: string;
  /** A date column (its example is filled in when the template is made). */
  dated?: true;
}

const text =
  (max: number) =>
  (cell: Cell): CellResult => {
    const value = String(cell).normalize('NFC').trim();
    // The same text hygiene as the forms and the API (an organisation's name with a line break, …).
    const issue = textIssue(value);
    if (issue) return { ok: false, key: issue };
    return value.length > max
      ? { ok: false, key: 'field.too_long', params: { maximum: max } }
      : { ok: true, value };
  };

const OWNER: Column[] = [
  {
    field: 'owner.name',
    header: { zh: '企业名称', en: 'Company name' },
    required: true,
    organizerOnly: true,
    parse: text(100),
    example: '三明某某钢铁有限公司',
  },
  {
    field: 'owner.creditCode',
    header: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    aliases: ['信用代码', 'credit code'],
    required: true,
    organizerOnly: true,
    parse: cells.creditCode,
    example: '913504001581427114',
  },
];

const CONTACT: Column[] = [
  {
    field: 'contact.name',
    header: { zh: '联系人', en: 'Contact person' },
    required: true,
    parse: text(50),
    example: '张三',
  },
  {
    field: 'contact.phone',
    header: { zh: '联系电话', en: 'Phone' },
    aliases: ['电话', '手机'],
    required: true,
    parse: cells.phone,
    example: '13800000000',
  },
  { field: 'note', header: { zh: '备注', en: 'Note' }, required: false, parse: text(1000), example: '' },
];

const place = (zh: string, en: string): Column => ({
  field: 'adcode',
  header: { zh, en },
  aliases: ['地点', '所在地', '地区', 'place', 'region'],
  required: true,
  parse: cells.place,
  example: '福建省三明市三元区',
});

const date = (field: string, zh: string, en: string, example: string): Column => ({
  field,
  header: { zh, en },
  required: true,
  parse: cells.date,
  example,
  dated: true,
});

const number = (
  field: string,
  zh: string,
  en: string,
  required: boolean,
  example: string,
  aliases?: string[],
): Column => ({
  field,
  header: { zh, en },
  required,
  parse: cells.number,
  example,
  ...(aliases ? { aliases } : {}),
});

const quantity = (
  field: string,
  zh: string,
  en: string,
  required: boolean,
  example: string,
  aliases?: string[],
): Column => ({ ...number(field, zh, en, required, example, aliases), parse: cells.quantity });

const price = (field: string, zh: string, en: string, example: string, aliases?: string[]): Column => ({
  ...number(field, zh, en, false, example, aliases),
  parse: cells.price,
});

const yesNo = (field: string, zh: string, en: string): Column => ({
  field,
  header: { zh, en },
  required: false,
  parse: cells.yesNo,
  example: '是',
});

const SPEC: Column = {
  field: 'specId',
  header: { zh: '产品规格', en: 'Product spec' },
  aliases: ['产品', '规格', '品名规格', 'spec', 'product'],
  required: true,
  parse: cells.spec,
  example: 'HRB400E Φ25',
};
const UNIT: Column = {
  field: 'unit',
  header: { zh: '单位', en: 'Unit' },
  required: false,
  parse: cells.unit,
  example: '吨',
};
const SKILL: Column = {
  field: 'skillId',
  header: { zh: '工种', en: 'Skill' },
  required: true,
  parse: cells.skill,
  example: '缝纫工',
};
const certificates = (field: string, zh: string, en: string): Column => ({
  field,
  header: { zh, en },
  required: false,
  parse: cells.certificates,
  example: '',
});

export const COLUMNS: Record<ListingKind, Column[]> = {
  supply: [
    ...OWNER,
    SPEC,
    quantity('quantity', '可供数量', 'Quantity', true, '3,000', ['数量']),
    UNIT,
    quantity('stockOnHand', '现有库存', 'Stock on hand', false, '1500', ['库存']),
    quantity('dailyCapacity', '日产能', 'Daily capacity', false, '400', ['产能']),
    place('出厂地点', 'Ex-works place'),
    number('deliveryRadiusKm', '配送半径（公里）', 'Delivery radius (km)', true, '300', ['配送半径']),
    date('availableFrom', '供货开始日期', 'Available from', '{Y}-03-15'),
    date('availableUntil', '供货截止日期', 'Available until', '{Y}/5/15'),
    price('unitPrice', '单价（元）', 'Unit price (CNY)', '3950', ['单价']),
    quantity('minOrder', '起订量', 'Minimum order', false, '50'),
    ...CONTACT,
  ],
  demand: [
    ...OWNER,
    {
      field: 'projectName',
      header: { zh: '项目名称', en: 'Project name' },
      required: true,
      parse: text(100),
      example: '福州滨海快线',
    },
    yesNo('keyProject', '省重点项目', 'Key provincial project'),
    SPEC,
    quantity('quantity', '需求数量', 'Quantity', true, '1.2万', ['数量']),
    UNIT,
    place('项目地点', 'Site'),
    date('deliverFrom', '最早交付日期', 'Deliver from', '{Y}年3月20日'),
    date('neededBy', '最迟交付日期', 'Needed by', '{Y}-04-30'),
    price('ceilingPrice', '最高限价（元）', 'Ceiling price (CNY)', '4100', ['限价']),
    yesNo('acceptsSubstitutes', '接受替代规格', 'Accepts substitutes'),
    ...CONTACT,
  ],
  labour_offer: [
    ...OWNER,
    SKILL,
    number('headcount', '可出借人数', 'Headcount', true, '80', ['人数']),
    place('所在地', 'Place'),
    date('from', '开始日期', 'From', '{Y}-03-01'),
    date('until', '结束日期', 'Until', '{Y}-04-30'),
    number('commuteRadiusKm', '通勤半径（公里）', 'Commute radius (km)', true, '50'),
    certificates('certificates', '持有证书', 'Certificates held'),
    price('dailyWage', '期望日薪（元）', 'Daily wage expected (CNY)', '240'),
    yesNo('needsHousing', '需要住宿', 'Needs housing'),
    yesNo('needsTransport', '需要交通', 'Needs transport'),
    ...CONTACT,
  ],
  labour_request: [
    ...OWNER,
    SKILL,
    number('headcount', '需求人数', 'Headcount', true, '60', ['人数']),
    place('用工地点', 'Workplace'),
    date('from', '开始日期', 'From', '{Y}-03-01'),
    date('until', '结束日期', 'Until', '{Y}-04-15'),
    price('dailyWage', '日薪（元）', 'Daily wage (CNY)', '260'),
    yesNo('housingProvided', '提供住宿', 'Housing provided'),
    yesNo('transportProvided', '提供交通', 'Transport provided'),
    certificates('certificatesRequired', '所需证书', 'Certificates required'),
    number('minOverlapDays', '最少用工天数', 'Minimum days', false, '30'),
    ...CONTACT,
  ],
};

export function columnsFor(kind: ListingKind, organizer: boolean): Column[] {
  return COLUMNS[kind].filter((c) => organizer || !c.organizerOnly);
}

const normaliseHeader = (h: string) => h.replace(/[\s（）()*＊]/g, '').toLowerCase();

/** Maps each column to its position in the header row (Chinese, English or an alias). */
export function locateColumns(header: readonly Cell[], columns: readonly Column[]): Map<Column, number> {
  const positions = new Map<Column, number>();
  const names = header.map((h) => normaliseHeader(String(h ?? '')));
  for (const column of columns) {
    const wanted = [column.header.zh, column.header.en, ...(column.aliases ?? [])].map(normaliseHeader);
    const index = names.findIndex((n) => n !== '' && wanted.includes(n));
    if (index >= 0) positions.set(column, index);
  }
  return positions;
}
