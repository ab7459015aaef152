import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../functions/listings/listing.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type WithActions<T> = T & { actions: string[] };

/** The API tells each viewer what it may do to an entity now; the web shows exactly those buttons. */
describe('allowed actions', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let site: Awaited<ReturnType<typeof makeOrg>>;
  let stranger: Awaited<ReturnType<typeof makeOrg>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let admin: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    site = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    stranger = await makeOrg(ctx.deps, { creditCode: '913508007384629572' });
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
      adcode: '350000',
    });
    admin = await makeOrg(ctx.deps, { creditCode: '911100007178990333', platformRoles: ['admin'] });
  });

  it("lists a listing's moves for its owner by state, fewer for an admin, hiding for the region's organizer, none for anyone else", async () => {
    // Arrange
    const owner = apiClient(ctx.app, { token: steel.token });
    const draft = await owner.post<WithActions<Listing>>('/api/listings', supplyBody({ status: 'draft' }));
    const path = `/api/listings/${draft.body.id}`;

    // Act
    const asOwner = await owner.get<WithActions<Listing>>(path);
    const published = await owner.post<WithActions<Listing>>(`${path}/publish`);
    const others = await Promise.all(
      [stranger, organizer, admin].map((o) =>
        apiClient(ctx.app, { token: o.token }).get<WithActions<Listing>>(path),
      ),
    );
    const mine = await owner.get<{ items: WithActions<Listing>[] }>('/api/listings/mine');
    const withdrawn = await owner.post<WithActions<Listing>>(`${path}/withdraw`);

    // Assert
    expect(draft.body.actions).toEqual(['publish', 'edit', 'withdraw']);
    expect(asOwner.body.actions).toEqual(['publish', 'edit', 'withdraw']);
    expect(published.body.actions).toEqual(['edit', 'fulfil', 'withdraw']);
    // an organizer of the listing's region may hide it (an implausible listing), nothing more
    expect(others.map((r) => r.body.actions)).toEqual([[], ['hide'], ['fulfil', 'withdraw', 'hide']]);
    expect(mine.body.items.find((l) => l.id === draft.body.id)?.actions).toEqual([
      'edit',
      'fulfil',
      'withdraw',
    ]);
    expect(withdrawn.body.actions).toEqual([]);
  });

  it('lists accept, confirm, decline and cancel for the side that may take them, and nothing for onlookers', async () => {
    // Arrange
    const supply = (
      await apiClient(ctx.app, { token: steel.token }).post<Listing>('/api/listings', supplyBody())
    ).body;
    const demand = (
      await apiClient(ctx.app, { token: site.token }).post<Listing>('/api/listings', demandBody())
    ).body;
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 100,
        unit: 't',
        distanceKm: 180,
        crossProvince: false,
        substitute: false,
        reasons: [],
      },
      ctx.deps.clock.now().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    const path = `/api/matches/${match.id}`;
    const asSteel = apiClient(ctx.app, { token: steel.token });
    const asSite = apiClient(ctx.app, { token: site.token });
    const asOrganizer = apiClient(ctx.app, { token: organizer.token });

    // Act
    const proposed = await Promise.all(
      [asSteel, asSite, asOrganizer].map((a) => a.get<WithActions<Match>>(path)),
    );
    const accepted = await asSite.post<WithActions<Match>>(`${path}/accept`);
    const toConfirm = await asSteel.get<WithActions<Match>>(path);
    const confirmed = await asSteel.post<WithActions<Match>>(`${path}/accept`);
    const onListing = await asSite.get<{ items: WithActions<Match>[] }>(`/api/listings/${demand.id}/matches`);
    const cancelled = await asSite.post<WithActions<Match>>(`${path}/cancel`);

    // Assert
    expect(proposed.map((r) => r.body.actions)).toEqual([
      ['offerAccepts', 'decline'],
      ['needAccepts', 'decline'],
      [],
    ]);
    expect(accepted.body.actions).toEqual(['decline']);
    expect(toConfirm.body.actions).toEqual(['offerConfirms', 'decline']);
    expect(confirmed.body.actions).toEqual(['cancel']);
    expect(onListing.body.items[0]?.actions).toEqual(['cancel']);
    expect(cancelled.body.actions).toEqual([]);
  });

  it('lists commit and discard on an import for its uploader, and nothing once discarded', async () => {
    // Arrange
    const csv =
      '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话\n' +
      'HRB400E Φ25,1200,吨,福建省三明市三元区,300,2030-03-15,2030-05-15,3950,林工,13905981234';
    const response = await ctx.app.request('/api/imports?kind=supply&format=csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${steel.token}`, 'content-type': 'application/octet-stream' },
      body: csv,
    });
    const job = (await response.json()) as { id: string; actions: string[] };
    const api = apiClient(ctx.app, { token: steel.token });

    // Act
    const read = await api.get<{ actions: string[] }>(`/api/imports/${job.id}`);
    const discarded = await api.post<{ status: string; actions: string[] }>(`/api/imports/${job.id}/discard`);

    // Assert
    expect(job.actions).toEqual(['commit', 'discard']);
    expect(read.body.actions).toEqual(['commit', 'discard']);
    expect(discarded.body).toMatchObject({ status: 'discarded', actions: [] });
  });
});
