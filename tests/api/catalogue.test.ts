import { beforeAll, describe, expect, it } from 'vitest';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import { CATALOGUE_MAX_AGE_MS, CatalogueStore } from '../../functions/catalogue/catalogue-store.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

const newSpec = {
  id: 'rebar-hrb600e-25-test',
  category: 'steel',
  product: 'rebar',
  name: { zh: 'HRB600E 螺纹钢 Φ25（测试）', en: 'Rebar HRB600E Φ25 (test)' },
  unit: 't',
  standard: 'GB/T 1499.2-2018',
  step: 1,
  freightCnyPerUnitKm: 0.45,
  deliveryRadiusKm: 300,
};

describe('catalogue', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let firm: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    firm = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
  });

  it('serves categories, specs with their units, skills and certificates', async () => {
    const res = await apiClient(ctx.app, { token: firm.token }).get<{
      specs: { id: string; unit: string }[];
      skills: unknown[];
    }>('/api/catalogue');
    expect(res.body.specs).toContainEqual(expect.objectContaining({ id: 'cement-po-42.5', unit: 't' }));
    expect(res.body.skills.length).toBeGreaterThan(5);
  });

  it('lets an organizer add a spec that firms can then list, and refuses firms, duplicates and bad references', async () => {
    const asFirm = await apiClient(ctx.app, { token: firm.token }).post('/api/catalogue/specs', newSpec);
    expect(asFirm.status).toBe(403);
    const added = await apiClient(ctx.app, { token: organizer.token }).post('/api/catalogue/specs', newSpec);
    expect(added.status).toBe(201);
    const again = await apiClient(ctx.app, { token: organizer.token }).post('/api/catalogue/specs', newSpec);
    expect(again.status).toBe(409);
    const badUnit = await apiClient(ctx.app, { token: organizer.token }).post('/api/catalogue/specs', {
      ...newSpec,
      id: 'rebar-bad-unit',
      unit: 'furlong',
    });
    expect(badUnit.status).toBe(400);
    const posted = await apiClient(ctx.app, { token: firm.token }).post<{ category: string }>(
      '/api/listings',
      supplyBody({ specId: newSpec.id }),
    );
    expect(posted.status).toBe(201);
    expect(posted.body.category).toBe('steel');
  });

  it('checks an addition on a copy: a refused one is seen by no request, an accepted one is audited with it', async () => {
    const organizerApi = apiClient(ctx.app, { token: organizer.token });
    // A substitution naming a spec that does not exist is inconsistent.
    const refused = await organizerApi.post('/api/catalogue/substitutions', {
      supply: 'rebar-nonexistent-99',
      demand: 'rebar-hrb400e-25',
      basis: { zh: '测试', en: 'test' },
    });
    expect(refused.status).toBe(400);
    const spec = { ...newSpec, id: 'rebar-hrb600e-28-audit' };
    const [added, duplicate] = await Promise.all([
      organizerApi.post('/api/catalogue/specs', spec),
      organizerApi.post('/api/catalogue/specs', spec),
    ]);
    expect([added.status, duplicate.status].sort()).toEqual([201, 409]);
    const entries = await ctx.deps.table.queryAll<{ action: string }>(
      { partition: keys.auditEntityPartition('catalogue', spec.id) },
      10,
    );
    expect(entries.items.map((e) => e.action)).toEqual(['add-spec']);
    const listed = await apiClient(ctx.app, { token: firm.token }).get<{ specs: { id: string }[] }>(
      '/api/catalogue',
    );
    expect(listed.body.specs.filter((s) => s.id === spec.id)).toHaveLength(1);
  });

  it('is passed in through the dependencies: another process reads an addition once its copy is a minute old, the base never changes', async () => {
    // Arrange: a second process on the same table, with a clock of its own for the copy's age
    let now = 0;
    const other = new CatalogueStore(ctx.deps.catalogueAdditions, () => now);
    await other.current();
    const spec = { ...newSpec, id: 'rebar-hrb600e-32-other' };

    // Act
    const added = await apiClient(ctx.app, { token: organizer.token }).post('/api/catalogue/specs', spec);

    // Assert: this process uses it at once, the other on its next read after a minute
    expect(added.status).toBe(201);
    expect((await ctx.deps.catalogue.current()).getSpec(spec.id)?.category).toBe('steel');
    expect((await other.current()).getSpec(spec.id)).toBeUndefined();
    now = CATALOGUE_MAX_AGE_MS - 1;
    expect((await other.current()).getSpec(spec.id)).toBeUndefined();
    now = CATALOGUE_MAX_AGE_MS;
    expect((await other.current()).getSpec(spec.id)?.name.zh).toBe(spec.name.zh);
    expect(baseCatalogue.getSpec(spec.id)).toBeUndefined();
    expect(other.base).toBe(baseCatalogue);
  });

  it('keeps the catalogue it built when a reread a minute later finds the same additions, and builds another when they changed', async () => {
    // Arrange: a process of its own, with a clock of its own
    let now = 0;
    const store = new CatalogueStore(ctx.deps.catalogueAdditions, () => now);
    const first = await store.current();
    const spec = { ...newSpec, id: 'rebar-hrb600e-28-reread' };

    // Act: a reread with nothing added, then one after an addition
    now = CATALOGUE_MAX_AGE_MS;
    const unchanged = await store.current();
    const added = await apiClient(ctx.app, { token: organizer.token }).post('/api/catalogue/specs', spec);
    now = 2 * CATALOGUE_MAX_AGE_MS;
    const changed = await store.current();

    // Assert
    expect(unchanged).toBe(first);
    expect(added.status).toBe(201);
    expect(changed).not.toBe(first);
    expect(changed.getSpec(spec.id)?.name.zh).toBe(spec.name.zh);
  });
});
