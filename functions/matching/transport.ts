/**
 * Lexicographic transportation by column generation on the network simplex.
 *
 * Problem: supplies i with amounts a_i, demands j with amounts d_j, and a list of feasible pairs (i, j)
 * with integer unit costs c_ij. Find integer x_ij ≥ 0 with Σ_j x_ij ≤ a_i and Σ_i x_ij ≤ d_j that first
 * maximises Σ x_ij and then minimises Σ c_ij x_ij.
 *
 * Network: node i (supply a_i), node S + j (supply −d_j), one uncapacitated arc per pair, solved in
 * the simplex's `lexicographic` mode (unmet arcs to an artificial root; see min-cost-flow.ts).
 *
 * Column generation (exact): start from the k cheapest pairs of every demand (default 4), solve, then
 * price *all* feasible pairs with the optimal potentials — rc = c_ij + π_i − π_{S+j} — and append the
 * most negative ones (up to 16 per supply and round) as new arcs at flow 0. The current tree stays a
 * feasible basis (warm start) and the simplex resumes. When a pricing pass finds no negative reduced
 * cost, the potentials prove optimality over the full pair set (the same check is repeated
 * independently by {@link certifyTransport}).
 */

import { type CandidatePairs, cheapestPairsPerDemand, supplyOfPair } from './candidates.ts';
import { type CertificateResult, certifyMinCostFlow } from './certificate.ts';
import type { FlowNetwork } from './flow-network.ts';
import { NetworkSimplex } from './min-cost-flow.ts';

export interface TransportOptions {
  /** Pairs per demand in the first restricted problem (cheapest first). Default 4. */
  initialPairsPerDemand?: number;
  /** At most this many priced-out pairs are added per supply and round (most negative first). Default 16. */
  maxAddedPerSupply?: number;
  /**
   * Simplex block size factor (block = factor·√arcs). Default 0.4: the restricted problems are small and
   * dense in improving arcs, so shorter blocks than LEMON's general-purpose 1.0 pay off (measured).
   */
  blockSizeFactor?: number;
}

export interface TransportSolution {
  /** Pair indices (into the CandidatePairs) carrying flow, in increasing pair order. */
  pairs: Int32Array;
  quantity: Float64Array;
  shippedBySupply: Float64Array;
  receivedByDemand: Float64Array;
  placed: number;
  /** Σ c·x over the pairs, exact integer. */
  cost: number;
  /** Potentials of supplies (0..S−1), demands (S..S+D−1) and the root (S+D). */
  potentials: Float64Array;
  unmet: Float64Array;
  penalty: number;
  /** The explicit network finally solved (arcs = pairs handed to the simplex), for certification. */
  network: FlowNetwork;
  /** Flow per arc of `network`. */
  flow: Float64Array;
  /** Pair index of every arc of `network`. */
  arcPair: Int32Array;
  stats: {
    pricingRounds: number;
    solvedArcs: number;
    pivots: number;
    solveMs: number;
    pricingMs: number;
    /** Arcs priced by the simplex's block search, and node potentials shifted by its pivots. */
    scannedArcs: number;
    shiftedPotentials: number;
    /** Candidate pairs priced by the rounds of column generation. */
    pricedPairs: number;
  };
}

class GrowableArcs {
  tail = new Int32Array(1024);
  head = new Int32Array(1024);
  cost = new Float64Array(1024);
  pair = new Int32Array(1024);
  count = 0;

  push(tail: number, head: number, cost: number, pair: number): void {
    if (this.count === this.tail.length) {
      const size = this.count * 2;
      const t = new Int32Array(size);
      t.set(this.tail);
      this.tail = t;
      const h = new Int32Array(size);
      h.set(this.head);
      this.head = h;
      const c = new Float64Array(size);
      c.set(this.cost);
      this.cost = c;
      const p = new Int32Array(size);
      p.set(this.pair);
      this.pair = p;
    }
    const k = this.count++;
    this.tail[k] = tail;
    this.head[k] = head;
    this.cost[k] = cost;
    this.pair[k] = pair;
  }
}

function checkAmounts(amounts: ArrayLike<number>, what: string): void {
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i]!;
    if (!Number.isSafeInteger(a) || a < 0)
      throw new RangeError(`${what} ${i}: amount must be a non-negative integer`);
  }
}

