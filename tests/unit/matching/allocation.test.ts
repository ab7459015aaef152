import { describe, expect, it } from 'vitest';
import {
  type AllocationReason,
  allocateGoods,
  type GoodsDemand,
  type GoodsSupply,
} from '../../../functions/matching/allocation.ts';
import { orgPairKey } from '../../../functions/matching/candidates.ts';
import { haversineKm } from '../../../functions/regions/distance.ts';
import { demand, east, north, policyOf, supply } from './fixtures.ts';

const STEEL = 'steel-hrb400';
const policy = policyOf(
  { [STEEL]: 1, 'steel-hrb500': 1 },
  { [STEEL]: 50, 'steel-hrb500': 50 },
  {
    'steel-hrb500': [STEEL],
  },
);

function pairsOf(supplies: GoodsSupply[], demands: GoodsDemand[]): string[] {
  return allocateGoods(supplies, demands, policy).allocations.map(
    (a) => `${a.supplyId}->${a.demandId}:${a.quantity}`,
  );
}

function reasonsOf(supplies: GoodsSupply[], demands: GoodsDemand[], supplyId: string): AllocationReason[] {
  const found = allocateGoods(supplies, demands, policy).allocations.find((a) => a.supplyId === supplyId);
  if (!found) throw new Error(`${supplyId} got no allocation`);
  return found.reasons;
}

describe('goods pairing rules', () => {
  it('keeps pairs of organisations apart inside the allocation, routing the quantity to the next site', () => {
    // Arrange: one supply of 10 t; the nearer site's firm met the supplier before, the further one did not.
    const supplies = [supply({ id: 's1', orgId: 'steelworks', remaining: 10, point: east(5) })];
    const demands = [
      demand({ id: 'near', orgId: 'met-before', remaining: 10 }),
      demand({ id: 'far', orgId: 'new-firm', remaining: 10, point: east(40) }),
    ];

    // Act
    const free = allocateGoods(supplies, demands, policy, { certify: true });
    const apart = allocateGoods(supplies, demands, policy, {
      certify: true,
      orgPairsApart: new Set([orgPairKey('met-before', 'steelworks')]),
    });

    // Assert: the same 10 t placed, on the other site, and still certified optimal
    expect(free.allocations.map((a) => `${a.supplyId}->${a.demandId}:${a.quantity}`)).toEqual([
      's1->near:10',
    ]);
    expect(apart.allocations.map((a) => `${a.supplyId}->${a.demandId}:${a.quantity}`)).toEqual([
      's1->far:10',
    ]);
    expect(apart.stats.certificate?.certified).toBe(true);
  });

  it('pairs a supply with a demand of the same spec', () => {
    expect(pairsOf([supply({ id: 's1', point: east(20) })], [demand({ id: 'd1' })])).toEqual(['s1->d1:10']);
  });

  it('substitutes another spec only when the policy allows it and the demand accepts substitutes', () => {
    // Arrange
    const supplies = [supply({ id: 's1', specId: 'steel-hrb500', remaining: 20, point: east(20) })];
    const refuses = demand({ id: 'd1', acceptsSubstitutes: false });
    const accepts = demand({ id: 'd2', acceptsSubstitutes: true });
    const reverse = [supply({ id: 's2', specId: STEEL, point: east(20) })];
    const wantsHrb500 = demand({ id: 'd3', specId: 'steel-hrb500', acceptsSubstitutes: true });

    // Act + Assert
    expect(pairsOf(supplies, [refuses, accepts])).toEqual(['s1->d2:10']);
    expect(pairsOf(reverse, [wantsHrb500])).toEqual([]);
  });

  it('requires the availability to overlap the delivery window, inclusive of the end days', () => {
    const before = supply({ id: 's1', availableFrom: '2025-03-01', availableUntil: '2025-03-09' });
    const touching = supply({ id: 's2', availableFrom: '2025-03-01', availableUntil: '2025-03-10' });
    const after = supply({ id: 's3', availableFrom: '2025-03-21', availableUntil: '2025-04-30' });

    expect(pairsOf([before, after], [demand({ id: 'd1' })])).toEqual([]);
    expect(pairsOf([touching], [demand({ id: 'd1' })])).toEqual(['s2->d1:10']);
  });

  it('requires the site to be within the supply delivery radius', () => {
    const inside = supply({ id: 's1', point: east(49), deliveryRadiusKm: 50 });
    const outside = supply({ id: 's2', point: north(51), deliveryRadiusKm: 50 });

    expect(pairsOf([inside, outside], [demand({ id: 'd1', remaining: 20 })])).toEqual(['s1->d1:10']);
  });

  it('respects the ceiling price only when both prices are given', () => {
    const dear = supply({ id: 's1', unitPrice: 120 });
    const fair = supply({ id: 's2', unitPrice: 110, point: east(5) });
    const unpriced = supply({ id: 's3', point: east(10) });

    const result = pairsOf([dear, fair, unpriced], [demand({ id: 'd1', remaining: 30, ceilingPrice: 110 })]);

    expect(result.sort()).toEqual(['s2->d1:10', 's3->d1:10']);
  });

  it('never pairs an organisation with itself', () => {
    expect(pairsOf([supply({ id: 's1', orgId: 'acme' })], [demand({ id: 'd1', orgId: 'acme' })])).toEqual([]);
  });

  it('rejects non-integer quantities and malformed dates', () => {
    expect(() => allocateGoods([supply({ id: 's1', remaining: 1.5 })], [], policy)).toThrow(RangeError);
    expect(() => allocateGoods([supply({ id: 's1', availableFrom: '2025-02-30' })], [], policy)).toThrow(
      RangeError,
    );
  });
});

