/**
 * A gallery of min-cost-flow instance families (fixed seeds) for `npm run bench:matching -- --gallery`.
 *
 * - `transport-geo`: what the matcher builds for a dense province-crossing goods run — suppliers and
 *   sites placed at real county centres (`functions/regions`), one spec, every pair within the supplier's
 *   radius is a candidate (found by the matcher's own `goodsCandidates`, integer milli-CNY costs from
 *   great-circle distance and the province-border penalty), turned into the lexicographic network
 *   (supplies, demands, a root absorbing the imbalance, unmet arcs of cost H = (n−1)·Cmax + 1).
 * - `bench-goods`: the same construction on the matching bench's own instance family.
 * - `sparse`: random sparse network (average out-degree ~11), a random Hamiltonian cycle of
 *   high-capacity, expensive arcs keeps it feasible; some cycle arcs have lower bounds.
 * - `netgen`: NETGEN-style (Klingman, Napier, Stutz): ~√n sources and sinks, a high-capacity skeleton
 *   from every source through a chain of transshipment nodes to a few sinks, then random arcs with
 *   capacities 1..1000 and costs 1..10,000 up to out-degree 8.
 * - `gridgen`: GRIDGEN-style: a rows × cols grid with arcs both ways between neighbours plus random
 *   long arcs; sources and sinks scattered over the grid, feasibility from a routed hidden flow.
 *
 * Every network is balanced and feasible by construction, with finite integer capacities (so the DIMACS
 * text handed to LEMON describes exactly the same network).
 */

import {
  buildGoodsInstance,
  type GoodsDemand,
  type GoodsSupply,
  goodsCandidates,
} from '../../functions/matching/allocation.ts';
import type { CandidatePairs } from '../../functions/matching/candidates.ts';
import { type FlowNetwork, FlowNetworkBuilder } from '../../functions/matching/flow-network.ts';
import { COUNTRY_ADCODE, childrenOf, type Region } from '../../functions/regions/regions.ts';
import { benchPolicy, generateInstance, mulberry32 } from './goods-instance.ts';

export type FamilyName = 'transport-geo' | 'bench-goods' | 'sparse' | 'netgen' | 'gridgen';
export const FAMILIES: readonly FamilyName[] = [
  'transport-geo',
  'bench-goods',
  'sparse',
  'netgen',
  'gridgen',
];

/** Default bench scale of each family; `scale` < 1 gives small instances of the same shape (tests). */
export function familyNetwork(name: FamilyName, scale = 1, seed = 20_260_101): FlowNetwork {
  switch (name) {
    case 'transport-geo': {
      const k = Math.max(4, Math.round(3000 * scale));
      return geoTransportNetwork(k, k, seed);
    }
    case 'bench-goods':
      return benchGoodsNetwork(Math.max(4, Math.round(5000 * scale)));
    case 'sparse':
      return sparseNetwork(Math.max(8, Math.round(20_000 * scale)), 11, seed);
    case 'netgen':
      return netgenNetwork(Math.max(16, Math.round(16_384 * scale)), 8, seed);
    case 'gridgen': {
      const rows = Math.max(3, Math.round(100 * Math.sqrt(scale)));
      const cols = Math.max(3, Math.round(160 * Math.sqrt(scale)));
      return gridgenNetwork(rows, cols, seed);
    }
  }
}

// ------------------------------------------------------------------ lexicographic transport network

/**
 * The matcher's lexicographic transport problem as a plain balanced min-cost flow: supply i (node i),
 * demand j (node S + j), root (node S + D) absorbing the imbalance, every candidate pair, and the unmet
 * arcs i → root and root → j of cost H. Capacities are finite (the total supply) so DIMACS is exact.
 */
export function lexicographicTransportNetwork(
  supplyAmount: ArrayLike<number>,
  demandAmount: ArrayLike<number>,
  pairs: CandidatePairs,
): { network: FlowNetwork; penalty: number } {
  const S = supplyAmount.length;
  const D = demandAmount.length;
  const n = S + D;
  const penalty = Math.max(1, (n - 1) * pairs.maxCost + 1);
  let total = 0;
  let net = 0;
  for (let i = 0; i < S; i++) {
    total += supplyAmount[i]!;
    net += supplyAmount[i]!;
  }
  for (let j = 0; j < D; j++) net -= demandAmount[j]!;
  const big = Math.max(1, total);
  const builder = new FlowNetworkBuilder(n + 1, pairs.count + n);
  for (let i = 0; i < S; i++) builder.addNode(supplyAmount[i]!);
  for (let j = 0; j < D; j++) builder.addNode(-demandAmount[j]!);
  const root = builder.addNode(-net);
  for (let i = 0; i < S; i++) {
    for (let p = pairs.start[i]!; p < pairs.start[i + 1]!; p++) {
      builder.addArc(i, S + pairs.demand[p]!, big, pairs.cost[p]!);
    }
  }
  for (let i = 0; i < S; i++) builder.addArc(i, root, big, penalty);
  for (let j = 0; j < D; j++) builder.addArc(root, S + j, big, penalty);
  return { network: builder.build(), penalty };
}

