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
