import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import { availableSlots, type Slot, slotGrid, tablesOf } from '../contract/events.ts';
import {
  type AddMeetingInput,
  type CheckInInput,
  type CheckInLookupView,
  dayClock,
  type LiveChangeView,
  type LiveConsoleView,
  type LiveMeetingView,
  tokenFromScan,
} from '../contract/live.ts';
import type { MeetingCell, MeetingMovedNotification } from '../contract/notification.ts';
import type { MatchEvent } from '../events/event.ts';
import { loadManagedEvent } from '../events/event-commands.ts';
import { type Registration, registrationIdFor } from '../events/registration.ts';
import {
  isHeld,
  type Meeting,
  type MeetingAction,
  meetingIdFor,
  meetingLifecycle,
} from '../meetings/meeting.ts';
import { repairSchedule } from '../meetings/repair.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed } from '../shared/db/table.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { derivedId, newId } from '../shared/ids.ts';
import { availableActions, transition } from '../shared/lifecycle.ts';
import type { LiveChange } from './live.ts';

/**
 * The organizer's live day: the clock's slot, check-in (by name or QR token), meeting states (under
 * way, done, no-show), an organisation's no-show, meetings added or moved by hand. Every change that
 * frees or takes a cell runs `repairSchedule()` (fewest moves; nothing under way or done moves;
 * nothing into a slot that has started) and records what moved, which the console lists and each
 * moved participant sees on its agenda (`movedFrom`).
 */

async function approvedParticipants(deps: Deps, eventId: string) {
  return (await deps.events.allRegistrations(eventId)).filter((r) => r.status === 'approved');
}

function requirePublishedSchedule(status: string | undefined): void {
  if (status !== 'published') throw new ConflictError('schedule_missing');
}

function changeView(c: LiveChange): LiveChangeView {
  return {
    id: c.id,
    kind: c.kind,
    at: c.at,
    ...(c.orgName ? { orgName: c.orgName } : {}),
    ...(c.meetingId ? { meetingId: c.meetingId } : {}),
    moved: c.moved,
    unplaced: c.unplaced,
  };
}

/** The organizer's console: clock, participants with check-in, meetings with their actions, changes. */
export async function liveConsole(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<LiveConsoleView> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const slots = slotGrid(event);
  const registrations = await approvedParticipants(deps, event.id);
  let tokens = await deps.live.checkInTokens(event.id);
  const missing = registrations.filter((r) => !tokens.some((t) => t.orgId === r.orgId));
  if (missing.length > 0) {
    await Promise.all(missing.map((r) => deps.live.issueCheckInToken(event.id, r.orgId, r.orgName)));
    tokens = await deps.live.checkInTokens(event.id);
  }
  const [checkIns, meetings, changes, dashboardToken] = await Promise.all([
    deps.live.checkIns(event.id),
    deps.meetings.allMeetings(event.id),
    deps.live.recentChanges(event.id),
    deps.live.ensureDashboardToken(event.id),
  ]);
  const live = meetings.filter((m) => m.slot >= 0 && (isHeld(m) || m.status === 'no_show'));
  const noShows = new Set(
    changes.filter((c) => c.kind === 'no_show' && c.orgName).map((c) => c.orgName as string),
  );
  const clock = dayClock(slots, deps.clock.now());
  return {
    eventId: event.id,
    title: event.title,
    now: deps.clock.now().toISOString(),
    slots,
    tables: tablesOf(event),
    ...clock,
    participants: registrations.map((r) => {
      const checkedIn = checkIns.find((c) => c.orgId === r.orgId);
      return {
        orgId: r.orgId,
        orgName: r.orgName,
        ...(checkedIn ? { checkedInAt: checkedIn.at } : {}),
        noShow: noShows.has(r.orgName),
        checkInUrl: `/live/checkin/${tokens.find((t) => t.orgId === r.orgId)?.token ?? ''}`,
      };
    }),
    meetings: live
      .sort((a, b) => a.slot - b.slot || a.table - b.table)
      .map(
        (m): LiveMeetingView => ({
          id: m.id,
          offerOrgId: m.offerOrgId,
          offerOrgName: m.offerOrgName,
          needOrgId: m.needOrgId,
          needOrgName: m.needOrgName,
          status: m.status,
          slot: m.slot,
          table: m.table,
          start: slots[m.slot]?.start ?? '',
          end: slots[m.slot]?.end ?? '',
          ...(m.movedFrom ? { movedFrom: { slot: m.movedFrom.slot, table: m.movedFrom.table } } : {}),
          actions: availableActions(meetingLifecycle, m.status, ['organizer']).filter((a: string) =>
            ['start', 'finish', 'noShow'].includes(a),
          ),
        }),
      ),
    changes: changes.map(changeView),
    dashboardPath: `/live/screen/${dashboardToken}`,
  };
}

