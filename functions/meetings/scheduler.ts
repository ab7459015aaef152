/**
 * One-to-one meeting scheduling for matchmaking events (产销对接会): meetings into slots × tables.
 *
 * Pure code (no AWS, no Hono). The interface is agreed with the events API (SCHEDULER-CONTRACT.md):
 * change it only additively.
 *
 * Slots are colours, meetings are edges of the graph of organisations, a slot's meetings are a matching
 * of at most `tables` edges. No schedule uses fewer than max(Δ, ⌈E / tables⌉) slots (Δ: most meetings
 * of one organisation). Two engines:
 *
 * - bipartite, no availability windows, no pins, bound ≤ slotCount: `colourBipartiteEquitable` reaches
 *   the bound exactly (König + de Werra; see that file), in near-linear time;
 * - otherwise `colourRestricted`: restricted colour lists (windows), fixed pins, Kempe repairs, and one
 *   more colour at a time when stuck, up to slotCount; what still does not fit is `unplaced: no_room`.
 *
 * Refused before colouring: a pin outside the slots or tables, outside either side's availability, on
 * a table or organisation already pinned in that slot, or beyond the slot's tables (`pin_conflict`); a
 * meeting whose two sides share no slot (`no_common_slot`).
 */
import { colourBipartiteEquitable } from './bipartite-colouring.ts';
import { colourExactly } from './exact-colouring.ts';
import { buildMeetingGraph } from './meeting-graph.ts';
import { colourRestricted, type RestrictedColouringInput } from './restricted-colouring.ts';

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
  /**
   * A sharper bound when windows or pins are given (added later, optional): also at least, for every
   * organisation, one past the slot by which it can have held all its meetings within its availability,
   * and one past every pin. Equal to lowerBound without windows or pins.
   */
  availabilityBound?: number;
}

/** Small instances (at most this many meetings to place) get an exact search after the heuristic. */
const EXACT_MAX_MEETINGS = 60;
/** Search nodes the exact search may spend in all. */
const EXACT_BUDGET = 100_000;

/**
 * On a small instance, look for a schedule the heuristic missed: every meeting placed (if it left some
 * without room), in as few slots as possible — trying k = bound, bound + 1, … and keeping the first k
 * for which the exact search finds one. Within a node budget; the heuristic answer stands otherwise.
 */
function improveExactly(input: RestrictedColouringInput, heuristic: Int32Array, from: number): Int32Array {
  let missing = false;
  let used = 0;
  for (let e = 0; e < heuristic.length; e++) {
    if (!input.active[e]) continue;
    if (heuristic[e]! < 0) missing = true;
    else used = Math.max(used, heuristic[e]! + 1);
  }
  const last = missing ? input.slotCount : used - 1;
  let budget = EXACT_BUDGET;
  for (let k = Math.max(1, from); k <= last && budget > 0; k++) {
    const share = Math.max(1_000, Math.floor(budget / 2));
    budget -= share;
    const found = colourExactly(input, k, share);
    if (found) return found;
  }
  return heuristic;
}

/** Largest vertex × colour table the restricted engine may allocate (entries). */
const MAX_TABLE_ENTRIES = 1 << 26;

