/**
 * Exact minimum-cost flow by the primal network simplex method.
 *
 * ## Algorithm
 * This is the bounded primal network simplex of Dantzig, with the data structures and rules of
 * Kovács' LEMON `NetworkSimplex` (the fastest general-purpose implementation in his 2015 study,
 * "Minimum-cost flow algorithms: an experimental evaluation"):
 *
 * - **Basis = spanning tree** of the n nodes plus an artificial root. Initially every node hangs
 *   off the root by an artificial arc that carries its whole supply (|b|), which is a feasible,
 *   *strongly feasible* basis: every tree arc with zero flow points towards the root.
 * - **Tree storage** in typed arrays, no per-pivot allocation: `parent`, `pred` (tree arc to the parent),
 *   `predDir` (+1 if that arc points up, −1 if down), the preorder `thread` and its inverse `revThread`,
 *   `succNum` (subtree size) and `lastSucc` (last node of the subtree in thread order). A pivot
 *   re-hangs the subtree cut off by the leaving arc in time proportional to the stem and the moved
 *   subtree, and shifts the potentials of the moved subtree — or of the rest of the tree when that is
 *   smaller (only differences matter; the root is brought back to 0 after every solve).
 * - **Pricing: block search.** Arcs are scanned cyclically in blocks of ⌈√m⌉; the most negative
 *   reduced cost of the first block that has one enters the basis (LEMON's default rule).
 *   Arcs are stored grouped by tail, the tails in a strided order (0, s, 2s, …, 1, 1 + s, …, s = ⌊√n⌋),
 *   so that a block spans many parts of the network (like LEMON's arc mixing) while one tail's arcs stay
 *   together; with many arcs per tail (dense transport) its potential is read once per run. Each block
 *   is scanned by a plain loop, and the next search starts where the last one stopped.
 * - **Leaving arc:** the blocking arc of the pivot cycle met *last* when walking the cycle in its
 *   orientation starting at the join node (ties on the second half win), found in the same walk up
 *   both paths that finds the join node. This is Cunningham's rule that
 *   keeps the tree strongly feasible, which rules out cycling — the method terminates without any
 *   perturbation or tolerance.
 * - **Crash start:** before the main loop, for every node with negative supply the cheapest
 *   incoming arc is pivoted in (LEMON's heuristic initial pivots); this places most flow of a
 *   transportation problem in one sweep.
 *
 * ## Exactness
 * Capacities, supplies and costs must be integers (lower and upper bounds may be `Infinity` for upper).
 * All arithmetic is on float64 integers whose magnitude is proven below 2^53 (checked, a
 * `RangeError` is thrown otherwise), so flows, costs and potentials are exact — no tolerances
 * anywhere. Reduced cost convention: `rc(a) = cost(a) + π(tail a) − π(head a)`; at optimality
 * rc ≥ 0 on arcs below capacity and rc ≤ 0 on arcs with positive flow (see certificate.ts).
 *
 * ## Modes
 * - `balanced` (default): Σ supply must be 0 and every supply must be met; the artificial arcs cost
 *   0 (node→root) and `ART = (n+1)(Cmax+1)` (root→node) and must end empty, else `infeasible`.
 * - `lexicographic`: supplies are *upper bounds* — a node with b > 0 may ship less than b, a node with
 *   b < 0 may receive less than |b| — and the objective is lexicographic: first minimise the total
 *   unmet amount Σ|unmet| (i.e. maximise what is shipped), then the cost. This is done structurally:
 *   the artificial arcs stay in the model as "unmet" arcs of cost H = (n−1)·Cmax + 1 in both directions
 *   and take part in pricing. Any solution that leaves more unmet than necessary admits a simple
 *   residual cycle through the root that lowers the unmet total by ≥ 1 and has ≤ n−1 real arcs, hence
 *   cost ≤ (n−1)·Cmax − H < 0, so an optimum of the combined cost is lexicographically optimal. H
 *   never multiplies a quantity in any reported figure: the reported `cost` is over real arcs only,
 *   and potentials stay below 2H + Cmax < 2^53.
 *
 * ## Warm start
 * {@link NetworkSimplex#addArcs} appends arcs at flow 0 (non-basic at their lower bound). The current
 * tree stays a strongly feasible basis, so {@link NetworkSimplex#solve} continues from it — this is
 * how the matching engine adds priced-out candidate pairs between rounds (column generation).
 */

import type { FlowNetwork } from './flow-network.ts';

export type FlowStatus = 'optimal' | 'infeasible' | 'unbounded';
export type SupplyMode = 'balanced' | 'lexicographic';

