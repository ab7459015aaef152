import type { Catalogue } from '../catalogue/catalogue.ts';
import type {
  DemandListing,
  LabourOfferListing,
  LabourRequestListing,
  Listing,
  SupplyListing,
} from '../listings/listing.ts';
import { type AllocationReason, allocateGoods, type GoodsAllocationResult } from '../matching/allocation.ts';
import { type GreedyResult, greedyGoods } from '../matching/greedy.ts';
import {
  allocateLabour,
  type LabourAllocationResult,
  type LabourReason,
} from '../matching/labour-allocation.ts';
import { derivedId } from '../shared/ids.ts';
import {
  fromSteps,
  goodsPolicy,
  pointOf,
  toGoodsDemand,
  toGoodsSupply,
  toLabourOffer,
  toLabourRequest,
  unmatchableReason,
} from './allocation-input.ts';
import { MATCH_PROPOSAL_TTL_DAYS, type Match, type MatchReason } from './match.ts';

/**
 * From listings to proposed pairings, through the exact allocator: the one place that runs the
 * goods or labour engine over offers and needs and turns each allocation into a proposal (live
 * matching proposes a listing's share of it; a matching run keeps the whole of it).
 */
export interface PairProposal {
  kind: 'goods' | 'labour';
  offer: Listing;
  need: Listing;
  offerItem: string;
  needItem: string;
  quantity: number;
  unit: string;
  distanceKm: number;
  freightCost?: number;
  crossProvince: boolean;
  substitute: boolean;
  reasons: MatchReason[];
}

export interface Allocated {
  proposals: PairProposal[];
  goods?: GoodsAllocationResult;
  greedy?: GreedyResult;
  labour?: LabourAllocationResult;
}

const round1 = (km: number) => Math.round(km * 10) / 10;
const reasonsOf = (reasons: readonly (AllocationReason | LabourReason)[]): MatchReason[] =>
  reasons.map((r) => ({ ...r }) as MatchReason);

/**
 * Allocates `offers` (supplies or labour offers) to `needs` (demands or labour requests).
 * `available` overrides a listing's remaining quantity (what is not yet promised elsewhere).
 */
/** The listings the allocator can take; the others are named in one warning line and left out. */
function matchable(listings: readonly Listing[]): readonly Listing[] {
  const left: { id: string; reason: string }[] = [];
  const kept = listings.filter((listing) => {
    const reason = unmatchableReason(listing);
    if (reason) left.push({ id: listing.id, reason });
    return !reason;
  });
  if (left.length > 0) {
    console.warn(JSON.stringify({ level: 'warn', message: 'listings left out of matching', listings: left }));
  }
  return kept;
}

export function allocateListings(
  kind: 'goods' | 'labour',
  offers: readonly Listing[],
  needs: readonly Listing[],
  options: {
    /** The catalogue in use: steps, freight rates, substitution rules. */
    catalogue: Catalogue;
    available?: ReadonlyMap<string, number>;
    certify?: boolean;
    compareGreedy?: boolean;
    /** Pairs of organisations (`orgPairKey`) the allocation keeps apart. */
    orgPairsApart?: ReadonlySet<string>;
  },
): Allocated {
  const { catalogue } = options;
  offers = matchable(offers);
  needs = matchable(needs);
  const byId = new Map<string, Listing>([...offers, ...needs].map((l) => [l.id, l]));
  const left = (l: Listing) => options.available?.get(l.id) ?? l.remaining;
  if (kind === 'goods') {
    const supplies = (offers as SupplyListing[]).map((l) => toGoodsSupply(catalogue, l, left(l)));
    const demands = (needs as DemandListing[]).map((l) => toGoodsDemand(catalogue, l, left(l)));
    const policy = goodsPolicy(catalogue);
    const goods = allocateGoods(supplies, demands, policy, {
      certify: options.certify ?? false,
      orgPairsApart: options.orgPairsApart,
    });
    const proposals = goods.allocations.map((a): PairProposal => {
      const offer = byId.get(a.supplyId) as SupplyListing;
      return {
        kind,
        offer,
        need: byId.get(a.demandId)!,
        offerItem: offer.specId,
        needItem: (byId.get(a.demandId) as DemandListing).specId,
        quantity: fromSteps(catalogue, a.quantity, offer.specId),
        unit: offer.unit,
        distanceKm: round1(a.distanceKm),
        freightCost: Math.round(a.freightCost),
        crossProvince: a.crossProvince,
        substitute: a.substitute,
        reasons: reasonsOf(a.reasons),
      };
    });
    return {
      proposals,
      goods,
      ...(options.compareGreedy ? { greedy: greedyGoods(supplies, demands, policy) } : {}),
    };
  }
  const labour = allocateLabour(
    (offers as LabourOfferListing[]).map((l) => toLabourOffer(l, left(l))),
    (needs as LabourRequestListing[]).map((l) => toLabourRequest(l, left(l))),
    { certify: options.certify ?? false, orgPairsApart: options.orgPairsApart },
  );
  const proposals = labour.allocations.map(
    (a): PairProposal => ({
      kind,
      offer: byId.get(a.offerId)!,
      need: byId.get(a.requestId)!,
      offerItem: (byId.get(a.offerId) as LabourOfferListing).skillId,
      needItem: (byId.get(a.requestId) as LabourRequestListing).skillId,
      quantity: a.headcount,
      unit: 'person',
      distanceKm: round1(a.distanceKm),
      crossProvince: a.crossProvince,
      substitute: false,
      reasons: reasonsOf(a.reasons),
    }),
  );
  return { proposals, labour };
}

export function matchIdFor(offerListingId: string, needListingId: string): string {
  return derivedId(offerListingId, `match:${needListingId}`);
}

/** A new match (status proposed) for a proposal; its id comes from the pair. */
export function proposedMatch(
  p: Omit<PairProposal, 'offer' | 'need'> & { offer: MatchSideOf; need: MatchSideOf },
  now: string,
  source: string,
): Match {
  return {
    id: matchIdFor(p.offer.id, p.need.id),
    kind: p.kind,
    offerListingId: p.offer.id,
    offerOrgId: p.offer.orgId,
    offerOrgName: p.offer.orgName,
    needListingId: p.need.id,
    needOrgId: p.need.orgId,
    needOrgName: p.need.orgName,
    ...(p.need.adcode ? { needAdcode: p.need.adcode } : {}),
    offerItem: p.offerItem,
    needItem: p.needItem,
    quantity: p.quantity,
    unit: p.unit,
    distanceKm: p.distanceKm,
    ...(p.freightCost !== undefined ? { freightCost: p.freightCost } : {}),
    crossProvince: p.crossProvince,
    substitute: p.substitute,
    reasons: p.reasons,
    status: 'proposed',
    source,
    proposedAt: now,
    expiresAt: new Date(Date.parse(now) + MATCH_PROPOSAL_TTL_DAYS * 86_400_000).toISOString(),
    updatedAt: now,
    version: 1,
  };
}

/** What a match needs to know of each side's listing. */
export interface MatchSideOf {
  id: string;
  orgId: string;
  orgName: string;
  adcode?: string;
}

export { pointOf };
