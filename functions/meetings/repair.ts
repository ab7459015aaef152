/**
 * Live-day schedule repair: after no-shows (removed meetings) and added or moved (pinned) meetings,
 * return a valid schedule that moves as few other meetings as possible, never one under way or done,
 * never into a slot before `firstOpenSlot`.
 *
 * Pure code (no AWS, no Hono); interface agreed in SCHEDULER-CONTRACT.md.
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

/**
 * First implementation: keep every remaining meeting where it is; place each pinned addition, moving a
 * scheduled meeting in its way to the earliest free cell; then each other addition at the earliest free
 * cell. Valid, not yet minimal.
 */
export function repairSchedule(problem: RepairProblem): RepairResult {
  const { slotCount, tables, firstOpenSlot } = problem;
  const avail = new Map<string, Set<number> | null>();
  for (const p of problem.participants) avail.set(p.id, p.available ? new Set(p.available) : null);
  const canAttend = (id: string, s: number): boolean => {
    const a = avail.get(id);
    return a === null || a === undefined || a.has(s);
  };
  const removed = new Set(problem.removed);
  interface Cell {
    id: string;
    a: string;
    b: string;
    slot: number;
    table: number;
    fixed: boolean;
  }
  const cells = new Map<string, Cell>(); // `${slot}/${table}`
  const busy = new Map<string, Cell>(); // `${participant}@${slot}`
  const byId = new Map<string, Cell>();
  const put = (c: Cell): void => {
    cells.set(`${c.slot}/${c.table}`, c);
    busy.set(`${c.a}@${c.slot}`, c);
    busy.set(`${c.b}@${c.slot}`, c);
    byId.set(c.id, c);
  };
  const take = (c: Cell): void => {
    cells.delete(`${c.slot}/${c.table}`);
    busy.delete(`${c.a}@${c.slot}`);
    busy.delete(`${c.b}@${c.slot}`);
    byId.delete(c.id);
  };
  const original = new Map<string, { slot: number; table: number }>();
  for (const c of problem.current) {
    if (removed.has(c.id)) continue;
    original.set(c.id, { slot: c.slot, table: c.table });
    put({ id: c.id, a: c.a, b: c.b, slot: c.slot, table: c.table, fixed: c.state !== 'scheduled' });
  }
  const freeCell = (a: string, b: string): { slot: number; table: number } | null => {
    for (let s = Math.max(0, firstOpenSlot); s < slotCount; s++) {
      if (!canAttend(a, s) || !canAttend(b, s) || busy.has(`${a}@${s}`) || busy.has(`${b}@${s}`)) continue;
      for (let t = 0; t < tables; t++) if (!cells.has(`${s}/${t}`)) return { slot: s, table: t };
    }
    return null;
  };
  const unplaced: Array<{ id: string; reason: UnplacedReason }> = [];
  for (const mt of problem.added) {
    if (!mt.pin) continue;
    const s = mt.pin.slot;
    if (
      !Number.isInteger(s) ||
      s < firstOpenSlot ||
      s >= slotCount ||
      !canAttend(mt.a, s) ||
      !canAttend(mt.b, s)
    ) {
      unplaced.push({ id: mt.id, reason: 'pin_conflict' });
      continue;
    }
    const blockers = new Set<Cell>();
    const ba = busy.get(`${mt.a}@${s}`);
    const bb = busy.get(`${mt.b}@${s}`);
    if (ba) blockers.add(ba);
    if (bb) blockers.add(bb);
    let table = mt.pin.table;
    if (table === undefined) {
      for (let t = 0; t < tables; t++) {
        const c = cells.get(`${s}/${t}`);
        if (!c || blockers.has(c)) {
          table = t;
          break;
        }
      }
      if (table === undefined) {
        for (let t = 0; t < tables; t++) {
          const c = cells.get(`${s}/${t}`);
          if (c && !c.fixed) {
            table = t;
            break;
          }
        }
      }
    }
    if (table === undefined || !Number.isInteger(table) || table < 0 || table >= tables) {
      unplaced.push({ id: mt.id, reason: 'pin_conflict' });
      continue;
    }
    const atTable = cells.get(`${s}/${table}`);
    if (atTable) blockers.add(atTable);
    if ([...blockers].some((c) => c.fixed)) {
      unplaced.push({ id: mt.id, reason: 'pin_conflict' });
      continue;
    }
    for (const c of blockers) take(c);
    put({ id: mt.id, a: mt.a, b: mt.b, slot: s, table, fixed: true });
    for (const c of blockers) {
      const to = freeCell(c.a, c.b);
      if (to) put({ ...c, slot: to.slot, table: to.table });
      else unplaced.push({ id: c.id, reason: 'no_room' });
    }
  }
  for (const mt of problem.added) {
    if (mt.pin) continue;
    const to = freeCell(mt.a, mt.b);
    if (to) put({ id: mt.id, a: mt.a, b: mt.b, slot: to.slot, table: to.table, fixed: false });
    else unplaced.push({ id: mt.id, reason: 'no_room' });
  }
  const placed: ScheduledMeeting[] = [];
  const moved: string[] = [];
  for (const c of byId.values()) {
    placed.push({ id: c.id, slot: c.slot, table: c.table });
    const o = original.get(c.id);
    if (o && (o.slot !== c.slot || o.table !== c.table)) moved.push(c.id);
  }
  return { placed, moved, unplaced };
}