export interface NetworkSimplexOptions {
  mode?: SupplyMode;
  /**
   * Upper bound on |cost| of every arc that will ever be added (needed when arcs are added after the
   * first solve, because the artificial cost is fixed then). Defaults to the largest |cost| present
   * at the first solve.
   */
  costBound?: number;
  /** Block size = max(10, factor·√m). LEMON's default factor is 1. */
  blockSizeFactor?: number;
  /** Store each added batch of arcs grouped by tail in strided tail order (default true). */
  arcMixing?: boolean;
  /** Skip LEMON's heuristic initial pivots (default false). */
  skipInitialPivots?: boolean;
}

export interface MinCostFlowResult {
  status: FlowStatus;
  /** Flow per arc of the input network (lower bounds included). */
  flow: Float64Array;
  /** Σ cost·flow over the input arcs (the unmet arcs of lexicographic mode are not included). */
  cost: number;
  /** False only if the cost exceeds 2^53 in magnitude and is therefore rounded. */
  costIsExact: boolean;
  /**
   * Node potentials (length n + 1: the last entry is the artificial root). Optimality conditions:
   * `rc(a) = cost(a) + π(tail) − π(head)` ≥ 0 below capacity, ≤ 0 above the lower bound.
   */
  potentials: Float64Array;
  /** Lexicographic mode: amount of each node's supply (b > 0) or demand (b < 0) left unmet. */
  unmet: Float64Array;
  /** Cost per unit of the unmet arcs (lexicographic mode), or the artificial cost (balanced mode). */
  penalty: number;
  pivots: number;
}

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const DIR_UP = 1;
const DIR_DOWN = -1;
const MIN_BLOCK_SIZE = 10;
/** Average out-degree from which pricing reads a tail's potential once per run (measured: ~32+). */
const TAIL_RUN_DEGREE = 32;
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Network simplex solver with warm start. Node indices are 0..n−1; arcs are numbered in the order
 * they are added (0, 1, 2 …) regardless of the internal storage order.
 */
export class NetworkSimplex {
  readonly nodeCount: number;
  readonly mode: SupplyMode;
  private readonly root: number;
  private readonly blockSizeFactor: number;
  private readonly arcMixing: boolean;
  private readonly skipInitialPivots: boolean;
  private readonly declaredCostBound: number | undefined;

  // Node data (length n + 1, the root last).
  private readonly supply: Float64Array;
  private readonly pi: Float64Array;
  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  private readonly predDir: Int32Array;
  private readonly thread: Int32Array;
  private readonly revThread: Int32Array;
  private readonly succNum: Int32Array;
  private readonly lastSucc: Int32Array;
  private readonly dirtyRevs: Int32Array;

  // Arc data. Positions 0..n−1 are the artificial arcs (position u belongs to node u),
  // positions n.. hold the input arcs grouped by tail (see storageOrder).
  private source: Int32Array;
  private target: Int32Array;
  private cost: Float64Array;
  private cap: Float64Array;
  private flow: Float64Array;
  private state: Int8Array;
  private positionOf: Int32Array; // input arc index → storage position
  private inputOf: Int32Array; // storage position → input arc index (−1 for the artificial arcs)
  private lowerOf: Float64Array | null = null; // per input arc
  private arcEnd: number; // one past the last used position
  private inputArcs = 0;

  private started = false;
  private penaltyCost = 0;
  /** Bound P on |π(v) − π(root)|: art + (n−1)·Cmax. */
  private potentialBound = 0;
  private costLimit = 0;
  private searchBegin: number;
  private nextArc: number;
  private blockSize = MIN_BLOCK_SIZE;
  /** Price with the tail potential read once per run of arcs (when tails have many arcs each). */
  private scanByTail = false;
  private candidate = -1;
  private pivotCount = 0;
  private scannedArcs = 0;
  private shiftedPotentials = 0;
  private lastStatus: FlowStatus | null = null;

  // Pivot scratch.
  private inArc = 0;
  private join = 0;
  private uIn = 0;
  private vIn = 0;
  private uOut = 0;
  private delta = 0;

