import { type FieldIssue, ValidationError } from '../shared/errors.ts';
import type { MessageKey, MessageParams } from '../shared/i18n/messages.ts';

/**
 * The most an uploaded spreadsheet may be, checked BEFORE a workbook library does any work that
 * grows with it (issue 12: a 6.5 KB .xlsx with one cell at row 2,500, column 2,500 made exceljs build
 * 6.25 million cells, 9 s and 1.7 GB). Work in exceljs grows with rows × columns, merged areas and the
 * unzipped size, so each is bounded here with room to spare over the largest real import:
 * 10,000 data rows (MAX_IMPORT_ROWS) of about 15 template columns, 6.8 M characters unzipped.
 */
export const SHEET_LIMITS = {
  /** The highest row number a cell, a row or a merge may reach: the header search and 10,000 data rows, with room. */
  rows: 10_100,
  /** The highest column (CV): the templates have at most 16 columns; clerks add some of their own. */
  columns: 100,
  /** Cells (`<c>` elements, empty formatted ones included) in one worksheet: 2 × 10,000 rows × 15 columns. */
  cells: 300_000,
  /** Cells covered by merges, all merges of a worksheet together (exceljs materialises each one). */
  mergedCells: 20_000,
  /** Characters in one cell's text, value or formula (the longest listing field is 500). */
  cellChars: 2_000,
  /** Characters of all the file's parts unzipped (a zip bomb stops here): about 5 × the largest real import. */
  unzippedChars: 32 * 1024 * 1024,
  /** Parts (zip entries) in the file. */
  parts: 1_000,
} as const;

/** Column letters of a 1-based column number (1 → A, 2500 → CRD). */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL_REF = /^\$?([A-Za-z]{1,7})\$?([0-9]{1,10})$/;

/** A cell reference (`CRD2500`, `$A$1`) as row and column numbers; undefined if it is not one. */
export function parseCellRef(ref: string): { row: number; column: number } | undefined {
  const m = CELL_REF.exec(ref);
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), column };
}

/** A range (`A1:CRD2500`, or one cell) as its bottom-right corner and its area; undefined if it is not one. */
export function parseRange(
  ref: string,
): { top: number; left: number; bottom: number; right: number; cells: number } | undefined {
  const parts = ref.split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellRef(parts[0]!);
  const b = parts.length === 2 ? parseCellRef(parts[1]!) : a;
  if (!a || !b) return undefined;
  const top = Math.min(a.row, b.row);
  const bottom = Math.max(a.row, b.row);
  const left = Math.min(a.column, b.column);
  const right = Math.max(a.column, b.column);
  return { top, left, bottom, right, cells: (bottom - top + 1) * (right - left + 1) };
}

/** The 400 a sheet over a limit gets: the file field, which limit, where, in both languages. */
export function sheetLimitError(key: MessageKey, params: MessageParams): ValidationError {
  const issue: FieldIssue = { field: 'file', key, params };
  return new ValidationError([issue]);
}

/** Refuses a cell at (row, column) beyond the row or column limit, naming the cell. */
export function checkCellPosition(sheet: string, row: number, column: number): void {
  const cell = `${column > 18_278 ? `#${column}` : columnLetters(column)}${row}`;
  if (row > SHEET_LIMITS.rows)
    throw sheetLimitError('field.sheet_rows', { sheet, found: row, cell, maximum: SHEET_LIMITS.rows });
  if (column > SHEET_LIMITS.columns)
    throw sheetLimitError('field.sheet_columns', {
      sheet,
      found: column,
      cell,
      maximum: SHEET_LIMITS.columns,
    });
}

/** Refuses a cell whose text is longer than the limit. */
export function checkCellLength(sheet: string, cell: string, length: number): void {
  if (length > SHEET_LIMITS.cellChars)
    throw sheetLimitError('field.sheet_cell_length', {
      sheet,
      cell,
      found: length,
      maximum: SHEET_LIMITS.cellChars,
    });
}

/**
 * The same bounds on the rows of a .csv after papaparse (linear in the text, so it parses first):
 * rows, columns up to the last non-empty cell of a row, and each cell's length.
 */
export function checkCsvRows(rows: readonly (readonly (string | null)[])[], sheet = 'csv'): void {
  rows.forEach((row, r) => {
    let last = 0;
    row.forEach((cell, c) => {
      if (cell === null || cell === '') return;
      last = c + 1;
      checkCellLength(sheet, `${columnLetters(c + 1)}${r + 1}`, cell.length);
    });
    if (last > 0) checkCellPosition(sheet, r + 1, last);
  });
}
