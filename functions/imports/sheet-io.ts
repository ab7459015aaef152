import type { SheetFormat, SheetRows, SheetSpec } from './workbook.ts';

/**
 * Reading and writing spreadsheet files, the CPU-heavy part of imports and exports. In AWS it runs
 * inline in the sheets Lambda (a function of its own, so it never delays another request); locally
 * `npm start` runs it on a worker thread (functions/local/sheet-worker.ts) so the one process keeps
 * answering while a file is parsed.
 */
export interface SheetIO {
  read(data: Uint8Array, format: SheetFormat): Promise<SheetRows>;
  write(
    rows: SheetRows,
    format: SheetFormat,
    options?: { sheetName?: string; columnWidths?: number[] },
  ): Promise<Uint8Array>;
  /** A workbook of several sheets (.xlsx). */
  writeBook(sheets: readonly SheetSpec[]): Promise<Uint8Array>;
}
