import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colourBipartiteEquitable } from '../../../functions/meetings/bipartite-colouring.ts';
import { type SchedulingProblem, scheduleMeetings } from '../../../functions/meetings/scheduler.ts';
import { scheduleViolations } from './check-schedule.ts';

type Meeting = SchedulingProblem['meetings'][number];

/** Random bipartite instance: suppliers s0.., buyers b0.., distinct pairs, no windows, no pins. */
const bipartiteInstance = fc
  .record({
    suppliers: fc.integer({ min: 1, max: 9 }),
    buyers: fc.integer({ min: 1, max: 9 }),
    density: fc.double({ min: 0.05, max: 1, noNaN: true }),
    tables: fc.integer({ min: 1, max: 7 }),
    seed: fc.integer(),
  })
  .map(({ suppliers, buyers, density, tables, seed }) => {
    let r = seed >>> 0;
    const rnd = () => {
      r = (Math.imul(r, 1_103_515_245) + 12_345) >>> 0;
      return r / 4_294_967_296;
    };
    const meetings: Meeting[] = [];
    for (let s = 0; s < suppliers; s++)
      for (let b = 0; b < buyers; b++)
        if (rnd() < density) meetings.push({ id: `m${s}-${b}`, a: `s${s}`, b: `b${b}` });
    const participants = [
      ...Array.from({ length: suppliers }, (_, i) => ({ id: `s${i}` })),
      ...Array.from({ length: buyers }, (_, i) => ({ id: `b${i}` })),
    ];
    return { slotCount: 100, tables, participants, meetings } satisfies SchedulingProblem;
  });

/** A small linear congruential generator, so one fast-check integer drives a whole instance. */
function lcg(seed: number): () => number {
  let r = seed >>> 0;
  return () => {
    r = (Math.imul(r, 1_103_515_245) + 12_345) >>> 0;
    return r / 4_294_967_296;
  };
}

/** Random general instance: any pairs (odd cycles possible), windows, pins, a tight slot count. */
const instance = (maxMeetings: number, maxSlots: number) =>
  fc
    .record({
      orgs: fc.integer({ min: 2, max: 7 }),
      meetings: fc.integer({ min: 0, max: maxMeetings }),
      slotCount: fc.integer({ min: 1, max: maxSlots }),
      tables: fc.integer({ min: 1, max: 4 }),
      windowRate: fc.constantFrom(0, 0, 0.3, 0.6),
      pinRate: fc.constantFrom(0, 0, 0.1, 0.3),
      seed: fc.integer(),
    })
    .map(({ orgs, meetings: count, slotCount, tables, windowRate, pinRate, seed }) => {
      const rnd = lcg(seed);
      const seen = new Set<string>();
      const meetings: Meeting[] = [];
      for (let i = 0; i < 4 * count && meetings.length < count; i++) {
        const a = Math.floor(rnd() * orgs);
        const b = Math.floor(rnd() * orgs);
        const key = a < b ? `${a}-${b}` : `${b}-${a}`;
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        const id = `m${meetings.length}`;
        if (rnd() < pinRate) {
          const slot = Math.floor(rnd() * (slotCount + 1));
          const pin = rnd() < 0.5 ? { slot } : { slot, table: Math.floor(rnd() * (tables + 1)) };
          meetings.push({ id, a: `o${a}`, b: `o${b}`, pin });
        } else meetings.push({ id, a: `o${a}`, b: `o${b}` });
      }
      const participants = Array.from({ length: orgs }, (_, i) => {
        if (rnd() >= windowRate) return { id: `o${i}` };
        const available = Array.from({ length: slotCount }, (_, s) => s).filter(() => rnd() < 0.7);
        return { id: `o${i}`, available };
      });
      return { slotCount, tables, participants, meetings } satisfies SchedulingProblem;
    });
const generalInstance = instance(16, 7);
/** Small enough for the exhaustive oracle below. */
const smallInstance = instance(9, 5);

/** Exhaustive: can every meeting in `todo` be placed (slot only; tables are then interchangeable)? */
function allPlaceable(
  problem: SchedulingProblem,
  todo: readonly Meeting[],
  maxSlot = problem.slotCount,
): boolean {
  const avail = new Map(problem.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]));
  const can = (id: string, s: number) => {
    const a = avail.get(id);
    return !a || a.has(s);
  };
  const busy = new Set<string>();
  const used = new Array<number>(problem.slotCount).fill(0);
  const tableUsed = new Set<string>();
  const go = (i: number): boolean => {
    if (i === todo.length) return true;
    const m = todo[i]!;
    const slots = m.pin
      ? m.pin.slot < maxSlot
        ? [m.pin.slot]
        : []
      : Array.from({ length: maxSlot }, (_, s) => s);
    for (const s of slots) {
      if (!can(m.a, s) || !can(m.b, s) || busy.has(`${m.a}@${s}`) || busy.has(`${m.b}@${s}`)) continue;
      if (used[s]! >= problem.tables) continue;
      const t = m.pin?.table;
      if (t !== undefined && tableUsed.has(`${s}/${t}`)) continue;
      busy.add(`${m.a}@${s}`);
      busy.add(`${m.b}@${s}`);
      used[s]!++;
      if (t !== undefined) tableUsed.add(`${s}/${t}`);
      if (go(i + 1)) return true;
      busy.delete(`${m.a}@${s}`);
      busy.delete(`${m.b}@${s}`);
      used[s]!--;
      if (t !== undefined) tableUsed.delete(`${s}/${t}`);
    }
    return false;
  };
  // Pins first, so the free ones search around them.
  return go(0);
}

