import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { checkCsvRows } from './sheet-limits.ts';
import { prescanXlsx } from './xlsx-prescan.ts';

/**
 * Spreadsheet files in and out: .xlsx through exceljs, .csv through papaparse. A sheet is rows of
 * cells; a cell is what a clerk typed: text, a number, a date, or nothing.
 */
export type Cell = string | number | boolean | Date | null;
export type SheetRows = Cell[][];

export type SheetFormat = 'xlsx' | 'csv';

export const MAX_IMPORT_ROWS = 10_000;

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue); // formula
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * Reads the first worksheet of an .xlsx or the rows of a .csv (UTF-8, with or without BOM; GB18030 is
 * not supported). A sheet over the limits of sheet-limits.ts is refused (a ValidationError naming the
 * limit and the cell) before exceljs builds anything: an .xlsx is pre-scanned first; a .csv is parsed
 * in linear time and checked after.
 */
export async function readSheet(data: Uint8Array, format: SheetFormat): Promise<SheetRows> {
  if (format === 'csv') {
    const text = new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
    const rows = parsed.data.map((row) => row.map((cell) => (cell === '' ? null : cell)));
    checkCsvRows(rows);
    return rows;
  }
  await prescanXlsx(data);
  const workbook = new ExcelJS.Workbook();
  // Data validations and conditional formats are not read: exceljs expands a validation's range into
  // one entry per cell (a drop-down over a whole column is a million), and an import needs neither.
  await workbook.xlsx.load(data as unknown as ArrayBuffer, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst'],
  });
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRows = [];
  const columnCount = sheet.columnCount; // a getter that walks every row: read it once
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    // Only the cells the row has (getCell would create every missing one).
    const cells: Cell[] = new Array<Cell>(columnCount).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col <= columnCount) cells[col - 1] = cellValue(cell.value);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  // Drop trailing empty rows.
  while (rows.length > 0 && rows[rows.length - 1]!.every((c) => c === null || c === '')) rows.pop();
  return rows;
}

/** Text a spreadsheet program could take for a formula (or DDE): = + - @, a tab or a carriage return first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell made inert for Excel, WPS and LibreOffice: text that would start a formula gets a
 * leading apostrophe (OWASP's CSV-injection rule), so `=HYPERLINK(…)` in an organisation's name is
 * shown as text, never evaluated. Numbers, dates and other text are left as they are.
 */
export function inertCell(cell: Cell): Cell {
  return typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * Writes rows (first row = headers) as .xlsx (bold, frozen header) or .csv (UTF-8 with BOM, for
 * Excel). Every text cell goes through inertCell; in .xlsx such cells are also typed as text.
 */
export async function writeSheet(
  input: SheetRows,
  format: SheetFormat,
  options: { sheetName?: string; columnWidths?: number[] } = {},
): Promise<Uint8Array> {
  if (format === 'csv') {
    const text = Papa.unparse(
      input.map((row) =>
        row
          .map(inertCell)
          .map((cell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : (cell ?? ''))),
      ),
    );
    return new TextEncoder().encode(`\uFEFF${text}\r\n`);
  }
  return writeWorkbook([
    { name: options.sheetName ?? 'Sheet1', rows: input, columnWidths: options.columnWidths },
  ]);
}

/** One worksheet of a workbook: rows (first = headers), column widths, number formats by column. */
export interface SheetSpec {
  name: string;
  rows: SheetRows;
  columnWidths?: number[];
  /** Excel number formats by column (`'#,##0.00'`), for number cells; text cells stay text. */
  numberFormats?: (string | undefined)[];
  /** Excel number formats by row (a label–value sheet), for number cells; the column's wins. */
  rowNumberFormats?: (string | undefined)[];
}

/**
 * Writes a workbook of several sheets (.xlsx): each with a bold, frozen header row. Every text
 * cell goes through inertCell (and is typed as text when it was changed). writeSheet's .xlsx is a
 * workbook of one sheet.
 */
export async function writeWorkbook(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongxu 供需';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    spec.rows.forEach((input, r) => {
      const row = input.map(inertCell);
      const added = sheet.addRow(row);
      row.forEach((cell, c) => {
        if (cell !== input[c]) added.getCell(c + 1).numFmt = '@';
        else if (r > 0 && typeof cell === 'number') {
          const format = spec.numberFormats?.[c] ?? spec.rowNumberFormats?.[r];
          if (format) added.getCell(c + 1).numFmt = format;
        }
      });
    });
    sheet.getRow(1).font = { bold: true };
    const widths =
      spec.columnWidths ??
      spec.rows[0]?.map((h) => Math.max(10, String(inertCell(h) ?? '').length * 2 + 2)) ??
      [];
    widths.forEach((width, i) => {
      sheet.getColumn(i + 1).width = width;
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export const CONTENT_TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};
