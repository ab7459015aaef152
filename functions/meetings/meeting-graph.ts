/**
 * The meeting graph: organisations are vertices, meetings are edges. Interns ids into dense integers,
 * counts degrees and finds a two-colouring (bipartition) when one exists — by breadth-first search over
 * the organisations, not from the a/b roles, so an organisation on both sides still gives a bipartite
 * graph unless the meetings close an odd cycle.
 */

export interface MeetingGraph {
  /** Number of organisations (vertices). */
  n: number;
  /** Number of meetings (edges). */
  m: number;
  /** Endpoints of each edge. */
  u: Int32Array;
  v: Int32Array;
  deg: Int32Array;
  maxDeg: number;
  /** Vertex index of an organisation id. */
  index: Map<string, number>;
  /** Side 0/1 of each vertex when bipartite (an odd cycle leaves `bipartite` false). */
  side: Uint8Array;
  bipartite: boolean;
}

export function buildMeetingGraph(
  participantIds: Iterable<string>,
  edges: ReadonlyArray<{ a: string; b: string }>,
): MeetingGraph {
  const index = new Map<string, number>();
  const intern = (id: string): number => {
    let x = index.get(id);
    if (x === undefined) {
      x = index.size;
      index.set(id, x);
    }
    return x;
  };
  for (const id of participantIds) intern(id);
  const m = edges.length;
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const edge = edges[e]!;
    u[e] = intern(edge.a);
    v[e] = intern(edge.b);
  }
  const n = index.size;
  const deg = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    deg[u[e]!]!++;
    deg[v[e]!]!++;
  }
  let maxDeg = 0;
  for (let x = 0; x < n; x++) if (deg[x]! > maxDeg) maxDeg = deg[x]!;

  // Adjacency in CSR form for the breadth-first two-colouring.
  const start = new Int32Array(n + 1);
  for (let x = 0; x < n; x++) start[x + 1] = start[x]! + deg[x]!;
  const fill = start.slice(0, n);
  const adj = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    adj[fill[u[e]!]!++] = v[e]!;
    adj[fill[v[e]!]!++] = u[e]!;
  }
  const side = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let bipartite = true;
  for (let root = 0; root < n; root++) {
    if (seen[root]) continue;
    seen[root] = 1;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    while (head < tail) {
      const x = queue[head++]!;
      for (let i = start[x]!; i < start[x + 1]!; i++) {
        const y = adj[i]!;
        if (!seen[y]) {
          seen[y] = 1;
          side[y] = side[x]! ^ 1;
          queue[tail++] = y;
        } else if (side[y] === side[x]) bipartite = false;
      }
    }
  }
  return { n, m, u, v, deg, maxDeg, index, side, bipartite };
}
