import { describe, expect, it } from 'vitest';
import { repairSchedule } from '../../../functions/meetings/repair.ts';
import { scheduleViolations } from './check-schedule.ts';

const orgs = (...ids: string[]) => ids.map((id) => ({ id }));

describe('live-day schedule repair', () => {
  it('moves the one meeting in the way of a pinned addition and nothing else', () => {
    // Arrange: s1–b1 sits at slot 1 table 0; the organizer pins a new s1–b2 meeting into slot 1.
    const problem = {
      slotCount: 3,
      tables: 1,
      participants: orgs('s1', 's2', 'b1', 'b2'),
      current: [
        { id: 'm1', a: 's1', b: 'b1', slot: 1, table: 0, state: 'scheduled' as const },
        { id: 'm2', a: 's2', b: 'b2', slot: 0, table: 0, state: 'done' as const },
      ],
      removed: [],
      added: [{ id: 'm3', a: 's1', b: 'b2', pin: { slot: 1 } }],
      firstOpenSlot: 1,
    };

    // Act
    const result = repairSchedule(problem);

    // Assert
    expect(result.moved).toEqual(['m1']);
    expect(result.placed.find((p) => p.id === 'm1')).toEqual({ id: 'm1', slot: 2, table: 0 });
    expect(result.placed.find((p) => p.id === 'm2')).toEqual({ id: 'm2', slot: 0, table: 0 });
    const all = [...problem.current, ...problem.added];
    expect(scheduleViolations(problem, all, result.placed)).toEqual([]);
  });

  it('frees the cells of a no-show and moves nobody', () => {
    const problem = {
      slotCount: 2,
      tables: 1,
      participants: orgs('s1', 'b1', 'b2'),
      current: [
        { id: 'm1', a: 's1', b: 'b1', slot: 0, table: 0, state: 'scheduled' as const },
        { id: 'm2', a: 's1', b: 'b2', slot: 1, table: 0, state: 'scheduled' as const },
      ],
      removed: ['m1'],
      added: [],
      firstOpenSlot: 0,
    };

    const result = repairSchedule(problem);

    expect(result.moved).toEqual([]);
    expect(result.placed).toEqual([{ id: 'm2', slot: 1, table: 0 }]);
  });
});

describe('live-day schedule repair, what never moves', () => {
  it('never moves a meeting under way, and refuses a pin onto it', () => {
    // Arrange: s1–b1 is under way in slot 1; the organizer pins s1–b2 into slot 1 as well.
    const problem = {
      slotCount: 3,
      tables: 2,
      participants: orgs('s1', 'b1', 'b2'),
      current: [{ id: 'm1', a: 's1', b: 'b1', slot: 1, table: 0, state: 'under_way' as const }],
      removed: [],
      added: [{ id: 'm2', a: 's1', b: 'b2', pin: { slot: 1 } }],
      firstOpenSlot: 1,
    };

    // Act
    const result = repairSchedule(problem);

    // Assert
    expect(result.placed).toEqual([{ id: 'm1', slot: 1, table: 0 }]);
    expect(result.moved).toEqual([]);
    expect(result.unplaced).toEqual([{ id: 'm2', reason: 'pin_conflict' }]);
  });

  it('places an added meeting only in slots that are not over', () => {
    const problem = {
      slotCount: 4,
      tables: 1,
      participants: orgs('s1', 'b1'),
      current: [],
      removed: [],
      added: [{ id: 'm1', a: 's1', b: 'b1' }],
      firstOpenSlot: 2,
    };

    const result = repairSchedule(problem);

    expect(result.placed).toEqual([{ id: 'm1', slot: 2, table: 0 }]);
  });

  it('moves a meeting by hand when it is added again with a pin, and reports it moved', () => {
    const problem = {
      slotCount: 3,
      tables: 1,
      participants: orgs('s1', 'b1'),
      current: [{ id: 'm1', a: 's1', b: 'b1', slot: 0, table: 0, state: 'scheduled' as const }],
      removed: [],
      added: [{ id: 'm1', a: 's1', b: 'b1', pin: { slot: 2 } }],
      firstOpenSlot: 0,
    };

    const result = repairSchedule(problem);

    expect(result.placed).toEqual([{ id: 'm1', slot: 2, table: 0 }]);
    expect(result.moved).toEqual(['m1']);
  });

  it('takes the fewest moves along an ejection chain rather than the nearest fix', () => {
    // Arrange: one table. Slot 1 holds s1–b1; slot 2 holds s2–b2; slot 3 is free. A pinned s1–b3 needs
    // slot 1: s1–b1 must move, and it can go straight to slot 3 (1 move), not to slot 2 (2 moves).
    const problem = {
      slotCount: 4,
      tables: 1,
      participants: orgs('s1', 's2', 'b1', 'b2', 'b3'),
      current: [
        { id: 'm1', a: 's1', b: 'b1', slot: 1, table: 0, state: 'scheduled' as const },
        { id: 'm2', a: 's2', b: 'b2', slot: 2, table: 0, state: 'scheduled' as const },
      ],
      removed: [],
      added: [{ id: 'm3', a: 's1', b: 'b3', pin: { slot: 1 } }],
      firstOpenSlot: 1,
    };

    const result = repairSchedule(problem);

    expect(result.moved).toEqual(['m1']);
    expect(result.placed.find((p) => p.id === 'm1')).toEqual({ id: 'm1', slot: 3, table: 0 });
    expect(result.placed.find((p) => p.id === 'm2')).toEqual({ id: 'm2', slot: 2, table: 0 });
  });
});
