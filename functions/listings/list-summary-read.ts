import type { Deps } from '../api/deps.ts';
import { regionPrefix } from '../regions/regions.ts';
import { type SummaryRow, summarise } from './list-summary.ts';

/**
 * The 供应清单/需求清单 rows of a region (and category), for the JSON view and the spreadsheet;
 * `capped` when either side had more open listings than one read takes (the view says so).
 */
export async function readSummary(
  deps: Deps,
  region: string,
  category?: string,
): Promise<{ rows: SummaryRow[]; capped: boolean }> {
  const scope = { regionPrefix: regionPrefix(region), category, status: 'open' as const };
  const [supply, demand] = await Promise.all([
    deps.listings.searchAll({ ...scope, kind: 'supply' }),
    deps.listings.searchAll({ ...scope, kind: 'demand' }),
  ]);
  return { rows: summarise([...supply.items, ...demand.items]), capped: supply.capped || demand.capped };
}
