import { failed, isBlank, type ParseResult, parsed } from './parse-result.ts';

/**
 * Dates as they arrive from spreadsheets, to ISO `YYYY-MM-DD`:
 * - text: `2020-03-15`, `2020/3/15`, `2020.3.15`, `2020年3月15日` (or `号`), `20200315`, with an
 *   optional time after it (`2020-03-15 08:30`, `2020-03-15T08:30:00+08:00`: the date as written);
 * - Excel serial day numbers (43905 = 2020-03-15), as numbers or 5-digit text from a CSV export;
 *   8-digit numbers are read as YYYYMMDD;
 * - JS Date objects, read in UTC — exceljs gives date cells as UTC midnight.
 * Day-first and month-first forms (15/3/2020, 3/15/2020) are refused: they cannot be told apart.
 * Calendar dates that do not exist (2020-02-30, 2019-02-29) are refused.
 * Never reinterpreted silently: a bare year (`2027`, `2027年`, or 2027 typed into a date-formatted
 * cell, which Excel stores as serial 2027 = 1905-07-19) is refused as `date_year_only`, and a month
 * and day without the year (`3月5日`, `3/5`) as `date_year_missing`.
 */

export type DateFailureReason =
  | 'field.required'
  | 'field.invalid_date'
  | 'field.date_nonexistent'
  | 'field.date_out_of_range'
  | 'field.date_year_only'
  | 'field.date_year_missing';

export interface ParseDateOptions {
  /** Inclusive ISO bounds, e.g. `{ min: '2000-01-01', max: '2100-12-31' }`. */
  min?: string;
  max?: string;
}

const MS_PER_DAY = 86_400_000;
/** Serial 61 is 1900-03-01; Excel counts the non-existent 1900-02-29 as serial 60. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MAX_EXCEL_SERIAL = 2_958_465; // 9999-12-31

const TIME_SUFFIX = /(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)$/i;
const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const YMD_CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const YMD_COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function fromParts(
  year: number,
  month: number,
  day: number,
  options: ParseDateOptions,
): ParseResult<string, DateFailureReason> {
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return failed('field.date_nonexistent');
  }
  const iso = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if ((options.min !== undefined && iso < options.min) || (options.max !== undefined && iso > options.max)) {
    return failed('field.date_out_of_range', {
      min: options.min ?? '0001-01-01',
      max: options.max ?? '9999-12-31',
    });
  }
  return parsed(iso);
}

function fromUtcMillis(ms: number, options: ParseDateOptions): ParseResult<string, DateFailureReason> {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return failed('field.invalid_date');
  return fromParts(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), options);
}

/** An Excel (1900 date system) serial day number, fractions (times of day) ignored. */
export function fromExcelSerial(
  serial: number,
  options: ParseDateOptions = {},
): ParseResult<string, DateFailureReason> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= MAX_EXCEL_SERIAL + 1)
    return failed('field.invalid_date');
  const day = Math.floor(serial);
  if (day === 60) return failed('field.date_nonexistent'); // Excel's 1900-02-29
  return fromUtcMillis(EXCEL_EPOCH_MS + (day < 60 ? day + 1 : day) * MS_PER_DAY, options);
}

/** Years a clerk might type alone (the serials 1000–2999 are dates in 1902–1908: never meant). */
const BARE_YEAR_MIN = 1000;
const BARE_YEAR_MAX = 2999;
const isBareYear = (value: number) =>
  Number.isInteger(value) && value >= BARE_YEAR_MIN && value <= BARE_YEAR_MAX;
const MONTH_DAY = /^(\d{1,2})(?:月(\d{1,2})[日号]?|[-/.](\d{1,2}))$/;

function fromNumber(value: number, options: ParseDateOptions): ParseResult<string, DateFailureReason> {
  if (isBareYear(value)) return failed('field.date_year_only', { year: value });
  if (Number.isInteger(value) && value >= 10_000_101 && value <= 99_991_231) {
    return fromText(String(value), options);
  }
  return fromExcelSerial(value, options);
}

function fromText(text: string, options: ParseDateOptions): ParseResult<string, DateFailureReason> {
  const s = text.normalize('NFKC').trim().replace(/\s+/g, ' ').replace(TIME_SUFFIX, '').replace(/\s+/g, '');
  const separated = YMD.exec(s);
  if (separated) return fromParts(Number(separated[1]), Number(separated[3]), Number(separated[4]), options);
  const written = YMD_CHINESE.exec(s) ?? YMD_COMPACT.exec(s);
  if (written) return fromParts(Number(written[1]), Number(written[2]), Number(written[3]), options);
  if (/^\d{5}(?:\.\d+)?$/.test(s)) return fromExcelSerial(Number(s), options);
  const year = /^(\d{4})年?$/.exec(s);
  if (year && isBareYear(Number(year[1]))) return failed('field.date_year_only', { year: Number(year[1]) });
  const monthDay = MONTH_DAY.exec(s);
  if (monthDay) {
    const month = Number(monthDay[1]);
    const day = Number(monthDay[2] ?? monthDay[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return failed('field.date_year_missing', { month, day });
  }
  return failed('field.invalid_date');
}

export function parseDate(
  cell: unknown,
  options: ParseDateOptions = {},
): ParseResult<string, DateFailureReason> {
  if (isBlank(cell)) return failed('field.required');
  if (cell instanceof Date) {
    // A year typed into a date-formatted cell arrives as the Excel serial it is: 2027 → 1905-07-19.
    const serial = (cell.getTime() - EXCEL_EPOCH_MS) / MS_PER_DAY;
    if (isBareYear(serial)) return failed('field.date_year_only', { year: serial });
    return fromUtcMillis(cell.getTime(), options);
  }
  if (typeof cell === 'number') return fromNumber(cell, options);
  if (typeof cell === 'string') return fromText(cell, options);
  return failed('field.invalid_date');
}
