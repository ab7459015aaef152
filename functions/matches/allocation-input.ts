import type { Catalogue } from '../catalogue/catalogue.ts';
import { reachOf } from '../contract/listing-kinds.ts';
import { DATE_PAIRS } from '../listings/listing.schema.ts';
import type {
  DemandListing,
  LabourOfferListing,
  LabourRequestListing,
  Listing,
  SupplyListing,
} from '../listings/listing.ts';
import type { AllocationPolicy, GoodsDemand, GoodsSupply } from '../matching/allocation.ts';
import { isoDay } from '../matching/iso-days.ts';
import type { LabourOffer, LabourRequest } from '../matching/labour-allocation.ts';
import { centreOf } from '../regions/regions.ts';
import { EARLIEST_DATE } from '../shared/date-range.ts';

/**
 * From listings to the allocator's inputs: quantities in whole steps of the spec, a point (the
 * listing's own, else its county's centre), the province, and the policy (freight rates from the
 * catalogue, the border penalty, substitution rules).
 */

/** Crossing a province border costs as much freight as this many extra kilometres (就近配套, in-province first). */
export const BORDER_PENALTY_KM = 80;

export function pointOf(listing: Pick<Listing, 'lat' | 'lng' | 'adcode'>): { lat: number; lng: number } {
  if (listing.lat !== undefined && listing.lng !== undefined) return { lat: listing.lat, lng: listing.lng };
  return centreOf(listing.adcode) ?? { lat: 0, lng: 0 };
}

export function stepOf(catalogue: Catalogue, specId: string): number {
  return catalogue.getSpec(specId)?.step ?? 1;
}

export function toSteps(catalogue: Catalogue, quantity: number, specId: string): number {
  return Math.max(0, Math.floor(quantity / stepOf(catalogue, specId) + 1e-9));
}

export function fromSteps(catalogue: Catalogue, steps: number, specId: string): number {
  const step = stepOf(catalogue, specId);
  return Math.round(steps * step * 1e6) / 1e6;
}

/** Freight rates and substitution rules from the catalogue in use. */
export function goodsPolicy(catalogue: Catalogue): AllocationPolicy {
  const rate = (specId: string) =>
    (catalogue.getSpec(specId)?.freightCnyPerUnitKm ?? 0.4) * stepOf(catalogue, specId);
  return {
    freightRate: rate,
    provinceBorderPenalty: (specId) => rate(specId) * BORDER_PENALTY_KM,
    canSubstitute: (supplySpecId, demandSpecId) => catalogue.canSubstitute(supplySpecId, demandSpecId),
  };
}

export function toGoodsSupply(
  catalogue: Catalogue,
  listing: SupplyListing,
  remaining = listing.remaining,
): GoodsSupply {
  return {
    id: listing.id,
    orgId: listing.orgId,
    specId: listing.specId,
    remaining: toSteps(catalogue, remaining, listing.specId),
    point: pointOf(listing),
    provinceCode: listing.adcode.slice(0, 2),
    deliveryRadiusKm: listing.deliveryRadiusKm,
    availableFrom: listing.availableFrom,
    availableUntil: listing.availableUntil,
    ...(listing.unitPrice !== undefined ? { unitPrice: listing.unitPrice } : {}),
  };
}

export function toGoodsDemand(
  catalogue: Catalogue,
  listing: DemandListing,
  remaining = listing.remaining,
): GoodsDemand {
  return {
    id: listing.id,
    orgId: listing.orgId,
    specId: listing.specId,
    remaining: toSteps(catalogue, remaining, listing.specId),
    point: pointOf(listing),
    provinceCode: listing.adcode.slice(0, 2),
    deliverFrom: listing.deliverFrom,
    neededBy: listing.neededBy,
    ...(listing.ceilingPrice !== undefined ? { ceilingPrice: listing.ceilingPrice } : {}),
    acceptsSubstitutes: listing.acceptsSubstitutes,
  };
}

export function toLabourOffer(listing: LabourOfferListing, remaining = listing.remaining): LabourOffer {
  return {
    id: listing.id,
    orgId: listing.orgId,
    skillId: listing.skillId,
    headcount: Math.max(0, Math.floor(remaining)),
    point: pointOf(listing),
    provinceCode: listing.adcode.slice(0, 2),
    commuteRadiusKm: listing.commuteRadiusKm,
    from: listing.from,
    until: listing.until,
    certificates: listing.certificates,
  };
}

export function toLabourRequest(listing: LabourRequestListing, remaining = listing.remaining): LabourRequest {
  return {
    id: listing.id,
    orgId: listing.orgId,
    skillId: listing.skillId,
    headcount: Math.max(0, Math.floor(remaining)),
    point: pointOf(listing),
    provinceCode: listing.adcode.slice(0, 2),
    from: listing.from,
    until: listing.until,
    certificatesRequired: listing.certificatesRequired,
    ...(listing.minOverlapDays !== undefined ? { minOverlapDays: listing.minOverlapDays } : {}),
  };
}

/**
 * Why a stored listing cannot enter an allocation (data the allocator would refuse: a date that is
 * no calendar date or before 2000, a window in the wrong order, a negative radius or quantity), or
 * undefined. Such a listing — written before the edge checked it, or by hand — is left out of
 * matching instead of making the whole area's allocation fail.
 */
export function unmatchableReason(listing: Listing): string | undefined {
  const [startField, endField] = DATE_PAIRS[listing.kind];
  const record = listing as unknown as Record<string, unknown>;
  const days: number[] = [];
  for (const field of [startField, endField]) {
    const value = record[field];
    if (typeof value !== 'string' || value < EARLIEST_DATE) return `${field}: ${String(value)}`;
    try {
      days.push(isoDay(value, field));
    } catch {
      return `${field}: ${value}`;
    }
  }
  if (days[1]! < days[0]!) return `${endField} is before ${startField}`;
  if (!(Number.isFinite(listing.remaining) && listing.remaining >= 0)) return 'remaining';
  const radius = reachOf(listing);
  if (!(Number.isFinite(radius) && radius >= 0)) return 'radius';
  return undefined;
}
