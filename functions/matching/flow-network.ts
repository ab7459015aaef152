/**
 * Compact flow networks: nodes with supplies and arcs stored as parallel typed arrays.
 *
 * Node `v` has supply `supply[v]` (> 0 produces flow, < 0 consumes it). Arc `a` goes from `tail[a]` to
 * `head[a]`, carries between `lower[a]` (0 when `lower` is absent) and `capacity[a]` units
 * (`Infinity` = uncapacitated) and costs `cost[a]` per unit. All numbers are meant to be integers of
 * magnitude below 2^53 so that every sum the solvers form is exact in float64.
 *
 * {@link FlowNetworkBuilder} grows its arrays geometrically (no per-arc objects), and
 * {@link outgoingAdjacency} gives a CSR view (`start[v]..start[v+1]` indexes `arcs`) when a consumer
 * needs to walk the arcs leaving a node.
 */

export interface FlowNetwork {
  readonly nodeCount: number;
  readonly arcCount: number;
  readonly supply: Float64Array;
  readonly tail: Int32Array;
  readonly head: Int32Array;
  /** Optional lower bounds; absent means all zero. */
  readonly lower?: Float64Array;
  readonly capacity: Float64Array;
  readonly cost: Float64Array;
}

export interface Adjacency {
  /** `start[v]..start[v + 1]` is the slice of `arcs` belonging to node `v`. */
  readonly start: Int32Array;
  readonly arcs: Int32Array;
}

export class FlowNetworkBuilder {
  private nodes = 0;
  private arcs = 0;
  private supplyArr: Float64Array;
  private tailArr: Int32Array;
  private headArr: Int32Array;
  private lowerArr: Float64Array | null = null;
  private capacityArr: Float64Array;
  private costArr: Float64Array;

  constructor(expectedNodes = 16, expectedArcs = 64) {
    this.supplyArr = new Float64Array(Math.max(1, expectedNodes));
    const m = Math.max(1, expectedArcs);
    this.tailArr = new Int32Array(m);
    this.headArr = new Int32Array(m);
    this.capacityArr = new Float64Array(m);
    this.costArr = new Float64Array(m);
  }

  get nodeCount(): number {
    return this.nodes;
  }

  get arcCount(): number {
    return this.arcs;
  }

  /** Adds a node and returns its index. */
  addNode(supply = 0): number {
    if (this.nodes === this.supplyArr.length) this.supplyArr = grow(this.supplyArr, this.nodes * 2);
    this.supplyArr[this.nodes] = supply;
    return this.nodes++;
  }

  /** Adds `count` nodes with zero supply and returns the index of the first. */
  addNodes(count: number): number {
    const first = this.nodes;
    for (let i = 0; i < count; i++) this.addNode(0);
    return first;
  }

  setSupply(node: number, supply: number): void {
    this.checkNode(node);
    this.supplyArr[node] = supply;
  }

  /** Adds an arc and returns its index. */
  addArc(tail: number, head: number, capacity: number, cost: number, lower = 0): number {
    this.checkNode(tail);
    this.checkNode(head);
    if (!(capacity >= lower))
      throw new RangeError(`arc ${tail}->${head}: capacity ${capacity} < lower ${lower}`);
    if (!Number.isFinite(cost)) throw new RangeError(`arc ${tail}->${head}: cost must be finite`);
    if (this.arcs === this.tailArr.length) {
      const size = this.arcs * 2;
      this.tailArr = grow(this.tailArr, size);
      this.headArr = grow(this.headArr, size);
      this.capacityArr = grow(this.capacityArr, size);
      this.costArr = grow(this.costArr, size);
      if (this.lowerArr) this.lowerArr = grow(this.lowerArr, size);
    }
    const a = this.arcs++;
    this.tailArr[a] = tail;
    this.headArr[a] = head;
    this.capacityArr[a] = capacity;
    this.costArr[a] = cost;
    if (lower !== 0) {
      if (!this.lowerArr) this.lowerArr = new Float64Array(this.tailArr.length);
      this.lowerArr[a] = lower;
    } else if (this.lowerArr) {
      this.lowerArr[a] = 0;
    }
    return a;
  }

  /** Freezes the network; the builder can keep being used afterwards (the result is a copy). */
  build(): FlowNetwork {
    const m = this.arcs;
    const network: FlowNetwork = {
      nodeCount: this.nodes,
      arcCount: m,
      supply: this.supplyArr.slice(0, this.nodes),
      tail: this.tailArr.slice(0, m),
      head: this.headArr.slice(0, m),
      capacity: this.capacityArr.slice(0, m),
      cost: this.costArr.slice(0, m),
    };
    return this.lowerArr ? { ...network, lower: this.lowerArr.slice(0, m) } : network;
  }

  private checkNode(node: number): void {
    if (!Number.isInteger(node) || node < 0 || node >= this.nodes) {
      throw new RangeError(`node ${node} out of range 0..${this.nodes - 1}`);
    }
  }
}

function grow<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(Math.max(size, 1));
  next.set(array);
  return next;
}

/** CSR adjacency of the arcs leaving each node (counting sort, O(n + m)). */
export function outgoingAdjacency(network: FlowNetwork): Adjacency {
  return adjacencyBy(network.nodeCount, network.tail);
}

/** CSR adjacency of the arcs entering each node (counting sort, O(n + m)). */
export function incomingAdjacency(network: FlowNetwork): Adjacency {
  return adjacencyBy(network.nodeCount, network.head);
}

function adjacencyBy(nodeCount: number, endpoint: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let a = 0; a < endpoint.length; a++) start[endpoint[a]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, nodeCount);
  const arcs = new Int32Array(endpoint.length);
  for (let a = 0; a < endpoint.length; a++) arcs[fill[endpoint[a]!]!++] = a;
  return { start, arcs };
}
