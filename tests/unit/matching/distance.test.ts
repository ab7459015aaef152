import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { haversineKm, haversineKmFromRadians, toRadians } from '../../../functions/regions/distance.ts';

const BEIJING = { lat: 39.9042, lng: 116.4074 };
const SHANGHAI = { lat: 31.2304, lng: 121.4737 };

describe('great-circle distance', () => {
  it('gives the known Beijing–Shanghai distance (≈1067 km)', () => {
    expect(haversineKm(BEIJING, SHANGHAI)).toBeCloseTo(1067.3, 0);
  });

  it('is zero for the same point and one degree of meridian is R·π/180', () => {
    expect(haversineKm(BEIJING, BEIJING)).toBe(0);
    expect(haversineKm({ lat: 10, lng: 20 }, { lat: 11, lng: 20 })).toBeCloseTo(
      (6371.0088 * Math.PI) / 180,
      9,
    );
  });

  it('is symmetric and bit-identical to the pre-computed radians form', () => {
    const point = fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, (a, b) => {
        const la = toRadians(a.lat);
        const lb = toRadians(b.lat);
        const fast = haversineKmFromRadians(
          la,
          toRadians(a.lng),
          Math.cos(la),
          lb,
          toRadians(b.lng),
          Math.cos(lb),
        );
        expect(haversineKm(a, b)).toBe(fast);
        expect(haversineKm(a, b)).toBe(haversineKm(b, a));
      }),
    );
  });

  it('never exceeds half the circumference, even for antipodes', () => {
    expect(haversineKm({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * 6371.0088, 6);
  });
});