  constructor(nodeCount: number, supply: ArrayLike<number>, options: NetworkSimplexOptions = {}) {
    if (!Number.isInteger(nodeCount) || nodeCount < 0)
      throw new RangeError('nodeCount must be a natural number');
    if (supply.length !== nodeCount) throw new RangeError('supply length must equal nodeCount');
    this.nodeCount = nodeCount;
    this.mode = options.mode ?? 'balanced';
    this.root = nodeCount;
    this.blockSizeFactor = options.blockSizeFactor ?? 1;
    this.arcMixing = options.arcMixing ?? true;
    this.skipInitialPivots = options.skipInitialPivots ?? false;
    this.declaredCostBound = options.costBound;
    const n1 = nodeCount + 1;
    this.supply = new Float64Array(n1);
    for (let v = 0; v < nodeCount; v++) {
      const b = supply[v]!;
      if (!Number.isSafeInteger(b)) throw new RangeError(`supply of node ${v} must be a safe integer`);
      this.supply[v] = b;
    }
    this.pi = new Float64Array(n1);
    this.parent = new Int32Array(n1);
    this.pred = new Int32Array(n1);
    this.predDir = new Int32Array(n1);
    this.thread = new Int32Array(n1);
    this.revThread = new Int32Array(n1);
    this.succNum = new Int32Array(n1);
    this.lastSucc = new Int32Array(n1);
    this.dirtyRevs = new Int32Array(n1);
    const m = nodeCount + 16;
    this.source = new Int32Array(m);
    this.target = new Int32Array(m);
    this.cost = new Float64Array(m);
    this.cap = new Float64Array(m);
    this.flow = new Float64Array(m);
    this.state = new Int8Array(m);
    this.positionOf = new Int32Array(16);
    this.inputOf = new Int32Array(m).fill(-1);
    this.arcEnd = nodeCount;
    this.searchBegin = this.mode === 'lexicographic' ? 0 : nodeCount;
    this.nextArc = this.searchBegin;
  }

  /** Number of input arcs added so far. */
  get arcCount(): number {
    return this.inputArcs;
  }

  get pivots(): number {
    return this.pivotCount;
  }

  /** Work counters: pivots, arcs priced by the block search, and potentials shifted by pivots. */
  get work(): { pivots: number; scannedArcs: number; shiftedPotentials: number } {
    return {
      pivots: this.pivotCount,
      scannedArcs: this.scannedArcs,
      shiftedPotentials: this.shiftedPotentials,
    };
  }

  /** Cost of one unit of unmet supply/demand (lexicographic) or the artificial cost (balanced). */
  get penalty(): number {
    return this.penaltyCost;
  }

  /**
   * Appends arcs (flow 0). Returns the index of the first. Lower bounds are allowed only before the
   * first solve. After a solve, the current basis is kept (warm start).
   */
  addArcs(
    tail: ArrayLike<number>,
    head: ArrayLike<number>,
    cost: ArrayLike<number>,
    capacity: ArrayLike<number>,
    lower?: ArrayLike<number>,
  ): number {
    const k = tail.length;
    if (head.length !== k || cost.length !== k || capacity.length !== k || (lower && lower.length !== k)) {
      throw new RangeError('arc arrays must have equal length');
    }
    this.validateArcs(tail, head, cost, capacity, lower);
    this.ensureArcCapacity(this.arcEnd + k);
    const first = this.inputArcs;
    const base = this.arcEnd;
    const order = this.storageOrder(tail, k);
    const source = this.source;
    const target = this.target;
    const arcCost = this.cost;
    const cap = this.cap;
    const flow = this.flow;
    const state = this.state;
    const positionOf = this.positionOf;
    const inputOf = this.inputOf;
    for (let q = 0; q < k; q++) {
      {
        const pos = base + q;
        const i = order ? order[q]! : q;
        const u = capacity[i]!;
        source[pos] = tail[i]!;
        target[pos] = head[i]!;
        arcCost[pos] = cost[i]!;
        flow[pos] = 0;
        state[pos] = STATE_LOWER;
        positionOf[first + i] = pos;
        inputOf[pos] = first + i;
        if (lower) {
          const l = lower[i]!;
          cap[pos] = u === Number.POSITIVE_INFINITY ? u : u - l;
          if (l !== 0) {
            if (!this.lowerOf) this.lowerOf = new Float64Array(this.positionOf.length);
            this.lowerOf[first + i] = l;
            this.supply[tail[i]!]! -= l;
            this.supply[head[i]!]! += l;
          }
        } else {
          cap[pos] = u;
        }
      }
    }
    this.arcEnd += k;
    this.inputArcs += k;
    this.updateBlockSize();
    return first;
  }

  /**
   * Storage order of a batch (input index per slot; null = input order). With `arcMixing`, the arcs are
   * grouped by tail, and the tails taken in a strided order (0, s, 2s, …, 1, 1 + s, …, s = ⌊√n⌋), so
   * a pricing block spans many parts of the network while the arcs of one tail stay together (their
   * tail potential is read once per run).
   */
  private storageOrder(tail: ArrayLike<number>, k: number): Int32Array | null {
    if (!this.arcMixing || k === 0) return null;
    const n = this.nodeCount;
    const stride = Math.max(1, Math.floor(Math.sqrt(n)));
    const rank = new Int32Array(n);
    let r = 0;
    for (let c = 0; c < stride; c++) for (let v = c; v < n; v += stride) rank[v] = r++;
    const start = new Int32Array(n + 1);
    for (let i = 0; i < k; i++) start[rank[tail[i]!]! + 1]!++;
    for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
    const order = new Int32Array(k);
    for (let i = 0; i < k; i++) order[start[rank[tail[i]!]!]!++] = i;
    return order;
  }

