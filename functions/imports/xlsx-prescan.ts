import JSZip from 'jszip';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { BadRequestError } from '../shared/errors.ts';
import {
  checkCellLength,
  checkCellPosition,
  columnLetters,
  parseCellRef,
  parseRange,
  SHEET_LIMITS,
  sheetLimitError,
} from './sheet-limits.ts';

/**
 * A small, bounded look at an .xlsx before exceljs loads it (exceljs builds every cell, row and merged
 * cell the file names, so its work grows with the sheet's reach, not with the file's size).
 *
 * It opens the zip with the library exceljs uses (jszip: the same central directory, the same
 * entries) and streams each part through the XML parser exceljs uses (saxes: the same elements and
 * attributes), so what it checks is what exceljs would build. It stops at the first limit passed:
 * parts, characters unzipped (a zip bomb inflates at most that far), then in each worksheet the
 * declared dimension, every row, cell and merge reached, the number of cells, the merged area, and
 * the length of every cell's text (inline, formula, or a shared string it points to). A file over a
 * limit is refused with the limit and the cell named; a file that is not a workbook is `bad_file`.
 */
export async function prescanXlsx(data: Uint8Array): Promise<void> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new BadRequestError('bad_file');
  }
  const entries = Object.values(zip.files).filter((e) => !e.dir);
  if (entries.length > SHEET_LIMITS.parts)
    throw sheetLimitError('field.sheet_parts', { maximum: SHEET_LIMITS.parts });
  const budget = { left: SHEET_LIMITS.unzippedChars };
  // exceljs drops a leading slash from entry names and recognises worksheets by this very pattern.
  const nameOf = (e: JSZip.JSZipObject) => (e.name.startsWith('/') ? e.name.slice(1) : e.name);
  const isWorksheet = (name: string) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(name);

  // Small parts first: the sheets' names, then the shared strings the cells point to.
  const seen = new Set<JSZip.JSZipObject>();
  const names = await sheetNames(zip, budget, seen);
  const longShared = new Map<number, number>();
  const shared = entries.find((e) => nameOf(e) === 'xl/sharedStrings.xml');
  if (shared) {
    seen.add(shared);
    await streamXml(shared, budget, sharedStringsScanner(longShared));
  }
  for (const entry of entries) {
    const name = nameOf(entry);
    if (seen.has(entry)) continue;
    if (isWorksheet(name)) {
      const sheet = names.get(name) ?? name.replace(/^.*\//, '').replace(/\.xml$/, '');
      await streamXml(entry, budget, worksheetScanner(sheet, longShared));
    } else {
      await streamText(entry, budget, () => {});
    }
  }
}

/** The unzipped text of one part, chunk by chunk, counted against the budget; stops where it is passed. */
function streamText(
  entry: JSZip.JSZipObject,
  budget: { left: number },
  onText: (text: string) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    // jszip's internal stream (typed here: its d.ts does not list it) can be paused between chunks,
    // so a part that inflates past the budget stops inflating.
    const helper = (entry as unknown as { internalStream(type: 'uint8array'): StreamHelper }).internalStream(
      'uint8array',
    );
    const decoder = new TextDecoder('utf-8');
    let done = false;
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      helper.pause();
      reject(error instanceof Error && 'status' in error ? error : new BadRequestError('bad_file'));
    };
    const take = (text: string) => {
      budget.left -= text.length;
      if (budget.left < 0)
        throw sheetLimitError('field.sheet_unzipped', {
          maximum: Math.round(SHEET_LIMITS.unzippedChars / (1024 * 1024)),
        });
      onText(text);
    };
    helper
      .on('data', (chunk) => {
        if (done) return;
        try {
          take(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          fail(error);
        }
      })
      .on('error', (error) => fail(error))
      .on('end', () => {
        if (done) return;
        try {
          take(decoder.decode());
          done = true;
          resolve();
        } catch (error) {
          fail(error);
        }
      })
      .resume();
  });
}

