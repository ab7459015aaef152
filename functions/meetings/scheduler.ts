/**
 * One-to-one meeting scheduling for matchmaking events (产销对接会): meetings into slots × tables.
 *
 * Pure code (no AWS, no Hono). The interface is agreed with the events API (SCHEDULER-CONTRACT.md):
 * change it only additively.
 */

export interface SchedulingProblem {
  /** Slots of the event, numbered 0..slotCount-1 in time order (hours cut by meeting length and breaks). */
  slotCount: number;
  /** Tables (venue) or video rooms (online) usable in every slot. */
  tables: number;
  /** Organisations taking part. `available`: slot numbers it can attend (absent = every slot). */
  participants: ReadonlyArray<{ id: string; available?: readonly number[] }>;
  /**
   * One meeting per pair of organisations. `a` is the offering side (supplier / labour lender),
   * `b` the needing side (builder / labour borrower); an organisation may appear on both sides in
   * different meetings (then the graph may not be bipartite). `pin`: fixed by the organizer.
   */
  meetings: ReadonlyArray<{ id: string; a: string; b: string; pin?: { slot: number; table?: number } }>;
}
export interface ScheduledMeeting {
  id: string;
  slot: number;
  table: number;
}
export type UnplacedReason = 'no_common_slot' | 'pin_conflict' | 'no_room';
export interface ScheduleResult {
  placed: ScheduledMeeting[];
  unplaced: Array<{ id: string; reason: UnplacedReason }>;
  /** 1 + the highest slot used (0 when nothing is placed). */
  slotsUsed: number;
  /** max(most meetings of one participant, ceil(meetings / tables)): no schedule can use fewer slots. */
  lowerBound: number;
  bipartite: boolean;
  /** Why slotsUsed > lowerBound, when it is: 'not_bipartite' | 'availability' | 'pins' | 'slot_limit'. */
  gapReasons: string[];
}

/**
 * First implementation: pins first, then earliest-fit greedy. Valid (nobody double-booked, tables and
 * availability respected, pins kept) but not yet minimal in slots.
 */
