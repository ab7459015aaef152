import { INPUT_SCHEMA_BY_KIND, type ListingInput } from '../listings/listing.schema.ts';
import type { ListingKind } from '../listings/listing.ts';
import { listingInputIssues } from '../listings/listing-commands.ts';
import { ValidationError } from '../shared/errors.ts';
import { bothLanguages, type MessageKey, type MessageParams } from '../shared/i18n/messages.ts';
import { parseInput } from '../shared/validation.ts';
import { convertToSpecUnit } from './cell-parsers.ts';
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

const QUANTITY_FIELDS = ['quantity', 'stockOnHand', 'dailyCapacity', 'minOrder'];

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

export function validateSheet(rows: SheetRows, kind: ListingKind, organizer: boolean): ValidatedSheet {
  const columns = columnsFor(kind, organizer);
  const header = rows[0] ?? [];
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
  const dataRows = rows.slice(1);
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
  // The template's example row, if the clerk left it in, is not data.
  const exampleRow = columns.map((c) => c.example);
  const isExample = (cells: readonly unknown[]) =>
    columns.every((c, i) => {
      const at = positions.get(c);
      const cell = at === undefined ? '' : String(cells[at] ?? '').trim();
      return cell === exampleRow[i];
    });
  const good: ImportRow[] = [];
  const errors: RowError[] = [];
  let badRows = 0;
  let totalRows = 0;
  dataRows.forEach((cells, index) => {
    const rowNumber = index + 2;
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
      const parsed = column.parse(cell);
      if (!parsed.ok)
        rowErrors.push(rowError(rowNumber, column, column.field, parsed.key, parsed.params, headerText));
      else setPath(values, column.field, parsed.value);
    }
    // A unit typed in another unit than the spec's (万只 for 只, kg for t) converts the quantities.
    if (rowErrors.length === 0 && typeof values.unit === 'string' && typeof values.specId === 'string') {
      for (const field of QUANTITY_FIELDS) {
        if (typeof values[field] !== 'number') continue;
        const converted = convertToSpecUnit(values[field] as number, values.unit, values.specId);
        if (converted === undefined) {
          rowErrors.push(
            rowError(
              rowNumber,
              fieldToColumn.get('unit'),
              'unit',
              'field.unit_mismatch',
              undefined,
              headerText,
            ),
          );
          break;
        }
        values[field] = converted;
      }
    }
    delete values.unit;
    const owner = values.owner as ImportRow['owner'];
    delete values.owner;
    let input: ListingInput | undefined;
    if (rowErrors.length === 0) {
      try {
        input = parseInput(INPUT_SCHEMA_BY_KIND[kind], values) as ListingInput;
        const issues = listingInputIssues(input);
        if (issues.length > 0) throw new ValidationError(issues);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const f of error.fields) {
          const column = fieldToColumn.get(f.field);
          rowErrors.push(rowError(rowNumber, column, f.field, f.key, f.params, headerText));
        }
      }
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

/** The template: headers (Chinese, with English in the second row of notes) and one example row. */
export function templateRows(kind: ListingKind, organizer: boolean, lang: 'zh' | 'en' = 'zh'): SheetRows {
  const columns = columnsFor(kind, organizer);
  return [
    columns.map((c) => (c.required ? `${c.header[lang]}*` : c.header[lang])),
    columns.map((c) => c.example),
  ];
}
