import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import {
  buildFuzzWorld,
  type FuzzWorld,
  families,
  invalidBases,
  massAssignmentRequests,
  newStats,
  operationsWithoutSpec,
  refusal,
  runFamily,
  seedFor,
  summaryLine,
} from './fuzz-harness.ts';
import { diffDumps, dumpTable } from './table-dump.ts';

/**
 * Hostile input, the quick sample `npm test` runs: a fixed-seed ~1,500 generated requests over
 * every operation that takes a body, a query or a path parameter (see fuzz-harness.ts). The soak
 * variant (tests/soak/fuzz.soak.test.ts, `npm run test:soak`) sends the same families at 8×.
 */
const FAMILIES = families(1);
const stats = newStats();

describe('hostile input (sample)', () => {
  let world: FuzzWorld;

  beforeAll(async () => {
    world = await buildFuzzWorld();
  });

  afterAll(() => {
    console.log(summaryLine('fuzz (sample)', stats));
  });

  it('has a valid request to start from for every operation that takes a body or a query', () => {
    expect(operationsWithoutSpec(), 'operations missing from SPECS in fuzz-harness.ts').toEqual([]);
    expect(invalidBases(world), 'base requests the schemas refuse').toEqual([]);
  });

  it("pages with the cursors it hands out, and refuses one for its own partition but outside the query's range", async () => {
    // Arrange: two supply listings of org A, so the first page of one has a next cursor.
    await world.supplyOfA();
    const api = apiClient(world.ctx.app, { token: world.actors.orgAdmin.token });
    const first = await api.get<{ items: unknown[]; nextCursor?: string }>(
      '/api/listings/mine?kind=supply&limit=1',
    );
    const genuine = JSON.parse(
      Buffer.from(first.body.nextCursor ?? '', 'base64url').toString('utf8'),
    ) as Record<string, string>;
    const forged = Buffer.from(JSON.stringify({ ...genuine, gsi1sk: 'demand#open#x' })).toString('base64url');

    // Act
    const next = await api.get(`/api/listings/mine?kind=supply&limit=1&cursor=${first.body.nextCursor}`);
    const outside = await api.get<{ error: { fields: { field: string }[] } }>(
      `/api/listings/mine?kind=supply&limit=1&cursor=${forged}`,
    );

    // Assert
    expect(next.status).toBe(200);
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields.map((f) => f.field)).toEqual(['cursor']);
  });

  it('refuses privileged or prototype keys added to any valid body, and writes nothing', async () => {
    // Arrange
    const requests = massAssignmentRequests(world);
    const before = await dumpTable(world.ctx.deps);

    // Act
    const problems: string[] = [];
    for (const request of requests) {
      const problem = await refusal(world, request, stats);
      if (problem) problems.push(problem);
    }

    // Assert
    expect(requests.length).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    expect(diffDumps(before, await dumpTable(world.ctx.deps))).toEqual([]);
  });

  it.each(FAMILIES.map((f) => [f.name, f] as const))('%s', async (_name, family) => {
    await runFamily(world, family, { seed: seedFor(family.name) }, stats);
  });

  it('tried the planned sample and saw no 5xx and no change to the table', () => {
    expect(stats.tried).toBeGreaterThanOrEqual(1_000);
    expect(stats.serverErrors).toBe(0);
    expect(stats.dbDiffs).toBe(0);
  });
});