  private validateArcs(
    tail: ArrayLike<number>,
    head: ArrayLike<number>,
    cost: ArrayLike<number>,
    capacity: ArrayLike<number>,
    lower: ArrayLike<number> | undefined,
  ): void {
    const n = this.nodeCount;
    const k = tail.length;
    const started = this.started;
    const costLimit = started ? this.costLimit : SAFE;
    for (let i = 0; i < k; i++) {
      const t = tail[i]!;
      const h = head[i]!;
      const c = cost[i]!;
      const u = capacity[i]!;
      const l = lower ? lower[i]! : 0;
      // Integers in range (NaN and fractions fail the first test, ±Infinity the range test).
      if (Math.floor(t) !== t || t < 0 || t >= n || Math.floor(h) !== h || h < 0 || h >= n) {
        throw new RangeError(`arc ${this.inputArcs + i}: endpoint out of range`);
      }
      if (Math.floor(c) !== c || !(Math.abs(c) <= SAFE))
        throw new RangeError(`arc ${this.inputArcs + i}: cost must be a safe integer`);
      if (
        !(u === Number.POSITIVE_INFINITY || (Math.floor(u) === u && Math.abs(u) <= SAFE)) ||
        Math.floor(l) !== l ||
        !(Math.abs(l) <= SAFE) ||
        u < l
      ) {
        throw new RangeError(`arc ${this.inputArcs + i}: bounds must be integers with lower ≤ capacity`);
      }
      if (l !== 0 && started) throw new RangeError('lower bounds cannot be added after the first solve');
      if (Math.abs(c) > costLimit) {
        throw new RangeError(
          `arc ${this.inputArcs + i}: |cost| ${Math.abs(c)} exceeds the declared costBound`,
        );
      }
    }
  }

  /** Adds every arc of a network (which must have this solver's node count). */
  addNetworkArcs(network: FlowNetwork): number {
    if (network.nodeCount !== this.nodeCount) throw new RangeError('node count mismatch');
    return this.addArcs(network.tail, network.head, network.cost, network.capacity, network.lower);
  }

  /** Runs (or resumes) the simplex to optimality. */
  solve(): FlowStatus {
    const status = this.run();
    this.lastStatus = status;
    return status;
  }

  private run(): FlowStatus {
    if (!this.started) {
      const decided = this.initialize();
      if (decided) return decided;
      if (!this.skipInitialPivots && !this.initialPivots()) return 'unbounded';
    }
    while (this.findEnteringArc()) {
      const change = this.findJoinAndLeavingArc();
      if (this.delta === Number.POSITIVE_INFINITY) return 'unbounded';
      this.changeFlow(change);
      if (change) {
        this.updateTreeStructure();
        this.updatePotential();
      }
      this.pivotCount++;
    }
    this.normalizePotentials();
    if (this.mode === 'balanced') {
      for (let e = 0; e < this.nodeCount; e++) if (this.flow[e] !== 0) return 'infeasible';
    }
    return 'optimal';
  }

  /** Flow on input arc `arc` (lower bound included). */
  flowOf(arc: number): number {
    const pos = this.positionOf[arc]!;
    return this.flow[pos]! + (this.lowerOf ? this.lowerOf[arc]! : 0);
  }

  /** Potential of node v (v = nodeCount is the artificial root). */
  potentialOf(node: number): number {
    return this.pi[node]!;
  }

  /** A copy of the potentials (length n + 1). */
  potentials(): Float64Array {
    return this.pi.slice();
  }

  /** Direct read-only view of the potentials (length n + 1), valid until the next solve. */
  potentialView(): Float64Array {
    return this.pi;
  }

  /** Unmet part of each node's supply (b > 0) or demand (b < 0). */
  unmet(): Float64Array {
    return this.flow.slice(0, this.nodeCount);
  }

