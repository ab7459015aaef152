import { query } from '@solidjs/router';
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

export type EventKind = 'goods' | 'labour' | 'both';
export type EventMode = 'online' | 'venue' | 'hybrid';
export type EventStatus = 'draft' | 'published' | 'closed' | 'cancelled';
export type RegistrationStatus = 'applied' | 'approved' | 'refused' | 'withdrawn';
export type MeetingRequestStatus = 'requested' | 'accepted' | 'declined' | 'expired' | 'cancelled';
export type ScheduleStatus = 'draft' | 'published';

export const EVENT_KINDS: readonly EventKind[] = ['goods', 'labour', 'both'];
export const EVENT_MODES: readonly EventMode[] = ['venue', 'online', 'hybrid'];

/** One day of the event: a date and its hours (the event's local time, HH:MM). */
export interface EventDay {
  date: string;
  start: string;
  end: string;
}

export interface EventBreak {
  date?: string;
  start: string;
  end: string;
}

export interface EventVenue {
  name: string;
  address: string;
  tables: number;
}

/** A meeting slot of the event's grid: numbered from 0 in time order, local date and hours. */
export interface Slot {
  index: number;
  date: string;
  start: string;
  end: string;
}

export interface EventInput {
  title: string;
  kind: EventKind;
  categories: string[];
  region: string;
  mode: EventMode;
  venue?: EventVenue;
  /** Online: how many video rooms run side by side. */
  rooms?: number;
  days: EventDay[];
  meetingMinutes: number;
  bufferMinutes?: number;
  breaks?: EventBreak[];
  /** The last day to apply (YYYY-MM-DD, the whole of that day). */
  registrationDeadline: string;
  responseDeadline?: string;
  capacity: number;
  videoLinkPattern?: string;
  description?: string;
}

export interface MatchEvent extends EventInput {
  id: string;
  organizerOrgId: string;
  organizerName: string;
  seriesId?: string;
  status: EventStatus;
  registrationCount?: number;
  approvedCount?: number;
  runIds?: string[];
  runId?: string;
  scheduleStatus?: ScheduleStatus;
  slots?: Slot[];
  tables?: number;
  createdAt: string;
  updatedAt?: string;
  /** What this viewer may do now (`edit`, `publish`, `copy`, `register`, …). */
  actions?: string[];
}

/** The public page's view of an event: no firm's contacts. */
export type PublicEvent = Omit<MatchEvent, 'actions'> & { actions?: string[] };

/** Which of the event's hours a participant can attend. */
export interface Availability {
  date: string;
  start: string;
  end: string;
}

export interface Registration {
  id: string;
  eventId: string;
  orgId: string;
  orgName: string;
  status: RegistrationStatus;
  listingIds: string[];
  listings?: { id: string; kind: string; item: string; quantity: number; unit: string }[];
  availability: Availability[];
  people: number;
  reason?: string;
  onBehalf?: boolean;
  invited?: boolean;
  createdAt: string;
  actions?: string[];
}

export interface RegistrationInput {
  listingIds: string[];
  availability?: Availability[];
  people: number;
  /** On behalf of another organisation (organizers). */
  orgId?: string;
}

export interface MeetingRequest {
  id: string;
  eventId: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  status: MeetingRequestStatus;
  note?: string;
  expiresAt?: string;
  createdAt: string;
  actions?: string[];
}

export interface Participant {
  orgId: string;
  orgName: string;
  kinds?: string[];
}

export interface Meeting {
  id: string;
  eventId: string;
  offerOrgId: string;
  offerOrgName: string;
  needOrgId: string;
  needOrgName: string;
  matchIds: string[];
  requestIds?: string[];
  slot: number;
  /** Table (or video room) number, from 1. */
  table: number;
  date: string;
  start: string;
  end: string;
  videoLink?: string;
  pinned?: boolean;
}

export interface Schedule {
  eventId: string;
  status: ScheduleStatus;
  meetings: Meeting[];
  unplaced?: { meetingId: string; offerOrgName: string; needOrgName: string; reason: string }[];
  slots: Slot[];
  tables: number;
  slotsUsed: number;
  lowerBound: number;
  bipartite?: boolean;
  /** Why the schedule is longer than the bound (or why the bound is not exact). */
  gapReasons?: string[];
  actions?: string[];
}

export interface AgendaMatch {
  id: string;
  kind: string;
  offerItem: string;
  needItem?: string;
  quantity: number;
  unit: string;
  distanceKm?: number;
  reasons: { code: string; [detail: string]: unknown }[];
}

export interface AgendaItem {
  meetingId: string;
  slot?: number;
  date: string;
  start: string;
  end: string;
  table?: number;
  videoLink?: string;
  counterpartOrgId: string;
  counterpartName: string;
  matches: AgendaMatch[];
  requested?: boolean;
}

export interface Agenda {
  event: PublicEvent;
  orgId: string;
  orgName: string;
  items: AgendaItem[];
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
