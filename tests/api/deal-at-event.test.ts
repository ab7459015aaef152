import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSnapshot, LiveConsoleView } from '../../functions/contract/live.ts';
import type { Deal } from '../../functions/deals/deal.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;
type Refusal = {
  error: { code: string; fields?: { field: string; code: string; messages: { zh: string; en: string } }[] };
};

const terms = (overrides: Record<string, unknown> = {}) => ({
  quantity: 100,
  unitPrice: '3987.65',
  deliveryFrom: today,
  deliveryUntil: inDays(20),
  deliveryAdcode: '350102',
  ...overrides,
});

/** Deals recorded at a matchmaking event carry its id and the meeting's, both checked. */
describe('deals at an event and after a meeting', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let farOrganizer: Org;
  let steel: Org;
  let cement: Org;
  let site: Org;
  let outsider: Org;
  let eventId: string;
  let draftEventId: string;
  let seed = 97_100;
  const as = (who: Org) => apiClient(ctx.app, { token: who.token });
  const supplyOf = new Map<Org, Listing>();
  let demand: Listing;

  /** A confirmed match between fresh listings of the two (a pair of listings is matched once). */
  async function confirmedMatch(offerOrg: Org, needOrg: Org): Promise<Match> {
    const offer = (await as(offerOrg).post<Listing>('/api/listings', supplyBody({ quantity: 500 }))).body;
    const need = (await as(needOrg).post<Listing>('/api/listings', demandBody({ quantity: 500 }))).body;
    const match = proposedMatch(
      {
        kind: 'goods',
        offer,
        need,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 50,
        unit: 't',
        distanceKm: 120,
        crossProvince: false,
        substitute: false,
        reasons: [],
      },
      new Date().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    expect((await as(needOrg).post(`/api/matches/${match.id}/accept`)).status).toBe(200);
    expect((await as(offerOrg).post<Match>(`/api/matches/${match.id}/accept`)).body.status).toBe('confirmed');
    return match;
  }

  const meetingOf = async (a: Org, b: Org) => {
    const live = (await as(organizer).get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    return live.meetings.find(
      (m) => [m.offerOrgId, m.needOrgId].sort().join() === [a.org.id, b.org.id].sort().join(),
    )!;
  };

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      kinds: ['organizer'],
      adcode: '350102',
      creditCode: makeCreditCode({ seed: ++seed, authority: '1', category: '1', region: '350000' }),
      platformRoles: ['organizer'],
    });
    farOrganizer = await makeOrg(ctx.deps, {
      kinds: ['organizer'],
      adcode: '370102',
      creditCode: makeCreditCode({ seed: ++seed, authority: '1', category: '1', region: '370000' }),
      platformRoles: ['organizer'],
    });
    steel = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), adcode: '350403' });
    cement = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), adcode: '350802' });
    outsider = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), adcode: '350181' });
    site = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), kinds: ['builder'] });
    for (const o of [steel, cement, outsider]) {
      supplyOf.set(o, (await as(o).post<Listing>('/api/listings', supplyBody({ quantity: 1000 }))).body);
    }
    demand = (await as(site).post<Listing>('/api/listings', demandBody({ quantity: 800 }))).body;

    eventId = (await as(organizer).post<{ id: string }>('/api/events', eventBody())).body.id;
    draftEventId = (await as(organizer).post<{ id: string }>('/api/events', eventBody())).body.id;
    expect((await as(organizer).post(`/api/events/${eventId}/publish`, {})).status).toBe(200);
    for (const [o, listing] of [
      [steel, supplyOf.get(steel)!],
      [cement, supplyOf.get(cement)!],
      [site, demand],
    ] as const) {
      const r = await as(o).post<{ id: string }>(`/api/events/${eventId}/registrations`, {
        listingIds: [listing.id],
        people: 2,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await as(organizer).post(`/api/events/${eventId}/registrations/${r.body.id}/approve`, {});
    }
    for (const from of [steel, cement]) {
      const asked = await as(from).post<{ id: string }>(`/api/events/${eventId}/meeting-requests`, {
        toOrgId: site.org.id,
      });
      await as(site).post(`/api/events/${eventId}/meeting-requests/${asked.body.id}/accept`, {});
    }
    expect((await as(organizer).post(`/api/events/${eventId}/schedule`, {})).status).toBe(200);
    expect((await as(organizer).post(`/api/events/${eventId}/schedule/publish`, {})).status).toBe(200);
  });

  it('records a contract after the meeting with the event and the meeting, and the big screen counts it', async () => {
    // Arrange
    const match = await confirmedMatch(steel, site);
    const meeting = await meetingOf(steel, site);

    // Act
    const recorded = await as(steel).post<Deal>('/api/deals', {
      matchId: match.id,
      eventId,
      meetingId: meeting.id,
      document: 'contract',
      ...terms(),
    });
    const confirmed = await as(site).post<Deal>(`/api/deals/${recorded.body.id}/confirm`);

    // Assert
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ eventId, meetingId: meeting.id });
    expect(confirmed.body).toMatchObject({ status: 'contract', eventId, meetingId: meeting.id });
    const ofEvent = await ctx.deps.deals.allForEvent(eventId);
    expect(ofEvent.map((d) => d.id)).toEqual([recorded.body.id]);
    const live = (await as(organizer).get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const screen = await apiClient(ctx.app).get<DashboardSnapshot>(
      `/api/public/live/${live.dashboardPath.split('/').pop()}`,
    );
    expect(screen.body).toMatchObject({ deals: 1, valueFen: recorded.body.amountFen });
  });

  it('refuses a meeting without its event, another pair’s meeting, an unknown meeting, field by field, changing nothing', async () => {
    // Arrange
    const match = await confirmedMatch(steel, site);
    const cementMeeting = await meetingOf(cement, site);
    const before = (await ctx.deps.deals.forOrg(steel.org.id)).items.length;
    const record = (extra: Record<string, unknown>) =>
      as(steel).post<Refusal>('/api/deals', { matchId: match.id, document: 'intent', ...terms(), ...extra });

    // Act
    const noEvent = await record({ meetingId: cementMeeting.id });
    const otherPair = await record({ eventId, meetingId: cementMeeting.id });
    const unknown = await record({ eventId, meetingId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    const draft = await record({ eventId: draftEventId });
    const english = await apiClient(ctx.app, { token: steel.token, lang: 'en' }).post<Refusal>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
      eventId,
      meetingId: cementMeeting.id,
    });

    // Assert
    const fieldOf = (r: { body: Refusal }) => r.body.error.fields?.map((f) => [f.field, f.code]);
    expect(noEvent.status).toBe(400);
    expect(fieldOf(noEvent)).toEqual([['eventId', 'deal_meeting_needs_event']]);
    expect([otherPair.status, unknown.status, draft.status]).toEqual([400, 400, 400]);
    expect(fieldOf(otherPair)).toEqual([['meetingId', 'deal_meeting_other_orgs']]);
    expect(fieldOf(unknown)).toEqual([['meetingId', 'deal_unknown_meeting']]);
    expect(fieldOf(draft)).toEqual([['eventId', 'deal_unknown_event']]);
    expect(english.body.error.fields![0]!.messages).toEqual({
      zh: '这场洽谈不是供需双方之间的',
      en: 'is a meeting between other organisations',
    });
    expect((await ctx.deps.deals.forOrg(steel.org.id)).items.length).toBe(before);
  });

  it('refuses an event the two sides did not both take part in, and an organizer who does not run it', async () => {
    // Arrange: the outsider never registered; the far organizer oversees another province.
    const outsiderMatch = await confirmedMatch(outsider, site);
    const steelMatch = await confirmedMatch(steel, site);

    // Act
    const notThere = await as(outsider).post<Refusal>('/api/deals', {
      matchId: outsiderMatch.id,
      eventId,
      document: 'intent',
      ...terms(),
    });
    const farPaper = await as(farOrganizer).post<Refusal>('/api/deals', {
      offerListingId: supplyOf.get(steel)!.id,
      needListingId: demand.id,
      eventId,
      document: 'contract',
      ...terms(),
    });
    const ownPaper = await as(organizer).post<Deal>('/api/deals', {
      offerListingId: supplyOf.get(cement)!.id,
      needListingId: demand.id,
      eventId,
      meetingId: (await meetingOf(cement, site)).id,
      document: 'intent',
      ...terms(),
    });
    const bySide = await as(site).post<Deal>('/api/deals', {
      matchId: steelMatch.id,
      eventId,
      document: 'intent',
      ...terms(),
    });

    // Assert
    expect(notThere.status).toBe(400);
    expect(notThere.body.error.fields?.[0]).toMatchObject({ field: 'eventId', code: 'deal_not_at_event' });
    expect([403, 404]).toContain(farPaper.status);
    expect(ownPaper.status, JSON.stringify(ownPaper.body)).toBe(201);
    expect(ownPaper.body).toMatchObject({ eventId, recordedAs: 'organizer', status: 'intent' });
    expect(bySide.status).toBe(201);
    expect(bySide.body.eventId).toBe(eventId);
    expect(bySide.body.meetingId).toBeUndefined();
  });

  it('refuses a meeting that did not take place (a no-show)', async () => {
    // Arrange
    const match = await confirmedMatch(cement, site);
    const meeting = await meetingOf(cement, site);
    const marked = await as(organizer).post(`/api/events/${eventId}/live/meetings/${meeting.id}/no-show`, {});
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);

    // Act
    const after = await as(cement).post<Refusal>('/api/deals', {
      matchId: match.id,
      eventId,
      meetingId: meeting.id,
      document: 'intent',
      ...terms(),
    });

    // Assert
    expect(after.status).toBe(400);
    expect(after.body.error.fields?.[0]).toMatchObject({ field: 'meetingId', code: 'deal_meeting_not_held' });
  });
});