function benchGoodsNetwork(size: number): FlowNetwork {
  const { supplies, demands } = generateInstance(size, size);
  const instance = buildGoodsInstance(supplies, demands, benchPolicy);
  return lexicographicTransportNetwork(
    instance.supplyAmount,
    instance.demandAmount,
    goodsCandidates(instance),
  ).network;
}

let countyCache: Region[] | null = null;

/** Every county-level division (district level) of the region table, in code order. */
export function countyCentres(): Region[] {
  if (countyCache) return countyCache;
  const counties: Region[] = [];
  const walk = (code: string): void => {
    for (const child of childrenOf(code)) {
      if (child.level === 'district') counties.push(child);
      else walk(child.adcode);
    }
  };
  walk(COUNTRY_ADCODE);
  countyCache = counties;
  return counties;
}

/**
 * Dense transport over real geography: S suppliers and D sites at random county centres of the
 * provinces east of ~108°E (where most counties are), one spec (cement), radii 320–700 km, quantities
 * log-uniform 1–245 — about 20 % of all pairs within reach.
 */
export function geoTransportNetwork(S: number, D: number, seed: number): FlowNetwork {
  const random = mulberry32(seed ^ 0x9e3779b9);
  const counties = countyCentres().filter((c) => c.lng >= 108);
  const pick = () => counties[Math.floor(random() * counties.length)]!;
  const quantity = () => Math.max(1, Math.round(Math.exp(random() * 5.5)));
  const supplies: GoodsSupply[] = [];
  for (let i = 0; i < S; i++) {
    const c = pick();
    supplies.push({
      id: `s${i}`,
      orgId: `so${i}`,
      specId: 'cement-po425',
      remaining: quantity(),
      point: { lat: c.lat, lng: c.lng },
      provinceCode: c.adcode.slice(0, 2),
      deliveryRadiusKm: 320 + random() * 380,
      availableFrom: '2026-03-01',
      availableUntil: '2026-06-30',
    });
  }
  const demands: GoodsDemand[] = [];
  for (let j = 0; j < D; j++) {
    const c = pick();
    demands.push({
      id: `d${j}`,
      orgId: `do${j}`,
      specId: 'cement-po425',
      remaining: quantity(),
      point: { lat: c.lat, lng: c.lng },
      provinceCode: c.adcode.slice(0, 2),
      deliverFrom: '2026-03-10',
      neededBy: '2026-04-30',
      acceptsSubstitutes: false,
    });
  }
  const instance = buildGoodsInstance(supplies, demands, benchPolicy);
  return lexicographicTransportNetwork(
    instance.supplyAmount,
    instance.demandAmount,
    goodsCandidates(instance),
  ).network;
}

// ------------------------------------------------------------------ classic families

