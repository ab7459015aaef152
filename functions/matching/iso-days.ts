/**
 * Calendar dates as whole day numbers (days since 1970-01-01, UTC), so that windows compare as
 * integers and overlaps count inclusive days: [from, until] has `until − from + 1` days.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Parses `YYYY-MM-DD` (a real calendar date) to its day number; throws RangeError otherwise. */
export function isoDay(date: string, what = 'date'): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`${what}: expected YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`${what}: ${date} is not a calendar date`);
  }
  return ms / MS_PER_DAY;
}

/** Inclusive number of days shared by [aFrom, aUntil] and [bFrom, bUntil] (0 when disjoint). */
export function overlapDays(aFrom: number, aUntil: number, bFrom: number, bUntil: number): number {
  const from = Math.max(aFrom, bFrom);
  const until = Math.min(aUntil, bUntil);
  return until >= from ? until - from + 1 : 0;
}

/** Memoising `isoDay` for a batch of listings, where the same dates recur many times. */
export class DayParser {
  private readonly days = new Map<string, number>();

  day(date: string, what = 'date'): number {
    let day = this.days.get(date);
    if (day === undefined) {
      day = isoDay(date, what);
      this.days.set(date, day);
    }
    return day;
  }

  /** The shared part of two windows of already validated dates, as ISO dates and inclusive days. */
  overlap(
    aFrom: string,
    aUntil: string,
    bFrom: string,
    bUntil: string,
  ): { from: string; until: string; days: number } {
    const from = aFrom > bFrom ? aFrom : bFrom;
    const until = aUntil < bUntil ? aUntil : bUntil;
    return { from, until, days: Math.max(0, this.day(until) - this.day(from) + 1) };
  }
}
