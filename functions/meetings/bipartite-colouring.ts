/**
 * Equitable edge colouring of a bipartite multigraph with exactly k colours, every colour class at most
 * `cap` edges, for any k ≥ max(Δ, ⌈E / cap⌉).
 *
 * Why it exists: König — a bipartite multigraph of maximum degree Δ has a proper Δ-edge-colouring (so
 * any k ≥ Δ colours suffice); de Werra — for every k ≥ Δ it has an *equitable* k-edge-colouring, every
 * class of ⌊E/k⌋ or ⌈E/k⌉ edges, and ⌈E/k⌉ ≤ cap when k ≥ ⌈E/cap⌉. Colours are slots, a class is the
 * set of meetings in a slot, so the schedule uses exactly the lower bound max(Δ, ⌈E/tables⌉).
 *
 * How:
 * 1. Vertex merging (only when the vertex × colour table would be large): on each side, organisations
 *    are packed next-fit into groups whose degrees sum to at most k. A proper colouring of the merged
 *    multigraph is proper for the original (two meetings of one organisation are two meetings of its
 *    group), the maximum degree stays ≤ k, and there are at most 2E/k + 2 groups, so the table
 *    `at[vertex * k + colour] = edge` is O(E + k) entries.
 * 2. Greedy with Kempe flips: each edge (x, y) takes a colour free at both ends (bit-set AND of the
 *    two ends' free colours, searched round robin from the previous edge's colour, which keeps the
 *    classes nearly level). When there is none, take α free at x and β free at y and
 *    swap α/β along the alternating path that starts at y with its α edge; in a bipartite graph that
 *    path cannot reach x (it would enter x's side by an α edge, and α is free at x), so afterwards α is
 *    free at both ends. Never fails with k ≥ Δ.
 * 3. Balancing (de Werra): while a class c holds more than `cap` edges, take the least used class d.
 *    The edges of colours c and d form paths and even cycles; since |c| > |d|, some paths start and end
 *    with a c edge, and swapping c/d along one moves exactly one edge from c to d. One sweep over the
 *    vertices finds all such paths of the pair, each walked once.
 */

