/**
 * A list read up to a limit. Lists never stop silently: when more items were there than were read,
 * `capped` is true and the response (and the page showing it) says so.
 */
export interface Capped<T> {
  readonly items: T[];
  readonly capped: boolean;
}

/** The most listings one search reads in full (an export, a matching run's side, the 供应清单 totals). */
export const MAX_LISTINGS_READ = 50_000;

/** On a spreadsheet cut at a limit: the response header naming that limit (the file has that many rows). */
export const CAPPED_HEADER = 'Gongxu-List-Capped';
