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