describe('goods objective', () => {
  it('places the most quantity first, even when a cheaper plan would place less', () => {
    // Arrange: s1 is next to both sites; s2 only reaches d1, from far away.
    const supplies = [
      supply({ id: 's1', point: east(1), remaining: 10 }),
      supply({ id: 's2', point: east(150), deliveryRadiusKm: 151, remaining: 10 }),
    ];
    const demands = [
      demand({ id: 'd1', remaining: 10 }),
      demand({ id: 'd2', point: north(30), remaining: 10 }),
    ];

    // Act
    const result = allocateGoods(supplies, demands, policy);

    // Assert
    expect(result.totals.placed).toBe(20);
    expect(result.allocations.map((a) => `${a.supplyId}->${a.demandId}`).sort()).toEqual([
      's1->d2',
      's2->d1',
    ]);
  });

  it('then minimises cost, preferring a farther in-province supplier over a border penalty', () => {
    // Arrange: s1 is 10 km away across the border (10 + 50 CNY/step), s2 30 km inside (30 CNY/step).
    const supplies = [
      supply({ id: 's1', point: east(10), provinceCode: '36' }),
      supply({ id: 's2', point: north(30) }),
    ];

    // Act
    const result = allocateGoods(supplies, [demand({ id: 'd1' })], policy);

    // Assert
    expect(result.allocations.map((a) => a.supplyId)).toEqual(['s2']);
    expect(result.totals.inProvinceShare).toBe(1);
  });

  it('uses integer unit costs in milli-CNY and reports them as the objective', () => {
    // Arrange
    const s1 = supply({ id: 's1', point: east(12.3456), provinceCode: '36', remaining: 7 });
    const rated = policyOf({ [STEEL]: 0.37 }, { [STEEL]: 12.5 });

    // Act
    const result = allocateGoods([s1], [demand({ id: 'd1' })], rated);

    // Assert
    const km = haversineKm(s1.point, demand({ id: 'd1' }).point);
    const unitCost = Math.round(1000 * (km * 0.37 + 12.5));
    expect(result.allocations[0]).toMatchObject({
      quantity: 7,
      unitCost,
      cost: 7 * unitCost,
      crossProvince: true,
    });
    expect(result.totals.cost).toBe(7 * unitCost);
    expect(Number.isInteger(result.totals.cost)).toBe(true);
    expect(result.allocations[0]!.freightCost).toBeCloseTo(7 * km * 0.37, 9);
    expect(result.allocations[0]!.borderPenalty).toBe(7 * 12.5);
  });

  it('reports totals: placed share, unit-km and in-province share', () => {
    const supplies = [
      supply({ id: 's1', point: east(10), remaining: 6 }),
      supply({ id: 's2', point: east(20), provinceCode: '36', remaining: 2 }),
    ];

    const d1 = demand({ id: 'd1', remaining: 10 });

    const { totals } = allocateGoods(supplies, [d1], policy);

    expect(totals).toMatchObject({ placed: 8, supplyTotal: 8, demandTotal: 10, placedShare: 0.8 });
    expect(totals.inProvinceShare).toBeCloseTo(6 / 8, 12);
    const km = (s: GoodsSupply) => haversineKm(s.point, d1.point);
    expect(totals.unitKm).toBeCloseTo(6 * km(supplies[0]!) + 2 * km(supplies[1]!), 9);
  });

  it('certifies its answer over all feasible pairs on request', () => {
    const supplies = [supply({ id: 's1', point: east(10) }), supply({ id: 's2', point: north(25) })];
    const demands = [demand({ id: 'd1', remaining: 15 }), demand({ id: 'd2', point: east(40) })];

    const { stats } = allocateGoods(supplies, demands, policy, { certify: true });

    expect(stats.candidatePairs).toBe(4);
    expect(stats.certificate).toMatchObject({ certified: true, worstViolation: 0 });
  });
});

