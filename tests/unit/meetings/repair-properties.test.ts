import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RepairProblem, repairSchedule } from '../../../functions/meetings/repair.ts';
import { scheduleViolations } from './check-schedule.ts';

type Current = RepairProblem['current'][number];
type Added = RepairProblem['added'][number];

function lcg(seed: number): () => number {
  let r = seed >>> 0;
  return () => {
    r = (Math.imul(r, 1_103_515_245) + 12_345) >>> 0;
    return r / 4_294_967_296;
  };
}

/** A valid current schedule (random meetings in random free cells), the day under way, changes. */
const instance = (size: {
  orgs: number;
  slots: number;
  tables: number;
  meetings: number;
  additions: number;
}) =>
  fc
    .record({
      orgs: fc.integer({ min: 2, max: size.orgs }),
      slotCount: fc.integer({ min: 2, max: size.slots }),
      tables: fc.integer({ min: 1, max: size.tables }),
      meetings: fc.integer({ min: 0, max: size.meetings }),
      additions: fc.integer({ min: 0, max: size.additions }),
      windowRate: fc.constantFrom(0, 0, 0.3),
      seed: fc.integer(),
    })
    .map(({ orgs, slotCount, tables, meetings, additions, windowRate, seed }): RepairProblem => {
      const rnd = lcg(seed);
      const pick = (k: number) => Math.floor(rnd() * k);
      const participants = Array.from({ length: orgs }, (_, i) =>
        rnd() < windowRate
          ? {
              id: `o${i}`,
              available: Array.from({ length: slotCount }, (_, s) => s).filter(() => rnd() < 0.75),
            }
          : { id: `o${i}` },
      );
      const can = (o: number, s: number) => participants[o]!.available?.includes(s) ?? true;
      const firstOpenSlot = pick(slotCount);
      const cell = new Set<string>();
      const busy = new Set<string>();
      const pairs = new Set<string>();
      const current: Current[] = [];
      for (let tries = 0; tries < 4 * meetings && current.length < meetings; tries++) {
        const a = pick(orgs);
        const b = pick(orgs);
        const s = pick(slotCount);
        const t = pick(tables);
        if (a === b || pairs.has(`${a}-${b}`) || pairs.has(`${b}-${a}`)) continue;
        if (
          cell.has(`${s}/${t}`) ||
          busy.has(`${a}@${s}`) ||
          busy.has(`${b}@${s}`) ||
          !can(a, s) ||
          !can(b, s)
        )
          continue;
        pairs.add(`${a}-${b}`);
        cell.add(`${s}/${t}`);
        busy.add(`${a}@${s}`);
        busy.add(`${b}@${s}`);
        const state =
          s < firstOpenSlot
            ? 'done'
            : s === firstOpenSlot && rnd() < 0.5
              ? 'under_way'
              : ('scheduled' as const);
        current.push({ id: `m${current.length}`, a: `o${a}`, b: `o${b}`, slot: s, table: t, state });
      }
      const removed = current.filter(() => rnd() < 0.2).map((c) => c.id);
      const added: Added[] = [];
      for (let tries = 0; tries < 5 * additions && added.length < additions; tries++) {
        const a = pick(orgs);
        const b = pick(orgs);
        if (a === b || pairs.has(`${a}-${b}`) || pairs.has(`${b}-${a}`)) continue;
        pairs.add(`${a}-${b}`);
        const id = `x${added.length}`;
        const r = rnd();
        if (r < 0.3) added.push({ id, a: `o${a}`, b: `o${b}`, pin: { slot: pick(slotCount) } });
        else if (r < 0.5)
          added.push({ id, a: `o${a}`, b: `o${b}`, pin: { slot: pick(slotCount), table: pick(tables) } });
        else added.push({ id, a: `o${a}`, b: `o${b}` });
      }
      return { slotCount, tables, participants, current, removed, added, firstOpenSlot };
    });
const repairInstance = instance({ orgs: 6, slots: 4, tables: 2, meetings: 8, additions: 2 });
/** Large enough that the repair takes its bounded per-addition path rather than the exact search. */
const largeRepairInstance = instance({ orgs: 40, slots: 12, tables: 30, meetings: 300, additions: 25 });

/**
 * Brute force: over every assignment of the movable meetings (scheduled, in an open slot) and of the
 * additions to open cells, the fewest movable meetings off their cell; null if no assignment places
 * every addition in `mustPlace`.
 */
