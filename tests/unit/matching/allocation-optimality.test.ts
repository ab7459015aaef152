import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocateGoods, buildGoodsInstance } from '../../../functions/matching/allocation.ts';
import { greedyGoods } from '../../../functions/matching/greedy.ts';
import { allocateLabour, buildLabourInstance } from '../../../functions/matching/labour-allocation.ts';
import { haversineKm } from '../../../functions/regions/distance.ts';
import {
  goodsInstanceArbitrary,
  labourInstanceArbitrary,
  naiveGoodsPairs,
  naiveLabourPairs,
} from './fixtures.ts';
import { type Highs, loadHighs, solveTransportLpText } from './highs-reference.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

describe('goods allocation equals the LP optimum (HiGHS) on random instances', () => {
  it('places the LP maximum and costs exactly the LP minimum, with a certificate over all pairs', () => {
    fc.assert(
      fc.property(goodsInstanceArbitrary, ({ supplies, demands, policy }) => {
        // Arrange: the LP on all S × D pairs that the literal pairing rule admits.
        const instance = buildGoodsInstance(supplies, demands, policy);
        const pairs = naiveGoodsPairs(supplies, demands, policy);
        const reference = solveTransportLpText(highs, instance.supplyAmount, instance.demandAmount, pairs);

        // Act
        const result = allocateGoods(supplies, demands, policy, { certify: true });

        // Assert
        expect(reference.status).toBe('Optimal');
        expect(result.stats.candidatePairs).toBe(pairs.length);
        expect(result.totals.placed).toBe(reference.placed);
        expect(result.totals.cost).toBe(Math.round(reference.cost));
        expect(Math.abs(result.totals.cost - reference.cost)).toBeLessThan(
          1e-6 * Math.max(1, reference.cost),
        );
        expect(result.stats.certificate).toMatchObject({ certified: true, worstViolation: 0 });
      }),
      { numRuns: 80 },
    );
  });

  it('stays exact when the restricted problem starts from one pair per demand and prices in one arc at a time', () => {
    fc.assert(
      fc.property(goodsInstanceArbitrary, ({ supplies, demands, policy }) => {
        const full = allocateGoods(supplies, demands, policy, { explain: false });

        const lean = allocateGoods(supplies, demands, policy, {
          explain: false,
          certify: true,
          initialPairsPerDemand: 1,
          maxAddedPerSupply: 1,
        });

        expect(lean.totals.placed).toBe(full.totals.placed);
        expect(lean.totals.cost).toBe(full.totals.cost);
        expect(lean.stats.certificate?.certified).toBe(true);
      }),
      { numRuns: 80 },
    );
  });

  it('keeps every allocation within the pairing rule and the remaining quantities', () => {
    fc.assert(
      fc.property(goodsInstanceArbitrary, ({ supplies, demands, policy }) => {
        const allowed = new Set(
          naiveGoodsPairs(supplies, demands, policy).map(
            (p) => `${supplies[p.supply]!.id}|${demands[p.demand]!.id}`,
          ),
        );

        const { allocations } = allocateGoods(supplies, demands, policy);

        const shipped = new Map<string, number>();
        const received = new Map<string, number>();
        for (const a of allocations) {
          expect(allowed.has(`${a.supplyId}|${a.demandId}`)).toBe(true);
          expect(Number.isInteger(a.quantity) && a.quantity > 0).toBe(true);
          shipped.set(a.supplyId, (shipped.get(a.supplyId) ?? 0) + a.quantity);
          received.set(a.demandId, (received.get(a.demandId) ?? 0) + a.quantity);
        }
        for (const s of supplies) expect(shipped.get(s.id) ?? 0).toBeLessThanOrEqual(s.remaining);
        for (const d of demands) expect(received.get(d.id) ?? 0).toBeLessThanOrEqual(d.remaining);
      }),
      { numRuns: 60 },
    );
  });
});

