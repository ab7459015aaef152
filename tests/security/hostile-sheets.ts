import fc from 'fast-check';
import { columnLetters, SHEET_LIMITS } from '../../functions/imports/sheet-limits.ts';
import { inlineRow, rawXlsx } from '../setup/raw-xlsx.ts';

/**
 * Spreadsheets whose reach, not whose size, is hostile — the class of issue 12's 6.5 KB file with one
 * cell at row 2,500, column 2,500. Each comes with the refusal it must get: the `file` field's code
 * (`sheet_rows`, `sheet_columns`, …) or `bad_file`. Positions are drawn with a fixed seed from
 * everything beyond the limits up to Excel's own (1,048,576 rows, 16,384 columns).
 */
export interface HostileSheet {
  readonly label: string;
  readonly format: 'xlsx' | 'csv';
  readonly bytes: Uint8Array;
  /** The `fields[0].code` of the 400 (`validation_failed`), or the error code `bad_file`. */
  readonly refusal: string;
}

const HEADER = [
  '产品规格',
  '可供数量',
  '单位',
  '出厂地点',
  '配送半径（公里）',
  '供货开始日期',
  '供货截止日期',
];
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
const ref = (row: number, col: number) => `${columnLetters(col)}${row}`;
const head = inlineRow(1, HEADER);

type Shape = { label: string; refusal: string } & (
  | { body: string; sharedStrings?: string[]; extraEntries?: Record<string, string> }
  | { csv: string }
);

const beyondRow = fc.integer({ min: SHEET_LIMITS.rows + 1, max: MAX_ROW });
const beyondCol = fc.integer({ min: SHEET_LIMITS.columns + 1, max: MAX_COL });
const row = fc.integer({ min: 2, max: SHEET_LIMITS.rows });
const col = fc.integer({ min: 1, max: SHEET_LIMITS.columns });
const tooLong = fc.integer({ min: SHEET_LIMITS.cellChars + 1, max: SHEET_LIMITS.cellChars * 4 });