export function scheduleMeetings(problem: SchedulingProblem): ScheduleResult {
  const { slotCount: S, tables: T } = problem;
  if (!Number.isInteger(S) || S < 0) throw new RangeError(`slotCount must be a whole number ≥ 0, got ${S}`);
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`tables must be a whole number ≥ 1, got ${T}`);
  const meetings = problem.meetings;
  const ids = new Set<string>();
  for (const mt of meetings) {
    if (ids.has(mt.id)) throw new RangeError(`meeting id ${mt.id} appears twice`);
    ids.add(mt.id);
    if (mt.a === mt.b) throw new RangeError(`meeting ${mt.id} has ${mt.a} on both sides`);
  }
  const g = buildMeetingGraph(
    problem.participants.map((p) => p.id),
    meetings,
  );
  const { n, m, u: eu, v: ev } = g;

  // Availability windows: one row of S bytes per organisation that cannot attend every slot.
  const windowRow = new Int32Array(n).fill(-1);
  const rows: Uint8Array[] = [];
  for (const p of problem.participants) {
    if (!p.available) continue;
    const mask = new Uint8Array(S);
    let c = 0;
    for (const s of p.available) {
      if (!Number.isInteger(s) || s < 0 || s >= S || mask[s]) continue;
      mask[s] = 1;
      c++;
    }
    if (c === S) continue;
    windowRow[g.index.get(p.id)!] = rows.length;
    rows.push(mask);
  }
  const window = new Uint8Array(rows.length * S);
  for (let i = 0; i < rows.length; i++) window.set(rows[i]!, i * S);
  const canAttend = (x: number, s: number): boolean =>
    windowRow[x]! < 0 || window[windowRow[x]! * S + s] === 1;

  const unplacedReason: Array<UnplacedReason | null> = new Array(m).fill(null);
  const active = new Uint8Array(m);
  const pinned = new Int32Array(m).fill(-1);
  const pinnedTable = new Int32Array(m).fill(-1);
  const pinBusy = new Set<number>(); // vertex * S + slot
  const pinTable = new Set<number>(); // slot * T + table
  const pinCount = new Int32Array(S);
  let maxPin = -1;
  let pins = 0;
  for (let e = 0; e < m; e++) {
    const x = eu[e]!;
    const y = ev[e]!;
    const pin = meetings[e]!.pin;
    if (pin) {
      pins++;
      const s = pin.slot;
      const t = pin.table;
      const ok =
        Number.isInteger(s) &&
        s >= 0 &&
        s < S &&
        canAttend(x, s) &&
        canAttend(y, s) &&
        !pinBusy.has(x * S + s) &&
        !pinBusy.has(y * S + s) &&
        pinCount[s]! < T &&
        (t === undefined || (Number.isInteger(t) && t >= 0 && t < T && !pinTable.has(s * T + t)));
      if (!ok) {
        unplacedReason[e] = 'pin_conflict';
        continue;
      }
      pinBusy.add(x * S + s);
      pinBusy.add(y * S + s);
      pinCount[s]!++;
      if (t !== undefined) {
        pinTable.add(s * T + t);
        pinnedTable[e] = t;
      }
      pinned[e] = s;
      if (s > maxPin) maxPin = s;
      active[e] = 1;
      continue;
    }
    let common = windowRow[x]! < 0 && windowRow[y]! < 0 && S > 0;
    for (let s = 0; s < S && !common; s++) common = canAttend(x, s) && canAttend(y, s);
    if (!common) unplacedReason[e] = 'no_common_slot';
    else active[e] = 1;
  }

  // The bound counts the meetings that can be placed at all (refused pins and meetings without a
  // common slot are out).
  const liveDeg = new Int32Array(n);
  let live = 0;
  for (let e = 0; e < m; e++) {
    if (!active[e]) continue;
    live++;
    liveDeg[eu[e]!]!++;
    liveDeg[ev[e]!]!++;
  }
  let maxLiveDeg = 0;
  for (let x = 0; x < n; x++) if (liveDeg[x]! > maxLiveDeg) maxLiveDeg = liveDeg[x]!;
  const lowerBound = live === 0 ? 0 : Math.max(maxLiveDeg, Math.ceil(live / T));

  // Availability bound: organisation x with d meetings needs its d-th available slot.
  let availabilityBound = lowerBound;
  if (maxPin + 1 > availabilityBound) availabilityBound = maxPin + 1;
  for (let x = 0; x < n; x++) {
    const d = liveDeg[x]!;
    if (d === 0 || windowRow[x]! < 0) continue;
    const row = windowRow[x]! * S;
    let seen = 0;
    for (let s = 0; s < S; s++) {
      if (window[row + s] !== 1) continue;
      if (++seen === d) {
        if (s + 1 > availabilityBound) availabilityBound = s + 1;
        break;
      }
    }
  }

  // Colour.
  let colour: Int32Array;
  const fast = g.bipartite && rows.length === 0 && pins === 0 && lowerBound <= S && live === m;
  if (m === 0) colour = new Int32Array(0);
  else if (fast) colour = colourBipartiteEquitable(n, eu, ev, g.side, g.deg, lowerBound, T);
  else {
    const k0 = Math.max(1, Math.min(S, availabilityBound));
    const kmax = Math.min(S, Math.max(k0, 2 * maxLiveDeg + Math.ceil(live / T) + 1, rows.length > 0 ? S : 0));
    if (n * kmax > MAX_TABLE_ENTRIES)
      throw new RangeError(
        `instance too large: ${n} organisations × ${kmax} slots exceeds ${MAX_TABLE_ENTRIES}`,
      );
    const input = {
      n,
      eu,
      ev,
      deg: g.deg,
      windowRow,
      window,
      slotCount: S,
      pinned,
      active,
      k0,
      kmax,
      cap: T,
    };
    colour = colourRestricted(input);
    if (live <= EXACT_MAX_MEETINGS) colour = improveExactly(input, colour, availabilityBound);
  }

  // Tables: pinned tables first, then the free tables of each slot in order.
  const taken = new Uint8Array(S * T);
  for (let e = 0; e < m; e++)
    if (pinnedTable[e]! >= 0 && colour[e]! >= 0) taken[colour[e]! * T + pinnedTable[e]!] = 1;
  const nextTable = new Int32Array(S);
  const placed: ScheduledMeeting[] = [];
  const unplaced: Array<{ id: string; reason: UnplacedReason }> = [];
  let slotsUsed = 0;
  let noRoom = false;
  for (let e = 0; e < m; e++) {
    const id = meetings[e]!.id;
    const s = colour[e]!;
    if (s < 0) {
      const reason = unplacedReason[e] ?? 'no_room';
      if (reason === 'no_room') noRoom = true;
      unplaced.push({ id, reason });
      continue;
    }
    let t = pinnedTable[e]!;
    if (t < 0) {
      while (taken[s * T + nextTable[s]!]) nextTable[s]!++;
      t = nextTable[s]!;
      taken[s * T + t] = 1;
    }
    placed.push({ id, slot: s, table: t });
    if (s + 1 > slotsUsed) slotsUsed = s + 1;
  }

  const gapReasons: string[] = [];
  if (slotsUsed > lowerBound || noRoom) {
    if (!g.bipartite) gapReasons.push('not_bipartite');
    if (rows.length > 0) gapReasons.push('availability');
    if (pins > 0) gapReasons.push('pins');
    if (lowerBound > S || noRoom) gapReasons.push('slot_limit');
  }
  return { placed, unplaced, slotsUsed, lowerBound, bipartite: g.bipartite, gapReasons, availabilityBound };
}
