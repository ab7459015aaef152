import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import {
  availableSlots,
  type MeetingView,
  type ScheduleView,
  type Slot,
  slotGrid,
  tablesOf,
  videoLinkFor,
} from '../contract/events.ts';
import { kindsOf } from '../contract/listing-kinds.ts';
import type { MatchEvent } from '../events/event.ts';
import { eventLifecycle } from '../events/event.ts';
import { loadManagedEvent } from '../events/event-commands.ts';
import { eventMatches } from '../events/round-commands.ts';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import { type Meeting, meetingIdFor, meetingLifecycle, type Schedule } from './meeting.ts';
import { scheduleMeetings } from './scheduler.ts';

/**
 * The event's schedule: every pair of organisations with a confirmed match or an accepted meeting
 * request gets ONE meeting; `scheduleMeetings()` places them in the event's slots and tables (video
 * rooms online); pins the organizer set by hand are kept and the rest is placed around them. A
 * generated schedule is a draft until published; participants see only a published one.
 */

const OFFER_KINDS = new Set<string>(kindsOf(undefined, 'offer'));

interface Pair {
  id: string;
  offerOrgId: string;
  offerOrgName: string;
  needOrgId: string;
  needOrgName: string;
  matchIds: string[];
  requestIds: string[];
}

/** The pairs that meet: confirmed matches of the round and accepted meeting requests. */
export async function pairsToMeet(deps: Deps, event: MatchEvent): Promise<Pair[]> {
  const registrations = (await deps.events.allRegistrations(event.id)).filter((r) => r.status === 'approved');
  const participants = new Map(registrations.map((r) => [r.orgId, r]));
  const pairs = new Map<string, Pair>();
  const pairFor = (offer: { id: string; name: string }, need: { id: string; name: string }): Pair => {
    const id = meetingIdFor(event.id, offer.id, need.id);
    let pair = pairs.get(id);
    if (!pair) {
      pair = {
        id,
        offerOrgId: offer.id,
        offerOrgName: offer.name,
        needOrgId: need.id,
        needOrgName: need.name,
        matchIds: [],
        requestIds: [],
      };
      pairs.set(id, pair);
    }
    return pair;
  };
  for (const match of await eventMatches(deps, event.id)) {
    if (match.status !== 'confirmed') continue;
    if (!participants.has(match.offerOrgId) || !participants.has(match.needOrgId)) continue;
    pairFor(
      { id: match.offerOrgId, name: match.offerOrgName },
      { id: match.needOrgId, name: match.needOrgName },
    ).matchIds.push(match.id);
  }
  for (const request of await deps.meetings.allRequests(event.id)) {
    if (request.status !== 'accepted') continue;
    if (!participants.has(request.fromOrgId) || !participants.has(request.toOrgId)) continue;
    // The offering side is the one that enrolled offers (else the asker).
    const toOffers = participants.get(request.toOrgId)!.listings.some((l) => OFFER_KINDS.has(l.kind));
    const fromOffers = participants.get(request.fromOrgId)!.listings.some((l) => OFFER_KINDS.has(l.kind));
    const from = { id: request.fromOrgId, name: request.fromOrgName };
    const to = { id: request.toOrgId, name: request.toOrgName };
    const [offer, need] = toOffers && !fromOffers ? [to, from] : [from, to];
    const existing = pairs.get(meetingIdFor(event.id, from.id, to.id));
    (existing ?? pairFor(offer, need)).requestIds.push(request.id);
  }
  return [...pairs.values()];
}

export function viewMeeting(meeting: Meeting, event: MatchEvent, slots: readonly Slot[]): MeetingView {
  const slot = slots[meeting.slot];
  const online = event.mode !== 'venue';
  return {
    id: meeting.id,
    eventId: meeting.eventId,
    offerOrgId: meeting.offerOrgId,
    offerOrgName: meeting.offerOrgName,
    needOrgId: meeting.needOrgId,
    needOrgName: meeting.needOrgName,
    matchIds: meeting.matchIds,
    requestIds: meeting.requestIds,
    status: meeting.status,
    slot: meeting.slot,
    table: meeting.table,
    date: slot?.date ?? '',
    start: slot?.start ?? '',
    end: slot?.end ?? '',
    ...(online && meeting.table > 0
      ? { videoLink: videoLinkFor(event.videoLinkPattern, meeting.table) }
      : {}),
    pinned: meeting.pinned,
  };
}

