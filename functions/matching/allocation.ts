/**
 * Goods allocation: pair producers' supply listings with projects' demand listings, "nearest supply
 * first" made exact.
 *
 * ## Pairing rule
 * A supply i may serve a demand j when all hold:
 * - same spec, or `policy.canSubstitute(supplySpec, demandSpec)` and the demand accepts substitutes;
 * - the supply's availability [availableFrom, availableUntil] overlaps the delivery window
 *   [deliverFrom, neededBy] (inclusive dates);
 * - the great-circle distance is ≤ the supply's delivery radius;
 * - unitPrice ≤ ceilingPrice when both are given;
 * - different organisations; both have remaining > 0.
 *
 * ## Objective (lexicographic, exact)
 * First maximise the total quantity placed, then minimise the total cost
 * Σ x_ij · c_ij with c_ij = round(1000 · (distanceKm · freightRate(s) + [provinces differ] · borderPenalty(s)))
 * where s is the *supply's* spec (what is actually moved). **Costs are integers in 1/1000 CNY
 * (milli-yuan) per step**; `totals.cost` is that integer objective, and any LP reference must be solved on
 * the same integer unit costs. The lexicographic order is handled structurally by the network simplex
 * (unmet arcs with a proven-sufficient penalty, never multiplied into a reported number), see
 * min-cost-flow.ts.
 *
 * ## Method
 * candidates.ts enumerates all feasible pairs through a spatial grid; transport.ts solves on the
 * 4 cheapest pairs per demand, prices out all pairs and re-solves warm until no pair has a negative
 * reduced cost. With `certify: true` an independent certificate (certificate.ts) is checked over every
 * feasible pair.
 *
 * ## Reasons
 * Each allocation carries structured reasons (codes + numbers; the UI translates): distance vs radius,
 * estimated freight, in/cross province (+ penalty), date overlap, price vs ceiling, substitution, and the
 * nearer feasible suppliers that were not used for this demand — exhausted (with the demands that took
 * their quantity) or not cheaper (with both unit costs).
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
import { DayParser } from './iso-days.ts';
import { certifyTransport, solveTransport, type TransportOptions } from './transport.ts';

export type { GeoPoint } from '../regions/distance.ts';

export interface GoodsSupply {
  id: string;
  orgId: string;
  specId: string;
  /** Integer count of the spec's smallest step. */
  remaining: number;
  point: { lat: number; lng: number };
  /** 2-digit province code. */
  provinceCode: string;
  deliveryRadiusKm: number;
  /** ISO dates YYYY-MM-DD. */
  availableFrom: string;
  availableUntil: string;
  /** CNY per step. */
  unitPrice?: number;
}

export interface GoodsDemand {
  id: string;
  orgId: string;
  specId: string;
  remaining: number;
  point: { lat: number; lng: number };
  provinceCode: string;
  deliverFrom: string;
  neededBy: string;
  ceilingPrice?: number;
  acceptsSubstitutes: boolean;
}

export interface AllocationPolicy {
  /** CNY per step per km. */
  freightRate(specId: string): number;
  /** CNY per step when supply and demand are in different provinces. */
  provinceBorderPenalty(specId: string): number;
  canSubstitute(supplySpecId: string, demandSpecId: string): boolean;
}

export interface TakenBy {
  demandId: string;
  quantity: number;
}

export type AllocationReason =
  | { code: 'distance'; distanceKm: number; radiusKm: number }
  | { code: 'freight'; ratePerKm: number; perUnit: number; total: number }
  | { code: 'in-province'; provinceCode: string }
  | {
      code: 'cross-province';
      supplyProvinceCode: string;
      demandProvinceCode: string;
      penaltyPerUnit: number;
      total: number;
    }
  | { code: 'date-overlap'; from: string; until: string; days: number }
  | { code: 'price-within-ceiling'; unitPrice: number; ceilingPrice: number }
  | { code: 'substitute'; supplySpecId: string; demandSpecId: string }
  | {
      code: 'nearer-supply-exhausted';
      supplyId: string;
      distanceKm: number;
      takenBy: TakenBy[];
      otherTakers: number;
    }
  | {
      code: 'nearer-supply-costlier' | 'nearer-supply-tied';
      supplyId: string;
      distanceKm: number;
      /** Milli-CNY per step for the nearer supply and for the chosen one. */
      unitCost: number;
      chosenUnitCost: number;
      crossProvince: boolean;
    };

