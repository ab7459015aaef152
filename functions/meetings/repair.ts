/**
 * Live-day schedule repair: after no-shows (removed meetings) and added or moved (pinned) meetings,
 * return a valid schedule that moves as few other meetings as possible, never one under way or done,
 * never into a slot before `firstOpenSlot`.
 *
 * Pure code (no AWS, no Hono); interface agreed in SCHEDULER-CONTRACT.md.
 *
 * The rule. Removed meetings free their cells. A meeting that is under way or done, or whose slot is
 * already over, is fixed. Every other current meeting keeps its cell unless it must move. Each added
 * meeting is placed — a pinned one exactly at its pin (slot, and table when given) — and placing it may
 * *evict* the meetings in its way (the one at its table, the other meetings of its two organisations in
 * that slot); each evicted meeting must then be placed elsewhere, possibly evicting others (an ejection
 * chain). The number of moved meetings is the number evicted, and it is minimised:
 *
 * - Exact search (iterative deepening over the number of moves d = 0, 1, 2, …): depth-first over the
 *   pending meetings, pinned additions first, then the most recently evicted; each option is a cell
 *   with the set of meetings it evicts, cheapest first; a branch dies once its evictions exceed d. A
 *   meeting is evicted at most once (once moved, it is final in that branch). This loses no solution:
 *   given an optimal final schedule, placing pending meetings at their final cells only ever evicts
 *   meetings still in their original cells whose final cell differs — exactly the moved ones — so the
 *   search meets it at depth = its number of moves. The first d that succeeds is the minimum.
 * - Bounded: the exact search gets a work budget. On large schedules (or when it runs out) the
 *   additions are placed one at a time, each with the same iterative deepening limited to
 *   `HEURISTIC_DEPTH` moves and a per-addition work budget (and a total one, after which only cells
 *   that move nobody are taken); a slot full of meetings offers only a few eviction candidates (those
 *   with a free cell elsewhere); an addition is refused at once when no open cell is free at all
 *   (evictions only shuffle). Each addition is placed with the fewest moves given the ones before it
 *   (sequentially minimal, not necessarily globally; within the depth and budget).
 *
 * An added meeting that cannot be placed is `unplaced` (`pin_conflict` when its pin is outside the open
 * slots, the tables or either side's availability, or collides with a fixed meeting or an earlier pin;
 * `no_room` otherwise); the current meetings are never dropped to make room.
 *
 * A meeting id that is both in `current` and in `added` is a meeting moved by hand: it leaves its old
 * cell (as if removed) and is placed as added; it is reported in `moved` if its cell changed.
 */
import type { ScheduledMeeting, SchedulingProblem, UnplacedReason } from './scheduler.ts';

export interface RepairProblem {
  slotCount: number;
  tables: number;
  participants: SchedulingProblem['participants'];
  /** The schedule as it stands, with each meeting's state. */
  current: ReadonlyArray<
    ScheduledMeeting & { a: string; b: string; state: 'scheduled' | 'under_way' | 'done' }
  >;
  /** Meetings leaving the schedule (a no-show's meetings, cancelled ones): their cells free up. */
  removed: readonly string[];
  /** Meetings to add (pin = the organizer placed or moved it by hand: it must sit exactly there). */
  added: SchedulingProblem['meetings'];
  /** Slots before this one are over: nothing may be placed or moved into them. */
  firstOpenSlot: number;
}
export interface RepairResult {
  /** The whole schedule after repair (current minus removed, plus added), valid. */
  placed: ScheduledMeeting[];
  /** Ids of meetings of `current` whose slot or table changed (never one under_way or done). */
  moved: string[];
  unplaced: Array<{ id: string; reason: UnplacedReason }>;
}

/** Exact search when the schedule has at most this many open cells × pending additions. */
const EXACT_MAX_WORK = 4_000;
/** Work units (search nodes, slots scanned, free-cell probes) the exact search may spend. */
const EXACT_WORK_BUDGET = 2_000_000;
const HEURISTIC_DEPTH = 4;
/** Work units per addition, and for all additions together, in heuristic mode. */
const HEURISTIC_WORK_BUDGET = 200_000;
const HEURISTIC_TOTAL_WORK = 20_000_000;
/** In heuristic mode, how many occupants of a full slot are offered for eviction, and looked at. */
const HEURISTIC_OCCUPANTS = 3;
const HEURISTIC_OCCUPANTS_SCANNED = 12;

enum Kind {
  Fixed = 0,
  Movable = 1,
  Added = 2,
}