  /** Collects the full result (copies). */
  result(): MinCostFlowResult {
    const m = this.inputArcs;
    const flow = new Float64Array(m);
    const lowerOf = this.lowerOf;
    const storedFlow = this.flow;
    const storedCost = this.cost;
    const inputOf = this.inputOf;
    let cost = 0;
    let exact = true;
    // Storage order: the stored arrays are read in sequence and `flow` is written from a few streams.
    for (let pos = this.nodeCount; pos < this.arcEnd; pos++) {
      const a = inputOf[pos]!;
      const x = storedFlow[pos]! + (lowerOf ? lowerOf[a]! : 0);
      flow[a] = x;
      if (x !== 0) {
        const term = x * storedCost[pos]!;
        cost += term;
        if (!(Math.abs(term) <= SAFE) || !(Math.abs(cost) <= SAFE)) exact = false;
      }
    }
    if (!exact || !Number.isSafeInteger(cost)) {
      let big = 0n;
      for (let a = 0; a < m; a++) {
        if (flow[a] !== 0) big += BigInt(flow[a]!) * BigInt(storedCost[this.positionOf[a]!]!);
      }
      cost = Number(big);
      exact = Number.isSafeInteger(cost);
    }
    return {
      status: this.lastStatus ?? 'infeasible',
      flow,
      cost,
      costIsExact: exact,
      potentials: this.potentials(),
      unmet: this.unmet(),
      penalty: this.penaltyCost,
      pivots: this.pivotCount,
    };
  }

  // ---------------------------------------------------------------- internals

  private ensureArcCapacity(required: number): void {
    if (required > this.source.length) {
      const size = Math.max(required, Math.ceil(this.source.length * 1.5));
      this.source = growInt32(this.source, size);
      this.target = growInt32(this.target, size);
      this.cost = growFloat64(this.cost, size);
      this.cap = growFloat64(this.cap, size);
      this.flow = growFloat64(this.flow, size);
      this.inputOf = growInt32(this.inputOf, size);
      const state = new Int8Array(size);
      state.set(this.state);
      this.state = state;
    }
    const inputRequired = required - this.nodeCount;
    if (inputRequired > this.positionOf.length) {
      const size = Math.max(inputRequired, Math.ceil(this.positionOf.length * 1.5));
      this.positionOf = growInt32(this.positionOf, size);
      if (this.lowerOf) this.lowerOf = growFloat64(this.lowerOf, size);
    }
    if (this.lowerOf && this.lowerOf.length < this.positionOf.length) {
      this.lowerOf = growFloat64(this.lowerOf, this.positionOf.length);
    }
  }

  private updateBlockSize(): void {
    const searchable = this.arcEnd - this.searchBegin;
    this.blockSize = Math.max(MIN_BLOCK_SIZE, Math.floor(this.blockSizeFactor * Math.sqrt(searchable)));
    this.scanByTail = this.arcMixing && this.inputArcs >= TAIL_RUN_DEGREE * this.nodeCount;
  }

  /** Builds the initial strongly feasible tree. Returns a status when the run is decided already. */
  private initialize(): FlowStatus | null {
    const n = this.nodeCount;
    const root = this.root;
    this.started = true;
    let maxCost = 0;
    for (let pos = n; pos < this.arcEnd; pos++) {
      const c = Math.abs(this.cost[pos]!);
      if (c > maxCost) maxCost = c;
    }
    if (this.declaredCostBound !== undefined) {
      if (this.declaredCostBound < maxCost)
        throw new RangeError('costBound is below the largest |cost| present');
      maxCost = this.declaredCostBound;
    }
    this.costLimit = maxCost;
    let sum = 0;
    for (let v = 0; v < n; v++) sum += this.supply[v]!;
    if (!Number.isSafeInteger(sum)) throw new RangeError('total supply exceeds 2^53');
    if (this.mode === 'balanced' && sum !== 0) return 'infeasible';
    const up = this.mode === 'lexicographic' ? Math.max(1, (n - 1) * maxCost + 1) : 0;
    const down = this.mode === 'lexicographic' ? up : (n + 1) * (maxCost + 1);
    this.penaltyCost = this.mode === 'lexicographic' ? up : down;
    // |π| ≤ P = art + (n−1)·Cmax relative to the root. The root's own potential drifts (updatePotential)
    // but is reset once above P, so |π| ≤ 2P while pricing and ≤ 4P just before a reset: keep 4P + Cmax
    // below 2^53 and every sum is exact.
    this.potentialBound = Math.max(up, down) + Math.max(0, n - 1) * maxCost;
    if (4 * Math.max(up, down) + 4 * n * maxCost + 4 > SAFE) {
      throw new RangeError('costs too large for exact float64 arithmetic: reduce the cost scale');
    }
    this.parent[root] = -1;
    this.pred[root] = -1;
    this.thread[root] = 0;
    this.revThread[0] = root;
    this.succNum[root] = n + 1;
    this.lastSucc[root] = root - 1;
    this.supply[root] = -sum;
    this.pi[root] = 0;
    if (n === 0) {
      this.thread[root] = root;
      this.revThread[root] = root;
      this.lastSucc[root] = root;
    }
    for (let u = 0; u < n; u++) {
      this.parent[u] = root;
      this.pred[u] = u;
      this.thread[u] = u + 1;
      this.revThread[u + 1] = u;
      this.succNum[u] = 1;
      this.lastSucc[u] = u;
      this.cap[u] = Number.POSITIVE_INFINITY;
      this.state[u] = STATE_TREE;
      const b = this.supply[u]!;
      if (b >= 0) {
        this.predDir[u] = DIR_UP;
        this.source[u] = u;
        this.target[u] = root;
        this.flow[u] = b;
        this.cost[u] = up;
        this.pi[u] = -up;
      } else {
        this.predDir[u] = DIR_DOWN;
        this.source[u] = root;
        this.target[u] = u;
        this.flow[u] = -b;
        this.cost[u] = down;
        this.pi[u] = down;
      }
    }
    this.nextArc = this.searchBegin;
    this.updateBlockSize();
    return null;
  }