/**
 * What a scanned check-in code is: whose, at which event, checked in yet. Only for those who manage
 * the event (403 for anyone else, 404 for a token nobody issued).
 */
export async function lookUpCheckIn(
  deps: Deps,
  principal: Principal,
  token: string,
): Promise<CheckInLookupView> {
  const found = await deps.live.checkInToken(token);
  if (!found) throw new NotFoundError();
  const { event } = await loadManagedEvent(deps, principal, found.eventId);
  const checkedIn = await deps.live.checkInOf(event.id, found.orgId);
  return {
    eventId: event.id,
    eventTitle: event.title,
    orgId: found.orgId,
    orgName: found.orgName,
    ...(checkedIn ? { checkedInAt: checkedIn.at } : {}),
  };
}

/** Checks in an organisation by id or by its QR token; checking in twice changes nothing. */
export async function checkIn(
  deps: Deps,
  principal: Principal,
  eventId: string,
  input: CheckInInput,
): Promise<{ orgId: string; orgName: string; checkedInAt: string; already: boolean }> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  let orgId: string;
  let via: 'name' | 'qr';
  if ('token' in input) {
    const token = tokenFromScan(input.token);
    if (!token) throw new ValidationError([{ field: 'token', key: 'field.invalid_format' }]);
    const found = await deps.live.checkInToken(token);
    // A token of another event is as unknown as a made-up one.
    if (!found || found.eventId !== event.id) throw new NotFoundError();
    orgId = found.orgId;
    via = 'qr';
  } else {
    orgId = input.orgId;
    via = 'name';
  }
  const registration = await deps.events.getRegistration(event.id, registrationIdFor(event.id, orgId));
  if (registration?.status !== 'approved') throw new NotFoundError();
  const now = deps.clock.now().toISOString();
  const recorded = await deps.live.checkIn({
    eventId: event.id,
    orgId,
    orgName: registration.orgName,
    via,
    at: now,
    byUserId: principal.userId,
  });
  if (recorded) {
    await deps.table.transact([
      deps.live.changeItem({
        id: newId(),
        eventId: event.id,
        kind: 'check_in',
        at: now,
        byUserId: principal.userId,
        orgName: registration.orgName,
        moved: [],
        unplaced: [],
      }),
    ]);
  }
  // Checked in before: the time it was (this call recorded nothing).
  const at = recorded ? now : ((await deps.live.checkInOf(event.id, orgId))?.at ?? now);
  return { orgId, orgName: registration.orgName, checkedInAt: at, already: !recorded };
}

/**
 * Repairs the schedule after `removed` meetings leave and `added` ones join (pinned when moved by
 * hand), writes the meetings whose cell changed (with where they were), and records the change.
 */