function scheduleView(event: MatchEvent, schedule: Schedule, meetings: Meeting[]): ScheduleView {
  const slots = slotGrid(event);
  const live = meetings.filter((m) => m.status !== 'cancelled');
  return {
    eventId: event.id,
    status: schedule.status,
    meetings: live
      .filter((m) => m.slot >= 0)
      .sort((a, b) => a.slot - b.slot || a.table - b.table)
      .map((m) => viewMeeting(m, event, slots)),
    unplaced: live
      .filter((m) => m.slot < 0)
      .map((m) => ({
        meetingId: m.id,
        offerOrgName: m.offerOrgName,
        needOrgName: m.needOrgName,
        reason: m.unplacedReason ?? 'no_room',
      })),
    slots,
    tables: tablesOf(event),
    slotsUsed: schedule.slotsUsed,
    lowerBound: schedule.lowerBound,
    bipartite: schedule.bipartite,
    gapReasons: schedule.gapReasons,
    generatedAt: schedule.generatedAt,
    ...(schedule.publishedAt ? { publishedAt: schedule.publishedAt } : {}),
    actions:
      event.status === 'published'
        ? ['generate', 'pin', ...(schedule.status === 'draft' ? ['publish'] : [])]
        : [],
  };
}

export async function getSchedule(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<ScheduleView | null> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const schedule = await deps.meetings.getSchedule(event.id);
  if (!schedule) return null;
  return scheduleView(event, schedule, await deps.meetings.allMeetings(event.id));
}

/**
 * (Re)generates the schedule: meetings for every pair that meets, pins kept, cancelled meetings for
 * pairs that no longer meet. `pins` overrides the stored pins (the pin operation passes its change).
 */
export async function generateSchedule(
  deps: Deps,
  principal: Principal,
  eventId: string,
  pins: ReadonlyMap<string, { slot: number; table?: number } | null> = new Map(),
): Promise<ScheduleView> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  transition(eventLifecycle, event.status, 'schedule', ['organizer']);
  const slots = slotGrid(event);
  const tables = tablesOf(event);
  const registrations = (await deps.events.allRegistrations(event.id)).filter((r) => r.status === 'approved');
  const pairs = await pairsToMeet(deps, event);
  const existing = new Map((await deps.meetings.allMeetings(event.id)).map((m) => [m.id, m]));
  const pinOf = (id: string): { slot: number; table?: number } | undefined => {
    if (pins.has(id)) return pins.get(id) ?? undefined;
    const m = existing.get(id);
    return m?.pinned && m.slot >= 0 ? { slot: m.slot, table: m.table - 1 } : undefined;
  };
  const result = scheduleMeetings({
    slotCount: slots.length,
    tables,
    participants: registrations.map((r) => {
      const available = availableSlots(slots, r.availability);
      return available.length === slots.length ? { id: r.orgId } : { id: r.orgId, available };
    }),
    meetings: pairs.map((p) => {
      const pin = pinOf(p.id);
      return {
        id: p.id,
        a: p.offerOrgId,
        b: p.needOrgId,
        ...(pin ? { pin: { slot: pin.slot, ...(pin.table !== undefined ? { table: pin.table } : {}) } } : {}),
      };
    }),
  });
  const placed = new Map(result.placed.map((p) => [p.id, p]));
  const unplaced = new Map(result.unplaced.map((u) => [u.id, u.reason]));
  const now = deps.clock.now().toISOString();
  const meetings: Meeting[] = pairs.map((pair) => {
    const before = existing.get(pair.id);
    const at = placed.get(pair.id);
    return {
      ...pair,
      eventId: event.id,
      status: before ? transition(meetingLifecycle, before.status, 'replan', ['organizer']) : 'draft',
      slot: at ? at.slot : -1,
      table: at ? at.table + 1 : 0,
      pinned: pinOf(pair.id) !== undefined,
      ...(at ? {} : { unplacedReason: unplaced.get(pair.id) ?? 'no_room' }),
      updatedAt: now,
      version: (before?.version ?? 0) + 1,
    };
  });
  const needed = new Set(pairs.map((p) => p.id));
  const dropped: Meeting[] = [...existing.values()]
    .filter((m) => !needed.has(m.id) && m.status !== 'cancelled')
    .map((m) => ({
      ...m,
      status: transition(meetingLifecycle, m.status, 'cancel', ['organizer']),
      updatedAt: now,
      version: m.version + 1,
    }));
  const previous = await deps.meetings.getSchedule(event.id);
  const schedule: Schedule = {
    eventId: event.id,
    status: 'draft',
    slotsUsed: result.slotsUsed,
    lowerBound: result.lowerBound,
    bipartite: result.bipartite,
    gapReasons: result.gapReasons,
    meetingCount: meetings.length,
    unplacedCount: result.unplaced.length,
    generatedAt: now,
    version: (previous?.version ?? 0) + 1,
  };
  const items: TransactWriteItem[] = [...meetings, ...dropped].map((m) => deps.meetings.meetingItem(m));
  await deps.meetings.writeAll(items);
  await deps.table.transact([
    deps.meetings.scheduleItem(schedule, previous?.version),
    deps.events.scheduleStatusItem(event.id, 'draft'),
    deps.audit.item(
      auditEntry(principal, 'event', event.id, 'generateSchedule', now, newId(), {
        slotsUsed: { from: previous?.slotsUsed ?? null, to: schedule.slotsUsed },
      }),
    ),
  ]);
  return scheduleView(event, schedule, [...meetings, ...dropped]);
}

