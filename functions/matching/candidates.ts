/**
 * Candidate pairs (supply, demand): every pair that the pairing rules allow, found through a spatial
 * index instead of testing all S × D combinations.
 *
 * Demands are bucketed per compatibility group (a spec, a skill …) into a uniform latitude/longitude
 * grid (counting sort, coordinates copied in cell order for locality). For each supply, only the grid
 * cells intersecting the bounding box of its spherical cap of radius r are visited — the cap's latitude
 * span is ±r/R and its longitude half-width asin(sin(r/R)/cos φ) — and within them a latitude test, a
 * conservative chord-length test (a chord is never longer than its arc, so it only rejects points that are
 * certainly too far), the caller's rule predicate and finally the exact haversine test `d ≤ r`. The work is
 * proportional to the number of pairs near each supply, not to S × D.
 *
 * The result is a CSR list (pairs grouped by supply) with the integer unit cost and the distance of
 * every feasible pair. The matching engine solves on a small subset first and uses this list for its
 * pricing passes and for the optimality certificate over *all* feasible pairs.
 */

import { EARTH_RADIUS_KM, haversineKmFromRadians, toRadians } from '../regions/distance.ts';

/** The pairing problem in flat arrays (coordinates in radians). */
export interface PairSpace {
  readonly supplyCount: number;
  readonly demandCount: number;
  readonly supplyLat: Float64Array;
  readonly supplyLng: Float64Array;
  readonly supplyCosLat: Float64Array;
  /** Maximum distance (km) at which supply i may be paired. */
  readonly supplyRadiusKm: Float64Array;
  /** Compatibility group of each supply (e.g. its spec). */
  readonly supplyGroup: Int32Array;
  readonly demandLat: Float64Array;
  readonly demandLng: Float64Array;
  readonly demandCosLat: Float64Array;
  readonly demandGroup: Int32Array;
  readonly groupCount: number;
  /** Demand groups a supply group may serve (always including itself when applicable). */
  readonly compatibleGroups: ReadonlyArray<ReadonlyArray<number>>;
  /** Every other pairing rule (dates, organisations, prices, certificates …). */
  admits(supply: number, demand: number): boolean;
  /** Integer cost of sending one unit over a feasible pair. */
  unitCost(supply: number, demand: number, distanceKm: number): number;
}

/** Feasible pairs grouped by supply: `start[i]..start[i+1]` are the pairs of supply i. */
export interface CandidatePairs {
  readonly supplyCount: number;
  readonly demandCount: number;
  readonly count: number;
  readonly start: Int32Array;
  readonly demand: Int32Array;
  readonly cost: Float64Array;
  readonly distanceKm: Float64Array;
  /** max |cost| over all pairs (0 when there are none). */
  readonly maxCost: number;
}

/** Pairs grouped by demand (pair indices into a {@link CandidatePairs}), each group in supply order. */
export interface PairsByDemand {
  readonly start: Int32Array;
  readonly pair: Int32Array;
  /** The supply of every pair (indexed by pair). */
  readonly supplyOfPair: Int32Array;
}

/** Prepared coordinates of a set of points. */
export interface PreparedPoints {
  lat: Float64Array;
  lng: Float64Array;
  cosLat: Float64Array;
}

export function preparePoints(points: ReadonlyArray<{ lat: number; lng: number }>): PreparedPoints {
  const n = points.length;
  const lat = new Float64Array(n);
  const lng = new Float64Array(n);
  const cosLat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    if (!(Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180)) {
      throw new RangeError(`point ${i} has invalid coordinates (${p.lat}, ${p.lng})`);
    }
    lat[i] = toRadians(p.lat);
    lng[i] = toRadians(p.lng);
    cosLat[i] = Math.cos(lat[i]!);
  }
  return { lat, lng, cosLat };
}

/** Uniform grid over the demands of one group. */
interface GroupGrid {
  latMin: number;
  lngMin: number;
  cell: number;
  rows: number;
  cols: number;
  /** cellStart[c]..cellStart[c+1] slice of the arrays below. */
  cellStart: Int32Array;
  index: Int32Array;
  lat: Float64Array;
  lng: Float64Array;
  cosLat: Float64Array;
  /** Unit vectors, for a cheap chord-length pre-filter (a chord never exceeds its arc). */
  x: Float64Array;
  y: Float64Array;
  z: Float64Array;
}

const TARGET_PER_CELL = 6;
const SLACK = 1e-9;

