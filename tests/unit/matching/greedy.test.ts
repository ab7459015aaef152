import { describe, expect, it } from 'vitest';
import { allocateGoods } from '../../../functions/matching/allocation.ts';
import { greedyGoods } from '../../../functions/matching/greedy.ts';
import { demand, east, policyOf, supply } from './fixtures.ts';

const policy = policyOf({ 'steel-hrb400': 1 });

describe('nearest-first greedy baseline', () => {
  it('serves the most urgent demand first from its nearest supplier', () => {
    // Arrange: one supplier, two sites; the later-listed site is needed sooner.
    const supplies = [supply({ id: 's1', remaining: 10 })];
    const demands = [
      demand({ id: 'd-late', neededBy: '2025-03-25', point: east(5) }),
      demand({ id: 'd-urgent', neededBy: '2025-03-12', point: east(50) }),
    ];

    // Act
    const byUrgency = greedyGoods(supplies, demands, policy);
    const byInput = greedyGoods(supplies, demands, policy, { order: 'input' });

    // Assert
    expect(byUrgency.allocations.map((a) => a.demandId)).toEqual(['d-urgent']);
    expect(byInput.allocations.map((a) => a.demandId)).toEqual(['d-late']);
  });

  it('takes the nearest supplier first and moves on when it runs out', () => {
    const supplies = [
      supply({ id: 'far', point: east(40), remaining: 10 }),
      supply({ id: 'near', point: east(10), remaining: 4 }),
    ];

    const result = greedyGoods(supplies, [demand({ id: 'd1', remaining: 6 })], policy);

    expect(result.allocations.map((a) => `${a.supplyId}:${a.quantity}`)).toEqual(['near:4', 'far:2']);
    expect(result.totals.placed).toBe(6);
  });

  it('costs more than the optimum when the nearest-first choice blocks a better pairing', () => {
    // Arrange: d1 (urgent) grabs s-mid, which d2 needed; d1 could have used s-west at similar distance.
    const supplies = [
      supply({ id: 's-mid', point: east(0), remaining: 10 }),
      supply({ id: 's-west', point: east(-12), remaining: 10 }),
      supply({ id: 's-east', point: east(120), remaining: 10 }),
    ];
    const demands = [
      demand({ id: 'd1', point: east(-5), neededBy: '2025-03-12' }),
      demand({ id: 'd2', point: east(6), neededBy: '2025-03-20' }),
    ];

    // Act
    const greedy = greedyGoods(supplies, demands, policy);
    const optimal = allocateGoods(supplies, demands, policy);

    // Assert
    expect(greedy.totals.placed).toBe(optimal.totals.placed);
    expect(greedy.totals.cost).toBeGreaterThan(optimal.totals.cost);
  });
});