export interface GoodsAllocation {
  supplyId: string;
  demandId: string;
  quantity: number;
  distanceKm: number;
  /** Estimated freight, CNY (quantity · distance · rate). */
  freightCost: number;
  /** Border penalty, CNY (0 within a province). */
  borderPenalty: number;
  /** Integer unit cost, milli-CNY per step (the optimised figure). */
  unitCost: number;
  /** quantity · unitCost, milli-CNY. */
  cost: number;
  crossProvince: boolean;
  substitute: boolean;
  reasons: AllocationReason[];
}

export interface AllocationTotals {
  placed: number;
  supplyTotal: number;
  demandTotal: number;
  /** placed / demandTotal (0 when there is no demand). */
  placedShare: number;
  /** Integer objective, milli-CNY. */
  cost: number;
  /** cost / 1000. */
  costCny: number;
  /** Σ quantity · distanceKm (step-km, the tonne-km analogue). */
  unitKm: number;
  /** Share of the placed quantity that stays within a province (0 when nothing is placed). */
  inProvinceShare: number;
}

export interface AllocationStats {
  /** Feasible (supply, demand) pairs over the whole instance. */
  candidatePairs: number;
  /** Pairs actually handed to the simplex (restricted problem + priced-out additions). */
  solvedArcs: number;
  /** Pricing passes over all feasible pairs (the last one finds none to add). */
  pricingRounds: number;
  pivots: number;
  /** Network simplex time, ms (all rounds). */
  solveMs: number;
  /** Candidate search time, ms. */
  candidatesMs: number;
  /** Whole call without the optional certification, ms. */
  totalMs: number;
  certificate?: { certified: boolean; worstViolation: number; ms: number };
}

export interface GoodsAllocationResult {
  allocations: GoodsAllocation[];
  totals: AllocationTotals;
  stats: AllocationStats;
}

export interface AllocationOptions extends TransportOptions {
  /** Attach reasons (default true). */
  explain?: boolean;
  /** Nearer suppliers listed per allocation (default 3). */
  maxNearerAlternatives?: number;
  /** Takers listed per exhausted supplier (default 3). */
  maxTakers?: number;
  /** Check the optimality certificate over all feasible pairs (default false). */
  certify?: boolean;
  /** Pairs of organisations (`orgPairKey`) never to be paired. */
  orgPairsApart?: ReadonlySet<string>;
}

/** Flattened goods instance: the pair space plus the per-entity data the rules and reasons need. */
export interface GoodsInstance {
  space: PairSpace;
  supplyAmount: Float64Array;
  demandAmount: Float64Array;
  specNames: string[];
  /** Unit cost in milli-CNY for a distance and whether provinces differ (supply i's spec). */
  unitCostOf(supply: number, distanceKm: number, crossProvince: boolean): number;
  crossProvince(supply: number, demand: number): boolean;
}

const MILLI = 1000;

