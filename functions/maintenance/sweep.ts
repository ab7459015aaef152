import type { Deps } from '../api/deps.ts';
import { expireListings } from '../listings/expire-listings.ts';
import { expireMatches } from '../matches/expire-matches.ts';

/** Scheduled maintenance: close listings whose window ended, lapse proposals past their expiry. */
export async function runMaintenance(deps: Deps) {
  const listings = await expireListings(deps);
  const matches = await expireMatches(deps);
  return { listings, matches };
}
