import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import { type AgendaItemView, slotGrid, tablesOf, videoLinkFor } from '../contract/events.ts';
import type { MatchEvent } from '../events/event.ts';
import { loadManagedEvent, loadVisibleEvent, manages, publicEvent } from '../events/event-commands.ts';
import { registrationIdFor } from '../events/registration.ts';
import type { Match } from '../matches/match.ts';
import { ForbiddenError } from '../shared/errors.ts';
import { agendaIcs, type IcsMeeting } from './agenda-ics.ts';
import { isHeld, type Meeting } from './meeting.ts';

/**
 * A participant's agenda (its meetings of the published schedule: time, table or video link, the
 * counterpart, what was matched and why), as JSON, as an .ics calendar, and the organizer's whole
 * timetable (by time, by table) with the data for table cards.
 */

function whereOf(event: MatchEvent, meeting: Meeting): { table: number; videoLink?: string } {
  return {
    table: meeting.table,
    ...(event.mode !== 'venue' ? { videoLink: videoLinkFor(event.videoLinkPattern, meeting.table) } : {}),
  };
}

async function matchesOf(deps: Deps, ids: readonly string[]): Promise<Match[]> {
  return (await Promise.all(ids.map((id) => deps.matches.get(id)))).filter((m): m is Match => Boolean(m));
}

export interface Agenda {
  event: ReturnType<typeof publicEvent>;
  orgId: string;
  orgName: string;
  scheduleStatus: 'none' | 'draft' | 'published';
  /** The URL its check-in QR code carries (`/live/checkin/<token>`), for an approved participant. */
  checkInUrl?: string;
  items: AgendaItemView[];
}

/**
 * The agenda of `orgId` (default: the caller's organisation). Another organisation's agenda only for
 * the event's organizers (to print it for a firm that has no phone at hand).
 */
export async function agendaFor(
  deps: Deps,
  principal: Principal,
  eventId: string,
  orgId: string = principal.orgId,
): Promise<Agenda> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const managing = viewer !== undefined && manages(viewer, event);
  if (orgId !== principal.orgId && !managing) throw new ForbiddenError();
  const registration = await deps.events.getRegistration(event.id, registrationIdFor(event.id, orgId));
  if (!registration && !managing) throw new ForbiddenError();
  const schedule = await deps.meetings.getSchedule(event.id);
  const now = deps.clock.now();
  const base = {
    event: publicEvent(event, now),
    orgId,
    orgName: registration?.orgName ?? '',
    scheduleStatus: schedule?.status ?? ('none' as const),
    ...(registration?.status === 'approved'
      ? {
          checkInUrl: `/live/checkin/${await deps.live.ensureCheckInToken(event.id, orgId, registration.orgName)}`,
        }
      : {}),
  };
  if (schedule?.status !== 'published') return { ...base, items: [] };
  const slots = slotGrid(event);
  // The live day: meetings under way and done stay on the agenda; a no-show's leave it.
  const meetings = (await deps.meetings.agenda(event.id, orgId)).filter(isHeld);
  const items = await Promise.all(
    meetings.map(async (m): Promise<AgendaItemView> => {
      const slot = slots[m.slot]!;
      const offering = m.offerOrgId === orgId;
      return {
        meetingId: m.id,
        slot: m.slot,
        date: slot.date,
        start: slot.start,
        end: slot.end,
        ...whereOf(event, m),
        counterpartOrgId: offering ? m.needOrgId : m.offerOrgId,
        counterpartName: offering ? m.needOrgName : m.offerOrgName,
        matches: (await matchesOf(deps, m.matchIds)).map((match) => ({
          id: match.id,
          kind: match.kind,
          offerItem: match.offerItem,
          needItem: match.needItem,
          quantity: match.quantity,
          unit: match.unit,
          distanceKm: match.distanceKm,
          reasons: match.reasons,
        })),
        requested: m.requestIds.length > 0,
        status: m.status,
        ...(m.movedFrom
          ? {
              movedFrom: {
                slot: m.movedFrom.slot,
                table: m.movedFrom.table,
                start: slots[m.movedFrom.slot]?.start ?? '',
              },
            }
          : {}),
      };
    }),
  );
  return { ...base, items };
}

export async function agendaCalendar(
  deps: Deps,
  principal: Principal,
  eventId: string,
  lang: 'zh' | 'en',
): Promise<string> {
  const agenda = await agendaFor(deps, principal, eventId);
  const event = agenda.event;
  const meetings: IcsMeeting[] = agenda.items.map((item) => {
    const table = lang === 'zh' ? `第 ${item.table} 桌` : `table ${item.table}`;
    const place = event.venue ? `${event.venue.name}（${event.venue.address}）${table}` : table;
    const matched = item.matches
      .map((m) => `${m.offerItem} → ${m.needItem}: ${m.quantity} ${m.unit}, ${m.distanceKm} km`)
      .join('\n');
    return {
      uid: item.meetingId,
      date: item.date,
      start: item.start,
      end: item.end,
      summary: lang === 'zh' ? `洽谈：${item.counterpartName}` : `Meeting: ${item.counterpartName}`,
      location: item.videoLink && event.mode === 'online' ? item.videoLink : place,
      description: [event.title, matched, item.videoLink ?? ''].filter(Boolean).join('\n'),
      ...(item.videoLink ? { url: item.videoLink } : {}),
    };
  });
  return agendaIcs(`${event.title} · ${agenda.orgName}`, meetings, deps.clock.now());
}

/** The organizer's timetable: by time (slot → tables) and by table (the table cards). */
export async function timetableFor(deps: Deps, principal: Principal, eventId: string) {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const slots = slotGrid(event);
  const schedule = await deps.meetings.getSchedule(event.id);
  const meetings = (await deps.meetings.allMeetings(event.id)).filter(
    (m) => m.status !== 'cancelled' && m.slot >= 0,
  );
  const cell = (m: Meeting) => ({
    meetingId: m.id,
    slot: m.slot,
    ...whereOf(event, m),
    offerOrgName: m.offerOrgName,
    needOrgName: m.needOrgName,
  });
  const byTime = slots
    .map((slot) => ({
      ...slot,
      meetings: meetings
        .filter((m) => m.slot === slot.index)
        .sort((a, b) => a.table - b.table)
        .map(cell),
    }))
    .filter((row) => row.meetings.length > 0);
  const byTable = Array.from({ length: tablesOf(event) }, (_, i) => i + 1)
    .map((table) => ({
      table,
      ...(event.mode !== 'venue' ? { videoLink: videoLinkFor(event.videoLinkPattern, table) } : {}),
      meetings: meetings
        .filter((m) => m.table === table)
        .sort((a, b) => a.slot - b.slot)
        .map((m) => ({
          ...cell(m),
          date: slots[m.slot]!.date,
          start: slots[m.slot]!.start,
          end: slots[m.slot]!.end,
        })),
    }))
    .filter((row) => row.meetings.length > 0);
  return {
    event: publicEvent(event, deps.clock.now()),
    scheduleStatus: schedule?.status ?? 'none',
    byTime,
    byTable,
  };
}