function buildGrids(space: PairSpace): Array<GroupGrid | null> {
  const members: number[][] = Array.from({ length: space.groupCount }, () => []);
  for (let j = 0; j < space.demandCount; j++) members[space.demandGroup[j]!]!.push(j);
  return members.map((list) => (list.length ? buildGrid(space, list) : null));
}

function buildGrid(space: PairSpace, list: number[]): GroupGrid {
  let latMin = Number.POSITIVE_INFINITY;
  let latMax = Number.NEGATIVE_INFINITY;
  let lngMin = Number.POSITIVE_INFINITY;
  let lngMax = Number.NEGATIVE_INFINITY;
  for (const j of list) {
    const la = space.demandLat[j]!;
    const ln = space.demandLng[j]!;
    if (la < latMin) latMin = la;
    if (la > latMax) latMax = la;
    if (ln < lngMin) lngMin = ln;
    if (ln > lngMax) lngMax = ln;
  }
  const area = Math.max((latMax - latMin) * (lngMax - lngMin), 1e-12);
  const cell = Math.min(Math.PI / 8, Math.max(1e-5, Math.sqrt((area * TARGET_PER_CELL) / list.length)));
  const rows = Math.floor((latMax - latMin) / cell) + 1;
  const cols = Math.floor((lngMax - lngMin) / cell) + 1;
  const cellOf = new Int32Array(list.length);
  const cellStart = new Int32Array(rows * cols + 1);
  for (let k = 0; k < list.length; k++) {
    const j = list[k]!;
    const r = Math.min(rows - 1, Math.floor((space.demandLat[j]! - latMin) / cell));
    const c = Math.min(cols - 1, Math.floor((space.demandLng[j]! - lngMin) / cell));
    cellOf[k] = r * cols + c;
    cellStart[cellOf[k]! + 1]!++;
  }
  for (let c = 0; c < rows * cols; c++) cellStart[c + 1]! += cellStart[c]!;
  const fill = cellStart.slice(0, rows * cols);
  const index = new Int32Array(list.length);
  const lat = new Float64Array(list.length);
  const lng = new Float64Array(list.length);
  const cosLat = new Float64Array(list.length);
  const x = new Float64Array(list.length);
  const y = new Float64Array(list.length);
  const z = new Float64Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const j = list[k]!;
    const at = fill[cellOf[k]!]!++;
    index[at] = j;
    lat[at] = space.demandLat[j]!;
    lng[at] = space.demandLng[j]!;
    cosLat[at] = space.demandCosLat[j]!;
    x[at] = cosLat[at]! * Math.cos(lng[at]!);
    y[at] = cosLat[at]! * Math.sin(lng[at]!);
    z[at] = Math.sin(lat[at]!);
  }
  return { latMin, lngMin, cell, rows, cols, cellStart, index, lat, lng, cosLat, x, y, z };
}

const CHUNK = 1 << 16;

/** Pair storage in fixed-size chunks (no re-copying while it grows), packed once at the end. */
class PairBuffer {
  private readonly demands: Int32Array[] = [];
  private readonly costs: Float64Array[] = [];
  private readonly distances: Float64Array[] = [];
  demand = new Int32Array(0);
  cost = new Float64Array(0);
  distanceKm = new Float64Array(0);
  /** Fill level of the current chunk. */
  used = CHUNK;
  count = 0;
  maxCost = 0;

  nextChunk(): void {
    this.demand = new Int32Array(CHUNK);
    this.cost = new Float64Array(CHUNK);
    this.distanceKm = new Float64Array(CHUNK);
    this.demands.push(this.demand);
    this.costs.push(this.cost);
    this.distances.push(this.distanceKm);
    this.used = 0;
  }

  pack(): { demand: Int32Array; cost: Float64Array; distanceKm: Float64Array } {
    const demand = new Int32Array(this.count);
    const cost = new Float64Array(this.count);
    const distanceKm = new Float64Array(this.count);
    for (let k = 0; k < this.demands.length; k++) {
      const size = Math.min(CHUNK, this.count - k * CHUNK);
      demand.set(this.demands[k]!.subarray(0, size), k * CHUNK);
      cost.set(this.costs[k]!.subarray(0, size), k * CHUNK);
      distanceKm.set(this.distances[k]!.subarray(0, size), k * CHUNK);
    }
    return { demand, cost, distanceKm };
  }
}

/**
 * Builds the CSR list of all feasible pairs with their unit costs and distances. Pairs of a supply are
 * in grid order (by compatible group, then cell row, then cell column).
 */