async function repairAndSave(
  deps: Deps,
  principal: Principal,
  { event, meetings, liveVersion }: LiveDay,
  registrations: Registration[],
  change: Omit<LiveChange, 'moved' | 'unplaced'>,
  removed: Meeting[],
  added: { meeting: Meeting; pin?: { slot: number; table?: number } }[],
): Promise<LiveChange> {
  const slots = slotGrid(event);
  const { firstOpenSlot } = dayClock(slots, deps.clock.now());
  const current = meetings.filter((m) => m.slot >= 0 && isHeld(m));
  const result = repairSchedule({
    slotCount: slots.length,
    tables: tablesOf(event),
    participants: registrations.map((r) => {
      const available = availableSlots(slots, r.availability);
      return available.length === slots.length ? { id: r.orgId } : { id: r.orgId, available };
    }),
    current: current.map((m) => ({
      id: m.id,
      a: m.offerOrgId,
      b: m.needOrgId,
      slot: m.slot,
      table: m.table - 1,
      state: m.status as 'scheduled' | 'under_way' | 'done',
    })),
    removed: removed.map((m) => m.id),
    added: added.map(({ meeting, pin }) => ({
      id: meeting.id,
      a: meeting.offerOrgId,
      b: meeting.needOrgId,
      ...(pin ? { pin: { slot: pin.slot, ...(pin.table ? { table: pin.table - 1 } : {}) } } : {}),
    })),
    firstOpenSlot,
  });
  const addedIds = new Set(added.map((a) => a.meeting.id));
  const unplacedAdded = result.unplaced.filter((u) => addedIds.has(u.id));
  if (unplacedAdded.length > 0) {
    throw new ConflictError(unplacedAdded[0]!.reason === 'pin_conflict' ? 'pin_conflict' : 'conflict');
  }
  const now = change.at;
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const a of added) byId.set(a.meeting.id, a.meeting);
  const writes: Meeting[] = [...removed];
  const moved: LiveChange['moved'] = [];
  for (const p of result.placed) {
    const m = byId.get(p.id);
    if (!m) continue;
    const table = p.table + 1;
    if (m.slot === p.slot && m.table === table && !addedIds.has(m.id)) continue;
    const wasPlaced = m.slot >= 0 && current.some((c) => c.id === m.id);
    if (wasPlaced && (m.slot !== p.slot || m.table !== table)) {
      moved.push({
        meetingId: m.id,
        offerOrgName: m.offerOrgName,
        needOrgName: m.needOrgName,
        from: { slot: m.slot, table: m.table },
        to: { slot: p.slot, table },
      });
    }
    writes.push({
      ...m,
      slot: p.slot,
      table,
      ...(wasPlaced && (m.slot !== p.slot || m.table !== table)
        ? { movedFrom: { slot: m.slot, table: m.table, at: now } }
        : {}),
      updatedAt: now,
      version: m.version + 1,
    });
  }
  const record: LiveChange = {
    ...change,
    moved,
    unplaced: result.unplaced.map((u) => ({ meetingId: u.id, reason: u.reason })),
  };
  // Each moved meeting travels with the inbox notices of its two sides: never one without the others.
  const movedIds = new Set(moved.map((m) => m.meetingId));
  const groups = writes.map((m) => [
    deps.meetings.meetingItem(m),
    ...(movedIds.has(m.id) && m.movedFrom
      ? movedNotices(event, slots, m, m.movedFrom, record.id, now).map((n) =>
          deps.matches.notificationItem(n),
        )
      : []),
  ]);
  await inTurn(() =>
    writeGrouped(deps, [[deps.live.changeItem(record), liveTurn(deps, event.id, liveVersion)], ...groups]),
  );
  void principal;
  return record;
}

const cellOf = (slots: readonly Slot[], slot: number, table: number): MeetingCell => ({
  slot,
  table,
  date: slots[slot]?.date ?? '',
  start: slots[slot]?.start ?? '',
  end: slots[slot]?.end ?? '',
});

/** The two sides' inbox notices that the repair moved their meeting, from where to where. */
function movedNotices(
  event: MatchEvent,
  slots: readonly Slot[],
  m: Meeting,
  from: { slot: number; table: number },
  changeId: string,
  at: string,
): MeetingMovedNotification[] {
  return (['offer', 'need'] as const).map((side) => ({
    id: derivedId(m.id, `moved:${changeId}:${side}`),
    orgId: side === 'offer' ? m.offerOrgId : m.needOrgId,
    event: 'meeting_moved',
    eventId: event.id,
    eventTitle: event.title,
    meetingId: m.id,
    counterpartOrgName: side === 'offer' ? m.needOrgName : m.offerOrgName,
    from: cellOf(slots, from.slot, from.table),
    to: cellOf(slots, m.slot, m.table),
    at,
  }));
}

/**
 * Writes groups of items, each group whole in one transaction: all in one when they fit in
 * DynamoDB's 100 items (a repair moves few meetings), otherwise packed group by group.
 */
async function writeGrouped(deps: Deps, groups: TransactWriteItem[][]): Promise<void> {
  let batch: TransactWriteItem[] = [];
  for (const group of groups) {
    if (batch.length + group.length > 100) {
      await deps.table.transact(batch);
      batch = [];
    }
    batch.push(...group);
  }
  if (batch.length > 0) await deps.table.transact(batch);
}

