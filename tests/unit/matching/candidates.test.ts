import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCandidatePairs,
  cheapestPairsPerDemand,
  type PairSpace,
  pairsByDemand,
  preparePoints,
} from '../../../functions/matching/candidates.ts';
import { haversineKm } from '../../../functions/regions/distance.ts';

interface Site {
  lat: number;
  lng: number;
  group: number;
}

function spaceOf(supplies: Array<Site & { radius: number }>, demands: Site[], groups = 2): PairSpace {
  const sp = preparePoints(supplies);
  const dp = preparePoints(demands);
  return {
    supplyCount: supplies.length,
    demandCount: demands.length,
    supplyLat: sp.lat,
    supplyLng: sp.lng,
    supplyCosLat: sp.cosLat,
    supplyRadiusKm: Float64Array.from(supplies.map((s) => s.radius)),
    supplyGroup: Int32Array.from(supplies.map((s) => s.group)),
    demandLat: dp.lat,
    demandLng: dp.lng,
    demandCosLat: dp.cosLat,
    demandGroup: Int32Array.from(demands.map((d) => d.group)),
    groupCount: groups,
    // group 1 supplies may also serve group 0 demands
    compatibleGroups: [[0], [1, 0]],
    admits: (i, j) => (i + j) % 5 !== 0,
    unitCost: (_i, _j, km) => Math.round(km * 10),
  };
}

function naive(supplies: Array<Site & { radius: number }>, demands: Site[]): string[] {
  const out: string[] = [];
  supplies.forEach((s, i) => {
    demands.forEach((d, j) => {
      const compatible = s.group === d.group || (s.group === 1 && d.group === 0);
      if (compatible && (i + j) % 5 !== 0 && haversineKm(s, d) <= s.radius) out.push(`${i}-${j}`);
    });
  });
  return out.sort();
}

function listed(space: PairSpace): string[] {
  const pairs = buildCandidatePairs(space);
  const out: string[] = [];
  for (let i = 0; i < pairs.supplyCount; i++) {
    for (let p = pairs.start[i]!; p < pairs.start[i + 1]!; p++) out.push(`${i}-${pairs.demand[p]}`);
  }
  return out.sort();
}

const site = (latRange: [number, number], lngRange: [number, number]) =>
  fc.record({
    lat: fc.double({ min: latRange[0], max: latRange[1], noNaN: true }),
    lng: fc.double({ min: lngRange[0], max: lngRange[1], noNaN: true }),
    group: fc.integer({ min: 0, max: 1 }),
  });

describe('candidate pairs through the spatial grid', () => {
  it.each([
    ['a province-sized area', [28, 33], [110, 117]],
    ['both sides of the antimeridian', [-10, 10], [-180, 180]],
    ['near the north pole', [84, 90], [-180, 180]],
  ] as const)('finds exactly the pairs an all-pairs scan finds in %s', (_, latRange, lngRange) => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lat: fc.double({ min: latRange[0], max: latRange[1], noNaN: true }),
            lng: fc.double({ min: lngRange[0], max: lngRange[1], noNaN: true }),
            group: fc.integer({ min: 0, max: 1 }),
            radius: fc.double({ min: 0, max: 900, noNaN: true }),
          }),
          { maxLength: 25 },
        ),
        fc.array(site(latRange as [number, number], lngRange as [number, number]), { maxLength: 40 }),
        (supplies, demands) => {
          expect(listed(spaceOf(supplies, demands))).toEqual(naive(supplies, demands));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('includes a site at exactly the delivery radius and excludes one just beyond', () => {
    // Arrange: radius set to the exact computed distance of demand 1 (admits excludes i+j ≡ 0 mod 5 only).
    const supplies = [{ lat: 30, lng: 114, group: 0, radius: 0 }];
    const demands = [
      { lat: 30, lng: 115, group: 0 },
      { lat: 30.5, lng: 114.5, group: 0 },
    ];
    supplies[0]!.radius = haversineKm(supplies[0]!, demands[1]!);

    // Act
    const pairs = buildCandidatePairs(spaceOf(supplies, demands));

    // Assert
    expect(Array.from(pairs.demand)).toEqual([1]);
    expect(pairs.distanceKm[0]).toBe(supplies[0]!.radius);
  });

  it('records integer unit costs, distances and the largest cost', () => {
    const supplies = [{ lat: 30, lng: 114, group: 0, radius: 500 }];
    const demands = [
      { lat: 30, lng: 114, group: 1 },
      { lat: 31, lng: 114, group: 0 },
      { lat: 32, lng: 114, group: 0 },
    ];

    const pairs = buildCandidatePairs(spaceOf(supplies, demands));

    expect(Array.from(pairs.demand)).toEqual([1, 2]);
    expect(Array.from(pairs.cost)).toEqual([1112, 2224]);
    expect(pairs.maxCost).toBe(2224);
  });

  it('regroups pairs by demand and picks the k cheapest per demand', () => {
    // Arrange: three supplies at increasing distance from one demand.
    const supplies = [0.2, 0.6, 0.4].map((d) => ({ lat: 30 + d, lng: 114, group: 0, radius: 500 }));
    const demands = [{ lat: 30, lng: 114, group: 0 }];
    const space = { ...spaceOf(supplies, demands), admits: () => true };
    const pairs = buildCandidatePairs(space);

    // Act
    const byDemand = pairsByDemand(pairs);
    const cheapest = Array.from(cheapestPairsPerDemand(pairs, 2)).map((p) => byDemand.supplyOfPair[p]);

    // Assert
    expect(Array.from(byDemand.start)).toEqual([0, 3]);
    expect(cheapest.sort()).toEqual([0, 2]);
  });
});