const shapes: fc.Arbitrary<Shape>[] = [
  // The dimension the file declares.
  fc
    .tuple(fc.oneof(beyondRow, row), fc.oneof(beyondCol, col))
    .filter(([r, c]) => r > SHEET_LIMITS.rows || c > SHEET_LIMITS.columns)
    .map(([r, c]) => ({
      label: `declared A1:${ref(r, c)}`,
      refusal: 'sheet_declared',
      body: `<dimension ref="A1:${ref(r, c)}"/><sheetData>${head}</sheetData>`,
    })),
  // A row element alone, far down (exceljs makes every row up to it).
  beyondRow.map((r) => ({
    label: `<row r="${r}"/>`,
    refusal: 'sheet_rows',
    body: `<sheetData>${head}<row r="${r}"/></sheetData>`,
  })),
  // A cell beyond the rows, or the columns; the declared dimension says A1 (it lies).
  fc.tuple(beyondRow, col).map(([r, c]) => ({
    label: `cell ${ref(r, c)}`,
    refusal: 'sheet_rows',
    body: `<dimension ref="A1"/><sheetData>${head}<row r="${r}"><c r="${ref(r, c)}"><v>1</v></c></row></sheetData>`,
  })),
  fc.tuple(row, beyondCol).map(([r, c]) => ({
    label: `cell ${ref(r, c)}`,
    refusal: 'sheet_columns',
    body: `<dimension ref="A1"/><sheetData>${head}<row r="${r}"><c r="${ref(r, c)}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
  })),
  // Cells without an address: each is the next column.
  fc.integer({ min: SHEET_LIMITS.columns + 1, max: SHEET_LIMITS.columns * 3 }).map((n) => ({
    label: `${n} cells without r`,
    refusal: 'sheet_columns',
    body: `<sheetData>${head}<row r="2">${'<c><v>1</v></c>'.repeat(n)}</row></sheetData>`,
  })),
  // A merge reaching beyond, or merges covering too much together.
  fc
    .tuple(fc.oneof(beyondRow, row), fc.oneof(beyondCol, col))
    .filter(([r, c]) => r > SHEET_LIMITS.rows || c > SHEET_LIMITS.columns)
    .map(([r, c]) => ({
      label: `merge A2:${ref(r, c)}`,
      refusal: r > SHEET_LIMITS.rows ? 'sheet_rows' : 'sheet_columns',
      body: `<sheetData>${head}</sheetData><mergeCells count="1"><mergeCell ref="A2:${ref(r, c)}"/></mergeCells>`,
    })),
  fc.integer({ min: 2, max: 40 }).map((n) => {
    const height = Math.ceil(SHEET_LIMITS.mergedCells / (n * SHEET_LIMITS.columns)) + 1;
    const merges = Array.from({ length: n }, (_, i) => {
      const top = 2 + i * height;
      return `<mergeCell ref="A${top}:${ref(top + height - 1, SHEET_LIMITS.columns)}"/>`;
    }).filter((_, i) => 2 + (i + 1) * height <= SHEET_LIMITS.rows);
    return {
      label: `${merges.length} merges of ${height} × ${SHEET_LIMITS.columns}`,
      refusal: 'sheet_merged',
      body: `<sheetData>${head}</sheetData><mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`,
    };
  }),
  // Text longer than a cell may hold: inline, a number, a formula, a shared string a cell points to.
  fc.tuple(tooLong, fc.constantFrom('inline', 'number', 'formula', 'shared')).map(([n, how]) => {
    const cell =
      how === 'inline'
        ? `<c r="A2" t="inlineStr"><is><t>${'钢'.repeat(n)}</t></is></c>`
        : how === 'number'
          ? `<c r="A2"><v>${'9'.repeat(n)}</v></c>`
          : how === 'formula'
            ? `<c r="A2"><f>${'A1&amp;'.repeat(Math.ceil(n / 3))}A1</f><v>1</v></c>`
            : `<c r="A2" t="s"><v>1</v></c>`;
    return {
      label: `${n} characters (${how})`,
      refusal: 'sheet_cell_length',
      body: `<sheetData>${head}<row r="2">${cell}</row></sheetData>`,
      ...(how === 'shared' ? { sharedStrings: ['短', 'x'.repeat(n)] } : {}),
    };
  }),
  // A part that unzips past the budget (a zip bomb), and too many parts.
  fc.integer({ min: 1, max: 4 }).map((extra) => ({
    label: `a part of ${SHEET_LIMITS.unzippedChars / (1024 * 1024) + extra} M characters`,
    refusal: 'sheet_unzipped',
    body: `<sheetData>${head}</sheetData>`,
    extraEntries: { 'xl/padding.xml': ' '.repeat(SHEET_LIMITS.unzippedChars + extra * 1024 * 1024) },
  })),
  fc.integer({ min: 1, max: 50 }).map((extra) => ({
    label: `${SHEET_LIMITS.parts + extra} parts`,
    refusal: 'sheet_parts',
    body: `<sheetData>${head}</sheetData>`,
    extraEntries: Object.fromEntries(
      Array.from({ length: SHEET_LIMITS.parts + extra }, (_, i) => [`xl/media/p${i}.txt`, '']),
    ),
  })),
  // Column definitions past Excel's last column (exceljs makes an object per column).
  fc.integer({ min: MAX_COL + 1, max: 2_000_000_000 }).map((max) => ({
    label: `<col max="${max}">`,
    refusal: 'bad_file',
    body: `<cols><col min="1" max="${max}" width="9"/></cols><sheetData>${head}</sheetData>`,
  })),
  // The same bounds on .csv.
  fc.integer({ min: SHEET_LIMITS.columns + 1, max: 2_000 }).map((n) => ({
    label: `csv with a value in column ${n}`,
    refusal: 'sheet_columns',
    csv: `${HEADER.join(',')}\n${'1,'.repeat(n - 1)}1\n`,
  })),
  tooLong.map((n) => ({
    label: `csv cell of ${n} characters`,
    refusal: 'sheet_cell_length',
    csv: `${HEADER.join(',')}\n${'x'.repeat(n)},1\n`,
  })),
  fc.integer({ min: 1, max: 50 }).map((extra) => ({
    label: `csv of ${SHEET_LIMITS.rows + extra} rows`,
    refusal: 'sheet_rows',
    csv: `${HEADER.join(',')}\n${'1\n'.repeat(SHEET_LIMITS.rows + extra - 1)}`,
  })),
];

/** Too many cells (the costliest to build): one file, a fixed shape. */
async function tooManyCells(): Promise<HostileSheet> {
  const perRow = 50;
  const rows = Math.ceil((SHEET_LIMITS.cells + 1) / perRow) + 1;
  const parts: string[] = [head];
  for (let r = 2; r <= rows; r++) parts.push(`<row r="${r}">${'<c><v>1</v></c>'.repeat(perRow)}</row>`);
  // Addresses in the first cell of each row only would be the same; without r exceljs numbers them.
  return {
    label: `${(rows - 1) * perRow} cells`,
    format: 'xlsx',
    refusal: 'sheet_cells',
    bytes: await rawXlsx({ sheets: [{ body: `<sheetData>${parts.join('')}</sheetData>` }] }),
  };
}

/** `perShape` hostile files of each shape (fixed seed), plus one with too many cells. */
export async function hostileSheets(perShape = 2, seed = 2_500): Promise<HostileSheet[]> {
  const out: HostileSheet[] = [];
  for (const [i, shape] of shapes.entries()) {
    for (const s of fc.sample(shape, { seed: seed + i, numRuns: perShape })) {
      if ('csv' in s) {
        out.push({
          label: s.label,
          format: 'csv',
          refusal: s.refusal,
          bytes: new TextEncoder().encode(s.csv),
        });
      } else {
        out.push({
          label: s.label,
          format: 'xlsx',
          refusal: s.refusal,
          bytes: await rawXlsx({
            sheets: [{ name: '供应', body: s.body }],
            ...(s.sharedStrings ? { sharedStrings: s.sharedStrings } : {}),
            ...(s.extraEntries ? { extraEntries: s.extraEntries } : {}),
          }),
        });
      }
    }
  }
  out.push(await tooManyCells());
  return out;
}

/** The refusal an answer carries: the file field's code of a 400 validation_failed, else the error code. */
export function refusalOf(body: {
  error?: { code?: string; fields?: { field: string; code: string }[] };
}): string | undefined {
  const field = body.error?.fields?.find((f) => f.field === 'file');
  return body.error?.code === 'validation_failed' ? field?.code : body.error?.code;
}