/** Returns the colour (0..k-1) of every edge. Requires every edge to join side 0 to side 1. */
export function colourBipartiteEquitable(
  n: number,
  eu: Int32Array,
  ev: Int32Array,
  side: Uint8Array,
  deg: Int32Array,
  k: number,
  cap: number,
  /** Merge vertices: by default only when the vertex × colour table would exceed 4M entries. */
  merge: boolean = n * k > 4 * eu.length + 4 * k && n * k > 1 << 22,
): Int32Array {
  const m = eu.length;
  const colour = new Int32Array(m).fill(-1);
  if (m === 0) return colour;

  // 1. Merge vertices when the plain table would be large.
  let groups = n;
  let group: Int32Array | null = null;
  if (merge) {
    group = new Int32Array(n);
    groups = 0;
    for (let s = 0; s < 2; s++) {
      let current = -1;
      let load = 0;
      for (let x = 0; x < n; x++) {
        if (side[x] !== s) continue;
        const d = deg[x]!;
        if (current < 0 || load + d > k) {
          current = groups++;
          load = 0;
        }
        group[x] = current;
        load += d;
      }
    }
  }
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    let x = eu[e]!;
    let y = ev[e]!;
    if (side[x] === 1) {
      const t = x;
      x = y;
      y = t;
    }
    a[e] = group ? group[x]! : x;
    b[e] = group ? group[y]! : y;
  }
  const at = new Int32Array(groups * k).fill(-1);
  const count = new Int32Array(k);
  const path: number[] = [];
  // Free colours of each vertex as bit-sets of W 32-bit words (bit set = free).
  const W = (k + 31) >>> 5;
  const freeBits = new Int32Array(groups * W);
  const lastWord = k % 32 === 0 ? -1 : (1 << (k % 32)) - 1;
  for (let x = 0; x < groups; x++) {
    for (let w = 0; w < W - 1; w++) freeBits[x * W + w] = -1;
    freeBits[x * W + W - 1] = lastWord;
  }
  const ctz = (bits: number): number => 31 - Math.clz32(bits & -bits);

  // 2. Greedy with Kempe flips. The colour search starts where the previous edge's colour ended
  // (round robin), which keeps the classes nearly level at the cost of two word ANDs per try.
  let rot = 0;
  for (let e = 0; e < m; e++) {
    const x = a[e]!;
    const y = b[e]!;
    const rx = x * k;
    const ry = y * k;
    const ox = x * W;
    const oy = y * W;
    let best = -1;
    const w0 = rot >>> 5;
    const low = rot & 31;
    for (let i = 0; i <= W; i++) {
      const w = (w0 + i) % W;
      let bits = freeBits[ox + w]! & freeBits[oy + w]!;
      if (i === 0) bits &= -1 << low;
      else if (i === W) bits &= ~(-1 << low);
      if (bits !== 0) {
        best = w * 32 + ctz(bits);
        break;
      }
    }
    if (best < 0) {
      let alpha = -1;
      let beta = -1;
      for (let w = 0; w < W && (alpha < 0 || beta < 0); w++) {
        if (alpha < 0 && freeBits[ox + w] !== 0) alpha = w * 32 + ctz(freeBits[ox + w]!);
        if (beta < 0 && freeBits[oy + w] !== 0) beta = w * 32 + ctz(freeBits[oy + w]!);
      }
      // α free at x (used at y), β free at y (used at x): flip the α/β path from y.
      path.length = 0;
      let z = y;
      let want = alpha;
      for (;;) {
        const f = at[z * k + want]!;
        if (f < 0) break;
        path.push(f);
        z = a[f] === z ? b[f]! : a[f]!;
        want = want === alpha ? beta : alpha;
      }
      // The path's α edges become β and its β edges α.
      const odd = path.length % 2;
      flip(path, alpha, beta);
      count[alpha]! -= odd;
      count[beta]! += odd;
      best = alpha;
    }
    colour[e] = best;
    at[rx + best] = e;
    at[ry + best] = e;
    freeBits[ox + (best >>> 5)]! &= ~(1 << (best & 31));
    freeBits[oy + (best >>> 5)]! &= ~(1 << (best & 31));
    count[best]!++;
    rot = best + 1 === k ? 0 : best + 1;
  }

  // 3. Balance the classes down to `cap`.
  const mark = new Int32Array(groups).fill(-1);
  let session = 0;
  for (;;) {
    let c = -1;
    for (let i = 0; i < k; i++) if (count[i]! > cap && (c < 0 || count[i]! > count[c]!)) c = i;
    if (c < 0) break;
    let d = 0;
    for (let i = 1; i < k; i++) if (count[i]! < count[d]!) d = i;
    if (count[d]! >= cap) throw new Error('balancing: no class below capacity (E > k * cap)');
    session++;
    const before = count[c]!;
    for (let x = 0; x < groups && count[c]! > cap && count[d]! < cap; x++) {
      if (mark[x] === session || at[x * k + c]! < 0 || at[x * k + d]! >= 0) continue;
      // x ends a c/d path with its c edge: walk it.
      path.length = 0;
      let z = x;
      let want = c;
      mark[z] = session;
      for (;;) {
        const f = at[z * k + want]!;
        if (f < 0) break;
        path.push(f);
        z = a[f] === z ? b[f]! : a[f]!;
        mark[z] = session;
        want = want === c ? d : c;
      }
      if (path.length % 2 === 1) {
        flip(path, c, d);
        count[c]!--;
        count[d]!++;
      }
    }
    if (count[c] === before) throw new Error('balancing: no c/d path to swap');
  }
  return colour;

  /** Swap colours p and q on the edges of an alternating path. */
  function flip(edges: number[], p: number, q: number): void {
    for (const f of edges) {
      const c = colour[f]!;
      at[a[f]! * k + c] = -1;
      at[b[f]! * k + c] = -1;
      freeBits[a[f]! * W + (c >>> 5)]! |= 1 << (c & 31);
      freeBits[b[f]! * W + (c >>> 5)]! |= 1 << (c & 31);
    }
    for (const f of edges) {
      const nc = colour[f] === p ? q : p;
      colour[f] = nc;
      at[a[f]! * k + nc] = f;
      at[b[f]! * k + nc] = f;
      freeBits[a[f]! * W + (nc >>> 5)]! &= ~(1 << (nc & 31));
      freeBits[b[f]! * W + (nc >>> 5)]! &= ~(1 << (nc & 31));
    }
  }
}