  /** LEMON's crash: pivot in the cheapest incoming arc of every node with negative supply. */
  private initialPivots(): boolean {
    const n = this.nodeCount;
    const best = new Int32Array(n).fill(-1);
    const source = this.source;
    const target = this.target;
    const cost = this.cost;
    let demandNodes = 0;
    let supplyNodes = 0;
    for (let v = 0; v < n; v++) {
      if (this.supply[v]! < 0) demandNodes++;
      else if (this.supply[v]! > 0) supplyNodes++;
    }
    if (demandNodes === 0 || supplyNodes === 0) return true;
    for (let pos = n; pos < this.arcEnd; pos++) {
      const h = target[pos]!;
      if (this.supply[h]! >= 0 || this.cap[pos] === 0) continue;
      const b = best[h]!;
      if (b < 0 || cost[pos]! < cost[b]!) best[h] = pos;
    }
    for (let v = 0; v < n; v++) {
      const e = best[v]!;
      if (e < 0) continue;
      if (this.state[e]! * (cost[e]! + this.pi[source[e]!]! - this.pi[target[e]!]!) >= 0) continue;
      this.inArc = e;
      const change = this.findJoinAndLeavingArc();
      if (this.delta === Number.POSITIVE_INFINITY) return false;
      this.changeFlow(change);
      if (change) {
        this.updateTreeStructure();
        this.updatePotential();
      }
      this.pivotCount++;
    }
    return true;
  }

  /**
   * Block search pricing: from `nextArc`, cyclically over the searchable arcs, blocks of `blockSize`;
   * the most negative reduced cost of the first block that has one enters. Each block is scanned by a
   * plain loop over at most two index ranges (the wrap-around), with no per-arc block counter.
   */
  private findEnteringArc(): boolean {
    const end = this.arcEnd;
    const begin = this.searchBegin;
    const blockSize = this.blockSize;
    const first = this.nextArc;
    const total = end - begin;
    const byTail = this.scanByTail;
    let min = 0;
    let scanned = 0;
    let e = first;
    this.candidate = -1;
    while (scanned < total) {
      const length = Math.min(blockSize, total - scanned);
      scanned += length;
      let stop = e + length;
      if (stop > end) {
        min = byTail ? this.priceByTail(e, end, min) : this.price(e, end, min);
        stop = begin + (stop - end);
        e = begin;
      }
      min = byTail ? this.priceByTail(e, stop, min) : this.price(e, stop, min);
      e = stop;
      if (min < 0) {
        this.scannedArcs += scanned;
        // The next search starts at the last arc of a full block, or where this one started.
        this.nextArc = length === blockSize ? stop - 1 : first;
        this.inArc = this.candidate;
        return true;
      }
      if (e === end) e = begin;
    }
    this.scannedArcs += total;
    return false;
  }

  /** Lowest reduced cost (times the state) of arcs from..to−1 if below `min` (its arc → `candidate`). */
  private price(from: number, to: number, min: number): number {
    const state = this.state;
    const cost = this.cost;
    const pi = this.pi;
    const source = this.source;
    const target = this.target;
    for (let e = from; e < to; e++) {
      const c = state[e]! * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
      if (c < min) {
        min = c;
        this.candidate = e;
      }
    }
    return min;
  }

  /** {@link price} for long runs of arcs with one tail: the tail's potential is read once per run. */
  private priceByTail(from: number, to: number, min: number): number {
    const state = this.state;
    const cost = this.cost;
    const pi = this.pi;
    const source = this.source;
    const target = this.target;
    let tail = -1;
    let piTail = 0;
    for (let e = from; e < to; e++) {
      const t = source[e]!;
      if (t !== tail) {
        tail = t;
        piTail = pi[t]!;
      }
      const c = state[e]! * (cost[e]! + piTail - pi[target[e]!]!);
      if (c < min) {
        min = c;
        this.candidate = e;
      }
    }
    return min;
  }

