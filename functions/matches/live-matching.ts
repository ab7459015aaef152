import type { Deps } from '../api/deps.ts';
import type {
  DemandListing,
  LabourOfferListing,
  LabourRequestListing,
  Listing,
  ListingKind,
  SupplyListing,
} from '../listings/listing.ts';
import { type AllocationReason, allocateGoods } from '../matching/allocation.ts';
import { allocateLabour, type LabourReason } from '../matching/labour-allocation.ts';
import { haversineKm } from '../regions/distance.ts';
import { COUNTRY_ADCODE, childrenOf } from '../regions/regions.ts';
import { derivedId } from '../shared/ids.ts';
import {
  fromSteps,
  goodsPolicy,
  pointOf,
  toGoodsDemand,
  toGoodsSupply,
  toLabourOffer,
  toLabourRequest,
} from './allocation-input.ts';
import { MATCH_PROPOSAL_TTL_DAYS, type Match, type MatchReason, OPEN_MATCH_STATUSES } from './match.ts';
import { proposeMatch } from './match-commands.ts';

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

export function matchIdFor(offerListingId: string, needListingId: string): string {
  return derivedId(offerListingId, `match:${needListingId}`);
}

function baseMatch(
  offer: Listing,
  need: Listing,
  now: string,
  source: string,
): Omit<
  Match,
  | 'quantity'
  | 'unit'
  | 'distanceKm'
  | 'crossProvince'
  | 'substitute'
  | 'reasons'
  | 'kind'
  | 'offerItem'
  | 'needItem'
> {
  return {
    id: matchIdFor(offer.id, need.id),
    offerListingId: offer.id,
    offerOrgId: offer.orgId,
    offerOrgName: offer.orgName,
    needListingId: need.id,
    needOrgId: need.orgId,
    needOrgName: need.orgName,
    status: 'proposed',
    source,
    proposedAt: now,
    expiresAt: new Date(Date.parse(now) + MATCH_PROPOSAL_TTL_DAYS * 86_400_000).toISOString(),
    updatedAt: now,
    version: 1,
  };
}

export function reasonsOf(reasons: readonly (AllocationReason | LabourReason)[]): MatchReason[] {
  return reasons.map((r) => ({ ...r }) as MatchReason);
}

/** Proposes matches for one listing; returns how many were created. */
export async function matchListing(deps: Deps, listing: Listing): Promise<number> {
  if (listing.status !== 'open' || listing.remaining <= 0) return 0;
  const { pending, pairs } = await pendingOn(deps, listing);
  const free = listing.remaining - pending;
  if (free <= 0) return 0;
  const others = await counterparts(deps, listing);
  if (others.length === 0) return 0;
  const now = deps.clock.now().toISOString();
  const byId = new Map(others.map((l) => [l.id, l]));
  const proposals: Match[] = [];

  if (listing.kind === 'supply' || listing.kind === 'demand') {
    const supplies =
      listing.kind === 'supply'
        ? [toGoodsSupply(listing, free)]
        : (others as SupplyListing[]).map((l) => toGoodsSupply(l));
    const demands =
      listing.kind === 'demand'
        ? [toGoodsDemand(listing, free)]
        : (others as DemandListing[]).map((l) => toGoodsDemand(l));
    const result = allocateGoods(supplies, demands, goodsPolicy);
    for (const a of result.allocations) {
      const offer = (listing.id === a.supplyId ? listing : byId.get(a.supplyId)) as SupplyListing;
      const need = (listing.id === a.demandId ? listing : byId.get(a.demandId)) as DemandListing;
      if (!offer || !need || pairs.has(`${offer.id}|${need.id}`)) continue;
      proposals.push({
        ...baseMatch(offer, need, now, 'live'),
        kind: 'goods',
        offerItem: offer.specId,
        needItem: need.specId,
        quantity: fromSteps(a.quantity, offer.specId),
        unit: offer.unit,
        distanceKm: Math.round(a.distanceKm * 10) / 10,
        freightCost: Math.round(a.freightCost),
        crossProvince: a.crossProvince,
        substitute: a.substitute,
        reasons: reasonsOf(a.reasons),
      });
    }
  } else {
    const offers =
      listing.kind === 'labour_offer'
        ? [toLabourOffer(listing, free)]
        : (others as LabourOfferListing[]).map((l) => toLabourOffer(l));
    const requests =
      listing.kind === 'labour_request'
        ? [toLabourRequest(listing, free)]
        : (others as LabourRequestListing[]).map((l) => toLabourRequest(l));
    const result = allocateLabour(offers, requests);
    for (const a of result.allocations) {
      const offer = (listing.id === a.offerId ? listing : byId.get(a.offerId)) as LabourOfferListing;
      const need = (listing.id === a.requestId ? listing : byId.get(a.requestId)) as LabourRequestListing;
      if (!offer || !need || pairs.has(`${offer.id}|${need.id}`)) continue;
      proposals.push({
        ...baseMatch(offer, need, now, 'live'),
        kind: 'labour',
        offerItem: offer.skillId,
        needItem: need.skillId,
        quantity: a.headcount,
        unit: 'person',
        distanceKm: Math.round(a.distanceKm * 10) / 10,
        crossProvince: a.crossProvince,
        substitute: false,
        reasons: reasonsOf(a.reasons),
      });
    }
  }
  proposals.sort((a, b) => b.quantity - a.quantity || a.distanceKm - b.distanceKm);
  let created = 0;
  for (const match of proposals.slice(0, MAX_LIVE_PROPOSALS)) {
    if (await proposeMatch(deps, match, { userId: 'matcher', orgId: 'system' })) created += 1;
  }
  return created;
}

/** Points for the map: the listing's coordinates. */
export { pointOf };
