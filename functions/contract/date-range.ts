/**
 * The one range every calendar date in Gongxu must fall in, wherever it comes from (a form, the
 * API, a spreadsheet cell): not before 2000-01-01 and not more than ten years after today (UTC).
 * Browser-safe and pure; the schemas, the import's date parser and the matcher's guard all use it.
 */
export const EARLIEST_DATE = '2000-01-01';
export const YEARS_AHEAD = 10;

/** Today plus ten years as `YYYY-MM-DD` (29 February becomes 28 February when needed). */
export function latestDate(now: Date = new Date()): string {
  const year = now.getUTCFullYear() + YEARS_AHEAD;
  const month = now.getUTCMonth();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(now.getUTCDate(), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface DateRange {
  readonly min: string;
  readonly max: string;
}

export function dateRange(now: Date = new Date()): DateRange {
  return { min: EARLIEST_DATE, max: latestDate(now) };
}

/** Whether an ISO `YYYY-MM-DD` date lies in the range (string order is date order for this form). */
export function isDateInRange(iso: string, now: Date = new Date()): boolean {
  const { min, max } = dateRange(now);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && iso >= min && iso <= max;
}