  /**
   * Finds the join node (where the paths from the entering arc's ends to the root meet) and, in the
   * same walk up the two paths, the leaving arc by Cunningham's rule: the blocking arc met *last* when
   * walking the cycle in its orientation from the join. On the "first" side (the entering arc's tail
   * when it enters at its lower bound) that is the blocking arc nearest the entering arc (strict <
   * walking up); on the second side the one nearest the join (≤ walking up), and it wins ties with the
   * first side. Returns false when the entering arc itself blocks (it then just changes bound).
   */
  private findJoinAndLeavingArc(): boolean {
    const inArc = this.inArc;
    const parent = this.parent;
    const succNum = this.succNum;
    const pred = this.pred;
    const predDir = this.predDir;
    const flow = this.flow;
    const cap = this.cap;
    let first: number;
    let second: number;
    if (this.state[inArc] === STATE_LOWER) {
      first = this.source[inArc]!;
      second = this.target[inArc]!;
    } else {
      first = this.target[inArc]!;
      second = this.source[inArc]!;
    }
    let min1 = Number.POSITIVE_INFINITY;
    let out1 = -1;
    let min2 = Number.POSITIVE_INFINITY;
    let out2 = -1;
    let u = first;
    let v = second;
    while (u !== v) {
      if (succNum[u]! < succNum[v]!) {
        const e = pred[u]!;
        const d = predDir[u] === DIR_DOWN ? cap[e]! - flow[e]! : flow[e]!;
        if (d < min1) {
          min1 = d;
          out1 = u;
        }
        u = parent[u]!;
      } else {
        const e = pred[v]!;
        const d = predDir[v] === DIR_UP ? cap[e]! - flow[e]! : flow[e]!;
        if (d <= min2) {
          min2 = d;
          out2 = v;
        }
        v = parent[v]!;
      }
    }
    this.join = u;
    let delta = cap[inArc]!;
    let result = 0;
    let uOut = -1;
    if (min1 < delta) {
      delta = min1;
      uOut = out1;
      result = 1;
    }
    if (out2 >= 0 && min2 <= delta) {
      delta = min2;
      uOut = out2;
      result = 2;
    }
    if (result === 1) {
      this.uIn = first;
      this.vIn = second;
    } else {
      this.uIn = second;
      this.vIn = first;
    }
    this.uOut = uOut;
    this.delta = delta;
    return result !== 0;
  }

