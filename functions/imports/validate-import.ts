import type { Catalogue } from '../catalogue/catalogue.ts';
import { INPUT_SCHEMA_BY_KIND, type ListingInput } from '../listings/listing.schema.ts';
import type { ListingKind } from '../listings/listing.ts';
import { listingInputIssues } from '../listings/listing-commands.ts';
import { type FieldIssue, ValidationError } from '../shared/errors.ts';
import { bothLanguages, type MessageKey, type MessageParams } from '../shared/i18n/messages.ts';
import { parseInput } from '../shared/validation.ts';
import { convertToSpecUnit, type QuantityCell, specUnit, unitSymbol } from './cell-parsers.ts';
import { type Column, columnsFor, locateColumns } from './import-columns.ts';
import type { ImportRow, RowError } from './import-job.ts';
import { MAX_IMPORT_ROWS, type SheetRows } from './workbook.ts';

/**
 * Checks every row of an uploaded sheet: each cell parsed as clerks type it, then the whole row
 * validated with the same schema as the API. Good rows come back ready to post; every bad cell
 * comes back with its row, its column header and the reason in both languages.
 */
export interface ValidatedSheet {
  good: ImportRow[];
  errors: RowError[];
  badRows: number;
  totalRows: number;
}

const OTHER_QUANTITY_FIELDS = ['stockOnHand', 'dailyCapacity', 'minOrder'];

