import { describe, expect, it } from 'vitest';
import { scheduleMeetings } from '../../../functions/meetings/scheduler.ts';
import { scheduleViolations } from './check-schedule.ts';

const orgs = (...ids: string[]) => ids.map((id) => ({ id }));

describe('meeting scheduler', () => {
  it('places every meeting of a small event without double booking', () => {
    // Arrange: two suppliers each meeting two builders, two tables.
    const problem = {
      slotCount: 6,
      tables: 2,
      participants: orgs('s1', 's2', 'b1', 'b2'),
      meetings: [
        { id: 'm1', a: 's1', b: 'b1' },
        { id: 'm2', a: 's1', b: 'b2' },
        { id: 'm3', a: 's2', b: 'b1' },
        { id: 'm4', a: 's2', b: 'b2' },
      ],
    };

    // Act
    const result = scheduleMeetings(problem);

    // Assert
    expect(result.unplaced).toEqual([]);
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
    expect(result.lowerBound).toBe(2);
    expect(result.slotsUsed).toBe(2);
    expect(result.bipartite).toBe(true);
  });

  it('keeps a pinned meeting exactly where the organizer put it', () => {
    const problem = {
      slotCount: 4,
      tables: 3,
      participants: orgs('s1', 'b1', 'b2'),
      meetings: [
        { id: 'm1', a: 's1', b: 'b1', pin: { slot: 2, table: 1 } },
        { id: 'm2', a: 's1', b: 'b2' },
      ],
    };

    const result = scheduleMeetings(problem);

    expect(result.placed.find((p) => p.id === 'm1')).toEqual({ id: 'm1', slot: 2, table: 1 });
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
  });

  it('reports a meeting whose two sides share no available slot instead of dropping it', () => {
    const problem = {
      slotCount: 4,
      tables: 1,
      participants: [
        { id: 's1', available: [0, 1] },
        { id: 'b1', available: [2, 3] },
      ],
      meetings: [{ id: 'm1', a: 's1', b: 'b1' }],
    };

    const result = scheduleMeetings(problem);

    expect(result.placed).toEqual([]);
    expect(result.unplaced).toEqual([{ id: 'm1', reason: 'no_common_slot' }]);
  });

  it('says the graph is not bipartite when an organisation is on both sides of a triangle', () => {
    const problem = {
      slotCount: 5,
      tables: 5,
      participants: orgs('x', 'y', 'z'),
      meetings: [
        { id: 'm1', a: 'x', b: 'y' },
        { id: 'm2', a: 'y', b: 'z' },
        { id: 'm3', a: 'z', b: 'x' },
      ],
    };

    const result = scheduleMeetings(problem);

    expect(result.bipartite).toBe(false);
    expect(result.slotsUsed).toBe(3);
    expect(result.lowerBound).toBe(2);
    expect(result.gapReasons).toContain('not_bipartite');
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
  });
});

describe('meeting scheduler, beyond the bound', () => {
  it('lists meetings that do not fit in the event as no_room and says the slots ran out', () => {
    // Arrange: one supplier with three meetings, two slots.
    const problem = {
      slotCount: 2,
      tables: 5,
      participants: orgs('s1', 'b1', 'b2', 'b3'),
      meetings: [
        { id: 'm1', a: 's1', b: 'b1' },
        { id: 'm2', a: 's1', b: 'b2' },
        { id: 'm3', a: 's1', b: 'b3' },
      ],
    };

    // Act
    const result = scheduleMeetings(problem);

    // Assert
    expect(result.placed).toHaveLength(2);
    expect(result.unplaced).toHaveLength(1);
    expect(result.unplaced[0]!.reason).toBe('no_room');
    expect(result.gapReasons).toContain('slot_limit');
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
  });

  it('refuses the second of two pins that put one organisation into the same slot', () => {
    const problem = {
      slotCount: 3,
      tables: 3,
      participants: orgs('s1', 'b1', 'b2'),
      meetings: [
        { id: 'm1', a: 's1', b: 'b1', pin: { slot: 1 } },
        { id: 'm2', a: 's1', b: 'b2', pin: { slot: 1 } },
      ],
    };

    const result = scheduleMeetings(problem);

    expect(result.placed).toEqual([{ id: 'm1', slot: 1, table: 0 }]);
    expect(result.unplaced).toEqual([{ id: 'm2', reason: 'pin_conflict' }]);
  });

  it('needs more slots than the bound when a window forces it, and reports the sharper availability bound', () => {
    // Arrange: s1 has two meetings but can only come to slots 0 and 3.
    const problem = {
      slotCount: 4,
      tables: 2,
      participants: [{ id: 's1', available: [0, 3] }, { id: 'b1' }, { id: 'b2' }],
      meetings: [
        { id: 'm1', a: 's1', b: 'b1' },
        { id: 'm2', a: 's1', b: 'b2' },
      ],
    };

    const result = scheduleMeetings(problem);

    expect(result.lowerBound).toBe(2);
    expect(result.availabilityBound).toBe(4);
    expect(result.slotsUsed).toBe(4);
    expect(result.gapReasons).toEqual(['availability']);
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
  });

  it('uses exactly the bound on a large bipartite event with every table full', () => {
    // Arrange: 40 suppliers × 40 buyers, every pair meets (Δ = 40), 40 tables: 1,600 meetings in 40 slots.
    const ids = Array.from({ length: 40 }, (_, i) => i);
    const meetings = ids.flatMap((s) => ids.map((b) => ({ id: `m${s}-${b}`, a: `s${s}`, b: `b${b}` })));
    const problem = {
      slotCount: 60,
      tables: 40,
      participants: [...ids.map((i) => ({ id: `s${i}` })), ...ids.map((i) => ({ id: `b${i}` }))],
      meetings,
    };

    const result = scheduleMeetings(problem);

    expect(result.slotsUsed).toBe(40);
    expect(result.lowerBound).toBe(40);
    expect(scheduleViolations(problem, problem.meetings, result.placed)).toEqual([]);
  });
});
