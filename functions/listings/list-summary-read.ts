import type { Deps } from '../api/deps.ts';
import { regionPrefix } from '../regions/regions.ts';
import type { SummaryRow } from './list-summary.ts';
import { ALL_CATEGORIES, rowsFromTotals } from './list-totals.ts';

/**
 * The 供应清单/需求清单 rows of a region (and category), for the JSON view and the spreadsheet: read
 * from the running totals the stream maintains (one Query on the province's totals, paged to the
 * end — as many items as the region has city × spec rows, whatever the number of listings), so the
 * rows are never `capped`.
 */
export async function readSummary(
  deps: Deps,
  region: string,
  category?: string,
): Promise<{ rows: SummaryRow[]; capped: boolean }> {
  const { totals } = await deps.listTotals.readRegion(regionPrefix(region), category ?? ALL_CATEGORIES);
  return { rows: rowsFromTotals(totals), capped: false };
}