function convertQuantities(
  catalogue: Catalogue,
  values: Record<string, unknown>,
  rowNumber: number,
  fieldToColumn: Map<string, Column>,
  headerText: (column: Column) => string,
  rowErrors: RowError[],
): void {
  const specId = typeof values.specId === 'string' ? values.specId : undefined;
  const target = specId ? specUnit(catalogue, specId) : undefined;
  const unitColumn = typeof values.unit === 'string' ? values.unit : undefined;
  const refuse = (field: string, key: MessageKey, params?: MessageParams) =>
    rowErrors.push(rowError(rowNumber, fieldToColumn.get(field), field, key, params, headerText));
  const symbol = (unitId: string) => unitSymbol(catalogue, unitId, 'zh');
  for (const field of ['quantity', ...OTHER_QUANTITY_FIELDS]) {
    const cell = values[field] as QuantityCell | undefined;
    if (cell === undefined || typeof cell !== 'object') continue;
    let unit = cell.unit;
    if (field === 'quantity' && unitColumn !== undefined) {
      if (unit !== undefined && unit !== unitColumn) {
        refuse(field, 'field.unit_conflict', { cellUnit: symbol(unit), unit: symbol(unitColumn) });
        continue;
      }
      unit = unitColumn;
    }
    if (
      field !== 'quantity' &&
      unit === undefined &&
      unitColumn !== undefined &&
      target !== undefined &&
      unitColumn !== target
    ) {
      // A bare number here could be in the unit column's unit or in the spec's: never guess.
      refuse(field, 'field.unit_column_ambiguous', {
        unit: symbol(unitColumn),
        specUnit: symbol(target),
        example: `${cell.amount}${symbol(target)}`,
      });
      continue;
    }
    if (unit === undefined || target === undefined || unit === target) {
      values[field] = cell.amount;
      continue;
    }
    const converted = convertToSpecUnit(catalogue, cell.amount, unit, specId!);
    if (converted === undefined) {
      refuse(field === 'quantity' && cell.unit === undefined ? 'unit' : field, 'field.unit_mismatch');
      continue;
    }
    values[field] = converted;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

const isBlank = (cell: unknown) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function rowError(
  row: number,
  column: Column | undefined,
  field: string,
  key: MessageKey,
  params?: MessageParams,
  headerText?: (column: Column) => string,
): RowError {
  return {
    row,
    column: column ? (headerText?.(column) ?? column.header.zh) : '',
    field,
    code: key.replace(/^field\./, ''),
    messages: bothLanguages(key, params),
  };
}

/** How far down a header row is looked for (a title, merged or not, and notes may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

/**
 * The header row: among the first rows, the one naming the most of the template's columns (a
 * merged title row above it names none). Ties go to the upper row.
 */
export function findHeaderRow(rows: SheetRows, columns: readonly Column[]): number {
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const count = locateColumns(rows[i] ?? [], columns).size;
    if (count > bestCount) {
      best = i;
      bestCount = count;
    }
  }
  return best;
}

/**
 * THE validation of one import row: the API's listing schema and the listing rules (references,
 * quantities after conversion, minimum order within the quantity, dates in range). The check runs it
 * on every row at upload, and the commit runs it again on every stored row just before posting, so
 * a row that passed the check cannot fail at commit except when the world moved in between (the
 * catalogue changed, a date went out of range); then the row is reported and skipped, never stuck.
 */
export function checkImportRow(
  catalogue: Catalogue,
  kind: ListingKind,
  values: Record<string, unknown>,
): { input: ListingInput } | { issues: readonly FieldIssue[] } {
  try {
    const input = parseInput(INPUT_SCHEMA_BY_KIND[kind], { ...values, kind }) as ListingInput;
    const issues = listingInputIssues(catalogue, input);
    return issues.length > 0 ? { issues } : { input };
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { issues: error.fields };
  }
}

/** A row refused at commit, reported like the check reports it (row, column header, reason). */
export function commitRowErrors(
  kind: ListingKind,
  organizer: boolean,
  row: number,
  issues: readonly FieldIssue[],
): RowError[] {
  const byField = new Map(columnsFor(kind, organizer).map((c) => [c.field, c]));
  return issues.map((f) => rowError(row, byField.get(f.field), f.field, f.key, f.params));
}

export function validateSheet(
  catalogue: Catalogue,
  rows: SheetRows,
  kind: ListingKind,
  organizer: boolean,
): ValidatedSheet {
  const columns = columnsFor(kind, organizer);
  const headerIndex = findHeaderRow(rows, columns);
  const header = rows[headerIndex] ?? [];
  const positions = locateColumns(header, columns);
  const missing = columns.filter((c) => c.required && !positions.has(c));
  if (missing.length > 0) {
    throw new ValidationError(
      missing.map((c) => ({
        field: 'file',
        key: 'field.missing_column' as const,
        params: { column: c.header.zh },
      })),
    );
  }
  const dataRows = rows.slice(headerIndex + 1);
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw new ValidationError([
      { field: 'file', key: 'field.too_many_rows', params: { maximum: MAX_IMPORT_ROWS } },
    ]);
  }
  const fieldToColumn = new Map(columns.map((c) => [c.field, c]));
  // Report a column by the header the file itself has (Chinese, English or an alias).
  const headerText = (column: Column) => {
    const at = positions.get(column);
    const text = at === undefined ? '' : String(header[at] ?? '').trim();
    return text || column.header.zh;
  };
  // The template's example row, if the clerk left it in, is not data (its dates depend on the year
  // the template was made, so they are not compared).
  const exampleRow = columns.map((c) => c.example);
  const isExample = (cells: readonly unknown[]) =>
    columns.every((c, i) => {
      if (c.dated) return true;
      const at = positions.get(c);
      const cell = at === undefined ? '' : String(cells[at] ?? '').trim();
      return cell === exampleRow[i];
    });
  const good: ImportRow[] = [];
  const errors: RowError[] = [];
  let badRows = 0;
  let totalRows = 0;
  dataRows.forEach((cells, index) => {
    const rowNumber = index + headerIndex + 2;
    if (cells.every(isBlank) || isExample(cells)) return;
    totalRows += 1;
    const rowErrors: RowError[] = [];
    const values: Record<string, unknown> = { kind };
    for (const column of columns) {
      const position = positions.get(column);
      const cell = position === undefined ? null : (cells[position] ?? null);
      if (isBlank(cell)) {
        if (column.required)
          rowErrors.push(rowError(rowNumber, column, column.field, 'field.required', undefined, headerText));
        continue;
      }
      const parsed = column.parse(cell, catalogue);
      if (!parsed.ok)
        rowErrors.push(rowError(rowNumber, column, column.field, parsed.key, parsed.params, headerText));
      else setPath(values, column.field, parsed.value);
    }
    // Quantities in the spec's unit: the unit column belongs to the quantity column only; any other
    // quantity (stock, capacity, minimum order) is in the spec's unit or names its own (`0.5万吨`).
    if (rowErrors.length === 0)
      convertQuantities(catalogue, values, rowNumber, fieldToColumn, headerText, rowErrors);
    delete values.unit;
    const owner = values.owner as ImportRow['owner'];
    delete values.owner;
    let input: ListingInput | undefined;
    if (rowErrors.length === 0) {
      const checked = checkImportRow(catalogue, kind, values);
      if ('issues' in checked) {
        for (const f of checked.issues) {
          const column = fieldToColumn.get(f.field);
          rowErrors.push(rowError(rowNumber, column, f.field, f.key, f.params, headerText));
        }
      } else input = checked.input;
    }
    if (rowErrors.length > 0 || !input) {
      badRows += 1;
      errors.push(...rowErrors);
      return;
    }
    good.push({ row: rowNumber, input, ...(owner ? { owner } : {}) });
  });
  return { good, errors, badRows, totalRows };
}

/**
 * The template: headers and one example row — a fictitious person and mobile, dates next year (`now`
 * is the clock's today).
 */
export function templateRows(
  kind: ListingKind,
  organizer: boolean,
  lang: 'zh' | 'en' = 'zh',
  now: Date = new Date(),
): SheetRows {
  const columns = columnsFor(kind, organizer);
  const year = String(now.getUTCFullYear() + 1);
  return [
    columns.map((c) => (c.required ? `${c.header[lang]}*` : c.header[lang])),
    columns.map((c) => (c.dated ? c.example.replace('{Y}', year) : c.example)),
  ];
}
