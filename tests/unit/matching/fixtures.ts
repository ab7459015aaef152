/**
 * Shared builders for the matching tests: small readable goods/labour fixtures, a literal (all S × D)
 * re-statement of the pairing rules used as an independent oracle, and fast-check arbitraries.
 */

import fc from 'fast-check';
import type { AllocationPolicy, GoodsDemand, GoodsSupply } from '../../../functions/matching/allocation.ts';
import type { LabourOffer, LabourRequest } from '../../../functions/matching/labour-allocation.ts';
import { haversineKm } from '../../../functions/regions/distance.ts';
import type { ReferencePair } from './highs-reference.ts';

/** Wuhan, the reference site of the hand-made fixtures. */
export const WUHAN = { lat: 30.5928, lng: 114.3055 };

/** A point `km` kilometres due east of `origin` (along the parallel; exact enough for fixtures). */
export function east(km: number, origin = WUHAN): { lat: number; lng: number } {
  const degPerKm = 180 / (Math.PI * 6371.0088 * Math.cos((origin.lat * Math.PI) / 180));
  return { lat: origin.lat, lng: origin.lng + km * degPerKm };
}

/** A point `km` kilometres due north of `origin`. */
export function north(km: number, origin = WUHAN): { lat: number; lng: number } {
  return { lat: origin.lat + (km * 180) / (Math.PI * 6371.0088), lng: origin.lng };
}

export function supply(overrides: Partial<GoodsSupply> & { id: string }): GoodsSupply {
  return {
    orgId: `org-${overrides.id}`,
    specId: 'steel-hrb400',
    remaining: 10,
    point: WUHAN,
    provinceCode: '42',
    deliveryRadiusKm: 200,
    availableFrom: '2025-03-01',
    availableUntil: '2025-03-31',
    ...overrides,
  };
}

export function demand(overrides: Partial<GoodsDemand> & { id: string }): GoodsDemand {
  return {
    orgId: `org-${overrides.id}`,
    specId: 'steel-hrb400',
    remaining: 10,
    point: WUHAN,
    provinceCode: '42',
    deliverFrom: '2025-03-10',
    neededBy: '2025-03-20',
    acceptsSubstitutes: false,
    ...overrides,
  };
}

export function policyOf(
  rates: Record<string, number>,
  penalties: Record<string, number> = {},
  substitutes: Record<string, string[]> = {},
): AllocationPolicy {
  return {
    freightRate: (spec) => rates[spec] ?? 1,
    provinceBorderPenalty: (spec) => penalties[spec] ?? 0,
    canSubstitute: (from, to) => substitutes[from]?.includes(to) ?? false,
  };
}

/** The goods pairing rule and unit cost, restated literally over all S × D pairs. */
export function naiveGoodsPairs(
  supplies: readonly GoodsSupply[],
  demands: readonly GoodsDemand[],
  policy: AllocationPolicy,
): ReferencePair[] {
  const pairs: ReferencePair[] = [];
  supplies.forEach((s, i) => {
    demands.forEach((d, j) => {
      if (s.remaining <= 0 || d.remaining <= 0) return;
      if (s.orgId === d.orgId) return;
      const sameSpec = s.specId === d.specId;
      if (!sameSpec && !(d.acceptsSubstitutes && policy.canSubstitute(s.specId, d.specId))) return;
      if (s.availableFrom > d.neededBy || d.deliverFrom > s.availableUntil) return;
      if (s.unitPrice !== undefined && d.ceilingPrice !== undefined && s.unitPrice > d.ceilingPrice) return;
      const km = haversineKm(s.point, d.point);
      if (km > s.deliveryRadiusKm) return;
      const penalty = s.provinceCode !== d.provinceCode ? policy.provinceBorderPenalty(s.specId) : 0;
      pairs.push({
        supply: i,
        demand: j,
        cost: Math.round(1000 * (km * policy.freightRate(s.specId) + penalty)),
      });
    });
  });
  return pairs;
}

const DAY = 86_400_000;
const isoOf = (day: number) => new Date(Date.UTC(2025, 2, 1) + day * DAY).toISOString().slice(0, 10);