/** What every live-day command reads first: the event, its meetings, and the live turn it read. */
interface LiveDay {
  event: MatchEvent;
  meetings: Meeting[];
  liveVersion: number | undefined;
}

async function loadLiveDay(deps: Deps, principal: Principal, eventId: string): Promise<LiveDay> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const schedule = await deps.meetings.getSchedule(event.id);
  requirePublishedSchedule(schedule?.status);
  const meetings = await deps.meetings.allMeetings(event.id);
  return { event, meetings, liveVersion: schedule?.liveVersion };
}

/**
 * The write that serialises the live day's commands on an event: the schedule's `liveVersion` moves
 * on only from the value read before the command looked at the meetings. A second organizer's command
 * that read the same meetings loses the transaction and is told to reload (409), so two repairs never
 * place meetings into the same cell from the same stale picture.
 */
function liveTurn(deps: Deps, eventId: string, read: number | undefined): TransactWriteItem {
  return deps.table.updateItem(
    keys.schedule(eventId),
    { expression: 'SET liveVersion = :next', values: { ':next': (read ?? 0) + 1 } },
    read === undefined
      ? { expression: 'attribute_not_exists(liveVersion)' }
      : { expression: 'liveVersion = :read', values: { ':read': read } },
  );
}

/** A transaction that lost the live turn to another command: 409, read the console again. */
async function inTurn(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (error instanceof ConditionFailed) throw new ConflictError('live_changed');
    throw error;
  }
}

/** A meeting starts, finishes, or is marked a no-show (its cell frees; the rest is repaired). */
export async function moveMeetingState(
  deps: Deps,
  principal: Principal,
  eventId: string,
  meetingId: string,
  action: Extract<MeetingAction, 'start' | 'finish' | 'noShow'>,
): Promise<{ change: LiveChangeView }> {
  const day = await loadLiveDay(deps, principal, eventId);
  const { event, meetings, liveVersion } = day;
  const meeting = meetings.find((m) => m.id === meetingId);
  if (!meeting || meeting.status === 'cancelled') throw new NotFoundError();
  const next = transition(meetingLifecycle, meeting.status, action, ['organizer']);
  const now = deps.clock.now().toISOString();
  const updated: Meeting = { ...meeting, status: next, updatedAt: now, version: meeting.version + 1 };
  const base = { id: newId(), eventId: event.id, at: now, byUserId: principal.userId, meetingId };
  if (action === 'noShow') {
    const record = await repairAndSave(
      deps,
      principal,
      day,
      await approvedParticipants(deps, event.id),
      { ...base, kind: 'meeting_state' },
      [updated],
      [],
    );
    return { change: changeView(record) };
  }
  const record: LiveChange = { ...base, kind: 'meeting_state', moved: [], unplaced: [] };
  await inTurn(() =>
    deps.table.transact([
      deps.meetings.meetingItem(updated),
      deps.live.changeItem(record),
      liveTurn(deps, event.id, liveVersion),
    ]),
  );
  return { change: changeView(record) };
}

/** An organisation did not come: its meetings still to start become no-shows and the rest is repaired. */
export async function markNoShow(
  deps: Deps,
  principal: Principal,
  eventId: string,
  orgId: string,
): Promise<{ change: LiveChangeView }> {
  const day = await loadLiveDay(deps, principal, eventId);
  const { event, meetings } = day;
  const registrations = await approvedParticipants(deps, event.id);
  const registration = registrations.find((r) => r.orgId === orgId);
  if (!registration) throw new NotFoundError();
  const now = deps.clock.now().toISOString();
  const removed = meetings
    .filter((m) => (m.offerOrgId === orgId || m.needOrgId === orgId) && m.status === 'scheduled')
    .map((m) => ({
      ...m,
      status: transition(meetingLifecycle, m.status, 'noShow', ['organizer']),
      updatedAt: now,
      version: m.version + 1,
    }));
  const record = await repairAndSave(
    deps,
    principal,
    day,
    registrations,
    {
      id: newId(),
      eventId: event.id,
      kind: 'no_show',
      at: now,
      byUserId: principal.userId,
      orgName: registration.orgName,
    },
    removed,
    [],
  );
  return { change: changeView(record) };
}

