/**
 * Nearest-first greedy baseline for the goods instance — what a clerk with a map would do, used to show
 * what the exact allocator saves.
 *
 * Demands are served one at a time in a stated order — by default the most urgent first (`neededBy`
 * ascending, then `deliverFrom` ascending, then input order); `order: 'input'` keeps the input order.
 * Each demand takes from its feasible suppliers (same pairing rule as the exact engine) nearest first
 * (ties: earlier supplier in the input), as much as each still has, until it is covered.
 *
 * The greedy places at most as much as the optimum and, for the quantity it does place, costs at least
 * as much as the cheapest way of placing that quantity; usually it is worse on both counts.
 */

import {
  type AllocationPolicy,
  buildGoodsInstance,
  type GoodsDemand,
  type GoodsInstance,
  type GoodsSupply,
  goodsCandidates,
} from './allocation.ts';
import { type CandidatePairs, pairsByDemand } from './candidates.ts';

export interface GreedyOptions {
  order?: 'needed-by' | 'input';
  /** Reuse an instance and its candidate pairs (must come from the same supplies/demands/policy). */
  prepared?: { instance: GoodsInstance; pairs: CandidatePairs };
}

export interface GreedyAllocation {
  supplyId: string;
  demandId: string;
  quantity: number;
  distanceKm: number;
  /** Milli-CNY per step, as in the exact allocation. */
  unitCost: number;
  crossProvince: boolean;
  substitute: boolean;
}

export interface GreedyResult {
  allocations: GreedyAllocation[];
  totals: { placed: number; cost: number; unitKm: number; placedShare: number };
  stats: { ms: number };
}

export function greedyGoods(
  supplies: readonly GoodsSupply[],
  demands: readonly GoodsDemand[],
  policy: AllocationPolicy,
  options: GreedyOptions = {},
): GreedyResult {
  const started = performance.now();
  const instance = options.prepared?.instance ?? buildGoodsInstance(supplies, demands, policy);
  const pairs = options.prepared?.pairs ?? goodsCandidates(instance);
  const byDemand = pairsByDemand(pairs);
  const left = Float64Array.from(instance.supplyAmount);

  const order = demands.map((_, j) => j);
  if ((options.order ?? 'needed-by') === 'needed-by') {
    order.sort((a, b) => {
      const x = demands[a]!;
      const y = demands[b]!;
      if (x.neededBy !== y.neededBy) return x.neededBy < y.neededBy ? -1 : 1;
      if (x.deliverFrom !== y.deliverFrom) return x.deliverFrom < y.deliverFrom ? -1 : 1;
      return a - b;
    });
  }

  const allocations: GreedyAllocation[] = [];
  let placed = 0;
  let cost = 0;
  let unitKm = 0;
  const list: number[] = [];
  for (const j of order) {
    let need = instance.demandAmount[j]!;
    if (need === 0) continue;
    list.length = 0;
    for (let t = byDemand.start[j]!, end = byDemand.start[j + 1]!; t < end; t++) {
      const p = byDemand.pair[t]!;
      if (left[byDemand.supplyOfPair[p]!]! > 0) list.push(p);
    }
    list.sort(
      (x, y) =>
        pairs.distanceKm[x]! - pairs.distanceKm[y]! || byDemand.supplyOfPair[x]! - byDemand.supplyOfPair[y]!,
    );
    for (const p of list) {
      if (need === 0) break;
      const i = byDemand.supplyOfPair[p]!;
      const q = Math.min(need, left[i]!);
      if (q <= 0) continue;
      left[i]! -= q;
      need -= q;
      placed += q;
      cost += q * pairs.cost[p]!;
      unitKm += q * pairs.distanceKm[p]!;
      allocations.push({
        supplyId: supplies[i]!.id,
        demandId: demands[j]!.id,
        quantity: q,
        distanceKm: pairs.distanceKm[p]!,
        unitCost: pairs.cost[p]!,
        crossProvince: instance.crossProvince(i, j),
        substitute: supplies[i]!.specId !== demands[j]!.specId,
      });
    }
  }
  let demandTotal = 0;
  for (const v of instance.demandAmount) demandTotal += v;
  return {
    allocations,
    totals: { placed, cost, unitKm, placedShare: demandTotal > 0 ? placed / demandTotal : 0 },
    stats: { ms: performance.now() - started },
  };
}
