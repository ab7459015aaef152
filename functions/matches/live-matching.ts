import type { Deps } from '../api/deps.ts';
import type { Listing, ListingKind } from '../listings/listing.ts';
import { haversineKm } from '../regions/distance.ts';
import { COUNTRY_ADCODE, childrenOf } from '../regions/regions.ts';
import { pointOf } from './allocation-input.ts';
import { OPEN_MATCH_STATUSES } from './match.ts';
import { proposeMatch } from './match-commands.ts';
import { allocateListings, proposedMatch } from './proposals.ts';

/**
 * Live matching: when a listing is posted or changes, find its best counterparts and propose
 * matches. The allocation is the same exact engine as the batch runs, restricted to this one
 * listing against every compatible counterpart in reach: a large demand is split across the
 * cheapest suppliers, a supply across the nearest projects. Match ids come from the pair, so a
 * redelivered or reordered stream batch proposes nothing twice.
 */
export const MAX_LIVE_PROPOSALS = 8;
/** How far beyond a province's centre its territory may reach, for picking provinces to search. */
const PROVINCE_REACH_KM = 700;
/** The farthest any counterpart could deliver or commute from (bounds the search for needs). */
const MAX_REACH_KM = 1500;

const COUNTERPART: Record<ListingKind, ListingKind> = {
  supply: 'demand',
  demand: 'supply',
  labour_offer: 'labour_request',
  labour_request: 'labour_offer',
};

export function provincesWithin(point: { lat: number; lng: number }, radiusKm: number): string[] {
  return childrenOf(COUNTRY_ADCODE)
    .filter((p) => haversineKm(point, { lat: p.lat, lng: p.lng }) <= radiusKm + PROVINCE_REACH_KM)
    .map((p) => p.adcode.slice(0, 2));
}

function reachOf(listing: Listing): number {
  if (listing.kind === 'supply') return listing.deliveryRadiusKm;
  if (listing.kind === 'labour_offer') return listing.commuteRadiusKm;
  return MAX_REACH_KM;
}

async function counterparts(deps: Deps, listing: Listing): Promise<Listing[]> {
  const kind = COUNTERPART[listing.kind];
  const category =
    listing.kind === 'supply' || listing.kind === 'demand' ? listing.category : `labour:${listing.skillId}`;
  const provinces = provincesWithin(pointOf(listing), reachOf(listing));
  const found = await Promise.all(
    provinces.map((province) =>
      deps.listings.searchAll({ kind, category, regionPrefix: province, status: 'open' }, 5000),
    ),
  );
  return found.flat().filter((l) => l.orgId !== listing.orgId && l.remaining > 0);
}

/** Quantity of this listing already tied up in open proposals (not yet confirmed). */
async function pendingOn(deps: Deps, listing: Listing): Promise<{ pending: number; pairs: Set<string> }> {
  const side = listing.kind === 'supply' || listing.kind === 'labour_offer' ? 'offer' : 'need';
  const matches = await deps.matches.forListing(listing.id, side);
  const pending = matches
    .filter((m) => OPEN_MATCH_STATUSES.includes(m.status))
    .reduce((s, m) => s + m.quantity, 0);
  return { pending, pairs: new Set(matches.map((m) => `${m.offerListingId}|${m.needListingId}`)) };
}

/** Proposes matches for one listing; returns how many were created. */
export async function matchListing(deps: Deps, listing: Listing): Promise<number> {
  if (listing.status !== 'open' || listing.remaining <= 0) return 0;
  const { pending, pairs } = await pendingOn(deps, listing);
  const free = listing.remaining - pending;
  if (free <= 0) return 0;
  const candidates = await counterparts(deps, listing);
  if (candidates.length === 0) return 0;
  // What each counterpart has not yet promised in other open proposals.
  const available = new Map<string, number>([[listing.id, free]]);
  for (let i = 0; i < candidates.length; i += 25) {
    await Promise.all(
      candidates.slice(i, i + 25).map(async (other) => {
        available.set(other.id, other.remaining - (await pendingOn(deps, other)).pending);
      }),
    );
  }
  const others = candidates.filter((other) => (available.get(other.id) ?? 0) > 0);
  if (others.length === 0) return 0;
  const now = deps.clock.now().toISOString();
  const isOffer = listing.kind === 'supply' || listing.kind === 'labour_offer';
  const kind = listing.kind === 'supply' || listing.kind === 'demand' ? 'goods' : 'labour';
  const { proposals: allocated } = allocateListings(
    kind,
    isOffer ? [listing] : others,
    isOffer ? others : [listing],
    { available },
  );
  const proposals = allocated
    .filter((p) => !pairs.has(`${p.offer.id}|${p.need.id}`))
    .map((p) => proposedMatch(p, now, 'live'));
  proposals.sort((a, b) => b.quantity - a.quantity || a.distanceKm - b.distanceKm);
  let created = 0;
  for (const match of proposals.slice(0, MAX_LIVE_PROPOSALS)) {
    if (await proposeMatch(deps, match, { userId: 'matcher', orgId: 'system' })) created += 1;
  }
  return created;
}
