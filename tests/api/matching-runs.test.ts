import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../functions/listings/listing.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import type { MatchingRun } from '../../functions/matches/matching-run.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { executeRun } from '../../functions/matches/run-matching.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

describe('matching runs', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let builder: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const sanming = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    const longyan = await makeOrg(ctx.deps, { creditCode: '913508007384629572', adcode: '350802' });
    builder = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    await apiClient(ctx.app, { token: sanming.token }).post(
      '/api/listings',
      supplyBody({ quantity: 700, adcode: '350403' }),
    );
    await apiClient(ctx.app, { token: longyan.token }).post(
      '/api/listings',
      supplyBody({ quantity: 900, adcode: '350802' }),
    );
    const site = apiClient(ctx.app, { token: builder.token });
    await site.post('/api/listings', demandBody({ quantity: 600, adcode: '350102' }));
    await site.post('/api/listings', demandBody({ quantity: 500, adcode: '350802' }));
    await site.post('/api/listings', demandBody({ quantity: 400, adcode: '350502' }));
  });

  it('allocates a region exactly, certifies it, compares it with greedy, and publishes the proposals as matches', async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: organizer.token });
    const queued = await api.post<MatchingRun>('/api/matching-runs', {
      kind: 'goods',
      region: '350000',
      category: 'steel',
    });
    expect(queued.status).toBe(202);
    expect((queued.body as MatchingRun & { actions: string[] }).actions).toEqual([]);

    // Act: what the stream handler does when it sees the queued run.
    await executeRun(ctx.deps, queued.body);
    const done = await api.get<MatchingRun>(`/api/matching-runs/${queued.body.id}`);

    // Assert
    expect(done.body).toMatchObject({ status: 'done', progress: 1, actions: ['publish'] });
    const totals = done.body.totals!;
    expect(totals.placed).toBe(1500);
    expect(totals.certified).toBe(true);
    expect(totals.greedy!.cost).toBeGreaterThanOrEqual(totals.cost);
    const proposals = await api.get<{ items: { quantity: number; from: object; to: object }[] }>(
      `/api/matching-runs/${queued.body.id}/proposals`,
    );
    expect(proposals.body.items.reduce((s, p) => s + p.quantity, 0)).toBe(1500);
    let run = done.body;
    while (run.status !== 'published')
      run = (await api.post<MatchingRun>(`/api/matching-runs/${run.id}/publish`)).body;
    expect(run.publishedMatches).toBe(proposals.body.items.length);
    expect((run as MatchingRun & { actions: string[] }).actions).toEqual([]);
    const inbox = await apiClient(ctx.app, { token: builder.token }).get<{ items: { event: string }[] }>(
      '/api/inbox',
    );
    expect(inbox.body.items.filter((n) => n.event === 'proposed').length).toBe(proposals.body.items.length);
  });

  it('lets only organizers start runs, and only within their jurisdiction', async () => {
    const asFirm = await apiClient(ctx.app, { token: builder.token }).post('/api/matching-runs', {
      kind: 'goods',
      region: '350000',
    });
    const outside = await apiClient(ctx.app, { token: organizer.token }).post('/api/matching-runs', {
      kind: 'goods',
      region: '370000',
    });
    expect(asFirm.status).toBe(403);
    expect(outside.status).toBe(403);
  });
});

describe('publishing a run over earlier live proposals', () => {
  it("replaces an unanswered live proposal's quantity with the run's optimum", async () => {
    // Arrange: a live proposal of 100 t on a pair the run will give 600 t.
    const ctx = await freshTable();
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    const site = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    const supply = (
      await apiClient(ctx.app, { token: steel.token }).post<Listing>(
        '/api/listings',
        supplyBody({ quantity: 700 }),
      )
    ).body;
    const demand = (
      await apiClient(ctx.app, { token: site.token }).post<Listing>(
        '/api/listings',
        demandBody({ quantity: 600 }),
      )
    ).body;
    const live = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: supply.kind === 'supply' ? supply.specId : '',
        needItem: demand.kind === 'demand' ? demand.specId : '',
        quantity: 100,
        unit: 't',
        distanceKm: 180,
        crossProvince: false,
        substitute: false,
        reasons: [],
      },
      new Date().toISOString(),
      'live',
    );
    await proposeMatch(ctx.deps, live, { userId: 'matcher', orgId: 'system' });
    const api = apiClient(ctx.app, { token: organizer.token });
    const queued = await api.post<MatchingRun>('/api/matching-runs', { kind: 'goods', region: '350000' });
    await executeRun(ctx.deps, queued.body);

    // Act
    let run = (await api.get<MatchingRun>(`/api/matching-runs/${queued.body.id}`)).body;
    while (run.status !== 'published')
      run = (await api.post<MatchingRun>(`/api/matching-runs/${run.id}/publish`)).body;

    // Assert
    const match = await ctx.deps.matches.get(live.id);
    expect(match).toMatchObject({ quantity: 600, source: `run:${run.id}`, status: 'proposed' });
    expect(run.publishedMatches).toBe(1);
  });
});
