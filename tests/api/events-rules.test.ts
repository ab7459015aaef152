import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/auth/principal.ts';
import { makeCreditCode } from '../../functions/contract/credit-code.ts';
import type {
  EventView,
  MeetingRequestView,
  RegistrationView,
  ScheduleView,
} from '../../functions/contract/events.ts';
import type { MatchingRun } from '../../functions/matches/matching-run.ts';
import { executeRun } from '../../functions/matches/run-matching.ts';
import { meetingRequestsFor } from '../../functions/meetings/meeting-request-commands.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;

const principalOf = (o: Org, platformRoles: Principal['platformRoles'] = []): Principal => ({
  userId: o.user.id,
  email: o.user.email,
  orgId: o.org.id,
  orgRole: 'org_admin',
  platformRoles,
});

describe('matchmaking event rules', () => {
  const clock = fixedClock(new Date().toISOString());
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let shandong: Org;
  let steel: Org;
  let builder: Org;
  let other: Org;

  beforeAll(async () => {
    ctx = await freshTable({ clock });
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    shandong = await makeOrg(ctx.deps, {
      creditCode: '913701002638194721',
      kinds: ['organizer'],
      adcode: '370102',
      platformRoles: ['organizer'],
    });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403', name: '三明钢铁' });
    builder = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder'],
      name: '福州建工',
    });
    other = await makeOrg(ctx.deps, { creditCode: '91350500782345619C', name: '泉州机械' });
  });

  const as = (o: Org) => apiClient(ctx.app, { token: o.token });
  const listing = async (o: Org, body: Record<string, unknown>) =>
    (await as(o).post<{ id: string }>('/api/listings', body)).body.id;

  async function publishedEvent(overrides: Record<string, unknown> = {}): Promise<EventView> {
    const created = await as(organizer).post<EventView>(
      '/api/events',
      eventBody({ categories: [], ...overrides }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return (await as(organizer).post<EventView>(`/api/events/${created.body.id}/publish`)).body;
  }

  async function approved(eventId: string, o: Org, listingId: string, extra: Record<string, unknown> = {}) {
    const applied = await as(o).post<RegistrationView>(`/api/events/${eventId}/registrations`, {
      listingIds: [listingId],
      people: 2,
      ...extra,
    });
    expect(applied.status, JSON.stringify(applied.body)).toBe(201);
    const ok = await as(organizer).post<RegistrationView>(
      `/api/events/${eventId}/registrations/${applied.body.id}/approve`,
    );
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    return applied.body;
  }

  it('refuses an event with hours out of order and no venue, naming each field in Chinese and English', async () => {
    // Act
    const res = await as(organizer).post<{
      error: { fields: { field: string; messages: { zh: string; en: string } }[] };
    }>(
      '/api/events',
      eventBody({
        venue: undefined,
        mode: 'venue',
        days: [{ date: inDays(21), start: '12:00', end: '09:00' }],
      }),
      { lang: 'en' },
    );

    // Assert
    expect(res.status).toBe(400);
    const fields = res.body.error.fields;
    expect(fields.map((f) => f.field).sort()).toEqual(['days.0.end', 'venue']);
    expect(fields.find((f) => f.field === 'days.0.end')!.messages).toEqual({
      zh: '结束时间须晚于开始时间',
      en: 'must end after it starts',
    });
  });

  it('keeps organizers to their jurisdiction and firms out of creating events', async () => {
    // Act
    const outside = await as(shandong).post('/api/events', eventBody());
    const firm = await as(steel).post('/api/events', eventBody());
    const own = await as(shandong).post('/api/events', eventBody({ region: '370000', categories: [] }));

    // Assert
    expect([outside.status, firm.status, own.status]).toEqual([403, 403, 201]);
  });

  it('shows a published event on its public page without sign-in, and a draft to nobody there', async () => {
    // Arrange
    const draft = await as(organizer).post<EventView>('/api/events', eventBody());
    const published = await publishedEvent();

    // Act
    const anonymousDraft = await apiClient(ctx.app).get(`/api/public/events/${draft.body.id}`);
    const page = await apiClient(ctx.app).get<EventView>(`/api/public/events/${published.id}`);
    const firmDraft = await as(steel).get(`/api/events/${draft.body.id}`);

    // Assert
    expect(anonymousDraft.status).toBe(404);
    expect(firmDraft.status).toBe(404);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      title: published.title,
      organizerName: organizer.org.name,
      actions: ['register'],
    });
    expect(JSON.stringify(page.body)).not.toContain('13800138000');
  });

  it("refuses to enroll another firm's listing, a closed one, and one of the wrong kind, each by field", async () => {
    // Arrange
    const event = await publishedEvent({ kind: 'labour' });
    const others = await listing(builder, demandBody());
    const closed = await listing(steel, supplyBody());
    await as(steel).post(`/api/listings/${closed}/withdraw`);
    const goods = await listing(steel, supplyBody());

    // Act
    const res = await as(steel).post<{ error: { fields: { field: string; code: string }[] } }>(
      `/api/events/${event.id}/registrations`,
      { listingIds: [others, closed, goods], people: 1 },
    );

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ field: 'listingIds.0', code: 'listing_not_yours' }),
      expect.objectContaining({ field: 'listingIds.1', code: 'listing_not_open' }),
      expect.objectContaining({ field: 'listingIds.2', code: 'listing_wrong_kind' }),
    ]);
  });

  it('refuses a second registration, and approval beyond capacity with the capacity in the message', async () => {
    // Arrange
    const event = await publishedEvent({ capacity: 2 });
    await approved(event.id, steel, await listing(steel, supplyBody()));
    await approved(event.id, builder, await listing(builder, demandBody()));
    const third = await as(other).post<RegistrationView>(`/api/events/${event.id}/registrations`, {
      listingIds: [await listing(other, supplyBody())],
      people: 1,
    });

    // Act
    const again = await as(steel).post(`/api/events/${event.id}/registrations`, {
      listingIds: [await listing(steel, supplyBody())],
      people: 1,
    });
    const full = await as(organizer).post<{ error: { code: string; messages: { zh: string; en: string } } }>(
      `/api/events/${event.id}/registrations/${third.body.id}/approve`,
    );

    // Assert
    expect(again.status).toBe(409);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('event_full');
    expect(full.body.error.messages.en).toContain('(2 organisations)');
  });

  it('closes registration after the deadline, but lets the organizer register an invited firm on its behalf', async () => {
    // Arrange
    const event = await publishedEvent({ registrationDeadline: inDays(-1) });
    const steelListing = await listing(steel, supplyBody());

    // Act
    const late = await as(steel).post(`/api/events/${event.id}/registrations`, {
      listingIds: [steelListing],
      people: 1,
    });
    const onBehalf = await as(organizer).post<RegistrationView>(`/api/events/${event.id}/registrations`, {
      listingIds: [steelListing],
      people: 1,
      orgId: steel.org.id,
    });
    const mine = await as(steel).get<{ registration: RegistrationView }>(
      `/api/events/${event.id}/registrations/mine`,
    );

    // Assert
    expect(late.status).toBe(409);
    expect(onBehalf.status).toBe(201);
    expect(mine.body.registration).toMatchObject({
      status: 'approved',
      onBehalf: true,
      actions: ['withdraw'],
    });
  });

  it('lapses an unanswered meeting request after 72 hours, so it can be asked again', async () => {
    // Arrange
    const event = await publishedEvent({ days: [{ date: inDays(21), start: '09:00', end: '12:00' }] });
    await approved(event.id, steel, await listing(steel, supplyBody()));
    await approved(event.id, builder, await listing(builder, demandBody()));
    const asked = await as(steel).post<MeetingRequestView>(`/api/events/${event.id}/meeting-requests`, {
      toOrgId: builder.org.id,
    });
    const twice = await as(steel).post(`/api/events/${event.id}/meeting-requests`, {
      toOrgId: builder.org.id,
    });

    // Act
    clock.advance(73 * 3_600_000);
    const seen = await meetingRequestsFor(ctx.deps, principalOf(builder), event.id);
    clock.advance(-73 * 3_600_000);
    const renewed = await as(steel).post<MeetingRequestView>(`/api/events/${event.id}/meeting-requests`, {
      toOrgId: builder.org.id,
    });

    // Assert
    expect(asked.status).toBe(201);
    expect(twice.status).toBe(409);
    expect(seen.find((r) => r.id === asked.body.id)?.status).toBe('expired');
    expect(renewed.status).toBe(201);
    expect(renewed.body.status).toBe('requested');
  });

  it('pins a meeting by hand and schedules the rest around it; refuses a pin on a taken slot of the same firm', async () => {
    // Arrange: steel meets two builders (accepted requests); the schedule is generated.
    const event = await publishedEvent();
    await approved(event.id, steel, await listing(steel, supplyBody()));
    await approved(event.id, builder, await listing(builder, demandBody()));
    await approved(event.id, other, await listing(other, demandBody()));
    for (const to of [builder, other]) {
      const req = await as(steel).post<MeetingRequestView>(`/api/events/${event.id}/meeting-requests`, {
        toOrgId: to.org.id,
      });
      await as(to).post(`/api/events/${event.id}/meeting-requests/${req.body.id}/accept`);
    }
    const first = (await as(organizer).post<ScheduleView>(`/api/events/${event.id}/schedule`)).body;
    const [a, b] = first.meetings;

    // Act
    const pinned = await as(organizer).post<ScheduleView>(
      `/api/events/${event.id}/schedule/meetings/${a!.id}/pin`,
      { slot: 5, table: 2 },
    );
    const clash = await as(organizer).post(`/api/events/${event.id}/schedule/meetings/${b!.id}/pin`, {
      slot: 5,
    });
    const outOfRange = await as(organizer).post(`/api/events/${event.id}/schedule/meetings/${b!.id}/pin`, {
      slot: 40,
    });

    // Assert
    expect(first.meetings.length).toBe(2);
    expect(first.lowerBound).toBe(2);
    expect(pinned.status).toBe(200);
    const moved = pinned.body.meetings.find((m) => m.id === a!.id)!;
    expect([moved.slot, moved.table, moved.pinned]).toEqual([5, 2, true]);
    expect(pinned.body.meetings.find((m) => m.id === b!.id)!.slot).not.toBe(5);
    expect(clash.status).toBe(409);
    expect(outOfRange.status).toBe(400);
  });

  it('copies an event into its series and routes the supply past a pair that met at the earlier event, inside the allocation', async () => {
    // Arrange: steel and the builder meet at the first event (a confirmed round match).
    const first = await publishedEvent({ kind: 'goods' });
    const offer = await listing(steel, supplyBody({ quantity: 500 }));
    const need = await listing(builder, demandBody({ quantity: 100 }));
    await approved(first.id, steel, offer);
    await approved(first.id, builder, need);
    const round = await as(organizer).post<MatchingRun & { runs: MatchingRun[] }>(
      `/api/events/${first.id}/round`,
    );
    for (const run of round.body.runs) {
      await executeRun(ctx.deps, run);
      let current = (await ctx.deps.runs.get(run.id))!;
      while (current.status !== 'published')
        current = (await as(organizer).post<MatchingRun>(`/api/matching-runs/${run.id}/publish`)).body;
    }
    const matches = (await as(steel).get<{ items: { id: string }[] }>(`/api/events/${first.id}/matches`)).body
      .items;
    expect(matches.length).toBe(1);
    await as(steel).post(`/api/matches/${matches[0]!.id}/accept`);
    await as(builder).post(`/api/matches/${matches[0]!.id}/accept`);
    await as(organizer).post(`/api/events/${first.id}/schedule`);
    await as(organizer).post(`/api/events/${first.id}/schedule/publish`);

    // Act: the next event of the series; steel enrolls 100 t, the builder it met (nearer) and a
    // second builder (further) each need 100 t. Filtering after the allocation would give the
    // 100 t to the nearer builder and then drop it, leaving nothing; the allocation routes it on.
    const copy = await as(organizer).post<EventView>(`/api/events/${first.id}/copy`, {
      days: [{ date: inDays(42), start: '09:00', end: '12:00' }],
      registrationDeadline: inDays(35),
    });
    await as(organizer).post(`/api/events/${copy.body.id}/publish`);
    const farBuilder = await makeOrg(ctx.deps, {
      creditCode: makeCreditCode({ seed: 4242, region: '350200' }),
      kinds: ['builder'],
      name: '厦门路桥',
      adcode: '350203',
    });
    await approved(copy.body.id, steel, await listing(steel, supplyBody({ quantity: 100 })));
    await approved(copy.body.id, builder, await listing(builder, demandBody({ quantity: 100 })));
    const farNeed = await listing(farBuilder, demandBody({ quantity: 100, adcode: '350203' }));
    await approved(copy.body.id, farBuilder, farNeed);
    const second = await as(organizer).post<MatchingRun & { runs: MatchingRun[] }>(
      `/api/events/${copy.body.id}/round`,
    );
    for (const run of second.body.runs) await executeRun(ctx.deps, run);
    const runs = await Promise.all(second.body.runs.map((r) => ctx.deps.runs.get(r.id)));
    const series = await as(steel).get<{ items: EventView[] }>(`/api/events/${copy.body.id}/series`);

    // Assert
    expect(copy.status).toBe(201);
    expect(copy.body.seriesId).toBe(first.seriesId);
    expect(series.body.items.map((e) => e.id)).toEqual([first.id, copy.body.id]);
    expect(runs.map((r) => r?.status)).toEqual(['done']);
    expect(runs[0]!.proposalCount).toBe(1);
    expect(runs[0]!.totals?.placed).toBe(100);
    const proposals = await ctx.deps.runs.chunk(runs[0]!.id, 0);
    expect(proposals.map((p) => [p.offerOrgId, p.needOrgId, p.needListingId])).toEqual([
      [steel.org.id, farBuilder.org.id, farNeed],
    ]);
  });
});
