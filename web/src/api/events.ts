import { query } from '@solidjs/router';
import {
  type AgendaItemView,
  EVENT_KINDS,
  EVENT_LISTING_KINDS,
  EVENT_MODES,
  type EventDay,
  type EventInput,
  type EventView as MatchEvent,
  type MeetingRequestView as MeetingRequest,
  type RegistrationView as Registration,
  type RegistrationInput,
  type ScheduleView as Schedule,
} from '../../../functions/contract/events.ts';
import { api } from './client.ts';
import { downloadFile, type Page } from './imports.ts';
import type { MatchView } from './matches.ts';
import type { MatchingRun } from './runs.ts';

/**
 * Matchmaking events (产销对接会): the organizer's event with its registrations, its matching round
 * and its schedule of one-to-one meetings; a participant's registration, matches, meeting requests
 * and agenda. What a viewer may do comes with each record (`actions`): the pages show those buttons
 * and no others.
 */

export type {
  AgendaItemView as AgendaItem,
  EventDay,
  EventInput,
  EventKind,
  EventMode,
  EventStatus,
  EventView as MatchEvent,
  MeetingRequestStatus,
  MeetingRequestView as MeetingRequest,
  MeetingView as Meeting,
  RegistrationInput,
  RegistrationStatus,
  RegistrationView as Registration,
  ScheduleStatus,
  ScheduleView as Schedule,
  Slot,
} from '../../../functions/contract/events.ts';
export { EVENT_KINDS, EVENT_LISTING_KINDS, EVENT_MODES };

/** The public page's view of an event: no firm's contacts. */
export type PublicEvent = Omit<MatchEvent, 'runIds' | 'runId'>;

/** A break in the event's hours (every day, or one day). */
export type EventBreak = NonNullable<EventInput['breaks']>[number];

/** Which of the event's hours a participant can attend. */
export type Availability = EventDay;

export interface Participant {
  orgId: string;
  orgName: string;
  kinds?: string[];
}

export interface Agenda {
  event: PublicEvent;
  orgId: string;
  orgName: string;
  /** The URL its check-in QR code carries (an approved participant's own agenda). */
  checkInUrl?: string;
  items: AgendaItemView[];
}

export interface EventFilter {
  month?: string;
  region?: string;
  cursor?: string;
}

const eventPath = (eventId: string, rest = '') => `/events/${encodeURIComponent(eventId)}${rest}`;

// ── events ───────────────────────────────────────────────────────────────────────────────────

export const createEvent = (input: EventInput): Promise<MatchEvent> => api.post<MatchEvent>('/events', input);
export const updateEvent = (eventId: string, patch: Partial<EventInput>): Promise<MatchEvent> =>
  api.patch<MatchEvent>(eventPath(eventId), patch);
export const fetchEvent = (eventId: string): Promise<MatchEvent> => api.get<MatchEvent>(eventPath(eventId));
export const fetchPublicEvent = (eventId: string): Promise<PublicEvent> =>
  api.get<PublicEvent>(`/public/events/${encodeURIComponent(eventId)}`, { anonymous: true });
export const moveEvent = (eventId: string, action: string): Promise<MatchEvent> =>
  api.post<MatchEvent>(eventPath(eventId, `/${action}`), {});
export const copyEvent = (
  eventId: string,
  body: { days: EventDay[]; registrationDeadline: string; title?: string },
): Promise<MatchEvent> => api.post<MatchEvent>(eventPath(eventId, '/copy'), body);

/** The organizer's own events (by month, by city). */
export const fetchMyEvents = (filter: Omit<EventFilter, 'region'>): Promise<Page<MatchEvent>> =>
  api.get<Page<MatchEvent>>('/events/mine', {
    query: { month: filter.month || undefined, cursor: filter.cursor },
  });

/** Published events of a month (default: this month) in a region (default: my province). */
export const fetchOpenEvents = (filter: EventFilter): Promise<Page<MatchEvent>> =>
  api.get<Page<MatchEvent>>('/events', {
    query: { month: filter.month || undefined, region: filter.region || undefined, cursor: filter.cursor },
  });

/** My organisation's registrations: the events it takes part in, newest first. */
export const fetchMyRegistrations = (cursor?: string): Promise<Page<Registration>> =>
  api.get<Page<Registration>>('/events/registered', { query: { cursor } });

// ── registrations ────────────────────────────────────────────────────────────────────────────

export const fetchRegistrations = (eventId: string, cursor?: string): Promise<Page<Registration>> =>
  api.get<Page<Registration>>(eventPath(eventId, '/registrations'), { query: { cursor } });
