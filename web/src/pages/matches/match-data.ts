import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import type { Listing } from '../../../../functions/contract/listing.ts';
import { api } from '../../api/client.ts';
import { getMatch } from '../../api/matches.ts';
import { session } from '../../session.ts';

/** A listing as the match page summarises it (GET /api/listings/:id). */
export const getMatchListing = query(
  (listingId: string) => api.get<Listing>(`/listings/${encodeURIComponent(listingId)}`),
  'matchListing',
);

/** Route preload: start fetching the match while the page's code loads (signed in only). */
export function preloadMatch({ params }: RoutePreloadFuncArgs): void {
  if (params.matchId && session()) void getMatch(params.matchId).catch(() => {});
}
