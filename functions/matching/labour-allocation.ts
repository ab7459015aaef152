/**
 * Shared employees (共享员工): lend idle staff of one firm to firms short of labour, with the same exact
 * engine as goods (candidates.ts → transport.ts → certificate.ts).
 *
 * ## Pairing rule
 * An offer may fill a request when all hold:
 * - same skill;
 * - every certificate the request requires is held by the offer;
 * - the periods overlap by at least `minOverlapDays` inclusive days, and by at least one day (default:
 *   the whole request period, i.e. the offer must cover it completely);
 * - the commute distance (great circle, offer location → site) is ≤ the offer's commute radius;
 * - different organisations; both headcounts > 0.
 *
 * ## Objective (lexicographic, exact)
 * First maximise the headcount placed, then minimise total commute distance Σ x · round(1000 · km), i.e.
 * **integer metres per person**; `totals.commuteMetres` is that integer objective.
 */

import {
  buildCandidatePairs,
  type CandidatePairs,
  type PairSpace,
  preparePoints,
  supplyOfPair,
  withOrgPairsApart,
} from './candidates.ts';
import { nearerAlternatives } from './explain.ts';
import { Interner } from './interner.ts';
import { DayParser, overlapDays } from './iso-days.ts';
import { certifyTransport, solveTransport, type TransportOptions } from './transport.ts';

export interface LabourOffer {
  id: string;
  orgId: string;
  skillId: string;
  headcount: number;
  point: { lat: number; lng: number };
  provinceCode: string;
  commuteRadiusKm: number;
  from: string;
  until: string;
  certificates: string[];
}

export interface LabourRequest {
  id: string;
  orgId: string;
  skillId: string;
  headcount: number;
  point: { lat: number; lng: number };
  provinceCode: string;
  from: string;
  until: string;
  certificatesRequired: string[];
  /** Default: the whole request period. */
  minOverlapDays?: number;
}

export interface LabourTakenBy {
  requestId: string;
  headcount: number;
}

export type LabourReason =
  | { code: 'commute'; distanceKm: number; radiusKm: number }
  | { code: 'period-overlap'; from: string; until: string; days: number; requiredDays: number }
  | { code: 'certificates-held'; certificates: string[] }
  | { code: 'in-province'; provinceCode: string }
  | { code: 'cross-province'; offerProvinceCode: string; requestProvinceCode: string }
  | {
      code: 'nearer-offer-exhausted';
      offerId: string;
      distanceKm: number;
      takenBy: LabourTakenBy[];
      otherTakers: number;
    }
  | {
      code: 'nearer-offer-costlier' | 'nearer-offer-tied';
      offerId: string;
      distanceKm: number;
      /** Metres per person (rounded) of the nearer offer and of the chosen one. */
      unitCost: number;
      chosenUnitCost: number;
    };

export interface LabourAllocation {
  offerId: string;
  requestId: string;
  headcount: number;
  distanceKm: number;
  /** headcount · distanceKm. */
  commuteKm: number;
  crossProvince: boolean;
  reasons: LabourReason[];
}

export interface LabourTotals {
  placed: number;
  offeredTotal: number;
  requestedTotal: number;
  /** placed / requestedTotal (0 when nothing is requested). */
  placedShare: number;
  /** Integer objective: Σ headcount · round(1000 · km). */
  commuteMetres: number;
  /** Σ headcount · km (unrounded). */
  commuteKm: number;
  inProvinceShare: number;
}

export interface LabourAllocationResult {
  allocations: LabourAllocation[];
  totals: LabourTotals;
  stats: {
    candidatePairs: number;
    solvedArcs: number;
    pricingRounds: number;
    pivots: number;
    solveMs: number;
    totalMs: number;
    certificate?: { certified: boolean; worstViolation: number; ms: number };
  };
}

export interface LabourAllocationOptions extends TransportOptions {
  explain?: boolean;
  maxNearerAlternatives?: number;
  maxTakers?: number;
  certify?: boolean;
  /** Pairs of organisations (`orgPairKey`) never to be paired. */
  orgPairsApart?: ReadonlySet<string>;
}

export interface LabourInstance {
  space: PairSpace;
  offerAmount: Float64Array;
  requestAmount: Float64Array;
  requiredDays: Float64Array;
}