export function scheduleMeetings(problem: SchedulingProblem): ScheduleResult {
  const { slotCount, tables } = problem;
  const index = new Map<string, number>();
  const avail: Array<Uint8Array | null> = [];
  const vertex = (id: string): number => {
    let v = index.get(id);
    if (v === undefined) {
      v = avail.length;
      index.set(id, v);
      avail.push(null);
    }
    return v;
  };
  for (const p of problem.participants) {
    const v = vertex(p.id);
    if (p.available) {
      const mask = new Uint8Array(slotCount);
      for (const s of p.available) if (Number.isInteger(s) && s >= 0 && s < slotCount) mask[s] = 1;
      avail[v] = mask;
    }
  }
  const m = problem.meetings.length;
  const ua = new Int32Array(m);
  const ub = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    const mt = problem.meetings[e]!;
    ua[e] = vertex(mt.a);
    ub[e] = vertex(mt.b);
  }
  const n = avail.length;
  const deg = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    deg[ua[e]!]!++;
    deg[ub[e]!]!++;
  }
  let maxDeg = 0;
  for (let v = 0; v < n; v++) if (deg[v]! > maxDeg) maxDeg = deg[v]!;
  const lowerBound = m === 0 ? 0 : Math.max(maxDeg, Math.ceil(m / Math.max(1, tables)));

  const busy = new Set<number>(); // v * slotCount + s
  const tableUsed = new Set<number>(); // s * tables + t
  const used = new Int32Array(slotCount);
  const slotOf = new Int32Array(m).fill(-1);
  const tableOf = new Int32Array(m).fill(-1);
  const unplaced: Array<{ id: string; reason: UnplacedReason }> = [];
  const canAttend = (v: number, s: number): boolean => {
    const a = avail[v];
    return a === null || a === undefined || a[s] === 1;
  };

  // Pins first.
  for (let e = 0; e < m; e++) {
    const pin = problem.meetings[e]!.pin;
    if (!pin) continue;
    const s = pin.slot;
    const u = ua[e]!;
    const v = ub[e]!;
    const ok =
      Number.isInteger(s) &&
      s >= 0 &&
      s < slotCount &&
      u !== v &&
      used[s]! < tables &&
      canAttend(u, s) &&
      canAttend(v, s) &&
      !busy.has(u * slotCount + s) &&
      !busy.has(v * slotCount + s) &&
      (pin.table === undefined ||
        (Number.isInteger(pin.table) &&
          pin.table >= 0 &&
          pin.table < tables &&
          !tableUsed.has(s * tables + pin.table)));
    if (!ok) {
      unplaced.push({ id: problem.meetings[e]!.id, reason: 'pin_conflict' });
      continue;
    }
    busy.add(u * slotCount + s);
    busy.add(v * slotCount + s);
    used[s]!++;
    slotOf[e] = s;
    if (pin.table !== undefined) {
      tableOf[e] = pin.table;
      tableUsed.add(s * tables + pin.table);
    }
  }
  for (let e = 0; e < m; e++) {
    const mt = problem.meetings[e]!;
    if (mt.pin) continue;
    const u = ua[e]!;
    const v = ub[e]!;
    let common = false;
    let placedAt = -1;
    for (let s = 0; s < slotCount && u !== v; s++) {
      if (!canAttend(u, s) || !canAttend(v, s)) continue;
      common = true;
      if (used[s]! >= tables || busy.has(u * slotCount + s) || busy.has(v * slotCount + s)) continue;
      placedAt = s;
      break;
    }
    if (placedAt < 0) {
      unplaced.push({ id: mt.id, reason: common ? 'no_room' : 'no_common_slot' });
      continue;
    }
    busy.add(u * slotCount + placedAt);
    busy.add(v * slotCount + placedAt);
    used[placedAt]!++;
    slotOf[e] = placedAt;
  }
  // Tables: fill the free tables of each slot in order.
  const next = new Int32Array(slotCount);
  const placed: ScheduledMeeting[] = [];
  let slotsUsed = 0;
  for (let e = 0; e < m; e++) {
    const s = slotOf[e]!;
    if (s < 0) continue;
    if (tableOf[e]! < 0) {
      while (tableUsed.has(s * tables + next[s]!)) next[s]!++;
      tableOf[e] = next[s]!;
      tableUsed.add(s * tables + next[s]!);
    }
    placed.push({ id: problem.meetings[e]!.id, slot: s, table: tableOf[e]! });
    if (s + 1 > slotsUsed) slotsUsed = s + 1;
  }
  // Bipartite: two-colour the organisations by union-find with parity.
  const parent = new Int32Array(n).map((_, i) => i);
  const parity = new Uint8Array(n);
  const find = (x: number): number => {
    let p = 0;
    let r = x;
    while (parent[r] !== r) {
      p ^= parity[r]!;
      r = parent[r]!;
    }
    // path compression with parity
    let y = x;
    let py = p;
    while (parent[y] !== r) {
      const nx = parent[y]!;
      const np = py ^ parity[y]!;
      parent[y] = r;
      parity[y] = py;
      y = nx;
      py = np;
    }
    return r;
  };
  let bipartite = true;
  for (let e = 0; e < m && bipartite; e++) {
    const x = ua[e]!;
    const y = ub[e]!;
    const rx = find(x);
    const ry = find(y);
    const px = rx === x ? 0 : parity[x]!;
    const py = ry === y ? 0 : parity[y]!;
    if (rx === ry) {
      if (px === py) bipartite = false;
    } else {
      parent[rx] = ry;
      parity[rx] = px ^ py ^ 1;
    }
  }
  const gapReasons: string[] = [];
  if (slotsUsed > lowerBound) gapReasons.push(bipartite ? 'availability' : 'not_bipartite');
  return { placed, unplaced, slotsUsed, lowerBound, bipartite, gapReasons };
}
