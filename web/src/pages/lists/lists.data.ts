import { query } from '@solidjs/router';
import { fetchSummary } from '../../api/listings.ts';
import { fetchRegions } from '../../api/regions.ts';

/** GET /api/listings/summary for a region and category (供应清单/需求清单 totals). */
export const getSummary = query(
  (region: string, category: string | undefined) => fetchSummary(region, category),
  'list-summary',
);

/** The cities of a province, to name the summary's rows. */
export const getCities = query((province: string) => fetchRegions(province), 'cities');