export function buildCandidatePairs(space: PairSpace): CandidatePairs {
  const S = space.supplyCount;
  const start = new Int32Array(S + 1);
  const grids = buildGrids(space);
  const buffer = new PairBuffer();
  const lngRanges = new Float64Array(4);
  for (let i = 0; i < S; i++) {
    start[i] = buffer.count;
    const radius = space.supplyRadiusKm[i]!;
    if (!(radius >= 0)) continue;
    const groups = space.compatibleGroups[space.supplyGroup[i]!];
    if (!groups || groups.length === 0) continue;
    const lat = space.supplyLat[i]!;
    const lng = space.supplyLng[i]!;
    const cosLat = space.supplyCosLat[i]!;
    const angular = (radius / EARTH_RADIUS_KM) * (1 + SLACK) + SLACK;
    const latLo = lat - angular;
    const latHi = lat + angular;
    const rangeCount = longitudeRanges(lat, lng, cosLat, angular, lngRanges);
    // Chord pre-filter: chord ≥ 2·sin(angular/2) implies arc > radius; slack keeps it conservative.
    const halfChord = angular < Math.PI ? Math.sin(angular / 2) : 1;
    const chordLimit =
      angular < Math.PI ? 4 * halfChord * halfChord * (1 + 1e-9) + 1e-12 : Number.POSITIVE_INFINITY;
    const sx = cosLat * Math.cos(lng);
    const sy = cosLat * Math.sin(lng);
    const sz = Math.sin(lat);
    for (const g of groups) {
      const grid = grids[g];
      if (!grid) continue;
      const rowLo = Math.max(0, Math.floor((latLo - grid.latMin) / grid.cell));
      const rowHi = Math.min(grid.rows - 1, Math.floor((latHi - grid.latMin) / grid.cell));
      if (rowLo > rowHi) continue;
      const { cellStart, index, lat: gLat, lng: gLng, cosLat: gCos, cols, x: gx, y: gy, z: gz } = grid;
      for (let k = 0; k < rangeCount; k++) {
        const colLo = Math.max(0, Math.floor((lngRanges[2 * k]! - grid.lngMin) / grid.cell));
        const colHi = Math.min(grid.cols - 1, Math.floor((lngRanges[2 * k + 1]! - grid.lngMin) / grid.cell));
        if (colLo > colHi) continue;
        for (let row = rowLo; row <= rowHi; row++) {
          const to = cellStart[row * cols + colHi + 1]!;
          for (let at = cellStart[row * cols + colLo]!; at < to; at++) {
            const dLat = gLat[at]! - lat;
            if (dLat > angular || dLat < -angular) continue;
            const dx = gx[at]! - sx;
            const dy = gy[at]! - sy;
            const dz = gz[at]! - sz;
            if (dx * dx + dy * dy + dz * dz > chordLimit) continue;
            const j = index[at]!;
            if (!space.admits(i, j)) continue;
            const d = haversineKmFromRadians(lat, lng, cosLat, gLat[at]!, gLng[at]!, gCos[at]!);
            if (d > radius) continue;
            const c = space.unitCost(i, j, d);
            if (!Number.isSafeInteger(c))
              throw new RangeError(`unit cost of pair (${i}, ${j}) is not a safe integer: ${c}`);
            if (buffer.used === CHUNK) buffer.nextChunk();
            const w = buffer.used++;
            buffer.count++;
            buffer.demand[w] = j;
            buffer.cost[w] = c;
            buffer.distanceKm[w] = d;
            const abs = c < 0 ? -c : c;
            if (abs > buffer.maxCost) buffer.maxCost = abs;
          }
        }
      }
    }
  }
  start[S] = buffer.count;
  return {
    supplyCount: S,
    demandCount: space.demandCount,
    count: buffer.count,
    start,
    ...buffer.pack(),
    maxCost: buffer.maxCost,
  };
}

/**
 * Longitude intervals (radians, at most two when the cap crosses ±180°) covering the spherical cap of
 * angular radius `angular` around (lat, lng); writes [lo, hi] pairs into `out`, returns their number.
 */