function randomInt(random: () => number, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

function shuffled(count: number, random: () => number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  for (let i = count - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    const t = order[i]!;
    order[i] = order[k]!;
    order[k] = t;
  }
  return order;
}

/** Random sparse network with a feasible high-capacity Hamiltonian cycle (some arcs with lower bounds). */
export function sparseNetwork(n: number, degree: number, seed: number): FlowNetwork {
  const random = mulberry32(seed ^ 0x5a5a5a5);
  const supply = new Float64Array(n);
  const movers = Math.max(2, Math.floor(n / 10));
  let total = 0;
  for (let k = 0; k < movers; k++) {
    const amount = randomInt(random, 1, 1000);
    supply[Math.floor(random() * n)]! += amount;
    supply[Math.floor(random() * n)]! -= amount;
    total += amount;
  }
  const builder = new FlowNetworkBuilder(n, n * degree);
  for (let v = 0; v < n; v++) builder.addNode(supply[v]!);
  const big = total + 1000 * n;
  const order = shuffled(n, random);
  for (let k = 0; k < n; k++) {
    const lower = random() < 0.05 ? randomInt(random, 1, 20) : 0;
    builder.addArc(order[k]!, order[(k + 1) % n]!, big, randomInt(random, 5000, 10_000), lower);
  }
  for (let a = n; a < n * degree; a++) {
    const t = Math.floor(random() * n);
    let h = Math.floor(random() * n);
    if (h === t) h = (h + 1) % n;
    builder.addArc(t, h, randomInt(random, 1, 1000), randomInt(random, 1, 10_000));
  }
  return builder.build();
}

/** NETGEN-style network: ~√n sources and sinks, a high-capacity skeleton, random arcs to out-degree `degree`. */
export function netgenNetwork(n: number, degree: number, seed: number): FlowNetwork {
  const random = mulberry32(seed ^ 0x2c1b3c6d);
  const sources = Math.max(1, Math.round(Math.sqrt(n)));
  const sinks = sources;
  const transshipment = n - sources - sinks;
  const totalSupply = 1000 * sources;
  const supply = new Float64Array(n);
  // Nodes: sources 0..sources−1, sinks then, transshipment the rest.
  const sinkBase = sources;
  const transBase = sources + sinks;
  const builder = new FlowNetworkBuilder(n, n * degree);
  for (let v = 0; v < n; v++) builder.addNode(0);
  // Split the total supply among the sources (every source ≥ 1).
  const cuts = [0, totalSupply];
  for (let k = 1; k < sources; k++) cuts.push(randomInt(random, 0, totalSupply - sources));
  cuts.sort((a, b) => a - b);
  const skeletonCost = () => (random() < 0.3 ? 10_000 : randomInt(random, 1, 10_000));
  const trans = shuffled(transshipment, random);
  const chainLength = Math.max(1, Math.floor(transshipment / sources));
  let arcs = 0;
  for (let s = 0; s < sources; s++) {
    const amount = 1 + cuts[s + 1]! - cuts[s]!;
    supply[s] = amount;
    let previous = s;
    for (let k = 0; k < chainLength; k++) {
      const t = transBase + trans[(s * chainLength + k) % transshipment]!;
      builder.addArc(previous, t, totalSupply + sources, skeletonCost());
      arcs++;
      previous = t;
    }
    // The chain end feeds 1–4 sinks.
    const reach = randomInt(random, 1, 4);
    let left = amount;
    for (let r = 0; r < reach; r++) {
      const sink = sinkBase + Math.floor(random() * sinks);
      const part = r === reach - 1 ? left : Math.floor(left * random());
      builder.addArc(previous, sink, totalSupply + sources, skeletonCost());
      arcs++;
      supply[sink]! -= part;
      left -= part;
    }
  }
  for (let v = 0; v < n; v++) builder.setSupply(v, supply[v]!);
  for (; arcs < n * degree; arcs++) {
    const t = Math.floor(random() * n);
    let h = Math.floor(random() * n);
    if (h === t) h = (h + 1) % n;
    builder.addArc(t, h, randomInt(random, 1, 1000), randomInt(random, 1, 10_000));
  }
  return builder.build();
}

/**
 * GRIDGEN-style network: a rows × cols grid, arcs both ways between horizontal and vertical neighbours,
 * plus `extra` random arcs per node; ~√n sources and sinks. Each source ships to a random sink along an
 * L-shaped grid path (the hidden flow); grid arc capacities are at least what that flow needs.
 */
export function gridgenNetwork(rows: number, cols: number, seed: number, extra = 4): FlowNetwork {
  const random = mulberry32(seed ^ 0x7f4a7c15);
  const n = rows * cols;
  const id = (r: number, c: number) => r * cols + c;
  // Grid arcs: right, left, down, up; index by (node, direction).
  const need = new Float64Array(n * 4);
  const supply = new Float64Array(n);
  const pairs = Math.max(1, Math.round(Math.sqrt(n)));
  for (let k = 0; k < pairs; k++) {
    const amount = randomInt(random, 100, 2000);
    let r = Math.floor(random() * rows);
    let c = Math.floor(random() * cols);
    const r2 = Math.floor(random() * rows);
    const c2 = Math.floor(random() * cols);
    supply[id(r, c)]! += amount;
    supply[id(r2, c2)]! -= amount;
    while (c !== c2) {
      const dir = c2 > c ? 0 : 1;
      need[id(r, c) * 4 + dir]! += amount;
      c += c2 > c ? 1 : -1;
    }
    while (r !== r2) {
      const dir = r2 > r ? 2 : 3;
      need[id(r, c) * 4 + dir]! += amount;
      r += r2 > r ? 1 : -1;
    }
  }
  const builder = new FlowNetworkBuilder(n, n * (4 + extra));
  for (let v = 0; v < n; v++) builder.addNode(supply[v]!);
  const gridArc = (from: number, to: number, dir: number) =>
    builder.addArc(
      from,
      to,
      Math.max(randomInt(random, 1, 1000), need[from * 4 + dir]!),
      randomInt(random, 1, 10_000),
    );
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = id(r, c);
      if (c + 1 < cols) gridArc(v, id(r, c + 1), 0);
      if (c > 0) gridArc(v, id(r, c - 1), 1);
      if (r + 1 < rows) gridArc(v, id(r + 1, c), 2);
      if (r > 0) gridArc(v, id(r - 1, c), 3);
    }
  }
  for (let v = 0; v < n; v++) {
    for (let k = 0; k < extra; k++) {
      let h = Math.floor(random() * n);
      if (h === v) h = (h + 1) % n;
      builder.addArc(v, h, randomInt(random, 1, 1000), randomInt(random, 1, 10_000));
    }
  }
  return builder.build();
}