describe('meeting scheduler properties', () => {
  it('uses exactly max(Δ, ⌈E/tables⌉) slots on every bipartite instance without windows or pins', () => {
    fc.assert(
      fc.property(bipartiteInstance, (problem) => {
        const result = scheduleMeetings(problem);
        expect(result.unplaced).toEqual([]);
        expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
        expect(result.bipartite).toBe(true);
        expect(result.slotsUsed).toBe(result.lowerBound);
        expect(result.gapReasons).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('never double-books, never exceeds the tables, respects windows and pins, and accounts for every meeting', () => {
    fc.assert(
      fc.property(generalInstance, (problem) => {
        const result = scheduleMeetings(problem);
        expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
        const ids = [...result.placed.map((p) => p.id), ...result.unplaced.map((u) => u.id)].sort();
        expect(ids).toEqual(problem.meetings.map((m) => m.id).sort());
        if (!result.unplaced.some((u) => u.reason === 'no_room'))
          expect(result.slotsUsed).toBeGreaterThanOrEqual(result.availabilityBound!);
        expect(result.availabilityBound!).toBeGreaterThanOrEqual(result.lowerBound);
        for (const u of result.unplaced) {
          const m = problem.meetings.find((x) => x.id === u.id)!;
          if (u.reason === 'pin_conflict') expect(m.pin).toBeDefined();
          if (u.reason === 'no_common_slot')
            expect(allPlaceable({ ...problem, tables: 1 }, [{ ...m, pin: undefined }])).toBe(false);
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('places every meeting whenever some schedule can (checked exhaustively on small instances)', () => {
    fc.assert(
      fc.property(smallInstance, (problem) => {
        const result = scheduleMeetings(problem);
        const refused = new Set(result.unplaced.filter((u) => u.reason !== 'no_room').map((u) => u.id));
        const todo = problem.meetings
          .filter((m) => !refused.has(m.id))
          .sort((p, q) => Number(q.pin !== undefined) - Number(p.pin !== undefined));
        if (allPlaceable(problem, todo))
          expect(result.unplaced.filter((u) => u.reason === 'no_room')).toEqual([]);
        else expect(result.unplaced.some((u) => u.reason === 'no_room')).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('uses the fewest slots any schedule can on small instances with windows, pins or odd cycles', () => {
    fc.assert(
      fc.property(smallInstance, (problem) => {
        const result = scheduleMeetings(problem);
        if (result.unplaced.length > 0) return;
        const sorted = [...problem.meetings].sort(
          (p, q) => Number(q.pin !== undefined) - Number(p.pin !== undefined),
        );
        // No schedule with one slot fewer exists.
        if (result.slotsUsed > 0) expect(allPlaceable(problem, sorted, result.slotsUsed - 1)).toBe(false);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('equitable bipartite colouring', () => {
  it('gives every class at most cap edges with k = max(Δ, ⌈E/cap⌉) colours, with or without vertex merging', () => {
    fc.assert(
      fc.property(
        fc.record({
          suppliers: fc.integer({ min: 1, max: 40 }),
          buyers: fc.integer({ min: 1, max: 40 }),
          density: fc.double({ min: 0.05, max: 1, noNaN: true }),
          cap: fc.integer({ min: 1, max: 30 }),
          merge: fc.boolean(),
          seed: fc.integer(),
        }),
        ({ suppliers, buyers, density, cap, merge, seed }) => {
          // Arrange
          const rnd = lcg(seed);
          const pairs: Array<[number, number]> = [];
          for (let s = 0; s < suppliers; s++)
            for (let b = 0; b < buyers; b++) if (rnd() < density) pairs.push([s, suppliers + b]);
          const n = suppliers + buyers;
          const eu = Int32Array.from(pairs, (p) => p[0]);
          const ev = Int32Array.from(pairs, (p) => p[1]);
          const side = Uint8Array.from({ length: n }, (_, x) => (x < suppliers ? 0 : 1));
          const deg = new Int32Array(n);
          for (const [x, y] of pairs) {
            deg[x]!++;
            deg[y]!++;
          }
          const k = Math.max(Math.max(...deg), Math.ceil(pairs.length / cap));

          // Act
          const colour = colourBipartiteEquitable(n, eu, ev, side, deg, k, cap, merge);

          // Assert: proper, within k, classes within cap.
          const seen = new Set<string>();
          const size = new Array<number>(k).fill(0);
          pairs.forEach(([x, y], e) => {
            const c = colour[e]!;
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThan(k);
            expect(seen.has(`${x}@${c}`) || seen.has(`${y}@${c}`)).toBe(false);
            seen.add(`${x}@${c}`);
            seen.add(`${y}@${c}`);
            size[c]!++;
          });
          expect(Math.max(0, ...size)).toBeLessThanOrEqual(cap);
        },
      ),
      { numRuns: 300 },
    );
  });
});