/** Pins a meeting to a slot (and table) by hand, then reschedules the rest around it. */
export async function pinMeeting(
  deps: Deps,
  principal: Principal,
  eventId: string,
  meetingId: string,
  pin: { slot: number; table?: number } | null,
): Promise<ScheduleView> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const meeting = await deps.meetings.getMeeting(event.id, meetingId);
  if (!meeting || meeting.status === 'cancelled') throw new NotFoundError();
  if (pin) {
    const slots = slotGrid(event);
    if (pin.slot >= slots.length)
      throw new ValidationError([{ field: 'slot', key: 'field.slot_out_of_range' }]);
    if (pin.table !== undefined && pin.table > tablesOf(event)) {
      throw new ValidationError([{ field: 'table', key: 'field.slot_out_of_range' }]);
    }
    // Another pinned meeting of either side (or at that table) in that slot: the pin cannot hold.
    const others = (await deps.meetings.allMeetings(event.id)).filter(
      (m) => m.id !== meeting.id && m.pinned && m.status !== 'cancelled' && m.slot === pin.slot,
    );
    const sides = [meeting.offerOrgId, meeting.needOrgId];
    if (
      others.some(
        (m) =>
          sides.includes(m.offerOrgId) ||
          sides.includes(m.needOrgId) ||
          (pin.table !== undefined && m.table === pin.table),
      )
    ) {
      throw new ConflictError('pin_conflict');
    }
    const registrations = await deps.events.allRegistrations(event.id);
    for (const orgId of sides) {
      const r = registrations.find((x) => x.orgId === orgId);
      if (r && !availableSlots(slots, r.availability).includes(pin.slot))
        throw new ConflictError('pin_conflict');
    }
  }
  return await generateSchedule(
    deps,
    principal,
    eventId,
    new Map([[meetingId, pin ? { slot: pin.slot, ...(pin.table ? { table: pin.table - 1 } : {}) } : null]]),
  );
}

export async function publishSchedule(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<ScheduleView> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  transition(eventLifecycle, event.status, 'schedule', ['organizer']);
  const schedule = await deps.meetings.getSchedule(event.id);
  if (!schedule) throw new ConflictError('schedule_missing');
  const now = deps.clock.now().toISOString();
  const meetings = (await deps.meetings.allMeetings(event.id)).map((m) =>
    m.status === 'draft' && m.slot >= 0
      ? {
          ...m,
          status: transition(meetingLifecycle, m.status, 'publish', ['organizer']),
          updatedAt: now,
          version: m.version + 1,
        }
      : m,
  );
  await deps.meetings.writeAll(
    meetings.filter((m) => m.updatedAt === now).map((m) => deps.meetings.meetingItem(m)),
  );
  const next: Schedule = {
    ...schedule,
    status: 'published',
    publishedAt: now,
    version: schedule.version + 1,
  };
  await deps.table.transact([
    deps.meetings.scheduleItem(next, schedule.version),
    deps.events.scheduleStatusItem(event.id, 'published'),
    deps.audit.item(auditEntry(principal, 'event', event.id, 'publishSchedule', now, newId())),
  ]);
  return scheduleView(event, next, meetings);
}
