import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../functions/listings/listing.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Body = Match & { counterpartContact?: { name: string; phone: string }; error?: { code: string } };

describe('matches', () => {
  const clock = fixedClock(new Date().toISOString());
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let site: Awaited<ReturnType<typeof makeOrg>>;
  let stranger: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable({ clock });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    site = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    stranger = await makeOrg(ctx.deps, { creditCode: '913508007384629572' });
  });

  async function pair(supplyQty: number, demandQty: number, matchQty: number) {
    const supply = (
      await apiClient(ctx.app, { token: steel.token }).post<Listing>(
        '/api/listings',
        supplyBody({ quantity: supplyQty }),
      )
    ).body;
    const demand = (
      await apiClient(ctx.app, { token: site.token }).post<Listing>(
        '/api/listings',
        demandBody({ quantity: demandQty }),
      )
    ).body;
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: matchQty,
        unit: 't',
        distanceKm: 184.7,
        crossProvince: false,
        substitute: false,
        reasons: [{ code: 'distance', distanceKm: 184.7, radiusKm: 300 }],
      },
      clock.now().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    return { supply, demand, match };
  }

  it('reveals contacts to both sides only once both accepted, and reserves the quantity on both listings', async () => {
    // Arrange
    const { supply, demand, match } = await pair(1000, 600, 600);
    const asSite = apiClient(ctx.app, { token: site.token });
    const asSteel = apiClient(ctx.app, { token: steel.token });
    const before = await asSite.get<Listing>(`/api/listings/${supply.id}`);
    expect(before.body.contact).toBeUndefined();

    // Act
    const first = await asSite.post<Body>(`/api/matches/${match.id}/accept`);
    const halfway = await asSite.get<Listing>(`/api/listings/${supply.id}`);
    const second = await asSteel.post<Body>(`/api/matches/${match.id}/accept`);

    // Assert
    expect(first.body.status).toBe('accepted_by_need');
    expect(first.body.counterpartContact).toBeUndefined();
    expect(halfway.body.contact).toBeUndefined();
    expect(second.body.status).toBe('confirmed');
    expect(second.body.counterpartContact).toEqual({ name: '黄工', phone: '13600591234' });
    const seenBySite = await asSite.get<Listing & { unitPrice?: number }>(`/api/listings/${supply.id}`);
    expect(seenBySite.body.contact).toEqual({ name: '林工', phone: '13905981234' });
    expect(seenBySite.body.remaining).toBe(400);
    expect((await asSite.get<Listing>(`/api/listings/${demand.id}`)).body.remaining).toBe(0);
    const seenByStranger = await apiClient(ctx.app, { token: stranger.token }).get<Listing>(
      `/api/listings/${supply.id}`,
    );
    expect(seenByStranger.body.contact).toBeUndefined();
  });

  it('lets either side cancel a confirmed match, giving the quantity back', async () => {
    const { supply, match } = await pair(500, 300, 300);
    await apiClient(ctx.app, { token: site.token }).post(`/api/matches/${match.id}/accept`);
    await apiClient(ctx.app, { token: steel.token }).post(`/api/matches/${match.id}/accept`);
    const cancelled = await apiClient(ctx.app, { token: site.token }).post<Body>(
      `/api/matches/${match.id}/cancel`,
    );
    expect(cancelled.body.status).toBe('cancelled');
    expect((await ctx.deps.listings.get(supply.id))!.remaining).toBe(500);
  });

  it('refuses to confirm more than remains, with a 409 naming the reason', async () => {
    const { supply, match } = await pair(200, 300, 300);
    await apiClient(ctx.app, { token: site.token }).post(`/api/matches/${match.id}/accept`);
    const refused = await apiClient(ctx.app, { token: steel.token }).post<Body>(
      `/api/matches/${match.id}/accept`,
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('insufficient_remaining');
    expect((await ctx.deps.listings.get(supply.id))!.remaining).toBe(200);
  });

  it('keeps strangers out of a match and refuses moves the lifecycle does not have', async () => {
    const { match } = await pair(100, 100, 100);
    const peek = await apiClient(ctx.app, { token: stranger.token }).get(`/api/matches/${match.id}`);
    const poke = await apiClient(ctx.app, { token: stranger.token }).post(`/api/matches/${match.id}/accept`);
    expect(peek.status).toBe(404);
    expect(poke.status).toBe(404);
    const early = await apiClient(ctx.app, { token: site.token }).post<Body>(
      `/api/matches/${match.id}/cancel`,
    );
    expect(early.status).toBe(409);
    expect(early.body.error?.code).toBe('invalid_transition');
    const declined = await apiClient(ctx.app, { token: site.token }).post<Body>(
      `/api/matches/${match.id}/decline`,
    );
    expect(declined.body.status).toBe('declined');
  });

  it("lets organizers follow matches in their jurisdiction and no one else's", async () => {
    const { match } = await pair(100, 100, 100);
    const fujian = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const shandong = await makeOrg(ctx.deps, {
      creditCode: '913701002638194721',
      kinds: ['organizer'],
      adcode: '370102',
      platformRoles: ['organizer'],
    });
    expect((await apiClient(ctx.app, { token: fujian.token }).get(`/api/matches/${match.id}`)).status).toBe(
      200,
    );
    expect((await apiClient(ctx.app, { token: shandong.token }).get(`/api/matches/${match.id}`)).status).toBe(
      404,
    );
  });

  it('lets an unanswered proposal lapse after fourteen days', async () => {
    const { match } = await pair(100, 100, 100);
    clock.advance(15 * 86_400_000);
    const signIn = await apiClient(ctx.app).post<{ token: string }>('/api/auth/sign-in', {
      email: site.user.email,
      password: PASSWORD,
    });
    const lapsed = await apiClient(ctx.app, { token: signIn.body.token }).get<Body>(
      `/api/matches/${match.id}`,
    );
    clock.advance(-15 * 86_400_000);
    expect(lapsed.body.status).toBe('expired');
  });

  it("puts proposals and changes in both organisations' inboxes", async () => {
    const { match } = await pair(100, 100, 100);
    await apiClient(ctx.app, { token: site.token }).post(`/api/matches/${match.id}/decline`);
    const inbox = await apiClient(ctx.app, { token: steel.token }).get<{
      items: { matchId: string; event: string }[];
    }>('/api/inbox?limit=100');
    const events = inbox.body.items.filter((n) => n.matchId === match.id).map((n) => n.event);
    expect(events.sort()).toEqual(['declined', 'proposed']);
  });
});