/** Random small goods instances over a ~300 km box, with specs, substitutes, windows, prices, orgs. */
export const goodsInstanceArbitrary = fc
  .record({
    supplies: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 6 }),
        spec: fc.constantFrom(0, 0, 0, 1, 2),
        remaining: fc.integer({ min: 0, max: 40 }),
        lat: fc.double({ min: 29.5, max: 31.5, noNaN: true }),
        lng: fc.double({ min: 113, max: 115.5, noNaN: true }),
        radius: fc.integer({ min: 20, max: 300 }),
        from: fc.integer({ min: 0, max: 20 }),
        length: fc.integer({ min: 0, max: 40 }),
        price: fc.option(fc.integer({ min: 80, max: 120 }), { nil: undefined }),
      }),
      { minLength: 5, maxLength: 16, size: 'max' },
    ),
    demands: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 6 }),
        spec: fc.constantFrom(0, 0, 0, 1, 2),
        remaining: fc.integer({ min: 0, max: 40 }),
        lat: fc.double({ min: 29.5, max: 31.5, noNaN: true }),
        lng: fc.double({ min: 113, max: 115.5, noNaN: true }),
        from: fc.integer({ min: 0, max: 30 }),
        length: fc.integer({ min: 0, max: 20 }),
        ceiling: fc.option(fc.integer({ min: 90, max: 130 }), { nil: undefined }),
        substitutes: fc.boolean(),
      }),
      { minLength: 5, maxLength: 16, size: 'max' },
    ),
    rates: fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 3, maxLength: 3 }),
    penalties: fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ supplies, demands, rates, penalties }) => {
    const specs = ['steel-hrb400', 'steel-hrb500', 'cement-po425'];
    const province = (lng: number) => (lng < 114.5 ? '42' : '36');
    const goodsSupplies: GoodsSupply[] = supplies.map((s, i) => ({
      id: `s${i}`,
      orgId: `o${s.org}`,
      specId: specs[s.spec]!,
      remaining: s.remaining,
      point: { lat: s.lat, lng: s.lng },
      provinceCode: province(s.lng),
      deliveryRadiusKm: s.radius,
      availableFrom: isoOf(s.from),
      availableUntil: isoOf(s.from + s.length),
      ...(s.price === undefined ? {} : { unitPrice: s.price }),
    }));
    const goodsDemands: GoodsDemand[] = demands.map((d, j) => ({
      id: `d${j}`,
      orgId: `o${d.org}`,
      specId: specs[d.spec]!,
      remaining: d.remaining,
      point: { lat: d.lat, lng: d.lng },
      provinceCode: province(d.lng),
      deliverFrom: isoOf(d.from),
      neededBy: isoOf(d.from + d.length),
      ...(d.ceiling === undefined ? {} : { ceilingPrice: d.ceiling }),
      acceptsSubstitutes: d.substitutes,
    }));
    const policy = policyOf(
      Object.fromEntries(specs.map((s, k) => [s, rates[k]!])),
      Object.fromEntries(specs.map((s, k) => [s, penalties[k]!])),
      { 'steel-hrb500': ['steel-hrb400'] },
    );
    return { supplies: goodsSupplies, demands: goodsDemands, policy };
  });

/** Random small labour instances. */
export const labourInstanceArbitrary = fc
  .record({
    offers: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 5 }),
        skill: fc.constantFrom(0, 0, 1),
        headcount: fc.integer({ min: 0, max: 15 }),
        lat: fc.double({ min: 30, max: 31, noNaN: true }),
        lng: fc.double({ min: 114, max: 115, noNaN: true }),
        radius: fc.integer({ min: 5, max: 150 }),
        from: fc.integer({ min: 0, max: 10 }),
        length: fc.integer({ min: 0, max: 40 }),
        certs: fc.subarray(['welder', 'forklift', 'electrician'], { minLength: 1 }),
      }),
      { minLength: 4, maxLength: 12, size: 'max' },
    ),
    requests: fc.array(
      fc.record({
        org: fc.integer({ min: 0, max: 5 }),
        skill: fc.constantFrom(0, 0, 1),
        headcount: fc.integer({ min: 0, max: 15 }),
        lat: fc.double({ min: 30, max: 31, noNaN: true }),
        lng: fc.double({ min: 114, max: 115, noNaN: true }),
        from: fc.integer({ min: 5, max: 20 }),
        length: fc.integer({ min: 0, max: 15 }),
        certs: fc.subarray(['welder', 'forklift', 'electrician'], { maxLength: 1 }),
        minOverlap: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      }),
      { minLength: 4, maxLength: 12, size: 'max' },
    ),
  })
  .map(({ offers, requests }) => {
    const skills = ['rebar-fixer', 'machine-operator'];
    return {
      offers: offers.map(
        (o, i): LabourOffer => ({
          id: `w${i}`,
          orgId: `o${o.org}`,
          skillId: skills[o.skill]!,
          headcount: o.headcount,
          point: { lat: o.lat, lng: o.lng },
          provinceCode: '42',
          commuteRadiusKm: o.radius,
          from: isoOf(o.from),
          until: isoOf(o.from + o.length),
          certificates: o.certs,
        }),
      ),
      requests: requests.map(
        (r, j): LabourRequest => ({
          id: `r${j}`,
          orgId: `o${r.org}`,
          skillId: skills[r.skill]!,
          headcount: r.headcount,
          point: { lat: r.lat, lng: r.lng },
          provinceCode: '42',
          from: isoOf(r.from),
          until: isoOf(r.from + r.length),
          certificatesRequired: r.certs,
          ...(r.minOverlap === undefined ? {} : { minOverlapDays: r.minOverlap }),
        }),
      ),
    };
  });

/** The labour pairing rule and unit cost (metres), restated literally over all pairs. */
export function naiveLabourPairs(
  offers: readonly LabourOffer[],
  requests: readonly LabourRequest[],
): ReferencePair[] {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
  const pairs: ReferencePair[] = [];
  offers.forEach((o, i) => {
    requests.forEach((r, j) => {
      if (o.headcount <= 0 || r.headcount <= 0 || o.orgId === r.orgId || o.skillId !== r.skillId) return;
      if (!r.certificatesRequired.every((c) => o.certificates.includes(c))) return;
      const overlap = Math.min(day(o.until), day(r.until)) - Math.max(day(o.from), day(r.from)) + 1;
      const required = r.minOverlapDays ?? day(r.until) - day(r.from) + 1;
      if (overlap < Math.max(1, required)) return;
      const km = haversineKm(o.point, r.point);
      if (km > o.commuteRadiusKm) return;
      pairs.push({ supply: i, demand: j, cost: Math.round(km * 1000) });
    });
  });
  return pairs;
}
