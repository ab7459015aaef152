import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnLetters, SHEET_LIMITS } from '../../../functions/imports/sheet-limits.ts';
import { readSheet } from '../../../functions/imports/workbook.ts';
import { AppError, ValidationError } from '../../../functions/shared/errors.ts';
import { translate } from '../../../functions/shared/i18n/messages.ts';
import { hostileSheets } from '../../security/hostile-sheets.ts';
import { inlineRow, rawXlsx } from '../../setup/raw-xlsx.ts';

const HEADER = [
  '产品规格',
  '可供数量',
  '单位',
  '出厂地点',
  '配送半径（公里）',
  '供货开始日期',
  '供货截止日期',
];

/** What readSheet refused with: the file field's code, or the error's code. */
async function refusal(bytes: Uint8Array, format: 'xlsx' | 'csv'): Promise<string | undefined> {
  try {
    await readSheet(bytes, format);
    return undefined;
  } catch (error) {
    if (error instanceof ValidationError) return error.fields[0]?.key.replace(/^field\./, '');
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe('sheet dimensions are bounded before exceljs loads a workbook (issue 12)', () => {
  it("refuses the issue's file, one cell at row 2,500, column 2,500, naming the limit and the cell", async () => {
    // Arrange: the declared dimension tells the truth in one file and is left out in the other.
    const cell = '<row r="2500"><c r="CRD2500"><v>1</v></c></row>';
    const declared = await rawXlsx({
      sheets: [
        {
          name: '供应',
          body: `<dimension ref="A1:CRD2500"/><sheetData>${inlineRow(1, HEADER)}${cell}</sheetData>`,
        },
      ],
    });
    const undeclared = await rawXlsx({
      sheets: [{ name: '供应', body: `<sheetData>${inlineRow(1, HEADER)}${cell}</sheetData>` }],
    });

    // Act
    const errors = await Promise.all(
      [declared, undeclared].map((file) =>
        readSheet(file, 'xlsx').then(
          () => undefined,
          (e: unknown) => e,
        ),
      ),
    );

    // Assert
    expect(declared.byteLength).toBeLessThan(6_500);
    const [first, second] = errors as ValidationError[];
    expect(first).toBeInstanceOf(ValidationError);
    expect(first!.fields).toEqual([
      {
        field: 'file',
        key: 'field.sheet_declared',
        params: {
          sheet: '供应',
          ref: 'A1:CRD2500',
          maxRows: SHEET_LIMITS.rows,
          maxColumns: SHEET_LIMITS.columns,
        },
      },
    ]);
    expect(second).toBeInstanceOf(ValidationError);
    const issue = second!.fields[0]!;
    expect(issue).toMatchObject({ field: 'file', key: 'field.sheet_columns' });
    expect(translate(issue.key, 'zh', issue.params)).toBe(
      '工作表“供应”用到第 2500 列（CRD2500），超过上限 100 列：请删除多余的列（包括只有格式的空列）',
    );
    expect(translate(issue.key, 'en', issue.params)).toBe(
      'sheet "供应" reaches column 2500 (CRD2500), beyond the limit of 100 columns: delete the extra columns (formatted empty ones too)',
    );
  });

  it('refuses every hostile shape of the class with its own reason (rows, columns, declared, cells, merges, cell length, unzipped size, parts)', async () => {
    // Arrange
    const sheets = await hostileSheets(3);

    // Act
    const got = [];
    for (const sheet of sheets) got.push(`${sheet.label} → ${await refusal(sheet.bytes, sheet.format)}`);

    // Assert
    expect(got).toEqual(sheets.map((s) => `${s.label} → ${s.refusal}`));
    expect(new Set(sheets.map((s) => s.refusal))).toEqual(
      new Set([
        'sheet_declared',
        'sheet_rows',
        'sheet_columns',
        'sheet_cells',
        'sheet_merged',
        'sheet_cell_length',
        'sheet_unzipped',
        'sheet_parts',
        'bad_file',
      ]),
    );
  });

  it('refuses one cell exactly when it is beyond a limit, wherever it is (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.integer({ min: 2, max: SHEET_LIMITS.rows + 2 }), fc.integer({ min: 2, max: 1_048_576 })),
        fc.oneof(fc.integer({ min: 1, max: SHEET_LIMITS.columns + 2 }), fc.integer({ min: 1, max: 16_384 })),
        async (row, column) => {
          const ref = `${columnLetters(column)}${row}`;
          const file = await rawXlsx({
            sheets: [
              {
                body: `<sheetData>${inlineRow(1, HEADER)}<row r="${row}"><c r="${ref}"><v>7</v></c></row></sheetData>`,
              },
            ],
          });
          const expected =
            row > SHEET_LIMITS.rows
              ? 'sheet_rows'
              : column > SHEET_LIMITS.columns
                ? 'sheet_columns'
                : undefined;
          expect(await refusal(file, 'xlsx')).toBe(expected);
        },
      ),
      { seed: 12, numRuns: 25 },
    );
  });

  it('still reads what real sheets have: the last allowed cell, whole-column drop-downs, full-width column formats, a merged title, long text in limits', async () => {
    // Arrange
    const last = `${columnLetters(SHEET_LIMITS.columns)}${SHEET_LIMITS.rows}`;
    const body = [
      '<dimension ref="A1:CV10100"/>',
      '<cols><col min="1" max="16384" width="12" customWidth="1"/></cols>',
      '<sheetData>',
      inlineRow(1, ['2020年福建省钢材供应表']),
      inlineRow(2, HEADER),
      inlineRow(3, ['HRB400E Φ25', 1200, '吨', '三明市三元区', 300, '2027-03-15', '2027-05-15']),
      `<row r="4"><c r="A4" t="s"><v>0</v></c></row>`,
      `<row r="${SHEET_LIMITS.rows}"><c r="${last}"><v>1</v></c></row>`,
      '</sheetData>',
      '<mergeCells count="1"><mergeCell ref="A1:G1"/></mergeCells>',
      '<conditionalFormatting sqref="A1:XFD1048576"><cfRule type="expression" dxfId="0" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>',
      '<dataValidations count="1"><dataValidation type="list" sqref="C1:C1048576 D1:XFD1048576"><formula1>"吨,万吨"</formula1></dataValidation></dataValidations>',
    ].join('');
    const file = await rawXlsx({
      sheets: [{ body }],
      sharedStrings: ['长'.repeat(SHEET_LIMITS.cellChars), 'x'.repeat(SHEET_LIMITS.cellChars * 3)],
    });

    // Act
    const rows = await readSheet(file, 'xlsx');

    // Assert
    expect(rows).toHaveLength(SHEET_LIMITS.rows);
    expect(rows[0]!.slice(0, 7)).toEqual(Array(7).fill('2020年福建省钢材供应表'));
    expect(rows[1]!.slice(0, 7)).toEqual(HEADER);
    expect(rows[2]![1]).toBe(1200);
    expect(rows[3]![0]).toBe('长'.repeat(SHEET_LIMITS.cellChars));
    expect(rows[SHEET_LIMITS.rows - 1]![SHEET_LIMITS.columns - 1]).toBe(1);
  });
});
