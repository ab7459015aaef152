import type { Deps } from '../api/deps.ts';
import { COUNTRY_ADCODE, childrenOf } from '../regions/regions.ts';
import { LISTING_KINDS, windowEnd } from './listing.ts';
import { expireListing } from './listing-commands.ts';

/**
 * The expiry sweep: closes open listings whose window has ended. It walks the open listings of
 * each kind in each province (gsi3: one partition per kind and province, 4 × 34 Queries), so it
 * never scans. Run daily in AWS (EventBridge → the maintenance Lambda) and hourly by `npm start`.
 */
export async function expireListings(deps: Deps): Promise<{ checked: number; expired: number }> {
  const now = deps.clock.now().toISOString();
  const today = now.slice(0, 10);
  let checked = 0;
  let expired = 0;
  for (const kind of LISTING_KINDS) {
    for (const province of childrenOf(COUNTRY_ADCODE)) {
      // Page by page to the end: a sweep that stopped at a cap would leave the rest open for good.
      let cursor: string | undefined;
      do {
        const page = await deps.listings.search({
          kind,
          regionPrefix: province.adcode.slice(0, 2),
          status: 'open',
          cursor,
          limit: 100,
        });
        for (const listing of page.items) {
          checked += 1;
          if (windowEnd(listing) < today && (await expireListing(deps, listing, now))) expired += 1;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
  return { checked, expired };
}
