import { beforeAll, describe, expect, it } from 'vitest';
import type {
  AgendaItemView,
  EventView,
  MeetingRequestView,
  RegistrationView,
  ScheduleView,
} from '../../functions/contract/events.ts';
import type { Match } from '../../functions/matches/match.ts';
import type { MatchingRun } from '../../functions/matches/matching-run.ts';
import { executeRun } from '../../functions/matches/run-matching.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe('a matchmaking event, end to end through the API', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let steel: Org;
  let cement: Org;
  let builderA: Org;
  let builderB: Org;
  const listings: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403', name: '三明钢铁' });
    cement = await makeOrg(ctx.deps, {
      creditCode: '913508007384629572',
      adcode: '350802',
      name: '龙岩水泥',
    });
    builderA = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder'],
      name: '福州建工',
    });
    builderB = await makeOrg(ctx.deps, {
      creditCode: '91350500782345619C',
      kinds: ['builder'],
      name: '泉州建工',
    });
    const post = async (org: Org, body: Record<string, unknown>) =>
      (await apiClient(ctx.app, { token: org.token }).post<{ id: string }>('/api/listings', body)).body.id;
    listings.steel = await post(steel, supplyBody({ quantity: 700, adcode: '350403' }));
    listings.cement = await post(
      cement,
      supplyBody({ specId: 'cement-po-42.5', quantity: 5000, adcode: '350802', unitPrice: 450 }),
    );
    listings.rebarA = await post(builderA, demandBody({ quantity: 400, adcode: '350102' }));
    listings.cementA = await post(
      builderA,
      demandBody({ specId: 'cement-po-42.5', quantity: 2000, adcode: '350102', ceilingPrice: 520 }),
    );
    listings.rebarB = await post(builderB, demandBody({ quantity: 300, adcode: '350502' }));
  });

  it('runs from a draft to a published schedule with agendas and an .ics file', async () => {
    // Arrange: the organizer creates and publishes the event.
    const org = apiClient(ctx.app, { token: organizer.token });
    const created = await org.post<EventView>('/api/events', eventBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const eventId = created.body.id;
    expect(created.body.status).toBe('draft');
    expect(created.body.slots.map((s) => s.start)).toEqual([
      '09:00',
      '09:20',
      '09:40',
      '10:00',
      '10:40',
      '11:00',
      '11:20',
      '11:40',
    ]);
    const published = await org.post<EventView>(`/api/events/${eventId}/publish`, {});
    expect(published.body.status).toBe('published');

    // Act: four firms apply, the organizer approves them.
    const apply = async (firm: Org, listingIds: string[]) =>
      apiClient(ctx.app, { token: firm.token }).post<RegistrationView>(
        `/api/events/${eventId}/registrations`,
        {
          listingIds,
          people: 2,
        },
      );
    const registrations = [
      await apply(steel, [listings.steel!]),
      await apply(cement, [listings.cement!]),
      await apply(builderA, [listings.rebarA!, listings.cementA!]),
      await apply(builderB, [listings.rebarB!]),
    ];
    for (const r of registrations) expect(r.status, JSON.stringify(r.body)).toBe(201);
    for (const r of registrations) {
      const approved = await org.post<RegistrationView>(
        `/api/events/${eventId}/registrations/${r.body.id}/approve`,
        {},
      );
      expect(approved.body.status).toBe('approved');
    }
    const round = await org.post<MatchingRun & { runs: MatchingRun[] }>(`/api/events/${eventId}/round`, {});
    expect(round.status, JSON.stringify(round.body)).toBe(202);
    for (const run of round.body.runs) await executeRun(ctx.deps, run);
    for (const run of round.body.runs) {
      let current = (await org.get<MatchingRun>(`/api/matching-runs/${run.id}`)).body;
      expect(current.status).toBe('done');
      while (current.status !== 'published')
        current = (await org.post<MatchingRun>(`/api/matching-runs/${run.id}/publish`)).body;
    }
    const matches = (await org.get<{ items: Match[] }>(`/api/events/${eventId}/matches`)).body.items;
    expect(matches.length).toBeGreaterThanOrEqual(3);
    expect(matches.every((m) => m.eventId === eventId)).toBe(true);
    for (const m of matches) {
      for (const firm of [steel, cement, builderA, builderB]) {
        if (firm.org.id === m.offerOrgId || firm.org.id === m.needOrgId) {
          const accepted = await apiClient(ctx.app, { token: firm.token }).post(
            `/api/matches/${m.id}/accept`,
          );
          expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
        }
      }
    }
    // A meeting request from the cement producer to builder B (no match between them).
    const asked = await apiClient(ctx.app, { token: cement.token }).post<MeetingRequestView>(
      `/api/events/${eventId}/meeting-requests`,
      { toOrgId: builderB.org.id, note: '介绍 P·O 42.5 水泥' },
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    const answered = await apiClient(ctx.app, { token: builderB.token }).post<MeetingRequestView>(
      `/api/events/${eventId}/meeting-requests/${asked.body.id}/accept`,
      {},
    );
    expect(answered.body.status).toBe('accepted');
    const generated = await org.post<ScheduleView>(`/api/events/${eventId}/schedule`, {});
    expect(generated.status, JSON.stringify(generated.body)).toBe(200);
    const publishedSchedule = await org.post<ScheduleView>(`/api/events/${eventId}/schedule/publish`, {});
    const agenda = await apiClient(ctx.app, { token: builderA.token }).get<{ items: AgendaItemView[] }>(
      `/api/events/${eventId}/agenda`,
    );
    const ics = await apiClient(ctx.app, { token: builderA.token }).get<string>(
      `/api/events/${eventId}/agenda.ics`,
    );

    // Assert
    const schedule = publishedSchedule.body;
    expect(schedule.status).toBe('published');
    const pairs = new Set(matches.map((m) => [m.offerOrgId, m.needOrgId].sort().join('|')));
    expect(schedule.meetings.length).toBe(pairs.size + 1);
    expect(schedule.unplaced).toEqual([]);
    expect(schedule.slotsUsed).toBe(schedule.lowerBound);
    const bySlot = new Map<number, string[]>();
    for (const m of schedule.meetings)
      bySlot.set(m.slot, [...(bySlot.get(m.slot) ?? []), m.offerOrgId, m.needOrgId]);
    for (const orgs of bySlot.values()) expect(new Set(orgs).size).toBe(orgs.length);
    expect(agenda.body.items.length).toBe(
      schedule.meetings.filter((m) => m.needOrgId === builderA.org.id).length,
    );
    expect(agenda.body.items[0]!.videoLink).toMatch(/^https:\/\/meeting\.tencent\.com\/dm\/gongxu-demo-\d+$/);
    expect(agenda.body.items[0]!.matches[0]!.reasons.length).toBeGreaterThan(0);
    expect(ics.headers.get('content-type')).toContain('text/calendar');
    expect(String(ics.body)).toContain('BEGIN:VEVENT');
    expect(String(ics.body)).toContain(`UID:${agenda.body.items[0]!.meetingId}@gongxu`);
  });
});
