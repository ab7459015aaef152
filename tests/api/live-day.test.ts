import { beforeAll, describe, expect, it } from 'vitest';
import type { AgendaItemView, ScheduleView } from '../../functions/contract/events.ts';
import type {
  CheckInLookupView,
  DashboardSnapshot,
  LiveCommandResult,
  LiveConsoleView,
} from '../../functions/contract/live.ts';
import type { MeetingMovedNotification } from '../../functions/contract/notification.ts';
import { repairSchedule } from '../../functions/meetings/repair.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;

describe('the live day through the API', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let s1: Org;
  let s2: Org;
  let b1: Org;
  let b2: Org;
  let eventId: string;
  const org = () => apiClient(ctx.app, { token: organizer.token });

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    s1 = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403', name: '三明钢铁' });
    s2 = await makeOrg(ctx.deps, { creditCode: '913508007384629572', adcode: '350802', name: '龙岩水泥' });
    b1 = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'], name: '福州建工' });
    b2 = await makeOrg(ctx.deps, { creditCode: '91350500782345619C', kinds: ['builder'], name: '泉州建工' });
    const post = async (o: Org, body: Record<string, unknown>) =>
      (await apiClient(ctx.app, { token: o.token }).post<{ id: string }>('/api/listings', body)).body.id;
    const listing = new Map<Org, string>([
      [s1, await post(s1, supplyBody({ quantity: 700, adcode: '350403' }))],
      [s2, await post(s2, supplyBody({ quantity: 500, adcode: '350802' }))],
      [b1, await post(b1, demandBody({ quantity: 400, adcode: '350102' }))],
      [b2, await post(b2, demandBody({ quantity: 300, adcode: '350502' }))],
    ]);
    // One table: four meetings need four slots, so a pinned addition must push someone.
    const created = await org().post<{ id: string }>(
      '/api/events',
      eventBody({ venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路', tables: 1 } }),
    );
    eventId = created.body.id;
    await org().post(`/api/events/${eventId}/publish`, {});
    for (const o of [s1, s2, b1, b2]) {
      const r = await apiClient(ctx.app, { token: o.token }).post<{ id: string }>(
        `/api/events/${eventId}/registrations`,
        { listingIds: [listing.get(o)], people: 2 },
      );
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      await org().post(`/api/events/${eventId}/registrations/${r.body.id}/approve`, {});
    }
    for (const [from, to] of [
      [s1, b1],
      [s1, b2],
      [s2, b1],
    ] as const) {
      const asked = await apiClient(ctx.app, { token: from.token }).post<{ id: string }>(
        `/api/events/${eventId}/meeting-requests`,
        { toOrgId: to.org.id },
      );
      expect(asked.status, JSON.stringify(asked.body)).toBe(201);
      await apiClient(ctx.app, { token: to.token }).post(
        `/api/events/${eventId}/meeting-requests/${asked.body.id}/accept`,
        {},
      );
    }
    expect((await org().post(`/api/events/${eventId}/schedule`, {})).status).toBe(200);
    expect((await org().post(`/api/events/${eventId}/schedule/publish`, {})).status).toBe(200);
  });

  it('checks a participant in by its QR token (the scanned URL), once, and by name', async () => {
    // Arrange
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const qr = console.participants.find((p) => p.orgId === s1.org.id)!.checkInUrl;
    expect(qr).toMatch(/^\/live\/checkin\/[A-Za-z0-9_-]{32}$/);

    // Act
    const first = await org().post<{ orgId: string; already: boolean }>(
      `/api/events/${eventId}/live/check-ins`,
      {
        token: `http://127.0.0.1:8787${qr}`,
      },
    );
    const again = await org().post<{ already: boolean }>(`/api/events/${eventId}/live/check-ins`, {
      token: qr.split('/').pop(),
    });
    const byName = await org().post<{ orgId: string }>(`/api/events/${eventId}/live/check-ins`, {
      orgId: b1.org.id,
    });

    // Assert
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ orgId: s1.org.id, already: false });
    expect(again.body.already).toBe(true);
    expect(byName.body.orgId).toBe(b1.org.id);
    const after = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    expect(
      after.participants
        .filter((p) => p.checkedInAt)
        .map((p) => p.orgId)
        .sort(),
    ).toEqual([s1.org.id, b1.org.id].sort());
  });

  it('refuses a made-up token, a participant of nobody and anyone but the organizer', async () => {
    const made = await org().post(`/api/events/${eventId}/live/check-ins`, { token: 'A'.repeat(32) });
    const firm = await apiClient(ctx.app, { token: s1.token }).post(`/api/events/${eventId}/live/check-ins`, {
      orgId: s1.org.id,
    });
    const firmConsole = await apiClient(ctx.app, { token: s2.token }).get(`/api/events/${eventId}/live`);
    expect(made.status).toBe(404);
    expect(firm.status).toBe(403);
    expect(firmConsole.status).toBe(403);
  });

  it('adds a meeting pinned into a taken cell, moving the fewest others, and shows it on the agendas', async () => {
    // Arrange: the schedule as it stands, and what repairSchedule says the fewest moves are.
    const before = (await org().get<{ schedule: ScheduleView }>(`/api/events/${eventId}/schedule`)).body
      .schedule;
    const occupant = before.meetings.find((m) => m.slot === 0)!;
    const expected = repairSchedule({
      slotCount: before.slots.length,
      tables: 1,
      participants: [s1, s2, b1, b2].map((o) => ({ id: o.org.id })),
      current: before.meetings.map((m) => ({
        id: m.id,
        a: m.offerOrgId,
        b: m.needOrgId,
        slot: m.slot,
        table: m.table - 1,
        state: 'scheduled' as const,
      })),
      removed: [],
      added: [{ id: 'new', a: s2.org.id, b: b2.org.id, pin: { slot: 0, table: 0 } }],
      firstOpenSlot: 0,
    });

    // Act
    const added = await org().post<LiveCommandResult & { meetingId: string }>(
      `/api/events/${eventId}/live/meetings`,
      {
        offerOrgId: s2.org.id,
        needOrgId: b2.org.id,
        slot: 0,
        table: 1,
      },
    );

    // Assert
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.change.moved.length).toBe(expected.moved.length);
    expect(added.body.change.moved.map((m) => m.meetingId)).toContain(occupant.id);
    const moved = added.body.change.moved.find((m) => m.meetingId === occupant.id)!;
    const side = [s1, s2, b1, b2].find((o) => o.org.id === occupant.offerOrgId)!;
    const agenda = (
      await apiClient(ctx.app, { token: side.token }).get<{ items: AgendaItemView[] }>(
        `/api/events/${eventId}/agenda`,
      )
    ).body.items;
    const item = agenda.find((i) => i.meetingId === occupant.id)!;
    expect(item.slot).toBe(moved.to.slot);
    expect(item.movedFrom).toMatchObject({ slot: 0, table: 1 });
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    expect(console.changes[0]!.kind).toBe('add_meeting');
    expect(console.meetings.find((m) => m.id === added.body.meetingId)).toMatchObject({ slot: 0, table: 1 });
    // Both sides of every moved meeting find a notice in their inbox, from where to where.
    for (const m of added.body.change.moved) {
      const meeting = before.meetings.find((b) => b.id === m.meetingId)!;
      for (const orgId of [meeting.offerOrgId, meeting.needOrgId]) {
        const who = [s1, s2, b1, b2].find((o) => o.org.id === orgId)!;
        const inbox = (
          await apiClient(ctx.app, { token: who.token }).get<{ items: MeetingMovedNotification[] }>(
            '/api/inbox',
          )
        ).body.items;
        expect(inbox.find((n) => n.event === 'meeting_moved' && n.meetingId === m.meetingId)).toMatchObject({
          eventId,
          from: { slot: m.from.slot, table: m.from.table, start: before.slots[m.from.slot]!.start },
          to: { slot: m.to.slot, table: m.to.table, start: before.slots[m.to.slot]!.start },
        });
      }
    }
    // Nobody whose meeting stayed gets one.
    const unmoved = [s1, s2, b1, b2].filter(
      (o) =>
        !added.body.change.moved.some((m) => {
          const meeting = before.meetings.find((b) => b.id === m.meetingId)!;
          return meeting.offerOrgId === o.org.id || meeting.needOrgId === o.org.id;
        }),
    );
    for (const o of unmoved) {
      const inbox = (
        await apiClient(ctx.app, { token: o.token }).get<{ items: { event: string }[] }>('/api/inbox')
      ).body.items;
      expect(inbox.filter((n) => n.event === 'meeting_moved')).toEqual([]);
    }
  });

  it("tells an organizer whose check-in code was scanned, and nobody else; the code is on the participant's agenda", async () => {
    // Arrange
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const url = console.participants.find((p) => p.orgId === b2.org.id)!.checkInUrl;
    const token = url.split('/').pop()!;

    // Act
    const asOrganizer = await org().get<CheckInLookupView>(`/api/live/check-ins/${token}`);
    const asParticipant = await apiClient(ctx.app, { token: b2.token }).get(`/api/live/check-ins/${token}`);
    const anonymous = await apiClient(ctx.app).get(`/api/live/check-ins/${token}`);
    const madeUp = await org().get(`/api/live/check-ins/${'C'.repeat(32)}`);
    const agenda = await apiClient(ctx.app, { token: b2.token }).get<{ checkInUrl?: string }>(
      `/api/events/${eventId}/agenda`,
    );

    // Assert
    expect(asOrganizer.status).toBe(200);
    expect(asOrganizer.body).toMatchObject({ eventId, orgId: b2.org.id, orgName: '泉州建工' });
    expect(asOrganizer.body.checkedInAt).toBeUndefined();
    expect([asParticipant.status, anonymous.status, madeUp.status]).toEqual([403, 401, 404]);
    expect(agenda.body.checkInUrl).toBe(url);
  });

  it('marks an organisation a no-show: its meetings leave, nothing under way or done moves', async () => {
    // Arrange: the first meeting is under way, then done.
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const first = console.meetings[0]!;
    const started = await org().post<LiveCommandResult>(
      `/api/events/${eventId}/live/meetings/${first.id}/start`,
      {},
    );
    const finished = await org().post(`/api/events/${eventId}/live/meetings/${first.id}/finish`, {});
    const finishedTwice = await org().post(`/api/events/${eventId}/live/meetings/${first.id}/finish`, {});
    expect(started.status).toBe(200);
    expect(finished.status).toBe(200);
    expect(finishedTwice.status).toBe(409);

    // Act
    const noShow = await org().post<LiveCommandResult>(`/api/events/${eventId}/live/no-shows`, {
      orgId: s1.org.id,
    });

    // Assert
    expect(noShow.status, JSON.stringify(noShow.body)).toBe(200);
    expect(noShow.body.change.kind).toBe('no_show');
    expect(noShow.body.change.moved).toEqual([]);
    const after = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    expect(after.meetings.find((m) => m.id === first.id)).toMatchObject({ status: 'done', slot: first.slot });
    const s1Meetings = after.meetings.filter((m) => m.offerOrgId === s1.org.id && m.id !== first.id);
    expect(s1Meetings.every((m) => m.status === 'no_show')).toBe(true);
    expect(after.participants.find((p) => p.orgId === s1.org.id)!.noShow).toBe(true);
  });

  it('moves a meeting by hand and reports each meeting that moved', async () => {
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const target = console.meetings.find((m) => m.status === 'scheduled')!;
    const free = console.slots.find(
      (s) => !console.meetings.some((m) => m.slot === s.index && m.status !== 'no_show'),
    )!;
    const res = await org().post<LiveCommandResult>(
      `/api/events/${eventId}/live/meetings/${target.id}/move`,
      {
        slot: free.index,
      },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.change.moved).toEqual([
      expect.objectContaining({ meetingId: target.id, to: { slot: free.index, table: 1 } }),
    ]);
  });

  it('lets one of several organizers moving a meeting at the same instant win; the others are told to reload', async () => {
    // Arrange: one meeting, sent at once to different free slots (as if by three organizers' phones)
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const meeting = console.meetings.find((m) => m.status === 'scheduled')!;
    const free = console.slots
      .filter((s) => !console.meetings.some((m) => m.slot === s.index && m.status !== 'no_show'))
      .slice(0, 3);
    expect(free.length).toBe(3);
    const logged = console.changes.filter((c) => c.kind === 'move_meeting').length;

    // Act
    const answers = await Promise.all(
      free.map((s) =>
        org().post<LiveCommandResult>(`/api/events/${eventId}/live/meetings/${meeting.id}/move`, {
          slot: s.index,
        }),
      ),
    );

    // Assert: every answer is a move or a 409 naming the race; the log holds exactly the moves made
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 200 || s === 409),
      JSON.stringify(statuses),
    ).toBe(true);
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status === 409)) {
      expect((a.body as unknown as { error: { code: string } }).error.code).toBe('live_changed');
    }
    const after = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    expect(after.changes.filter((c) => c.kind === 'move_meeting').length).toBe(logged + won.length);
    const last = won
      .map((a) => a.body.change)
      .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    expect(after.meetings.find((m) => m.id === meeting.id)!.slot).toBe(
      last[last.length - 1]!.moved.find((m) => m.meetingId === meeting.id)!.to.slot,
    );
  });

  it('serves the big-screen dashboard by token without sign-in: counts, no contacts, no prices, 304 when unchanged', async () => {
    // Arrange
    const console = (await org().get<LiveConsoleView>(`/api/events/${eventId}/live`)).body;
    const token = console.dashboardPath.split('/').pop()!;
    const anonymous = apiClient(ctx.app);

    // Act
    const res = await ctx.app.request(`/api/public/live/${token}`);
    const raw = await res.text();
    const again = await ctx.app.request(`/api/public/live/${token}`, {
      headers: { 'If-None-Match': res.headers.get('ETag')! },
    });
    const wrong = await anonymous.get(`/api/public/live/${'B'.repeat(32)}`);

    // Assert
    expect(res.status).toBe(200);
    const snapshot = JSON.parse(raw) as DashboardSnapshot;
    expect(snapshot).toMatchObject({ participants: 4, checkedIn: 2, meetingsHeld: 1, deals: 0 });
    expect(raw).not.toMatch(/phone|email|contact|price|Price|password|1[3-9]\d{9}/);
    expect(again.status).toBe(304);
    expect(wrong.status).toBe(404);
    await org().post(`/api/events/${eventId}/live/check-ins`, { orgId: s2.org.id });
    const changed = await ctx.app.request(`/api/public/live/${token}`, {
      headers: { 'If-None-Match': res.headers.get('ETag')! },
    });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as DashboardSnapshot).checkedIn).toBe(3);
  });
});
