import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildFuzzWorld,
  type FuzzWorld,
  families,
  newStats,
  runFamily,
  seedFor,
  summaryLine,
} from '../security/fuzz-harness.ts';

/**
 * Hostile input, soak: the families of tests/security/fuzz.test.ts at 8× (≥ 10,000 requests) with
 * other seeds. Run with `npm run test:soak` (SOAK=1); skipped by the default config.
 */
const SCALE = process.env.SOAK ? 8 : 1;
const FAMILIES = families(SCALE);
const stats = newStats();

describe('hostile input (soak)', () => {
  let world: FuzzWorld;

  beforeAll(async () => {
    world = await buildFuzzWorld();
  });

  afterAll(() => {
    console.log(summaryLine(`fuzz (soak ×${SCALE})`, stats));
  });

  it.each(FAMILIES.map((f) => [f.name, f] as const))(
    '%s',
    async (_name, family) => {
      await runFamily(world, family, { seed: seedFor(family.name, 19_491_001) }, stats);
    },
    600_000,
  );

  it('tried at least 10,000 requests under SOAK and saw no 5xx and no change to the table', () => {
    expect(stats.tried).toBeGreaterThanOrEqual(process.env.SOAK ? 10_000 : 1_000);
    expect(stats.serverErrors).toBe(0);
    expect(stats.dbDiffs).toBe(0);
  });
});