function checkAmount(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${what}: remaining must be a natural number`);
  return value;
}

function checkRate(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`${what} must be a finite non-negative number`);
  return value;
}

/** Validates and flattens a goods instance into the arrays the engine works on. */
export function buildGoodsInstance(
  supplies: readonly GoodsSupply[],
  demands: readonly GoodsDemand[],
  policy: AllocationPolicy,
): GoodsInstance {
  const S = supplies.length;
  const D = demands.length;
  const days = new DayParser();
  const specInterner = new Interner();
  const specNames = specInterner.names;
  const specOf = (id: string) => specInterner.id(id);
  const orgInterner = new Interner();
  const orgOf = (id: string) => orgInterner.id(id);
  const provinceInterner = new Interner();
  const provinceOf = (code: string) => provinceInterner.id(code);

  const supplyGroup = new Int32Array(S);
  const supplyOrg = new Int32Array(S);
  const supplyProvince = new Int32Array(S);
  const supplyFrom = new Float64Array(S);
  const supplyUntil = new Float64Array(S);
  const supplyPrice = new Float64Array(S);
  const supplyRadius = new Float64Array(S);
  const supplyAmount = new Float64Array(S);
  supplies.forEach((s, i) => {
    const what = `supply ${s.id}`;
    supplyAmount[i] = checkAmount(s.remaining, what);
    supplyGroup[i] = specOf(s.specId);
    supplyOrg[i] = orgOf(s.orgId);
    supplyProvince[i] = provinceOf(s.provinceCode);
    supplyFrom[i] = days.day(s.availableFrom, `${what} availableFrom`);
    supplyUntil[i] = days.day(s.availableUntil, `${what} availableUntil`);
    supplyPrice[i] = s.unitPrice ?? Number.NaN;
    if (!(s.deliveryRadiusKm >= 0)) throw new RangeError(`${what}: deliveryRadiusKm must be ≥ 0`);
    supplyRadius[i] = s.deliveryRadiusKm;
  });
  const demandGroup = new Int32Array(D);
  const demandOrg = new Int32Array(D);
  const demandProvince = new Int32Array(D);
  const demandFrom = new Float64Array(D);
  const demandUntil = new Float64Array(D);
  const demandCeiling = new Float64Array(D);
  const demandSubstitutes = new Uint8Array(D);
  const demandAmount = new Float64Array(D);
  demands.forEach((d, j) => {
    const what = `demand ${d.id}`;
    demandAmount[j] = checkAmount(d.remaining, what);
    demandGroup[j] = specOf(d.specId);
    demandOrg[j] = orgOf(d.orgId);
    demandProvince[j] = provinceOf(d.provinceCode);
    demandFrom[j] = days.day(d.deliverFrom, `${what} deliverFrom`);
    demandUntil[j] = days.day(d.neededBy, `${what} neededBy`);
    demandCeiling[j] = d.ceilingPrice ?? Number.NaN;
    demandSubstitutes[j] = d.acceptsSubstitutes ? 1 : 0;
  });

  const groupCount = specNames.length;
  const rate = new Float64Array(groupCount);
  const penalty = new Float64Array(groupCount);
  const supplySpecs = new Set<number>(supplyGroup);
  const demandSpecs = new Set<number>(demandGroup);
  for (const g of supplySpecs) {
    rate[g] = checkRate(policy.freightRate(specNames[g]!), `freightRate(${specNames[g]})`);
    penalty[g] = checkRate(
      policy.provinceBorderPenalty(specNames[g]!),
      `provinceBorderPenalty(${specNames[g]})`,
    );
  }
  const compatibleGroups: number[][] = Array.from({ length: groupCount }, () => []);
  for (const s of supplySpecs) {
    for (const d of demandSpecs) {
      if (s === d || policy.canSubstitute(specNames[s]!, specNames[d]!)) compatibleGroups[s]!.push(d);
    }
  }

  const sp = preparePoints(supplies.map((s) => s.point));
  const dp = preparePoints(demands.map((d) => d.point));
  const unitCostOf = (i: number, distanceKm: number, cross: boolean): number => {
    const g = supplyGroup[i]!;
    return Math.round(MILLI * (distanceKm * rate[g]! + (cross ? penalty[g]! : 0)));
  };
  const crossProvince = (i: number, j: number) => supplyProvince[i] !== demandProvince[j];
  const space: PairSpace = {
    supplyCount: S,
    demandCount: D,
    supplyLat: sp.lat,
    supplyLng: sp.lng,
    supplyCosLat: sp.cosLat,
    supplyRadiusKm: supplyRadius,
    supplyGroup,
    demandLat: dp.lat,
    demandLng: dp.lng,
    demandCosLat: dp.cosLat,
    demandGroup,
    groupCount,
    compatibleGroups,
    admits(i, j) {
      if (supplyOrg[i] === demandOrg[j]) return false;
      if (supplyFrom[i]! > demandUntil[j]! || demandFrom[j]! > supplyUntil[i]!) return false;
      if (supplyPrice[i]! > demandCeiling[j]!) return false; // false when either is NaN (not given)
      if (supplyGroup[i] !== demandGroup[j] && demandSubstitutes[j] === 0) return false;
      return supplyAmount[i]! > 0 && demandAmount[j]! > 0;
    },
    unitCost: (i, j, distanceKm) => unitCostOf(i, distanceKm, crossProvince(i, j)),
  };
  return { space, supplyAmount, demandAmount, specNames, unitCostOf, crossProvince };
}

/** All feasible pairs of a goods instance (with integer unit costs), as the engine sees them. */
export function goodsCandidates(instance: GoodsInstance): CandidatePairs {
  return buildCandidatePairs(instance.space);
}

/** Exact lexicographic goods allocation (max quantity placed, then min integer cost). */
export function allocateGoods(
  supplies: readonly GoodsSupply[],
  demands: readonly GoodsDemand[],
  policy: AllocationPolicy,
  options: AllocationOptions = {},
): GoodsAllocationResult {
  const started = performance.now();
  const built = buildGoodsInstance(supplies, demands, policy);
  const instance: GoodsInstance = {
    ...built,
    space: withOrgPairsApart(
      built.space,
      (i) => supplies[i]!.orgId,
      (j) => demands[j]!.orgId,
      options.orgPairsApart,
    ),
  };
  const pairs = goodsCandidates(instance);
  const candidatesMs = performance.now() - started;
  const solution = solveTransport(instance.supplyAmount, instance.demandAmount, pairs, options);
  const days = new DayParser();

  const alternatives =
    options.explain === false
      ? null
      : nearerAlternatives(pairs, solution, instance.supplyAmount, {
          maxAlternatives: options.maxNearerAlternatives ?? 3,
          maxTakers: options.maxTakers ?? 3,
        });

  const allocations: GoodsAllocation[] = [];
  let unitKm = 0;
  let inProvince = 0;
  for (let a = 0; a < solution.pairs.length; a++) {
    const p = solution.pairs[a]!;
    const i = supplyOfPair(pairs, p);
    const j = pairs.demand[p]!;
    const q = solution.quantity[a]!;
    const supply = supplies[i]!;
    const demand = demands[j]!;
    const distanceKm = pairs.distanceKm[p]!;
    const cross = instance.crossProvince(i, j);
    const rate = policy.freightRate(supply.specId);
    const penalty = cross ? policy.provinceBorderPenalty(supply.specId) : 0;
    const unitCost = pairs.cost[p]!;
    unitKm += q * distanceKm;
    if (!cross) inProvince += q;
    const substitute = supply.specId !== demand.specId;
    const reasons: AllocationReason[] = [];
    if (alternatives) {
      reasons.push({ code: 'distance', distanceKm, radiusKm: supply.deliveryRadiusKm });
      reasons.push({
        code: 'freight',
        ratePerKm: rate,
        perUnit: distanceKm * rate,
        total: q * distanceKm * rate,
      });
      reasons.push(
        cross
          ? {
              code: 'cross-province',
              supplyProvinceCode: supply.provinceCode,
              demandProvinceCode: demand.provinceCode,
              penaltyPerUnit: penalty,
              total: q * penalty,
            }
          : { code: 'in-province', provinceCode: supply.provinceCode },
      );
      reasons.push({
        code: 'date-overlap',
        ...days.overlap(supply.availableFrom, supply.availableUntil, demand.deliverFrom, demand.neededBy),
      });
      if (supply.unitPrice !== undefined && demand.ceilingPrice !== undefined) {
        reasons.push({
          code: 'price-within-ceiling',
          unitPrice: supply.unitPrice,
          ceilingPrice: demand.ceilingPrice,
        });
      }
      if (substitute)
        reasons.push({ code: 'substitute', supplySpecId: supply.specId, demandSpecId: demand.specId });
      for (const alt of alternatives[a]!) {
        const other = supplies[alt.supply]!;
        if (alt.exhausted) {
          reasons.push({
            code: 'nearer-supply-exhausted',
            supplyId: other.id,
            distanceKm: alt.distanceKm,
            takenBy: alt.takenBy.map((t) => ({ demandId: demands[t.demand]!.id, quantity: t.quantity })),
            otherTakers: alt.otherTakers,
          });
        } else {
          reasons.push({
            code: alt.unitCost > unitCost ? 'nearer-supply-costlier' : 'nearer-supply-tied',
            supplyId: other.id,
            distanceKm: alt.distanceKm,
            unitCost: alt.unitCost,
            chosenUnitCost: unitCost,
            crossProvince: instance.crossProvince(alt.supply, j),
          });
        }
      }
    }
    allocations.push({
      supplyId: supply.id,
      demandId: demand.id,
      quantity: q,
      distanceKm,
      freightCost: q * distanceKm * rate,
      borderPenalty: q * penalty,
      unitCost,
      cost: q * unitCost,
      crossProvince: cross,
      substitute,
      reasons,
    });
  }
  allocations.sort((x, y) =>
    x.demandId < y.demandId ? -1 : x.demandId > y.demandId ? 1 : x.distanceKm - y.distanceKm,
  );

  const supplyTotal = sum(instance.supplyAmount);
  const demandTotal = sum(instance.demandAmount);
  const totals: AllocationTotals = {
    placed: solution.placed,
    supplyTotal,
    demandTotal,
    placedShare: demandTotal > 0 ? solution.placed / demandTotal : 0,
    cost: solution.cost,
    costCny: solution.cost / MILLI,
    unitKm,
    inProvinceShare: solution.placed > 0 ? inProvince / solution.placed : 0,
  };
  const stats: AllocationStats = {
    candidatePairs: pairs.count,
    solvedArcs: solution.stats.solvedArcs,
    pricingRounds: solution.stats.pricingRounds,
    pivots: solution.stats.pivots,
    solveMs: solution.stats.solveMs,
    candidatesMs,
    totalMs: performance.now() - started,
  };
  if (options.certify) {
    const t = performance.now();
    const certificate = certifyTransport(solution, pairs);
    stats.certificate = {
      certified: certificate.certified,
      worstViolation: certificate.worstViolation,
      ms: performance.now() - t,
    };
  }
  return { allocations, totals, stats };
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