function longitudeRanges(
  lat: number,
  lng: number,
  cosLat: number,
  angular: number,
  out: Float64Array,
): number {
  const sinAngular = Math.sin(Math.min(angular, Math.PI / 2));
  if (
    angular >= Math.PI / 2 ||
    lat + angular >= Math.PI / 2 ||
    lat - angular <= -Math.PI / 2 ||
    sinAngular >= cosLat
  ) {
    out[0] = -Math.PI;
    out[1] = Math.PI;
    return 1;
  }
  const half = Math.asin(sinAngular / cosLat) * (1 + SLACK) + SLACK;
  const lo = lng - half;
  const hi = lng + half;
  out[0] = Math.max(lo, -Math.PI);
  out[1] = Math.min(hi, Math.PI);
  if (lo < -Math.PI) {
    out[2] = lo + 2 * Math.PI;
    out[3] = Math.PI;
    return 2;
  }
  if (hi > Math.PI) {
    out[2] = -Math.PI;
    out[3] = hi - 2 * Math.PI;
    return 2;
  }
  return 1;
}

/**
 * The same pair space with some pairs of organisations kept apart (e.g. pairs that already met at
 * an earlier event of a series): the allocator never sees those pairs, so it routes the quantity
 * elsewhere instead of having its result filtered afterwards.
 */
export function withOrgPairsApart(
  space: PairSpace,
  supplyOrgId: (supply: number) => string,
  demandOrgId: (demand: number) => string,
  apart: ReadonlySet<string> | undefined,
): PairSpace {
  if (!apart || apart.size === 0) return space;
  const base = space.admits.bind(space);
  return {
    ...space,
    admits: (i, j) => base(i, j) && !apart.has(orgPairKey(supplyOrgId(i), demandOrgId(j))),
  };
}

/** The key of an unordered pair of organisations. */
export function orgPairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** Regroups pairs by demand (counting sort; within a demand, pairs stay in supply order). */
export function pairsByDemand(pairs: CandidatePairs): PairsByDemand {
  const D = pairs.demandCount;
  const start = new Int32Array(D + 1);
  for (let p = 0; p < pairs.count; p++) start[pairs.demand[p]! + 1]!++;
  for (let j = 0; j < D; j++) start[j + 1]! += start[j]!;
  const fill = start.slice(0, D);
  const pair = new Int32Array(pairs.count);
  const supplyOfPair = new Int32Array(pairs.count);
  for (let i = 0; i < pairs.supplyCount; i++) {
    for (let p = pairs.start[i]!; p < pairs.start[i + 1]!; p++) {
      pair[fill[pairs.demand[p]!]!++] = p;
      supplyOfPair[p] = i;
    }
  }
  return { start, pair, supplyOfPair };
}

/**
 * For every demand, the indices of its `k` cheapest pairs (ties broken arbitrarily), via one pass with
 * a bounded max-heap per demand. Returns a flat list of pair indices.
 */
export function cheapestPairsPerDemand(pairs: CandidatePairs, k: number): Int32Array {
  const D = pairs.demandCount;
  if (k <= 0 || pairs.count === 0) return new Int32Array(0);
  const heapPair = new Int32Array(D * k);
  const heapCost = new Float64Array(D * k);
  const heapSize = new Int32Array(D);
  const { demand, cost } = pairs;
  for (let p = 0; p < pairs.count; p++) {
    const j = demand[p]!;
    const c = cost[p]!;
    const base = j * k;
    const size = heapSize[j]!;
    if (size < k) {
      // sift up
      let at = size;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (heapCost[base + up]! >= c) break;
        heapCost[base + at] = heapCost[base + up]!;
        heapPair[base + at] = heapPair[base + up]!;
        at = up;
      }
      heapCost[base + at] = c;
      heapPair[base + at] = p;
      heapSize[j] = size + 1;
    } else if (c < heapCost[base]!) {
      // replace the max and sift down
      let at = 0;
      for (;;) {
        const left = 2 * at + 1;
        if (left >= k) break;
        const right = left + 1;
        const child = right < k && heapCost[base + right]! > heapCost[base + left]! ? right : left;
        if (heapCost[base + child]! <= c) break;
        heapCost[base + at] = heapCost[base + child]!;
        heapPair[base + at] = heapPair[base + child]!;
        at = child;
      }
      heapCost[base + at] = c;
      heapPair[base + at] = p;
    }
  }
  let total = 0;
  for (let j = 0; j < D; j++) total += heapSize[j]!;
  const out = new Int32Array(total);
  let w = 0;
  for (let j = 0; j < D; j++) {
    const base = j * k;
    for (let t = 0; t < heapSize[j]!; t++) out[w++] = heapPair[base + t]!;
  }
  return out;
}

/** Supply index of pair p (binary search in the CSR row starts). */
export function supplyOfPair(pairs: CandidatePairs, p: number): number {
  let lo = 0;
  let hi = pairs.supplyCount - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (pairs.start[mid]! <= p) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