export function repairSchedule(problem: RepairProblem): RepairResult {
  const { slotCount: S, tables: T } = problem;
  const open = Math.max(0, Math.min(S, Math.ceil(problem.firstOpenSlot)));
  if (!Number.isInteger(S) || S < 0) throw new RangeError(`slotCount must be a whole number ≥ 0, got ${S}`);
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`tables must be a whole number ≥ 1, got ${T}`);

  // Organisations and their windows.
  const orgIndex = new Map<string, number>();
  const org = (id: string): number => {
    let x = orgIndex.get(id);
    if (x === undefined) {
      x = orgIndex.size;
      orgIndex.set(id, x);
    }
    return x;
  };
  const windows: Array<Uint8Array | null> = [];
  for (const p of problem.participants) {
    const x = org(p.id);
    if (!p.available) continue;
    const w = new Uint8Array(S);
    for (const s of p.available) if (Number.isInteger(s) && s >= 0 && s < S) w[s] = 1;
    windows[x] = w;
  }
  const allowed = (x: number, s: number): boolean => {
    const w = windows[x];
    return !w || w[s] === 1;
  };

  // Items: current meetings that stay, then additions.
  const addedIds = new Set(problem.added.map((m) => m.id));
  const removed = new Set(problem.removed);
  const ids: string[] = [];
  const ia: number[] = [];
  const ib: number[] = [];
  const kind: Kind[] = [];
  const origSlot: number[] = [];
  const origTable: number[] = [];
  const pinSlot: number[] = [];
  const pinTable: number[] = [];
  const formerCell = new Map<string, { slot: number; table: number }>();
  for (const c of problem.current) {
    if (addedIds.has(c.id)) {
      formerCell.set(c.id, { slot: c.slot, table: c.table });
      continue;
    }
    if (removed.has(c.id)) continue;
    ids.push(c.id);
    ia.push(org(c.a));
    ib.push(org(c.b));
    kind.push(c.state !== 'scheduled' || c.slot < open ? Kind.Fixed : Kind.Movable);
    origSlot.push(c.slot);
    origTable.push(c.table);
    pinSlot.push(-1);
    pinTable.push(-1);
  }
  const currentCount = ids.length;
  for (const m of problem.added) {
    ids.push(m.id);
    ia.push(org(m.a));
    ib.push(org(m.b));
    kind.push(Kind.Added);
    origSlot.push(-1);
    origTable.push(-1);
    pinSlot.push(m.pin ? m.pin.slot : -1);
    pinTable.push(m.pin?.table ?? -1);
  }
  const items = ids.length;
  const n = orgIndex.size;

  // The grid.
  const occ = new Int32Array(S * T).fill(-1);
  const busy = new Int32Array(n * S).fill(-1);
  const slot = new Int32Array(items).fill(-1);
  const table = new Int32Array(items).fill(-1);
  const freeTables = new Int32Array(S).fill(T);
  const place = (i: number, s: number, t: number): void => {
    slot[i] = s;
    table[i] = t;
    occ[s * T + t] = i;
    busy[ia[i]! * S + s] = i;
    busy[ib[i]! * S + s] = i;
    freeTables[s]!--;
  };
  const lift = (i: number): void => {
    const s = slot[i]!;
    occ[s * T + table[i]!] = -1;
    busy[ia[i]! * S + s] = -1;
    busy[ib[i]! * S + s] = -1;
    freeTables[s]!++;
    slot[i] = -1;
    table[i] = -1;
  };
  for (let i = 0; i < currentCount; i++) {
    const s = origSlot[i]!;
    const t = origTable[i]!;
    // A current meeting outside the grid or on a taken cell cannot be kept as it is: treat as pending.
    if (
      s >= 0 &&
      s < S &&
      t >= 0 &&
      t < T &&
      occ[s * T + t]! < 0 &&
      busy[ia[i]! * S + s]! < 0 &&
      busy[ib[i]! * S + s]! < 0
    )
      place(i, s, t);
  }

  const unplaced: Array<{ id: string; reason: UnplacedReason }> = [];
  // Pins: refused when outside the open grid or windows, or against a fixed meeting or an earlier pin.
  const pinned: number[] = [];
  const free: number[] = [];
  const pinUsed = new Set<number>(); // org * S + slot
  const pinCell = new Set<number>();
  const pinCount = new Int32Array(S);
  for (let i = currentCount; i < items; i++) {
    const x = ia[i]!;
    const y = ib[i]!;
    if (x === y) throw new RangeError(`meeting ${ids[i]} has the same organisation on both sides`);
    const s = pinSlot[i]!;
    if (problem.added[i - currentCount]!.pin === undefined) {
      free.push(i);
      continue;
    }
    const t = pinTable[i]!;
    const hasTable = problem.added[i - currentCount]!.pin!.table !== undefined;
    let ok = Number.isInteger(s) && s >= open && s < S && allowed(x, s) && allowed(y, s);
    ok &&= !hasTable || (Number.isInteger(t) && t >= 0 && t < T);
    if (ok) {
      const blockers = [busy[x * S + s]!, busy[y * S + s]!, hasTable ? occ[s * T + t]! : -1];
      ok = blockers.every((j) => j < 0 || kind[j] !== Kind.Fixed);
      ok &&= !pinUsed.has(x * S + s) && !pinUsed.has(y * S + s) && !(hasTable && pinCell.has(s * T + t));
      let fixedHere = 0;
      for (let tt = 0; tt < T; tt++) {
        const j = occ[s * T + tt]!;
        if (j >= 0 && kind[j] === Kind.Fixed) fixedHere++;
      }
      ok &&= fixedHere + pinCount[s]! < T;
    }
    if (!ok) {
      unplaced.push({ id: ids[i]!, reason: 'pin_conflict' });
      continue;
    }
    pinUsed.add(x * S + s);
    pinUsed.add(y * S + s);
    if (hasTable) pinCell.add(s * T + t);
    else pinTable[i] = -1;
    pinCount[s]!++;
    pinned.push(i);
  }
  // Current meetings that could not be kept where they were (inconsistent input) are placed too.
  const stray: number[] = [];
  for (let i = 0; i < currentCount; i++) if (slot[i]! < 0 && kind[i] === Kind.Movable) stray.push(i);

  // ------------------------------------------------------------------ the search
  const moved = new Uint8Array(items);
  for (const i of stray) moved[i] = 1; // they move in any case
  let movedCount = 0;
  let nodes = 0;
  let nodeBudget = 0;
  let heuristic = false;
  let exhausted = false;

  interface Option {
    s: number;
    t: number;
    evict: number[];
  }
  const evictable = (j: number): boolean => kind[j] === Kind.Movable && !moved[j] && slot[j]! >= 0;
  const hasFreeCell = (j: number): boolean => {
    nodes += S - open;
    for (let s = open; s < S; s++) {
      if (s === slot[j] || freeTables[s] === 0 || !allowed(ia[j]!, s) || !allowed(ib[j]!, s)) continue;
      if (busy[ia[j]! * S + s]! < 0 && busy[ib[j]! * S + s]! < 0) return true;
    }
    return false;
  };
  const options = (i: number): Option[] => {
    const out: Option[] = [];
    const x = ia[i]!;
    const y = ib[i]!;
    const from = pinSlot[i]! >= 0 ? pinSlot[i]! : open;
    const to = pinSlot[i]! >= 0 ? pinSlot[i]! + 1 : S;
    nodes += to - from;
    for (let s = from; s < to; s++) {
      if (!allowed(x, s) || !allowed(y, s)) continue;
      const p1 = busy[x * S + s]!;
      const p2 = busy[y * S + s]!;
      if ((p1 >= 0 && !evictable(p1)) || (p2 >= 0 && !evictable(p2))) continue;
      const evict: number[] = [];
      if (p1 >= 0) evict.push(p1);
      if (p2 >= 0 && p2 !== p1) evict.push(p2);
      const pt = pinTable[i]!;
      if (pt >= 0) {
        if (s === origSlot[i] && pt === origTable[i]) continue;
        const o = occ[s * T + pt]!;
        if (o >= 0 && !evict.includes(o)) {
          if (!evictable(o)) continue;
          evict.push(o);
        }
        out.push({ s, t: pt, evict });
        continue;
      }
      if (evict.length > 0) {
        // Take the table of a meeting it evicts; a free table would cost the same.
        out.push({ s, t: table[evict[0]!]!, evict });
        continue;
      }
      if (freeTables[s]! > 0) {
        let t = 0;
        while (t < T && (occ[s * T + t]! >= 0 || (s === origSlot[i] && t === origTable[i]))) t++;
        if (t < T) {
          out.push({ s, t, evict });
          continue;
        }
      }
      // A full slot: evict one occupant.
      let offered = 0;
      let scanned = 0;
      for (let t = 0; t < T; t++) {
        const o = occ[s * T + t]!;
        if (o < 0 || !evictable(o)) continue;
        if (heuristic) {
          if (++scanned > HEURISTIC_OCCUPANTS_SCANNED || nodes > nodeBudget) break;
          if (!hasFreeCell(o)) continue;
          if (++offered > HEURISTIC_OCCUPANTS) break;
        }
        out.push({ s, t, evict: [o] });
      }
    }
    out.sort((p, q) => p.evict.length - q.evict.length || p.s - q.s);
    return out;
  };

  /** Place every pending item (a stack) with at most `limit` moves in all. */
  const dfs = (pending: number[], limit: number): boolean => {
    if (pending.length === 0) return true;
    if (++nodes > nodeBudget) {
      exhausted = true;
      return false;
    }
    // Pinned additions first (a pinned table must not be taken by a meeting that could sit anywhere,
    // and once they are placed, the tables of a slot are interchangeable); then the last evicted.
    // Pins with a table come before pins with a slot only, for the same reason.
    let at = pending.length - 1;
    let rank = 0;
    for (let k = pending.length - 1; k >= 0 && rank < 2; k--) {
      const j = pending[k]!;
      const r = pinTable[j]! >= 0 ? 2 : pinSlot[j]! >= 0 ? 1 : 0;
      if (r > rank) {
        rank = r;
        at = k;
      }
    }
    const i = pending[at]!;
    for (const o of options(i)) {
      if (movedCount + o.evict.length > limit) break;
      pending.splice(at, 1);
      for (const j of o.evict) {
        lift(j);
        moved[j] = 1;
        movedCount++;
        pending.push(j);
      }
      place(i, o.s, o.t);
      if (dfs(pending, limit)) return true;
      lift(i);
      for (let k = o.evict.length - 1; k >= 0; k--) {
        const j = o.evict[k]!;
        pending.pop();
        moved[j] = 0;
        movedCount--;
        place(j, origSlot[j]!, origTable[j]!);
      }
      pending.splice(at, 0, i);
      if (exhausted) return false;
    }
    return false;
  };
  /** Iterative deepening: the fewest moves that place all of `todo`, or false. */
  const deepen = (todo: number[], maxMoves: number): boolean => {
    exhausted = false;
    for (let d = 0; d <= maxMoves; d++) {
      // Pinned last in the stack = first to be placed.
      if (dfs([...todo].reverse(), movedCount + d)) return true;
      if (exhausted) return false;
    }
    return false;
  };

  const movableCount = kind.filter((k) => k === Kind.Movable).length;
  const todoAll = [...pinned, ...stray, ...free];
  const openCells = (S - open) * T;
  let done = false;
  if (openCells * Math.max(1, todoAll.length) <= EXACT_MAX_WORK) {
    nodes = 0;
    nodeBudget = EXACT_WORK_BUDGET;
    done = deepen(todoAll, movableCount);
    if (!done && !exhausted) {
      // Not all fit: leave out additions from the last (free ones before pinned) until the rest fit.
      const keep = [...todoAll];
      const dropped: number[] = [];
      while (keep.length > 0 && !done && !exhausted) {
        dropped.push(keep.pop()!);
        done = deepen(keep, movableCount);
      }
      // (If the budget ran out meanwhile, the heuristic below decides instead.)
      if (done)
        for (const i of dropped)
          if (kind[i] === Kind.Added) unplaced.push({ id: ids[i]!, reason: 'no_room' });
    }
  }
  if (!done) {
    heuristic = true;
    let spent = 0;
    for (const i of todoAll) {
      if (slot[i]! >= 0) continue;
      // Evictions only shuffle meetings: an addition needs a free open cell somewhere.
      let freeOpen = 0;
      for (let s = open; s < S; s++) freeOpen += freeTables[s]!;
      let ok = false;
      if (freeOpen > 0) {
        nodes = 0;
        nodeBudget = Math.min(HEURISTIC_WORK_BUDGET, Math.max(0, HEURISTIC_TOTAL_WORK - spent));
        // Out of total budget: only a cell that moves nobody.
        ok = deepen([i], nodeBudget > 0 ? HEURISTIC_DEPTH : 0);
        if (!ok && nodeBudget === 0) {
          nodeBudget = 4 * (S + 1);
          nodes = 0;
          ok = deepen([i], 0);
        }
        spent += nodes;
      }
      if (!ok && kind[i] === Kind.Added) unplaced.push({ id: ids[i]!, reason: 'no_room' });
    }
  }

  // ------------------------------------------------------------------ the answer
  const placed: ScheduledMeeting[] = [];
  const movedIds: string[] = [];
  for (let i = 0; i < items; i++) {
    if (slot[i]! < 0) continue;
    placed.push({ id: ids[i]!, slot: slot[i]!, table: table[i]! });
    if (i < currentCount) {
      if (slot[i] !== origSlot[i] || table[i] !== origTable[i]) movedIds.push(ids[i]!);
    } else {
      const former = formerCell.get(ids[i]!);
      if (former && (former.slot !== slot[i] || former.table !== table[i])) movedIds.push(ids[i]!);
    }
  }
  for (let i = 0; i < currentCount; i++) if (slot[i]! < 0) unplaced.push({ id: ids[i]!, reason: 'no_room' });
  return { placed, moved: movedIds, unplaced };
}