function headcountOf(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what}: headcount must be a natural number`);
  return value;
}

/** Validates and flattens a labour instance. */
export function buildLabourInstance(
  offers: readonly LabourOffer[],
  requests: readonly LabourRequest[],
): LabourInstance {
  const S = offers.length;
  const D = requests.length;
  const days = new DayParser();
  const skillInterner = new Interner();
  const skillOf = (id: string) => skillInterner.id(id);
  const orgInterner = new Interner();
  const orgOf = (id: string) => orgInterner.id(id);
  const certs = new Map<string, number>();
  for (const r of requests)
    for (const c of r.certificatesRequired) if (!certs.has(c)) certs.set(c, certs.size);
  const words = Math.max(1, Math.ceil(certs.size / 32));

  const offerSkill = new Int32Array(S);
  const offerOrg = new Int32Array(S);
  const offerFrom = new Float64Array(S);
  const offerUntil = new Float64Array(S);
  const offerRadius = new Float64Array(S);
  const offerAmount = new Float64Array(S);
  const offerCerts = new Uint32Array(S * words);
  offers.forEach((o, i) => {
    const what = `offer ${o.id}`;
    offerAmount[i] = headcountOf(o.headcount, what);
    offerSkill[i] = skillOf(o.skillId);
    offerOrg[i] = orgOf(o.orgId);
    offerFrom[i] = days.day(o.from, `${what} from`);
    offerUntil[i] = days.day(o.until, `${what} until`);
    if (!(o.commuteRadiusKm >= 0)) throw new RangeError(`${what}: commuteRadiusKm must be ≥ 0`);
    offerRadius[i] = o.commuteRadiusKm;
    for (const c of o.certificates) {
      const bit = certs.get(c);
      if (bit !== undefined) offerCerts[i * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });
  const requestSkill = new Int32Array(D);
  const requestOrg = new Int32Array(D);
  const requestFrom = new Float64Array(D);
  const requestUntil = new Float64Array(D);
  const requestAmount = new Float64Array(D);
  const requiredDays = new Float64Array(D);
  const requestCerts = new Uint32Array(D * words);
  requests.forEach((r, j) => {
    const what = `request ${r.id}`;
    requestAmount[j] = headcountOf(r.headcount, what);
    requestSkill[j] = skillOf(r.skillId);
    requestOrg[j] = orgOf(r.orgId);
    requestFrom[j] = days.day(r.from, `${what} from`);
    requestUntil[j] = days.day(r.until, `${what} until`);
    const period = requestUntil[j]! - requestFrom[j]! + 1;
    if (period < 1) throw new RangeError(`${what}: until is before from`);
    const min = r.minOverlapDays ?? period;
    if (!Number.isInteger(min) || min < 0)
      throw new RangeError(`${what}: minOverlapDays must be a natural number`);
    requiredDays[j] = min;
    for (const c of r.certificatesRequired) {
      const bit = certs.get(c)!;
      requestCerts[j * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });
  const groupCount = skillInterner.size;
  const compatibleGroups = Array.from({ length: groupCount }, (_, g) => [g]);
  const op = preparePoints(offers.map((o) => o.point));
  const rp = preparePoints(requests.map((r) => r.point));
  const space: PairSpace = {
    supplyCount: S,
    demandCount: D,
    supplyLat: op.lat,
    supplyLng: op.lng,
    supplyCosLat: op.cosLat,
    supplyRadiusKm: offerRadius,
    supplyGroup: offerSkill,
    demandLat: rp.lat,
    demandLng: rp.lng,
    demandCosLat: rp.cosLat,
    demandGroup: requestSkill,
    groupCount,
    compatibleGroups,
    admits(i, j) {
      if (offerOrg[i] === requestOrg[j] || offerAmount[i] === 0 || requestAmount[j] === 0) return false;
      const days = overlapDays(offerFrom[i]!, offerUntil[i]!, requestFrom[j]!, requestUntil[j]!);
      if (days < requiredDays[j]! || days === 0) return false;
      for (let w = 0; w < words; w++) {
        const need = requestCerts[j * words + w]!;
        if ((need & offerCerts[i * words + w]!) >>> 0 !== need) return false;
      }
      return true;
    },
    unitCost: (_i, _j, distanceKm) => Math.round(distanceKm * 1000),
  };
  return { space, offerAmount, requestAmount, requiredDays };
}

/** All feasible (offer, request) pairs with their integer unit costs (metres). */
export function labourCandidates(instance: LabourInstance): CandidatePairs {
  return buildCandidatePairs(instance.space);
}

/** Exact lexicographic labour allocation (max headcount, then min integer commute metres). */
export function allocateLabour(
  offers: readonly LabourOffer[],
  requests: readonly LabourRequest[],
  options: LabourAllocationOptions = {},
): LabourAllocationResult {
  const started = performance.now();
  const built = buildLabourInstance(offers, requests);
  const instance: LabourInstance = {
    ...built,
    space: withOrgPairsApart(
      built.space,
      (i) => offers[i]!.orgId,
      (j) => requests[j]!.orgId,
      options.orgPairsApart,
    ),
  };
  const pairs = labourCandidates(instance);
  const solution = solveTransport(instance.offerAmount, instance.requestAmount, pairs, options);
  const days = new DayParser();
  const explain = options.explain !== false;
  const alternatives = explain
    ? nearerAlternatives(pairs, solution, instance.offerAmount, {
        maxAlternatives: options.maxNearerAlternatives ?? 3,
        maxTakers: options.maxTakers ?? 3,
      })
    : null;

  const allocations: LabourAllocation[] = [];
  let commuteKm = 0;
  let inProvince = 0;
  for (let a = 0; a < solution.pairs.length; a++) {
    const p = solution.pairs[a]!;
    const i = supplyOfPair(pairs, p);
    const j = pairs.demand[p]!;
    const q = solution.quantity[a]!;
    const offer = offers[i]!;
    const request = requests[j]!;
    const distanceKm = pairs.distanceKm[p]!;
    const cross = offer.provinceCode !== request.provinceCode;
    commuteKm += q * distanceKm;
    if (!cross) inProvince += q;
    const reasons: LabourReason[] = [];
    if (alternatives) {
      reasons.push({ code: 'commute', distanceKm, radiusKm: offer.commuteRadiusKm });
      reasons.push({
        code: 'period-overlap',
        ...days.overlap(offer.from, offer.until, request.from, request.until),
        requiredDays: instance.requiredDays[j]!,
      });
      if (request.certificatesRequired.length > 0) {
        reasons.push({ code: 'certificates-held', certificates: [...request.certificatesRequired] });
      }
      reasons.push(
        cross
          ? {
              code: 'cross-province',
              offerProvinceCode: offer.provinceCode,
              requestProvinceCode: request.provinceCode,
            }
          : { code: 'in-province', provinceCode: offer.provinceCode },
      );
      for (const alt of alternatives[a]!) {
        const other = offers[alt.supply]!;
        if (alt.exhausted) {
          reasons.push({
            code: 'nearer-offer-exhausted',
            offerId: other.id,
            distanceKm: alt.distanceKm,
            takenBy: alt.takenBy.map((t) => ({ requestId: requests[t.demand]!.id, headcount: t.quantity })),
            otherTakers: alt.otherTakers,
          });
        } else {
          reasons.push({
            code: alt.unitCost > pairs.cost[p]! ? 'nearer-offer-costlier' : 'nearer-offer-tied',
            offerId: other.id,
            distanceKm: alt.distanceKm,
            unitCost: alt.unitCost,
            chosenUnitCost: pairs.cost[p]!,
          });
        }
      }
    }
    allocations.push({
      offerId: offer.id,
      requestId: request.id,
      headcount: q,
      distanceKm,
      commuteKm: q * distanceKm,
      crossProvince: cross,
      reasons,
    });
  }
  allocations.sort((x, y) =>
    x.requestId < y.requestId ? -1 : x.requestId > y.requestId ? 1 : x.distanceKm - y.distanceKm,
  );
  let offeredTotal = 0;
  for (const v of instance.offerAmount) offeredTotal += v;
  let requestedTotal = 0;
  for (const v of instance.requestAmount) requestedTotal += v;
  const result: LabourAllocationResult = {
    allocations,
    totals: {
      placed: solution.placed,
      offeredTotal,
      requestedTotal,
      placedShare: requestedTotal > 0 ? solution.placed / requestedTotal : 0,
      commuteMetres: solution.cost,
      commuteKm,
      inProvinceShare: solution.placed > 0 ? inProvince / solution.placed : 0,
    },
    stats: {
      candidatePairs: pairs.count,
      solvedArcs: solution.stats.solvedArcs,
      pricingRounds: solution.stats.pricingRounds,
      pivots: solution.stats.pivots,
      solveMs: solution.stats.solveMs,
      totalMs: performance.now() - started,
    },
  };
  if (options.certify) {
    const t = performance.now();
    const certificate = certifyTransport(solution, pairs);
    result.stats.certificate = {
      certified: certificate.certified,
      worstViolation: certificate.worstViolation,
      ms: performance.now() - t,
    };
  }
  return result;
}