export const fetchMyRegistration = (eventId: string): Promise<Registration | null> =>
  api
    .get<{ registration: Registration | null }>(eventPath(eventId, '/registrations/mine'))
    .then((body) => body.registration);
export const register = (eventId: string, input: RegistrationInput): Promise<Registration> =>
  api.post<Registration>(eventPath(eventId, '/registrations'), input);
export const moveRegistration = (
  eventId: string,
  registrationId: string,
  action: string,
  body: Record<string, unknown> = {},
): Promise<Registration> =>
  api.post<Registration>(
    eventPath(eventId, `/registrations/${encodeURIComponent(registrationId)}/${action}`),
    body,
  );

// ── the matching round ───────────────────────────────────────────────────────────────────────

export const startRound = (eventId: string): Promise<MatchingRun> =>
  api.post<MatchingRun>(eventPath(eventId, '/round'), {});
export const fetchEventMatches = (eventId: string): Promise<MatchView[]> =>
  api.get<{ items: MatchView[] }>(eventPath(eventId, '/matches')).then((b) => b.items);

// ── meeting requests ─────────────────────────────────────────────────────────────────────────

export const fetchParticipants = (eventId: string): Promise<Participant[]> =>
  api.get<{ items: Participant[] }>(eventPath(eventId, '/participants')).then((b) => b.items);
export const fetchMeetingRequests = (eventId: string): Promise<MeetingRequest[]> =>
  api.get<{ items: MeetingRequest[] }>(eventPath(eventId, '/meeting-requests')).then((b) => b.items);
export const requestMeeting = (eventId: string, toOrgId: string, note?: string): Promise<MeetingRequest> =>
  api.post<MeetingRequest>(eventPath(eventId, '/meeting-requests'), { toOrgId, ...(note ? { note } : {}) });
export const moveMeetingRequest = (eventId: string, requestId: string, action: string) =>
  api.post<MeetingRequest>(
    eventPath(eventId, `/meeting-requests/${encodeURIComponent(requestId)}/${action}`),
    {},
  );

// ── schedule and agenda ──────────────────────────────────────────────────────────────────────

export const fetchSchedule = (eventId: string): Promise<Schedule | null> =>
  api.get<{ schedule: Schedule | null }>(eventPath(eventId, '/schedule')).then((b) => b.schedule);
export const buildSchedule = (eventId: string): Promise<Schedule> =>
  api.post<Schedule>(eventPath(eventId, '/schedule'), {});
export const pinMeeting = (eventId: string, meetingId: string, slot: number, table?: number) =>
  api.post<Schedule>(eventPath(eventId, `/schedule/meetings/${encodeURIComponent(meetingId)}/pin`), {
    slot,
    ...(table === undefined ? {} : { table }),
  });
export const publishSchedule = (eventId: string): Promise<Schedule> =>
  api.post<Schedule>(eventPath(eventId, '/schedule/publish'), {});
export const fetchAgenda = (eventId: string): Promise<Agenda> =>
  api.get<Agenda>(eventPath(eventId, '/agenda'));
export const downloadAgendaIcs = (eventId: string): Promise<string> =>
  downloadFile(eventPath(eventId, '/agenda.ics'), {}, `gongxu-agenda-${eventId}.ics`);

// ── router queries ───────────────────────────────────────────────────────────────────────────

export const getEvent = query((eventId: string) => fetchEvent(eventId), 'event');
export const getPublicEvent = query((eventId: string) => fetchPublicEvent(eventId), 'publicEvent');
export const getRegistrations = query((eventId: string) => fetchRegistrations(eventId), 'eventRegistrations');
export const getMyRegistration = query((eventId: string) => fetchMyRegistration(eventId), 'myRegistration');
export const getEventMatches = query((eventId: string) => fetchEventMatches(eventId), 'eventMatches');
export const getParticipants = query((eventId: string) => fetchParticipants(eventId), 'eventParticipants');
export const getMeetingRequests = query(
  (eventId: string) => fetchMeetingRequests(eventId),
  'meetingRequests',
);
export const getSchedule = query((eventId: string) => fetchSchedule(eventId), 'eventSchedule');
export const getAgenda = query((eventId: string) => fetchAgenda(eventId), 'eventAgenda');

/** The viewer may take this action on the record (the API says so). */
export const can = (record: { actions?: string[] } | null | undefined, action: string): boolean =>
  Boolean(record?.actions?.includes(action));