/** Adds a meeting between two participants during the day (at a chosen cell, or wherever fewest move). */
export async function addLiveMeeting(
  deps: Deps,
  principal: Principal,
  eventId: string,
  input: AddMeetingInput,
): Promise<{ change: LiveChangeView; meetingId: string }> {
  const day = await loadLiveDay(deps, principal, eventId);
  const { event, meetings } = day;
  if (input.offerOrgId === input.needOrgId) {
    throw new ValidationError([{ field: 'needOrgId', key: 'field.invalid_format' }]);
  }
  const registrations = await approvedParticipants(deps, event.id);
  const offer = registrations.find((r) => r.orgId === input.offerOrgId);
  const need = registrations.find((r) => r.orgId === input.needOrgId);
  if (!offer) throw new ValidationError([{ field: 'offerOrgId', key: 'field.invalid_format' }]);
  if (!need) throw new ValidationError([{ field: 'needOrgId', key: 'field.invalid_format' }]);
  const slots = slotGrid(event);
  if (input.slot !== undefined && input.slot >= slots.length) {
    throw new ValidationError([{ field: 'slot', key: 'field.slot_out_of_range' }]);
  }
  if (input.table !== undefined && input.table > tablesOf(event)) {
    throw new ValidationError([{ field: 'table', key: 'field.slot_out_of_range' }]);
  }
  const id = meetingIdFor(event.id, offer.orgId, need.orgId);
  const existing = meetings.find((m) => m.id === id);
  if (existing && existing.status !== 'cancelled') throw new ConflictError('conflict');
  const now = deps.clock.now().toISOString();
  const meeting: Meeting = {
    id,
    eventId: event.id,
    offerOrgId: offer.orgId,
    offerOrgName: offer.orgName,
    needOrgId: need.orgId,
    needOrgName: need.orgName,
    matchIds: existing?.matchIds ?? [],
    requestIds: existing?.requestIds ?? [],
    status: transition(meetingLifecycle, 'draft', 'publish', ['organizer']),
    slot: -1,
    table: 0,
    pinned: input.slot !== undefined,
    updatedAt: now,
    version: existing?.version ?? 0,
  };
  const record = await repairAndSave(
    deps,
    principal,
    { ...day, meetings: meetings.filter((m) => m.id !== id) },
    registrations,
    {
      id: newId(),
      eventId: event.id,
      kind: 'add_meeting',
      at: now,
      byUserId: principal.userId,
      meetingId: id,
    },
    [],
    [
      {
        meeting,
        ...(input.slot !== undefined
          ? { pin: { slot: input.slot, ...(input.table ? { table: input.table } : {}) } }
          : {}),
      },
    ],
  );
  return { change: changeView(record), meetingId: id };
}

/** Moves a meeting by hand to a slot (and table); the others in its way move as little as possible. */
export async function moveLiveMeeting(
  deps: Deps,
  principal: Principal,
  eventId: string,
  meetingId: string,
  to: { slot: number; table?: number },
): Promise<{ change: LiveChangeView }> {
  const day = await loadLiveDay(deps, principal, eventId);
  const { event, meetings } = day;
  const meeting = meetings.find((m) => m.id === meetingId);
  if (!meeting || meeting.status === 'cancelled') throw new NotFoundError();
  if (meeting.status !== 'scheduled') transition(meetingLifecycle, meeting.status, 'start', ['organizer']);
  const slots = slotGrid(event);
  if (to.slot >= slots.length) throw new ValidationError([{ field: 'slot', key: 'field.slot_out_of_range' }]);
  if (to.table !== undefined && to.table > tablesOf(event)) {
    throw new ValidationError([{ field: 'table', key: 'field.slot_out_of_range' }]);
  }
  const now = deps.clock.now().toISOString();
  const record = await repairAndSave(
    deps,
    principal,
    day,
    await approvedParticipants(deps, event.id),
    { id: newId(), eventId: event.id, kind: 'move_meeting', at: now, byUserId: principal.userId, meetingId },
    [],
    [{ meeting: { ...meeting, pinned: true }, pin: to }],
  );
  return { change: changeView(record) };
}
