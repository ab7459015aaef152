/**
 * Exact search for small instances: is there a schedule of every active meeting within the first k
 * slots (windows, pins and the per-slot capacity respected)? Depth-first, always branching on the
 * meeting with the fewest slots left (fail-first), slots that no meeting uses yet tried once only when
 * they are interchangeable (no windows, no pins in them). Gives up after `budget` search nodes (then
 * `undefined`: unknown), so the caller keeps its heuristic answer.
 */
import type { RestrictedColouringInput } from './restricted-colouring.ts';

/** A colouring of every active edge with colours < k, `null` if none exists, `undefined` if unknown. */
export function colourExactly(
  input: RestrictedColouringInput,
  k: number,
  budget: number,
): Int32Array | null | undefined {
  const { n, eu, ev, windowRow, window, slotCount: S, pinned, active, cap } = input;
  const m = eu.length;
  const colour = new Int32Array(m).fill(-1);
  const busy = new Uint8Array(n * k);
  const count = new Int32Array(k);
  const pinnedSlot = new Uint8Array(k);
  const hasWindows = windowRow.some((r) => r >= 0);
  const allowed = (x: number, c: number): boolean => {
    const r = windowRow[x]!;
    return r < 0 || window[r * S + c] === 1;
  };
  const free: number[] = [];
  for (let e = 0; e < m; e++) {
    if (!active[e]) continue;
    const p = pinned[e]!;
    if (p < 0) {
      free.push(e);
      continue;
    }
    if (p >= k) return null;
    colour[e] = p;
    busy[eu[e]! * k + p] = 1;
    busy[ev[e]! * k + p] = 1;
    count[p]!++;
    pinnedSlot[p] = 1;
  }
  let nodes = 0;
  const feasible = (e: number, c: number): boolean =>
    count[c]! < cap &&
    !busy[eu[e]! * k + c] &&
    !busy[ev[e]! * k + c] &&
    allowed(eu[e]!, c) &&
    allowed(ev[e]!, c);

  const search = (left: number): boolean | undefined => {
    if (left === 0) return true;
    if (++nodes > budget) return undefined;
    // Fail-first: the uncoloured edge with the fewest feasible colours.
    let pick = -1;
    let fewest = Number.POSITIVE_INFINITY;
    for (const e of free) {
      if (colour[e]! >= 0) continue;
      let options = 0;
      for (let c = 0; c < k && options < fewest; c++) if (feasible(e, c)) options++;
      if (options < fewest) {
        fewest = options;
        pick = e;
        if (options === 0) return false;
      }
    }
    const x = eu[pick]!;
    const y = ev[pick]!;
    let triedEmpty = false;
    for (let c = 0; c < k; c++) {
      if (!feasible(pick, c)) continue;
      if (!hasWindows && count[c] === 0 && !pinnedSlot[c]) {
        if (triedEmpty) continue;
        triedEmpty = true;
      }
      colour[pick] = c;
      busy[x * k + c] = 1;
      busy[y * k + c] = 1;
      count[c]!++;
      const found = search(left - 1);
      if (found !== false) return found;
      colour[pick] = -1;
      busy[x * k + c] = 0;
      busy[y * k + c] = 0;
      count[c]!--;
    }
    return false;
  };
  const found = search(free.length);
  if (found === undefined) return undefined;
  return found ? colour : null;
}
