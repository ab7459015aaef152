import type { Deps } from '../api/deps.ts';
import { sideOfKind } from '../contract/listing-kinds.ts';
import type { Listing, Relationship } from '../listings/listing.ts';
import type { Match } from './match.ts';

/** Who sees what on a listing because of its matches (for viewListing). */
export async function relationshipFor(deps: Deps, listing: Listing): Promise<Relationship> {
  const side = sideOfKind(listing.kind);
  const matches = await deps.matches.forListing(listing.id, side);
  const counterpartOf = (m: Match) => (side === 'offer' ? m.needOrgId : m.offerOrgId);
  return {
    counterparts: new Set(matches.map(counterpartOf)),
    confirmedCounterparts: new Set(matches.filter((m) => m.status === 'confirmed').map(counterpartOf)),
  };
}
