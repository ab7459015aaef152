import { describe, expect, it } from 'vitest';
import {
  allocateLabour,
  type LabourOffer,
  type LabourRequest,
} from '../../../functions/matching/labour-allocation.ts';
import { haversineKm } from '../../../functions/regions/distance.ts';
import { east, north, WUHAN } from './fixtures.ts';

function offer(overrides: Partial<LabourOffer> & { id: string }): LabourOffer {
  return {
    orgId: `org-${overrides.id}`,
    skillId: 'rebar-fixer',
    headcount: 5,
    point: east(10),
    provinceCode: '42',
    commuteRadiusKm: 40,
    from: '2025-03-01',
    until: '2025-03-31',
    certificates: [],
    ...overrides,
  };
}

function request(overrides: Partial<LabourRequest> & { id: string }): LabourRequest {
  return {
    orgId: `org-${overrides.id}`,
    skillId: 'rebar-fixer',
    headcount: 5,
    point: WUHAN,
    provinceCode: '42',
    from: '2025-03-10',
    until: '2025-03-20',
    certificatesRequired: [],
    ...overrides,
  };
}

function pairsOf(offers: LabourOffer[], requests: LabourRequest[]): string[] {
  return allocateLabour(offers, requests).allocations.map(
    (a) => `${a.offerId}->${a.requestId}:${a.headcount}`,
  );
}

describe('shared-employee pairing rules', () => {
  it('lends staff of the requested skill within the commute radius', () => {
    const offers = [
      offer({ id: 'w1' }),
      offer({ id: 'w2', skillId: 'welder' }),
      offer({ id: 'w3', point: east(60) }),
    ];

    expect(pairsOf(offers, [request({ id: 'r1', headcount: 20 })])).toEqual(['w1->r1:5']);
  });

  it('requires every certificate the request asks for', () => {
    const offers = [
      offer({ id: 'w1', certificates: ['welding-l2'] }),
      offer({ id: 'w2', certificates: ['welding-l2', 'work-at-height'], point: east(20) }),
    ];

    const result = pairsOf(offers, [
      request({ id: 'r1', certificatesRequired: ['welding-l2', 'work-at-height'] }),
    ]);

    expect(result).toEqual(['w2->r1:5']);
  });

  it('by default requires the offer to cover the whole request period', () => {
    const partial = offer({ id: 'w1', until: '2025-03-19' });
    const whole = offer({ id: 'w2', from: '2025-03-10', until: '2025-03-20', point: east(30) });

    expect(pairsOf([partial, whole], [request({ id: 'r1' })])).toEqual(['w2->r1:5']);
  });

  it('accepts a partial overlap of at least minOverlapDays inclusive days', () => {
    const sevenDays = offer({ id: 'w1', until: '2025-03-16' }); // 10th..16th = 7 days
    const sixDays = offer({ id: 'w2', until: '2025-03-15', point: east(5) });

    const result = pairsOf([sevenDays, sixDays], [request({ id: 'r1', minOverlapDays: 7, headcount: 10 })]);

    expect(result).toEqual(['w1->r1:5']);
  });

  it('never lends staff to the same organisation', () => {
    expect(pairsOf([offer({ id: 'w1', orgId: 'acme' })], [request({ id: 'r1', orgId: 'acme' })])).toEqual([]);
  });
});

describe('shared-employee objective and reasons', () => {
  it('places the most people first, then the shortest total commute in integer metres', () => {
    // Arrange: w1 could serve either site; only r1 is reachable for w2.
    const offers = [offer({ id: 'w1', point: east(5) }), offer({ id: 'w2', point: east(35) })];
    const requests = [request({ id: 'r1' }), request({ id: 'r2', point: east(-25) })];

    // Act
    const result = allocateLabour(offers, requests);

    // Assert
    expect(result.totals.placed).toBe(10);
    expect(result.allocations.map((a) => `${a.offerId}->${a.requestId}`).sort()).toEqual([
      'w1->r2',
      'w2->r1',
    ]);
    const metres = (o: LabourOffer, r: LabourRequest) => Math.round(haversineKm(o.point, r.point) * 1000);
    expect(result.totals.commuteMetres).toBe(
      5 * metres(offers[0]!, requests[1]!) + 5 * metres(offers[1]!, requests[0]!),
    );
  });

  it('explains commute, overlap, certificates and province with numbers', () => {
    const w1 = offer({ id: 'w1', certificates: ['forklift'] });
    const r1 = request({ id: 'r1', certificatesRequired: ['forklift'] });

    const [allocation] = allocateLabour([w1], [r1]).allocations;

    expect(allocation?.reasons).toEqual([
      { code: 'commute', distanceKm: haversineKm(w1.point, r1.point), radiusKm: 40 },
      { code: 'period-overlap', from: '2025-03-10', until: '2025-03-20', days: 11, requiredDays: 11 },
      { code: 'certificates-held', certificates: ['forklift'] },
      { code: 'in-province', provinceCode: '42' },
    ]);
  });

  it('names a nearer offer that was fully lent elsewhere', () => {
    // Arrange: w1 is the only offer r1 can reach; r2 also reaches the farther w2.
    const offers = [offer({ id: 'w1', point: north(5) }), offer({ id: 'w2', point: east(30) })];
    const requests = [request({ id: 'r1', point: north(30) }), request({ id: 'r2' })];

    // Act
    const result = allocateLabour(offers, requests, { certify: true });

    // Assert
    const forR2 = result.allocations.find((a) => a.requestId === 'r2');
    expect(forR2?.offerId).toBe('w2');
    expect(forR2?.reasons).toContainEqual({
      code: 'nearer-offer-exhausted',
      offerId: 'w1',
      distanceKm: haversineKm(offers[0]!.point, requests[1]!.point),
      takenBy: [{ requestId: 'r1', headcount: 5 }],
      otherTakers: 0,
    });
    expect(result.stats.certificate?.certified).toBe(true);
  });
});