describe('nearer-supplier reasons on random instances', () => {
  it('list the nearest unused feasible suppliers, exhausted ones with their takers, others as not cheaper', () => {
    fc.assert(
      fc.property(goodsInstanceArbitrary, ({ supplies, demands, policy }) => {
        // Arrange
        const feasible = naiveGoodsPairs(supplies, demands, policy);
        const distance = (s: number, d: number) => haversineKm(supplies[s]!.point, demands[d]!.point);

        // Act
        const { allocations } = allocateGoods(supplies, demands, policy);

        // Assert
        const supplyIndex = new Map(supplies.map((s, i) => [s.id, i]));
        const demandIndex = new Map(demands.map((d, j) => [d.id, j]));
        const shipped = new Map<string, number>();
        const used = new Set<string>();
        for (const a of allocations) {
          shipped.set(a.supplyId, (shipped.get(a.supplyId) ?? 0) + a.quantity);
          used.add(`${a.supplyId}|${a.demandId}`);
        }
        for (const a of allocations) {
          const j = demandIndex.get(a.demandId)!;
          const expected = feasible
            .filter((p) => p.demand === j && !used.has(`${supplies[p.supply]!.id}|${a.demandId}`))
            .map((p) => ({ k: p.supply, d: distance(p.supply, j), cost: p.cost }))
            .filter((x) => x.d < a.distanceKm)
            .sort((x, y) => x.d - y.d || x.k - y.k)
            .slice(0, 3);
          const nearer = a.reasons.filter((r) => r.code.startsWith('nearer-supply-'));
          expect(nearer.map((r) => ('supplyId' in r ? r.supplyId : ''))).toEqual(
            expected.map((x) => supplies[x.k]!.id),
          );
          for (const r of nearer) {
            if (!('supplyId' in r)) continue;
            const k = supplyIndex.get(r.supplyId)!;
            const exhausted = (shipped.get(r.supplyId) ?? 0) === supplies[k]!.remaining;
            if (r.code === 'nearer-supply-exhausted') {
              expect(exhausted).toBe(true);
              expect(r.takenBy.every((t) => used.has(`${r.supplyId}|${t.demandId}`))).toBe(true);
            } else {
              expect(exhausted).toBe(false);
              expect(r.unitCost).toBeGreaterThanOrEqual(r.chosenUnitCost);
              expect(r.code === 'nearer-supply-tied').toBe(r.unitCost === r.chosenUnitCost);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });
});

describe('nearest-first greedy against the optimum', () => {
  it('never places more, and never costs less than the cheapest way to place what it placed', () => {
    fc.assert(
      fc.property(goodsInstanceArbitrary, ({ supplies, demands, policy }) => {
        // Arrange
        const instance = buildGoodsInstance(supplies, demands, policy);
        const pairs = naiveGoodsPairs(supplies, demands, policy);

        // Act
        const greedy = greedyGoods(supplies, demands, policy);
        const optimal = allocateGoods(supplies, demands, policy, { explain: false });
        const cheapestForSame = solveTransportLpText(
          highs,
          instance.supplyAmount,
          instance.demandAmount,
          pairs,
          greedy.totals.placed,
        );

        // Assert
        expect(greedy.totals.placed).toBeLessThanOrEqual(optimal.totals.placed);
        expect(greedy.totals.cost).toBeGreaterThanOrEqual(Math.round(cheapestForSame.cost));
        if (greedy.totals.placed === optimal.totals.placed) {
          expect(greedy.totals.cost).toBeGreaterThanOrEqual(optimal.totals.cost);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('labour allocation equals the LP optimum (HiGHS) on random instances', () => {
  it('places the maximum headcount at the minimum integer commute, certified', () => {
    fc.assert(
      fc.property(labourInstanceArbitrary, ({ offers, requests }) => {
        const instance = buildLabourInstance(offers, requests);
        const pairs = naiveLabourPairs(offers, requests);
        const reference = solveTransportLpText(highs, instance.offerAmount, instance.requestAmount, pairs);

        const result = allocateLabour(offers, requests, { certify: true });

        expect(result.stats.candidatePairs).toBe(pairs.length);
        expect(result.totals.placed).toBe(reference.placed);
        expect(result.totals.commuteMetres).toBe(Math.round(reference.cost));
        expect(result.stats.certificate?.certified).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