function fewestMoves(problem: RepairProblem, mustPlace: readonly Added[]): number | null {
  const { slotCount, tables, firstOpenSlot } = problem;
  const avail = new Map(problem.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]));
  const can = (id: string, s: number) => avail.get(id)?.has(s) ?? true;
  const removed = new Set(problem.removed);
  const stays = problem.current.filter((c) => !removed.has(c.id));
  const fixed = stays.filter((c) => c.state !== 'scheduled' || c.slot < firstOpenSlot);
  const movable = stays.filter((c) => !fixed.includes(c));
  const cell = new Set<string>();
  const busy = new Set<string>();
  const take = (a: string, b: string, s: number, t: number) => {
    cell.add(`${s}/${t}`);
    busy.add(`${a}@${s}`);
    busy.add(`${b}@${s}`);
  };
  const drop = (a: string, b: string, s: number, t: number) => {
    cell.delete(`${s}/${t}`);
    busy.delete(`${a}@${s}`);
    busy.delete(`${b}@${s}`);
  };
  for (const f of fixed) take(f.a, f.b, f.slot, f.table);
  const items: Array<{ a: string; b: string; orig?: { slot: number; table: number }; pin?: Added['pin'] }> = [
    ...movable.map((c) => ({ a: c.a, b: c.b, orig: { slot: c.slot, table: c.table } })),
    ...mustPlace.map((m) => ({ a: m.a, b: m.b, pin: m.pin })),
  ];
  let best: number | null = null;
  const go = (i: number, moves: number) => {
    if (best !== null && moves >= best) return;
    if (i === items.length) {
      best = moves;
      return;
    }
    const it = items[i]!;
    for (let s = firstOpenSlot; s < slotCount; s++) {
      if (it.pin && it.pin.slot !== s) continue;
      if (!can(it.a, s) || !can(it.b, s) || busy.has(`${it.a}@${s}`) || busy.has(`${it.b}@${s}`)) continue;
      for (let t = 0; t < tables; t++) {
        if (it.pin?.table !== undefined && it.pin.table !== t) continue;
        if (cell.has(`${s}/${t}`)) continue;
        const cost = it.orig && (it.orig.slot !== s || it.orig.table !== t) ? 1 : 0;
        take(it.a, it.b, s, t);
        go(i + 1, moves + cost);
        drop(it.a, it.b, s, t);
      }
    }
  };
  go(0, 0);
  return best;
}

function check(problem: RepairProblem) {
  const result = repairSchedule(problem);
  const removed = new Set(problem.removed);
  const stays = problem.current.filter((c) => !removed.has(c.id));
  const all = [...stays, ...problem.added];
  // Valid.
  expect(scheduleViolations(problem, all, result.placed)).toEqual([]);
  // Nothing under way, done or over moves; nothing new lands in a closed slot.
  const cellOf = new Map(result.placed.map((p) => [p.id, p]));
  for (const c of stays) {
    const now = cellOf.get(c.id);
    if (c.state !== 'scheduled' || c.slot < problem.firstOpenSlot)
      expect(now).toEqual({ id: c.id, slot: c.slot, table: c.table });
    else expect(now).toBeDefined();
    if (now && (now.slot !== c.slot || now.table !== c.table))
      expect(now.slot).toBeGreaterThanOrEqual(problem.firstOpenSlot);
  }
  for (const m of problem.added) {
    const now = cellOf.get(m.id);
    if (now) expect(now.slot).toBeGreaterThanOrEqual(problem.firstOpenSlot);
  }
  // Every meeting accounted for, and `moved` is exactly the current meetings whose cell changed.
  const accounted = [...result.placed.map((p) => p.id), ...result.unplaced.map((u) => u.id)].sort();
  expect(accounted).toEqual(all.map((m) => m.id).sort());
  const changed = stays.filter((c) => {
    const now = cellOf.get(c.id);
    return now && (now.slot !== c.slot || now.table !== c.table);
  });
  expect([...result.moved].sort()).toEqual(changed.map((c) => c.id).sort());
  return result;
}

describe('schedule repair properties', () => {
  it('moves exactly as few meetings as an exhaustive search finds, and places every addition that fits', () => {
    fc.assert(
      fc.property(repairInstance, (problem) => {
        const result = check(problem);
        const refused = new Set(result.unplaced.filter((u) => u.reason === 'pin_conflict').map((u) => u.id));
        const best = fewestMoves(
          problem,
          problem.added.filter((m) => !refused.has(m.id)),
        );
        if (best === null) expect(result.unplaced.some((u) => u.reason === 'no_room')).toBe(true);
        else {
          expect(result.unplaced.filter((u) => u.reason === 'no_room')).toEqual([]);
          expect(result.moved.length).toBe(best);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('keeps a large schedule valid on the bounded path, never moving what is under way, done or over', () => {
    fc.assert(
      fc.property(largeRepairInstance, (problem) => {
        check(problem);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the schedule valid through any sequence of no-shows, additions and passing slots', () => {
    fc.assert(
      fc.property(repairInstance, fc.integer(), (start, seed) => {
        const rnd = lcg(seed);
        let problem = start;
        for (let step = 0; step < 5; step++) {
          const result = check(problem);
          // The day moves on: maybe a slot passes; the next change comes.
          const firstOpenSlot = Math.min(problem.slotCount, problem.firstOpenSlot + (rnd() < 0.4 ? 1 : 0));
          const byId = new Map([...problem.current, ...problem.added].map((m) => [m.id, m]));
          const current = result.placed.map((p) => {
            const m = byId.get(p.id)!;
            const state =
              p.slot < firstOpenSlot
                ? ('done' as const)
                : p.slot === firstOpenSlot && rnd() < 0.5
                  ? ('under_way' as const)
                  : ('scheduled' as const);
            return { ...p, a: m.a, b: m.b, state };
          });
          const orgs = problem.participants.map((p) => p.id);
          const noShow = orgs[Math.floor(rnd() * orgs.length)]!;
          const removed = current
            .filter((c) => c.state === 'scheduled' && (c.a === noShow || c.b === noShow) && rnd() < 0.8)
            .map((c) => c.id);
          const a = orgs[Math.floor(rnd() * orgs.length)]!;
          const b = orgs[Math.floor(rnd() * orgs.length)]!;
          const added: Added[] = [];
          if (a !== b && rnd() < 0.7) {
            const pin = rnd() < 0.5 ? { slot: Math.floor(rnd() * problem.slotCount) } : undefined;
            added.push(pin ? { id: `y${step}`, a, b, pin } : { id: `y${step}`, a, b });
          }
          problem = { ...problem, current, removed, added, firstOpenSlot };
        }
      }),
      { numRuns: 300 },
    );
  });
});