  private changeFlow(change: boolean): void {
    const inArc = this.inArc;
    const flow = this.flow;
    const pred = this.pred;
    const predDir = this.predDir;
    const parent = this.parent;
    const join = this.join;
    const delta = this.delta;
    if (delta > 0) {
      const val = this.state[inArc]! * delta;
      flow[inArc]! += val;
      for (let u = this.source[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! -= predDir[u]! * val;
      for (let u = this.target[inArc]!; u !== join; u = parent[u]!) flow[pred[u]!]! += predDir[u]! * val;
    }
    if (change) {
      this.state[inArc] = STATE_TREE;
      const out = pred[this.uOut]!;
      this.state[out] = flow[out] === 0 ? STATE_LOWER : STATE_UPPER;
    } else {
      this.state[inArc] = -this.state[inArc]!;
    }
  }

  /** Re-hangs the subtree cut off by the leaving arc below the entering arc (LEMON's update). */
  private updateTreeStructure(): void {
    const parent = this.parent;
    const pred = this.pred;
    const predDir = this.predDir;
    const thread = this.thread;
    const revThread = this.revThread;
    const succNum = this.succNum;
    const lastSucc = this.lastSucc;
    const uIn = this.uIn;
    const vIn = this.vIn;
    const uOut = this.uOut;
    const join = this.join;
    const inArc = this.inArc;
    const oldRevThread = revThread[uOut]!;
    const oldSuccNum = succNum[uOut]!;
    const oldLastSucc = lastSucc[uOut]!;
    const vOut = parent[uOut]!;

    if (uIn === uOut) {
      parent[uIn] = vIn;
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      if (thread[vIn] !== uOut) {
        let after = thread[oldLastSucc]!;
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
        after = thread[vIn]!;
        thread[vIn] = uOut;
        revThread[uOut] = vIn;
        thread[oldLastSucc] = after;
        revThread[after] = oldLastSucc;
      }
    } else {
      // When oldRevThread === vIn, join and vOut coincide.
      const threadContinue = oldRevThread === vIn ? thread[oldLastSucc]! : thread[vIn]!;
      let stem = uIn;
      let parStem = vIn;
      let last = lastSucc[uIn]!;
      let after = thread[last]!;
      thread[vIn] = uIn;
      const dirty = this.dirtyRevs;
      let dirtyCount = 0;
      dirty[dirtyCount++] = vIn;
      while (stem !== uOut) {
        const nextStem = parent[stem]!;
        thread[last] = nextStem;
        dirty[dirtyCount++] = last;
        const before = revThread[stem]!;
        thread[before] = after;
        revThread[after] = before;
        parent[stem] = parStem;
        parStem = stem;
        stem = nextStem;
        last = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem]! : lastSucc[stem]!;
        after = thread[last]!;
      }
      parent[uOut] = parStem;
      thread[last] = threadContinue;
      revThread[threadContinue] = last;
      lastSucc[uOut] = last;
      if (oldRevThread !== vIn) {
        thread[oldRevThread] = after;
        revThread[after] = oldRevThread;
      }
      for (let i = 0; i < dirtyCount; i++) {
        const u = dirty[i]!;
        revThread[thread[u]!] = u;
      }
      let tmpSc = 0;
      const tmpLs = lastSucc[uOut]!;
      for (let u = uOut, p = parent[u]!; u !== uIn; u = p, p = parent[u]!) {
        pred[u] = pred[p]!;
        predDir[u] = -predDir[p]!;
        tmpSc += succNum[u]! - succNum[p]!;
        succNum[u] = tmpSc;
        lastSucc[p] = tmpLs;
      }
      pred[uIn] = inArc;
      predDir[uIn] = uIn === this.source[inArc] ? DIR_UP : DIR_DOWN;
      succNum[uIn] = oldSuccNum;
    }

    const upLimitOut = lastSucc[join] === vIn ? join : -1;
    const lastSuccOut = lastSucc[uOut]!;
    for (let u = vIn; u !== -1 && lastSucc[u] === vIn; u = parent[u]!) lastSucc[u] = lastSuccOut;
    if (join !== oldRevThread && vIn !== oldRevThread) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) {
        lastSucc[u] = oldRevThread;
      }
    } else if (lastSuccOut !== oldLastSucc) {
      for (let u = vOut; u !== upLimitOut && lastSucc[u] === oldLastSucc; u = parent[u]!) {
        lastSucc[u] = lastSuccOut;
      }
    }
    for (let u = vIn; u !== join; u = parent[u]!) succNum[u]! += oldSuccNum;
    for (let u = vOut; u !== join; u = parent[u]!) succNum[u]! -= oldSuccNum;
  }

  /** Shifts the potentials of the moved subtree so the entering arc gets reduced cost 0. */
  private updatePotential(): void {
    const pi = this.pi;
    const thread = this.thread;
    const uIn = this.uIn;
    const sigma = pi[this.vIn]! - pi[uIn]! - this.predDir[uIn]! * this.cost[this.inArc]!;
    const end = thread[this.lastSucc[uIn]!]!;
    const moved = this.succNum[uIn]!;
    const rest = this.nodeCount + 1 - moved;
    if (moved <= rest) {
      for (let u = uIn; u !== end; u = thread[u]!) pi[u]! += sigma;
      this.shiftedPotentials += moved;
    } else {
      // Only differences matter: shift the smaller rest of the tree the other way (the thread is a cycle
      // through the root). The root's potential drifts; it is brought back to 0 once above P and at the
      // end of every solve, so callers see the same potentials as ever (see `initialize`).
      const root = this.root;
      for (let u = root; u !== uIn; u = thread[u]!) pi[u]! -= sigma;
      for (let u = end; u !== root; u = thread[u]!) pi[u]! -= sigma;
      this.shiftedPotentials += rest;
      if (Math.abs(pi[root]!) > this.potentialBound) this.normalizePotentials();
    }
  }

  /** Shifts every potential so that the root's is 0 (the potentials the tree defines from the root). */
  private normalizePotentials(): void {
    const pi = this.pi;
    const offset = pi[this.root]!;
    if (offset === 0) return;
    for (let v = 0; v <= this.nodeCount; v++) pi[v]! -= offset;
  }
}

function growInt32(array: Int32Array, size: number): Int32Array {
  const next = new Int32Array(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  return next;
}

function growFloat64(array: Float64Array, size: number): Float64Array {
  const next = new Float64Array(size);
  next.set(array.subarray(0, Math.min(array.length, size)));
  return next;
}

/** Solves a min-cost flow problem on a whole network in one call. */
export function solveMinCostFlow(
  network: FlowNetwork,
  options: NetworkSimplexOptions = {},
): MinCostFlowResult {
  const solver = new NetworkSimplex(network.nodeCount, network.supply, options);
  solver.addNetworkArcs(network);
  solver.solve();
  return solver.result();
}
