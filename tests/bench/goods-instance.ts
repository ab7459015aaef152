/**
 * The matching bench's goods instance family (fixed seed): suppliers and sites scattered over a
 * ~500 × 500 km area (three provinces), delivery radii 50–300 km, log-uniform quantities 1–245 steps,
 * eight specs with three substitution rules, random availability/delivery windows, prices and ceilings.
 * Shared by `matching.bench.ts` and the min-cost-flow gallery (`mcf-gallery.ts`).
 */

import type { AllocationPolicy, GoodsDemand, GoodsSupply } from '../../functions/matching/allocation.ts';

export const SEED = 20_250_301;

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const SPECS = [
  { id: 'steel-hrb400-16', rate: 0.55, penalty: 18 },
  { id: 'steel-hrb400-20', rate: 0.55, penalty: 18 },
  { id: 'steel-hrb500-20', rate: 0.6, penalty: 20 },
  { id: 'cement-po425', rate: 0.42, penalty: 12 },
  { id: 'cement-po525', rate: 0.45, penalty: 12 },
  { id: 'masks-kn95', rate: 0.004, penalty: 0.3 },
  { id: 'masks-surgical', rate: 0.003, penalty: 0.2 },
  { id: 'sand-medium', rate: 0.35, penalty: 8 },
] as const;
const SUBSTITUTES: Record<string, readonly string[]> = {
  'steel-hrb500-20': ['steel-hrb400-20'],
  'cement-po525': ['cement-po425'],
  'masks-kn95': ['masks-surgical'],
};
const specById = new Map<string, (typeof SPECS)[number]>(SPECS.map((s) => [s.id, s]));

export const benchPolicy: AllocationPolicy = {
  freightRate: (spec) => specById.get(spec)?.rate ?? 1,
  provinceBorderPenalty: (spec) => specById.get(spec)?.penalty ?? 0,
  canSubstitute: (from, to) => SUBSTITUTES[from]?.includes(to) ?? false,
};

export function generateInstance(
  supplyCount: number,
  demandCount: number,
  seed = SEED,
): { supplies: GoodsSupply[]; demands: GoodsDemand[] } {
  const random = mulberry32(seed ^ (supplyCount * 7919) ^ demandCount);
  const lat0 = 28.3;
  const lng0 = 111.6;
  const dLat = 500 / 111.2;
  const dLng = 500 / (111.2 * Math.cos((30.5 * Math.PI) / 180));
  const orgs = Math.max(10, Math.floor((supplyCount + demandCount) / 6));
  const day0 = Date.UTC(2025, 2, 1) / 86_400_000;
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const province = (lat: number, lng: number) => (lat < 29.6 ? '43' : lng > 116.2 ? '36' : '42');
  const point = () => ({ lat: lat0 + random() * dLat, lng: lng0 + random() * dLng });
  const quantity = () => Math.max(1, Math.round(Math.exp(random() * 5.5)));
  const spec = () => SPECS[Math.floor(random() * SPECS.length)]!;
  const supplies: GoodsSupply[] = [];
  for (let i = 0; i < supplyCount; i++) {
    const p = point();
    const from = day0 + Math.floor(random() * 60);
    const priced = random() < 0.7;
    supplies.push({
      id: `s${i}`,
      orgId: `o${Math.floor(random() * orgs)}`,
      specId: spec().id,
      remaining: quantity(),
      point: p,
      provinceCode: province(p.lat, p.lng),
      deliveryRadiusKm: 50 + random() * 250,
      availableFrom: iso(from),
      availableUntil: iso(from + 10 + Math.floor(random() * 80)),
      ...(priced ? { unitPrice: 100 + Math.round(random() * 50) } : {}),
    });
  }
  const demands: GoodsDemand[] = [];
  for (let j = 0; j < demandCount; j++) {
    const p = point();
    const from = day0 + Math.floor(random() * 60);
    const capped = random() < 0.5;
    demands.push({
      id: `d${j}`,
      orgId: `o${Math.floor(random() * orgs)}`,
      specId: spec().id,
      remaining: quantity(),
      point: p,
      provinceCode: province(p.lat, p.lng),
      deliverFrom: iso(from),
      neededBy: iso(from + 7 + Math.floor(random() * 40)),
      ...(capped ? { ceilingPrice: 120 + Math.round(random() * 40) } : {}),
      acceptsSubstitutes: random() < 0.6,
    });
  }
  return { supplies, demands };
}
