/**
 * "Why not the nearer one?" — for every allocated pair (i, j), the feasible suppliers of demand j that
 * are nearer than i but were not used for j, with what happened to them.
 *
 * In an optimal lexicographic solution a nearer feasible supplier k with x_kj = 0 is either
 * - exhausted: all of its amount went to other demands (which ones is reported), or
 * - not cheaper: it had spare amount, so moving a unit of j from i to k is feasible and keeps the placed
 *   quantity; optimality then implies c_kj ≥ c_ij (e.g. a provincial border penalty or a dearer freight
 *   rate outweighs the shorter distance). Equal costs are reported as ties.
 */

import { type CandidatePairs, supplyOfPair } from './candidates.ts';

export interface NearerAlternative {
  supply: number;
  distanceKm: number;
  unitCost: number;
  /** True when the supply's whole amount is allocated (to other demands). */
  exhausted: boolean;
  /** Largest takers of the supply's amount (demand index, quantity), largest first. */
  takenBy: Array<{ demand: number; quantity: number }>;
  /** How many further demands took from it beyond those listed. */
  otherTakers: number;
}

export interface AllocatedPairs {
  /** Pair indices carrying flow. */
  pairs: Int32Array;
  quantity: Float64Array;
  shippedBySupply: Float64Array;
}

export interface ExplainOptions {
  maxAlternatives?: number;
  maxTakers?: number;
}

/**
 * Returns, aligned with `allocated.pairs`, the nearer unused alternatives of each allocation (nearest
 * first, ties by supply index). One pass over all pairs keeps, per demand, the `maxAlternatives`
 * nearest unused suppliers closer than its farthest chosen one — no per-demand sorting.
 */
export function nearerAlternatives(
  pairs: CandidatePairs,
  allocated: AllocatedPairs,
  supplyAmount: ArrayLike<number>,
  options: ExplainOptions = {},
): NearerAlternative[][] {
  const K = Math.max(0, options.maxAlternatives ?? 3);
  const maxTakers = options.maxTakers ?? 3;
  const count = allocated.pairs.length;
  const D = pairs.demandCount;
  const chosen = new Uint8Array(pairs.count);
  const farthest = new Float64Array(D);
  const supplyOfAllocation = new Int32Array(count);
  const perSupply = new Map<number, number[]>();
  for (let a = 0; a < count; a++) {
    const p = allocated.pairs[a]!;
    chosen[p] = 1;
    const j = pairs.demand[p]!;
    const d = pairs.distanceKm[p]!;
    if (d > farthest[j]!) farthest[j] = d;
    const i = supplyOfPair(pairs, p);
    supplyOfAllocation[a] = i;
    const list = perSupply.get(i);
    if (list) list.push(a);
    else perSupply.set(i, [a]);
  }
  for (const list of perSupply.values()) list.sort((x, y) => allocated.quantity[y]! - allocated.quantity[x]!);

  // Per demand, the K nearest unused feasible suppliers closer than its farthest chosen one.
  const bestPair = new Int32Array(D * K);
  const bestSupply = new Int32Array(D * K);
  const bestDistance = new Float64Array(D * K);
  const bestCount = new Int32Array(D);
  const { start, demand, distanceKm } = pairs;
  if (K > 0) {
    for (let i = 0; i < pairs.supplyCount; i++) {
      for (let p = start[i]!, end = start[i + 1]!; p < end; p++) {
        const j = demand[p]!;
        const d = distanceKm[p]!;
        if (d >= farthest[j]! || chosen[p] === 1) continue;
        const base = j * K;
        let size = bestCount[j]!;
        if (size === K && d >= bestDistance[base + K - 1]!) continue;
        if (size < K) size++;
        let at = size - 1;
        while (at > 0 && bestDistance[base + at - 1]! > d) {
          bestDistance[base + at] = bestDistance[base + at - 1]!;
          bestPair[base + at] = bestPair[base + at - 1]!;
          bestSupply[base + at] = bestSupply[base + at - 1]!;
          at--;
        }
        bestDistance[base + at] = d;
        bestPair[base + at] = p;
        bestSupply[base + at] = i;
        bestCount[j] = size;
      }
    }
  }

  const described = new Map<number, NearerAlternative>();
  const describe = (k: number, p: number): NearerAlternative => {
    const known = described.get(p);
    if (known) return known;
    const takers = perSupply.get(k) ?? [];
    const alternative: NearerAlternative = {
      supply: k,
      distanceKm: pairs.distanceKm[p]!,
      unitCost: pairs.cost[p]!,
      exhausted: allocated.shippedBySupply[k]! >= supplyAmount[k]!,
      takenBy: takers.slice(0, maxTakers).map((a) => ({
        demand: pairs.demand[allocated.pairs[a]!]!,
        quantity: allocated.quantity[a]!,
      })),
      otherTakers: Math.max(0, takers.length - maxTakers),
    };
    described.set(p, alternative);
    return alternative;
  };

  const out: NearerAlternative[][] = new Array(count);
  for (let a = 0; a < count; a++) {
    const p = allocated.pairs[a]!;
    const j = pairs.demand[p]!;
    const d = pairs.distanceKm[p]!;
    const alternatives: NearerAlternative[] = [];
    const base = j * K;
    for (let t = 0; t < bestCount[j]!; t++) {
      if (bestDistance[base + t]! >= d) break;
      alternatives.push(describe(bestSupply[base + t]!, bestPair[base + t]!));
    }
    out[a] = alternatives;
  }
  return out;
}