interface StreamHelper {
  on(event: 'data', listener: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', listener: () => void): StreamHelper;
  on(event: 'error', listener: (error: Error) => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

interface XmlScanner {
  open(node: SaxesTagPlain, depth: number): void;
  text(text: string, element: string | undefined): void;
  close(name: string): void;
}

/** Feeds one part through saxes (as exceljs does) into a scanner; an XML error is `bad_file`, as it is for exceljs. */
async function streamXml(
  entry: JSZip.JSZipObject,
  budget: { left: number },
  scanner: XmlScanner,
): Promise<void> {
  const parser = new SaxesParser();
  const stack: string[] = [];
  let xmlError: Error | undefined;
  parser.on('error', (error) => {
    xmlError ??= error;
  });
  parser.on('opentag', (node) => {
    stack.push(node.name);
    if (stack.length > 64) throw new BadRequestError('bad_file');
    scanner.open(node as SaxesTagPlain, stack.length); // saxes emits closetag for <x/> too
  });
  parser.on('closetag', (node) => {
    stack.pop();
    scanner.close(node.name);
  });
  parser.on('text', (text) => scanner.text(text, stack[stack.length - 1]));
  await streamText(entry, budget, (text) => {
    parser.write(text);
    if (xmlError) throw new BadRequestError('bad_file');
  });
  parser.close();
  if (xmlError) throw new BadRequestError('bad_file');
}

/** Shared strings longer than a cell may be, by index (only those a cell points to are refused). */
function sharedStringsScanner(longShared: Map<number, number>): XmlScanner {
  let index = -1;
  let length = 0;
  return {
    open(node) {
      if (node.name === 'si') {
        index += 1;
        length = 0;
      }
    },
    text(text, element) {
      if (element === 't') length += text.length;
    },
    close(name) {
      if (name === 'si' && length > SHEET_LIMITS.cellChars) longShared.set(index, length);
    },
  };
}

/** Every reach of one worksheet: the declared dimension, rows, cells, merges, the cells' text. */
function worksheetScanner(sheet: string, longShared: Map<number, number>): XmlScanner {
  let row = 0;
  let column = 0;
  let cells = 0;
  let merged = 0;
  let cellRef = '';
  let cellType = '';
  let cellChars = 0;
  const bad = () => new BadRequestError('bad_file');
  return {
    open(node) {
      const a = node.attributes;
      switch (node.name) {
        case 'dimension': {
          const range = a.ref === undefined ? undefined : parseRange(a.ref);
          if (range && (range.bottom > SHEET_LIMITS.rows || range.right > SHEET_LIMITS.columns))
            throw sheetLimitError('field.sheet_declared', {
              sheet,
              ref: String(a.ref),
              maxRows: SHEET_LIMITS.rows,
              maxColumns: SHEET_LIMITS.columns,
            });
          break;
        }
        case 'row': {
          if (a.r !== undefined) {
            if (!/^[0-9]{1,10}$/.test(a.r)) throw bad();
            row = Number(a.r);
            checkCellPosition(sheet, row, 1);
          }
          column = 0;
          break;
        }
        case 'c': {
          cells += 1;
          if (cells > SHEET_LIMITS.cells)
            throw sheetLimitError('field.sheet_cells', { sheet, maximum: SHEET_LIMITS.cells });
          if (a.r !== undefined) {
            const at = parseCellRef(a.r);
            if (!at) throw bad();
            row = at.row;
            column = at.column;
          } else {
            column += 1; // exceljs: a <c> without r is the next column
          }
          checkCellPosition(sheet, row, column);
          cellRef = `${columnLetters(column)}${row}`;
          cellType = a.t ?? '';
          cellChars = 0;
          break;
        }
        case 'col': {
          // exceljs makes one column object per column in min…max: no more than a sheet can have.
          const max = Number(a.max ?? 0);
          if (!Number.isSafeInteger(max) || max > 16_384) throw bad();
          break;
        }
        case 'mergeCell': {
          const range = a.ref === undefined ? undefined : parseRange(a.ref);
          if (!range) throw bad();
          checkCellPosition(sheet, range.bottom, range.right);
          merged += range.cells;
          if (merged > SHEET_LIMITS.mergedCells)
            throw sheetLimitError('field.sheet_merged', {
              sheet,
              ref: String(a.ref),
              maximum: SHEET_LIMITS.mergedCells,
            });
          break;
        }
      }
    },
    text(text, element) {
      if (element !== 'v' && element !== 't' && element !== 'f') return;
      cellChars += text.length;
      checkCellLength(sheet, cellRef, cellChars);
      if (element === 'v' && cellType === 's') {
        const long = longShared.get(Number(text.trim()));
        if (long !== undefined) checkCellLength(sheet, cellRef, long);
      }
    },
    close() {},
  };
}

/** Worksheet part → the sheet's name as the clerk sees it (workbook.xml through its rels). */
async function sheetNames(
  zip: JSZip,
  budget: { left: number },
  seen: Set<JSZip.JSZipObject>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = zip.file('xl/workbook.xml');
  const rels = zip.file('xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return names;
  seen.add(workbook);
  seen.add(rels);
  const targets = new Map<string, string>();
  await streamXml(rels, budget, {
    open(node) {
      const { Id: id, Target: target } = node.attributes;
      if (node.name === 'Relationship' && id && target)
        targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
    },
    text() {},
    close() {},
  });
  await streamXml(workbook, budget, {
    open(node) {
      const rid = node.attributes['r:id'];
      const target = rid === undefined ? undefined : targets.get(rid);
      if (node.name === 'sheet' && node.attributes.name && target) names.set(target, node.attributes.name);
    },
    text() {},
    close() {},
  });
  return names;
}