describe('goods reasons', () => {
  it('explains distance, freight, province, window, price and substitution with numbers', () => {
    // Arrange
    const s1 = supply({
      id: 's1',
      specId: 'steel-hrb500',
      point: east(40),
      deliveryRadiusKm: 80,
      availableFrom: '2025-03-15',
      unitPrice: 95,
    });
    const d1 = demand({ id: 'd1', acceptsSubstitutes: true, ceilingPrice: 100 });

    // Act
    const reasons = reasonsOf([s1], [d1], 's1');

    // Assert
    const km = haversineKm(s1.point, d1.point);
    expect(reasons).toEqual([
      { code: 'distance', distanceKm: km, radiusKm: 80 },
      { code: 'freight', ratePerKm: 1, perUnit: km, total: 10 * km },
      { code: 'in-province', provinceCode: '42' },
      { code: 'date-overlap', from: '2025-03-15', until: '2025-03-20', days: 6 },
      { code: 'price-within-ceiling', unitPrice: 95, ceilingPrice: 100 },
      { code: 'substitute', supplySpecId: 'steel-hrb500', demandSpecId: STEEL },
    ]);
  });

  it('names a nearer supplier that was exhausted and the demand that took it', () => {
    // Arrange: s1 (5) is the only supplier d1 can reach; d2 can also use s2, farther away.
    const supplies = [
      supply({ id: 's1', point: east(10), remaining: 5 }),
      supply({ id: 's2', point: north(60), remaining: 5, deliveryRadiusKm: 62 }),
    ];
    const demands = [demand({ id: 'd1', point: east(30), remaining: 5 }), demand({ id: 'd2', remaining: 5 })];

    // Act
    const reasons = reasonsOf(supplies, demands, 's2');

    // Assert
    expect(reasons).toContainEqual({
      code: 'nearer-supply-exhausted',
      supplyId: 's1',
      distanceKm: haversineKm(supplies[0]!.point, demands[1]!.point),
      takenBy: [{ demandId: 'd1', quantity: 5 }],
      otherTakers: 0,
    });
  });

  it('names a nearer supplier with spare quantity that was costlier because of the border', () => {
    const supplies = [
      supply({ id: 's1', point: east(10), provinceCode: '36' }),
      supply({ id: 's2', point: north(30) }),
    ];

    const reasons = reasonsOf(supplies, [demand({ id: 'd1' })], 's2');

    const nearer = reasons.find((r) => r.code === 'nearer-supply-costlier');
    expect(nearer).toMatchObject({ supplyId: 's1', crossProvince: true });
    if (nearer?.code !== 'nearer-supply-costlier') throw new Error('missing');
    expect(nearer.unitCost).toBeGreaterThan(nearer.chosenUnitCost);
  });

  it('leaves reasons out when explanation is switched off', () => {
    const result = allocateGoods([supply({ id: 's1' })], [demand({ id: 'd1' })], policy, { explain: false });

    expect(result.allocations[0]!.reasons).toEqual([]);
  });
});