export function solveTransport(
  supplyAmount: ArrayLike<number>,
  demandAmount: ArrayLike<number>,
  pairs: CandidatePairs,
  options: TransportOptions = {},
): TransportSolution {
  const S = supplyAmount.length;
  const D = demandAmount.length;
  if (pairs.supplyCount !== S || pairs.demandCount !== D)
    throw new RangeError('pairs do not match the amounts');
  checkAmounts(supplyAmount, 'supply');
  checkAmounts(demandAmount, 'demand');
  const k = Math.max(0, Math.floor(options.initialPairsPerDemand ?? 4));
  const perSupplyLimit = Math.max(1, Math.floor(options.maxAddedPerSupply ?? 16));
  const n = S + D;
  const b = new Float64Array(n);
  for (let i = 0; i < S; i++) b[i] = supplyAmount[i]!;
  for (let j = 0; j < D; j++) b[S + j] = -demandAmount[j]!;
  const solver = new NetworkSimplex(n, b, {
    mode: 'lexicographic',
    costBound: pairs.maxCost,
    blockSizeFactor: options.blockSizeFactor ?? 0.4,
  });

  const arcs = new GrowableArcs();
  const capacityOf = (count: number) => new Float64Array(count).fill(Number.POSITIVE_INFINITY);
  const addBatch = (from: number) => {
    const count = arcs.count - from;
    if (count === 0) return;
    solver.addArcs(
      arcs.tail.subarray(from, arcs.count),
      arcs.head.subarray(from, arcs.count),
      arcs.cost.subarray(from, arcs.count),
      capacityOf(count),
    );
  };

  // Restricted problem: the k cheapest pairs of every demand.
  const initial = cheapestPairsPerDemand(pairs, k);
  initial.sort();
  for (const p of initial) {
    const i = supplyOfPair(pairs, p);
    const j = pairs.demand[p]!;
    arcs.push(i, S + j, pairs.cost[p]!, p);
  }
  addBatch(0);

  let solveMs = 0;
  let pricingMs = 0;
  let rounds = 0;
  const candPair = new Int32Array(Math.max(1, perSupplyLimit));
  const candRc = new Float64Array(Math.max(1, perSupplyLimit));
  for (;;) {
    const t0 = performance.now();
    const status = solver.solve();
    solveMs += performance.now() - t0;
    if (status !== 'optimal') throw new Error(`transport solve ended ${status}`);
    const t1 = performance.now();
    rounds++;
    const pi = solver.potentialView();
    const before = arcs.count;
    const { start, demand, cost } = pairs;
    for (let i = 0; i < S; i++) {
      const pii = pi[i]!;
      let found = 0;
      let worstAt = 0; // index of the least negative kept candidate when full
      for (let p = start[i]!, end = start[i + 1]!; p < end; p++) {
        const head = S + demand[p]!;
        const rc = cost[p]! + pii - pi[head]!;
        if (rc >= 0) continue;
        if (found < perSupplyLimit) {
          candPair[found] = p;
          candRc[found] = rc;
          if (rc > candRc[worstAt]!) worstAt = found;
          found++;
        } else if (rc < candRc[worstAt]!) {
          candPair[worstAt] = p;
          candRc[worstAt] = rc;
          worstAt = 0;
          for (let t = 1; t < found; t++) if (candRc[t]! > candRc[worstAt]!) worstAt = t;
        }
      }
      for (let t = 0; t < found; t++) {
        const p = candPair[t]!;
        arcs.push(i, S + demand[p]!, cost[p]!, p);
      }
    }
    pricingMs += performance.now() - t1;
    if (arcs.count === before) break;
    addBatch(before);
  }

  const m = arcs.count;
  const flow = new Float64Array(m);
  const shippedBySupply = new Float64Array(S);
  const receivedByDemand = new Float64Array(D);
  let used = 0;
  let placed = 0;
  let totalCost = 0;
  for (let a = 0; a < m; a++) {
    const x = solver.flowOf(a);
    flow[a] = x;
    if (x > 0) {
      used++;
      placed += x;
      totalCost += x * arcs.cost[a]!;
      shippedBySupply[arcs.tail[a]!]! += x;
      receivedByDemand[arcs.head[a]! - S]! += x;
    }
  }
  if (!Number.isSafeInteger(totalCost)) throw new RangeError('total cost exceeds 2^53');
  const order = new Int32Array(used);
  let w = 0;
  for (let a = 0; a < m; a++) if (flow[a]! > 0) order[w++] = a;
  order.sort((x, y) => arcs.pair[x]! - arcs.pair[y]!);
  const usedPairs = new Int32Array(used);
  const quantity = new Float64Array(used);
  for (let t = 0; t < used; t++) {
    usedPairs[t] = arcs.pair[order[t]!]!;
    quantity[t] = flow[order[t]!]!;
  }
  const network: FlowNetwork = {
    nodeCount: n,
    arcCount: m,
    supply: b,
    tail: arcs.tail.slice(0, m),
    head: arcs.head.slice(0, m),
    capacity: capacityOf(m),
    cost: arcs.cost.slice(0, m),
  };
  return {
    pairs: usedPairs,
    quantity,
    shippedBySupply,
    receivedByDemand,
    placed,
    cost: totalCost,
    potentials: solver.potentials(),
    unmet: solver.unmet(),
    penalty: solver.penalty,
    network,
    flow,
    arcPair: arcs.pair.slice(0, m),
    stats: {
      pricingRounds: rounds,
      solvedArcs: m,
      pivots: solver.pivots,
      solveMs,
      pricingMs,
      scannedArcs: solver.work.scannedArcs,
      shiftedPotentials: solver.work.shiftedPotentials,
      pricedPairs: rounds * pairs.count,
    },
  };
}

/**
 * Certifies a transport solution over *every* feasible pair: the explicit arcs the simplex saw
 * (flows, bounds, conservation with unmet amounts, reduced costs) plus all candidate pairs as implicit
 * zero-flow arcs, and that the unmet penalty is large enough for the lexicographic objective.
 */
export function certifyTransport(solution: TransportSolution, pairs: CandidatePairs): CertificateResult {
  const S = pairs.supplyCount;
  return certifyMinCostFlow({
    network: solution.network,
    flow: solution.flow,
    potentials: solution.potentials,
    lexicographic: { unmet: solution.unmet, penalty: solution.penalty },
    implicitArcs: (visit) => {
      const { start, demand, cost } = pairs;
      for (let i = 0; i < S; i++) {
        for (let p = start[i]!, end = start[i + 1]!; p < end; p++) visit(i, S + demand[p]!, cost[p]!);
      }
    },
  });
}
