/**
 * Edge colouring with restrictions, for the instances where the equitable bipartite colouring does not
 * apply: an odd cycle (an organisation on both sides), availability windows, pins, or fewer slots than
 * the bound.
 *
 * Each vertex may have a window (the slots it can attend); an edge may only take a colour inside both
 * windows (its restricted colour list). Pinned edges are coloured first and never change. The rest are
 * coloured most-constrained first (fewest allowed slots, then highest degree), each with the least used
 * colour that is free at both ends, allowed, and under the per-slot capacity. When there is none, a
 * bounded number of Kempe flips is tried: α free at one end, β free at the other, swap α/β along the
 * alternating path from the other end — accepted only if the path avoids the first end (always true in
 * a bipartite graph, not in general), no edge on it is pinned, every edge on it allows both colours, and
 * both classes stay within capacity. Edges still uncoloured are retried with one more colour, up to
 * `kmax`; those left at the end have no room.
 *
 * With no windows and no pins this is Vizing-like in practice: Δ or Δ + 1 colours on the odd-cycle
 * instances we generate (the tests measure it), and never more than 2Δ − 1 + ⌊E / cap⌋ (a colour is
 * blocked only by the ≤ 2Δ − 2 neighbouring edges or by being full).
 */

export interface RestrictedColouringInput {
  n: number;
  eu: Int32Array;
  ev: Int32Array;
  deg: Int32Array;
  /** Per vertex: row into `window`, or -1 when it can attend every slot. */
  windowRow: Int32Array;
  /** rows × slotCount bytes, 1 = can attend. */
  window: Uint8Array;
  slotCount: number;
  /** Per edge: pinned colour, or -1. Pins must already be mutually consistent and within capacity. */
  pinned: Int32Array;
  /** Per edge: 1 to colour it, 0 to leave it out (already refused). */
  active: Uint8Array;
  /** Colours to start from, and the most that may be used (≤ slotCount). */
  k0: number;
  kmax: number;
  cap: number;
}

const KEMPE_TRIES = 24;
/** Alternating-path steps all Kempe attempts together may walk: 64 per meeting plus a million. */
const KEMPE_STEPS_PER_EDGE = 64;
const KEMPE_STEPS_BASE = 1_000_000;

/** Returns each edge's colour, -1 for those left out or without room. */
export function colourRestricted(input: RestrictedColouringInput): Int32Array {
  const { n, eu, ev, deg, windowRow, window, slotCount: S, pinned, active, kmax, cap } = input;
  const m = eu.length;
  const colour = new Int32Array(m).fill(-1);
  const at = new Int32Array(n * kmax).fill(-1);
  const count = new Int32Array(kmax);
  const allowed = (x: number, c: number): boolean => {
    const r = windowRow[x]!;
    return r < 0 || window[r * S + c] === 1;
  };
  const set = (e: number, c: number): void => {
    colour[e] = c;
    at[eu[e]! * kmax + c] = e;
    at[ev[e]! * kmax + c] = e;
    count[c]!++;
  };

  for (let e = 0; e < m; e++) if (active[e] && pinned[e]! >= 0) set(e, pinned[e]!);

  // Most constrained first.
  const free: number[] = [];
  const choices = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    if (!active[e] || pinned[e]! >= 0) continue;
    free.push(e);
    const x = eu[e]!;
    const y = ev[e]!;
    if (windowRow[x]! < 0 && windowRow[y]! < 0) choices[e] = S;
    else {
      let c = 0;
      for (let s = 0; s < kmax; s++) if (allowed(x, s) && allowed(y, s)) c++;
      choices[e] = c;
    }
  }
  free.sort(
    (p, q) => choices[p]! - choices[q]! || deg[eu[q]!]! + deg[ev[q]!]! - (deg[eu[p]!]! + deg[ev[p]!]!),
  );

  const path: number[] = [];
  let steps = KEMPE_STEPS_PER_EDGE * m + KEMPE_STEPS_BASE;
  /** Walk the p/q path from `start` (first edge coloured p); false if it meets `avoid` or may not flip. */
  const walk = (start: number, avoid: number, p: number, q: number): boolean => {
    path.length = 0;
    let z = start;
    let want = p;
    for (;;) {
      const f = at[z * kmax + want]!;
      if (f < 0) return true;
      if (pinned[f]! >= 0) return false;
      const other = want === p ? q : p;
      const w = eu[f] === z ? ev[f]! : eu[f]!;
      if (w === avoid || !allowed(z, other) || !allowed(w, other) || --steps < 0) return false;
      path.push(f);
      z = w;
      want = other;
    }
  };
  const flip = (p: number, q: number): void => {
    for (const f of path) {
      at[eu[f]! * kmax + colour[f]!] = -1;
      at[ev[f]! * kmax + colour[f]!] = -1;
      count[colour[f]!]!--;
    }
    for (const f of path) set(f, colour[f] === p ? q : p);
  };

  const tryColour = (e: number, k: number): boolean => {
    const x = eu[e]!;
    const y = ev[e]!;
    const rx = x * kmax;
    const ry = y * kmax;
    let best = -1;
    for (let c = 0; c < k; c++) {
      if (at[rx + c]! >= 0 || at[ry + c]! >= 0 || count[c]! >= cap || !allowed(x, c) || !allowed(y, c))
        continue;
      if (best < 0 || count[c]! < count[best]!) best = c;
    }
    if (best >= 0) {
      set(e, best);
      return true;
    }
    // Kempe flips, both orientations: α free at `end` (and allowed for e), β free at `far`; within a
    // total budget of path steps, so the worst case stays near-linear (then only new colours help).
    if (steps <= 0) return false;
    let tries = 0;
    for (let side = 0; side < 2; side++) {
      const end = side === 0 ? x : y;
      const far = side === 0 ? y : x;
      for (let alpha = 0; alpha < k; alpha++) {
        if (at[end * kmax + alpha]! >= 0 || at[far * kmax + alpha]! < 0) continue;
        if (!allowed(x, alpha) || !allowed(y, alpha)) continue;
        for (let beta = 0; beta < k; beta++) {
          if (beta === alpha || at[far * kmax + beta]! >= 0) continue;
          if (++tries > KEMPE_TRIES) return false;
          if (!walk(far, end, alpha, beta)) continue;
          let na = 0;
          for (const f of path) if (colour[f] === alpha) na++;
          const nb = path.length - na;
          if (count[alpha]! + nb - na + 1 > cap || count[beta]! + na - nb > cap) continue;
          flip(alpha, beta);
          set(e, alpha);
          return true;
        }
      }
    }
    return false;
  };

  let pending = free;
  let k = Math.max(1, Math.min(input.k0, kmax));
  for (;;) {
    const next: number[] = [];
    for (const e of pending) if (!tryColour(e, k)) next.push(e);
    if (next.length === 0 || k >= kmax) break;
    pending = next;
    k++;
  }
  return colour;
}
