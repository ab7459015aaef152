import type { Deps } from '../api/deps.ts';
import { familyOfKind, pairOf, reachOf, sideOfKind } from '../contract/listing-kinds.ts';
import { categoryOf, isOfferListing, type Listing, type ListingKind } from '../listings/listing.ts';
import { haversineKm } from '../regions/distance.ts';
import { COUNTRY_ADCODE, childrenOf } from '../regions/regions.ts';
import { pointOf } from './allocation-input.ts';
import { hasLapsed, isOpenMatch } from './match.ts';
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
/** Listings read per partition for a neighbourhood (beyond that, a matching run is the tool). */
const MAX_NEIGHBOURS = 2000;

export function provincesWithin(point: { lat: number; lng: number }, radiusKm: number): string[] {
  return childrenOf(COUNTRY_ADCODE)
    .filter((p) => haversineKm(point, { lat: p.lat, lng: p.lng }) <= radiusKm + PROVINCE_REACH_KM)
    .map((p) => p.adcode.slice(0, 2));
}

/** How far to look: an offer's own reach; a need's counterparts may come from the farthest reach. */
function searchReach(listing: Listing): number {
  return isOfferListing(listing) ? reachOf(listing) : MAX_REACH_KM;
}

/**
 * The listing's neighbourhood: every open listing of its category on both sides (counterparts and
 * competitors) in the provinces within its reach. Allocating over the neighbourhood, not just the
 * listing against its counterparts, keeps live proposals consistent with the regional optimum: a
 * project hears first from the supplier that serves it best, not from whichever posted last.
 */
async function neighbourhood(deps: Deps, listing: Listing): Promise<{ offers: Listing[]; needs: Listing[] }> {
  const category = categoryOf(listing);
  const provinces = provincesWithin(pointOf(listing), searchReach(listing));
  const isOffer = isOfferListing(listing);
  const [offerKind, needKind] = pairOf(familyOfKind(listing.kind));
  const load = (kind: ListingKind) =>
    Promise.all(
      provinces.map((province) =>
        deps.listings.searchAll({ kind, category, regionPrefix: province, status: 'open' }, MAX_NEIGHBOURS),
      ),
      // Past MAX_NEIGHBOURS in a province the neighbourhood is partial (the README says so: an
      // organizer's matching run is the tool there); the proposals made are still feasible.
    ).then((found) => found.flatMap((f) => f.items).filter((l) => l.remaining > 0));
  const [offers, needs] = await Promise.all([load(offerKind), load(needKind)]);
  // The listing itself as it is now (a search page may be older than the stream record).
  const withSelf = (list: Listing[]) => [listing, ...list.filter((l) => l.id !== listing.id)];
  return isOffer ? { offers: withSelf(offers), needs } : { offers, needs: withSelf(needs) };
}

/**
 * Quantity of this listing already tied up in open proposals (not yet confirmed). A proposal past
 * its expiry ties up nothing, whether or not the sweep has marked it expired yet.
 */
export async function pendingOn(
  deps: Deps,
  listing: Listing,
): Promise<{ pending: number; pairs: Set<string> }> {
  const side = sideOfKind(listing.kind);
  const matches = await deps.matches.forListing(listing.id, side);
  const now = deps.clock.now().toISOString();
  const pending = matches
    .filter((m) => isOpenMatch(m) && !hasLapsed(m, now))
    .reduce((s, m) => s + m.quantity, 0);
  return { pending, pairs: new Set(matches.map((m) => `${m.offerListingId}|${m.needListingId}`)) };
}

/** Proposes matches for one listing; returns how many were created. */
export async function matchListing(deps: Deps, listing: Listing): Promise<number> {
  if (listing.status !== 'open' || listing.remaining <= 0) return 0;
  const { pending, pairs } = await pendingOn(deps, listing);
  const free = listing.remaining - pending;
  if (free <= 0) return 0;
  const { offers: allOffers, needs: allNeeds } = await neighbourhood(deps, listing);
  const isOffer = isOfferListing(listing);
  const counterparts = isOffer ? allNeeds : allOffers;
  if (!counterparts.some((l) => l.orgId !== listing.orgId)) return 0;
  // What each listing has not yet promised in other open proposals.
  const available = new Map<string, number>([[listing.id, free]]);
  const others = [...allOffers, ...allNeeds].filter((l) => l.id !== listing.id);
  for (let i = 0; i < others.length; i += 25) {
    await Promise.all(
      others.slice(i, i + 25).map(async (other) => {
        available.set(other.id, other.remaining - (await pendingOn(deps, other)).pending);
      }),
    );
  }
  const free0 = (l: Listing) => (available.get(l.id) ?? 0) > 0;
  const offers = allOffers.filter(free0);
  const needs = allNeeds.filter(free0);
  const now = deps.clock.now().toISOString();
  const { proposals: allocated } = allocateListings(familyOfKind(listing.kind), offers, needs, {
    catalogue: await deps.catalogue.current(),
    available,
  });
  const proposals = allocated
    .filter((p) => p.offer.id === listing.id || p.need.id === listing.id)
    .filter((p) => !pairs.has(`${p.offer.id}|${p.need.id}`))
    .map((p) => proposedMatch(p, now, 'live'));
  proposals.sort((a, b) => b.quantity - a.quantity || a.distanceKm - b.distanceKm);
  let created = 0;
  for (const match of proposals.slice(0, MAX_LIVE_PROPOSALS)) {
    if (await proposeMatch(deps, match, { userId: 'matcher', orgId: 'system' })) created += 1;
  }
  return created;
}
