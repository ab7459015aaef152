import { describe, expect, it } from 'vitest';
import { baseCatalogue } from '../../../functions/catalogue/catalogue.ts';
import { validateSheet } from '../../../functions/imports/validate-import.ts';
import type { Cell, SheetRows } from '../../../functions/imports/workbook.ts';

/** Issue 12, High 5: every value is read as the clerk meant it, or the row is refused saying why. */
const HEADER: Cell[] = [
  '产品规格',
  '可供数量',
  '单位',
  '现有库存',
  '日产能',
  '出厂地点',
  '配送半径（公里）',
  '供货开始日期',
  '供货截止日期',
  '单价（元）',
  '起订量',
  '联系人',
  '联系电话',
];

function row(overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const base: Record<string, Cell> = {
    产品规格: 'HRB400E Φ25',
    可供数量: '1.2',
    单位: '万吨',
    现有库存: null,
    日产能: null,
    出厂地点: '福建省三明市三元区',
    '配送半径（公里）': 300,
    供货开始日期: '2027-03-15',
    供货截止日期: '2027-05-15',
    '单价（元）': 3950,
    起订量: null,
    联系人: '示例联系人',
    联系电话: '13800000000',
  };
  const merged = { ...base, ...overrides };
  return HEADER.map((h) => merged[String(h)] ?? null);
}

const check = (rows: SheetRows) => validateSheet(baseCatalogue, rows, 'supply', false);
const codes = (result: ReturnType<typeof check>) =>
  result.errors.map((e) => `${e.row}:${e.column}:${e.code}`);

describe('import: no silent misreads', () => {
  it('applies the unit column to the quantity only, never to stock or daily capacity', () => {
    // Arrange: 1.2 万吨 to sell; stock and capacity written with their own unit
    const rows = [HEADER, row({ 现有库存: '5000吨', 日产能: '0.04万吨' })];

    // Act
    const result = check(rows);

    // Assert
    expect(result.errors).toEqual([]);
    expect(result.good[0]!.input).toMatchObject({ quantity: 12_000, stockOnHand: 5000, dailyCapacity: 400 });
  });

  it('refuses a bare stock number next to a unit column that differs from the spec unit, saying how to fix it', () => {
    // Arrange: the sheet — stock 5000 and a (hidden) daily capacity 400 beside unit 万吨
    const rows = [HEADER, row({ 现有库存: 5000, 日产能: 400 })];

    // Act
    const result = check(rows);

    // Assert: refused, not 50,000,000 t
    expect(result.good).toEqual([]);
    expect(codes(result)).toEqual(['2:现有库存:unit_column_ambiguous', '2:日产能:unit_column_ambiguous']);
    expect(result.errors[0]!.messages.zh).toContain('5000吨');
    expect(result.errors[0]!.messages.en).toContain('quantity only');
  });

  it('reads bare stock numbers in the spec unit when the unit column is the spec unit', () => {
    const result = check([HEADER, row({ 可供数量: 3000, 单位: '吨', 现有库存: 5000, 起订量: 50 })]);
    expect(result.errors).toEqual([]);
    expect(result.good[0]!.input).toMatchObject({ quantity: 3000, stockOnHand: 5000, minOrder: 50 });
  });

  it('refuses a bare year typed as a date (text, number, or an Excel date cell holding serial 2027)', () => {
    // Arrange
    const excelSerial2027 = new Date(Date.UTC(1899, 11, 30) + 2027 * 86_400_000); // 1905-07-19
    const rows = [
      HEADER,
      row({ 供货开始日期: 2027 }),
      row({ 供货开始日期: '2027年' }),
      row({ 供货开始日期: excelSerial2027 }),
    ];

    // Act
    const result = check(rows);

    // Assert
    expect(result.good).toEqual([]);
    expect(codes(result)).toEqual([
      '2:供货开始日期:date_year_only',
      '3:供货开始日期:date_year_only',
      '4:供货开始日期:date_year_only',
    ]);
    expect(result.errors[2]!.messages.zh).toContain('2027');
  });

  it('finds the header row below a merged title row and numbers rows as the sheet shows them', () => {
    // Arrange
    const title: Cell[] = ['2026年第一批重点企业可供物资清单', null, null];
    const rows = [title, [], HEADER, row(), row({ 产品规格: '不存在的产品' })];

    // Act
    const result = check(rows);

    // Assert
    expect(result.good.map((g) => g.row)).toEqual([4]);
    expect(codes(result)).toEqual(['5:产品规格:unknown_spec']);
  });

  it('says what to change: 约500吨, 3月5日, 3950元/吨, 300公里', () => {
    // Arrange
    const rows = [
      HEADER,
      row({ 可供数量: '约500吨', 单位: null }),
      row({ 供货开始日期: '3月5日' }),
      row({ '单价（元）': '3950元/吨' }),
      row({ '配送半径（公里）': '300公里' }),
    ];

    // Act
    const result = check(rows);

    // Assert
    expect(codes(result)).toEqual([
      '2:可供数量:number_approximate',
      '3:供货开始日期:date_year_missing',
      '4:单价（元）:price_per_unit',
      '5:配送半径（公里）:number_with_unit',
    ]);
    const [approx, noYear, perUnit, withUnit] = result.errors.map((e) => e.messages);
    expect(approx!.zh).toBe('须填确数：去掉“约”和单位“吨”，只填数字，如 500');
    expect(approx!.en).toContain('remove “约” and the unit “吨”');
    expect(noYear!.zh).toContain('缺少年份');
    expect(noYear!.en).toContain('the year is missing');
    expect(perUnit!.zh).toContain('如 3950');
    expect(perUnit!.en).toContain('without the unit');
    expect(withUnit!.zh).toBe('去掉单位“公里”，只填数字，如 300');
  });

  it('still reads the forms clerks type: 1.2万, 10万只 in the quantity cell, ¥3,950, 3950元', () => {
    const masks = validateSheet(
      baseCatalogue,
      [HEADER, row({ 产品规格: 'KN95口罩', 可供数量: '10万只', 单位: null, '单价（元）': '2.2元' })],
      'supply',
      false,
    );
    expect(masks.errors).toEqual([]);
    expect(masks.good[0]!.input).toMatchObject({ quantity: 100_000, unitPrice: 2.2 });
    const steel = check([HEADER, row({ 可供数量: '1.2万', 单位: '吨', '单价（元）': '¥3,950' })]);
    expect(steel.errors).toEqual([]);
    expect(steel.good[0]!.input).toMatchObject({ quantity: 12_000, unitPrice: 3950 });
  });

  it('refuses a quantity whose own unit contradicts the unit column', () => {
    const result = check([HEADER, row({ 可供数量: '500吨', 单位: '万吨' })]);
    expect(codes(result)).toEqual(['2:可供数量:unit_conflict']);
  });
});
