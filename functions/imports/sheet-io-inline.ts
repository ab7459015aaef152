import type { Deps } from '../api/deps.ts';
import type { SheetIO } from './sheet-io.ts';
import { readSheet, writeSheet, writeWorkbook } from './workbook.ts';

/** Spreadsheets parsed and written on the calling thread (the sheets Lambda, tests). */
export const inlineSheetIO: SheetIO = { read: readSheet, write: writeSheet, writeBook: writeWorkbook };

/** The deps' sheet IO (a worker thread locally), else inline. */
export function sheetIO(deps: Deps): SheetIO {
  return deps.sheets ?? inlineSheetIO;
}
