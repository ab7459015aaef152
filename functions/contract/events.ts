import * as z from 'zod/mini';
import { dateRange, isDateInRange } from './date-range.ts';
import { kindsOf } from './listing-kinds.ts';

/**
 * Matchmaking events (产销对接会): the browser-safe contract shared by the API and the web. Kinds
 * and modes, limits, the request schemas (zod/mini), the slot grid, permission predicates and the
 * response shapes. Pure: no AWS SDK, no Hono, no region table (the API checks that an adcode exists).
 *
 * Times are local to the event (Asia/Shanghai, UTC+8, no daylight saving): a day is `YYYY-MM-DD`
 * with hours `HH:MM`. Slots are numbered from 0 in time order; tables are numbered from 1.
 */

export const EVENT_KINDS = ['goods', 'labour', 'both'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_MODES = ['venue', 'online', 'hybrid'] as const;
export type EventMode = (typeof EVENT_MODES)[number];
export const EVENT_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const REGISTRATION_STATUSES = ['applied', 'approved', 'refused', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const MEETING_REQUEST_STATUSES = [
  'requested',
  'accepted',
  'declined',
  'expired',
  'cancelled',
] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];
export const MEETING_STATUSES = ['draft', 'scheduled', 'cancelled', 'under_way', 'done', 'no_show'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const SCHEDULE_STATUSES = ['draft', 'published'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

/** The listing kinds an event of each kind enrolls. */
export const EVENT_LISTING_KINDS: Readonly<Record<EventKind, readonly string[]>> = {
  goods: kindsOf('goods'),
  labour: kindsOf('labour'),
  both: kindsOf(),
};

export const EVENT_LIMITS = {
  maxDays: 7,
  maxCategories: 20,
  maxBreaks: 10,
  minMeetingMinutes: 5,
  maxMeetingMinutes: 240,
  maxBufferMinutes: 60,
  maxTables: 1000,
  maxRooms: 1000,
  /** Online events without a number of video rooms get this many. */
  defaultRooms: 20,
  maxCapacity: 5000,
  maxPeople: 50,
  maxListingsPerRegistration: 50,
  maxAvailabilityWindows: 40,
  /** Slots an event may have (days × hours ÷ meeting length). */
  maxSlots: 500,
  /** A meeting request lapses unanswered after this many hours (or at the event's first day). */
  requestTtlHours: 72,
  maxNoteLength: 500,
} as const;

// ── field schemas ──────────────────────────────────────────────────────────────────────────────

/** Trimmed text with no control characters, 1..max characters. */
const text = (max: number, min = 1) =>
  z.pipe(
    z.string().check(z.maxLength(max * 4)),
    z.pipe(
      z.transform((value: string) => value.normalize('NFC').trim()),
      z.string().check(
        z.minLength(min),
        z.maxLength(max),
        z.refine((value) => !/\p{Cc}/u.test(value), { message: 'field.invalid_format' }),
      ),
    ),
  );
const date = z.iso.date({ message: 'field.invalid_date' }).check(
  z.superRefine((value: string, ctx) => {
    if (isDateInRange(value)) return;
    ctx.issues.push({
      code: 'custom',
      message: 'field.date_out_of_range',
      input: value,
      params: { ...dateRange() },
    });
  }),
);
const hhmm = z
  .string()
  .check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, { message: 'field.invalid_time' }));
const adcode = z.string().check(z.regex(/^\d{6}$/, { message: 'field.adcode' }));
const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9.\-_:]{0,79}$/, { message: 'field.invalid_format' }));
export const ulid = z
  .string()
  .check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'field.invalid_format' }));
const whole = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
export const timeOf = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const window = z.strictObject({ date, start: hhmm, end: hhmm });
const breakWindow = z.strictObject({ date: z.optional(date), start: hhmm, end: hhmm });
const venue = z.strictObject({
  name: text(100),
  address: text(200),
  tables: whole(1, EVENT_LIMITS.maxTables),
});
/** A link with `{table}` where the table's (room's) number goes, e.g. https://meeting.tencent.com/…/{table}. */
const linkPattern = z.string().check(
  z.maxLength(300),
  z.regex(/^https:\/\/[^\s<>"']+$/, { message: 'field.link_pattern' }),
  z.refine((value) => value.includes('{table}'), { message: 'field.link_pattern' }),
);

function checkWindows(
  value: { start: string; end: string }[] | undefined,
  field: string,
  ctx: z.core.$RefinementCtx<unknown>,
) {
  value?.forEach((w, i) => {
    if (minutesOf(w.end) <= minutesOf(w.start)) {
      ctx.issues.push({ code: 'custom', message: 'field.time_order', input: w, path: [field, i, 'end'] });
    }
  });
}

const eventFields = {
  title: text(100),
  kind: z.enum(EVENT_KINDS),
  categories: z.array(slug).check(z.maxLength(EVENT_LIMITS.maxCategories)),
  /** The region the event serves (and the organizer's jurisdiction must hold). */
  region: adcode,
  mode: z.enum(EVENT_MODES),
  venue: z.optional(venue),
  /** Online (and hybrid without a venue): how many video rooms run side by side. */
  rooms: z.optional(whole(1, EVENT_LIMITS.maxRooms)),
  days: z.array(window).check(z.minLength(1), z.maxLength(EVENT_LIMITS.maxDays)),
  meetingMinutes: whole(EVENT_LIMITS.minMeetingMinutes, EVENT_LIMITS.maxMeetingMinutes),
  /** Pause between two meetings (table change). */
  bufferMinutes: z.optional(whole(0, EVENT_LIMITS.maxBufferMinutes)),
  breaks: z.optional(z.array(breakWindow).check(z.maxLength(EVENT_LIMITS.maxBreaks))),
  registrationDeadline: date,
  /** Matches of the round lapse unanswered at this date (default: the day before the event). */
  responseDeadline: z.optional(date),
  capacity: whole(2, EVENT_LIMITS.maxCapacity),
  videoLinkPattern: z.optional(linkPattern),
  description: z.optional(text(2000, 0)),
};

type EventShape = {
  mode?: EventMode;
  venue?: unknown;
  videoLinkPattern?: unknown;
  days?: { date: string; start: string; end: string }[];
  breaks?: { start: string; end: string }[];
  registrationDeadline?: string;
};

/** Rules across fields: a venue for venue events, a link for online ones, days in order, hours in order. */
function eventRules(value: EventShape, ctx: z.core.$RefinementCtx<unknown>, partial: boolean) {
  if (!partial || value.mode !== undefined) {
    if ((value.mode === 'venue' || value.mode === 'hybrid') && value.venue === undefined && !partial) {
      ctx.issues.push({ code: 'custom', message: 'field.required', input: value, path: ['venue'] });
    }
    if (
      (value.mode === 'online' || value.mode === 'hybrid') &&
      value.videoLinkPattern === undefined &&
      !partial
    ) {
      ctx.issues.push({
        code: 'custom',
        message: 'field.required',
        input: value,
        path: ['videoLinkPattern'],
      });
    }
  }
  checkWindows(value.days, 'days', ctx);
  checkWindows(value.breaks, 'breaks', ctx);
  const dates = (value.days ?? []).map((d) => d.date);
  dates.forEach((d, i) => {
    if (i > 0 && d <= dates[i - 1]!) {
      ctx.issues.push({ code: 'custom', message: 'field.date_order', input: d, path: ['days', i, 'date'] });
    }
  });
  if (value.registrationDeadline && dates[0] && value.registrationDeadline > dates[0]) {
    ctx.issues.push({
      code: 'custom',
      message: 'field.deadline_after_event',
      input: value.registrationDeadline,
      path: ['registrationDeadline'],
    });
  }
}

export const eventInput = z
  .strictObject(eventFields)
  .check(z.superRefine((value, ctx) => eventRules(value as EventShape, ctx, false)));
export type EventInput = z.output<typeof eventInput>;

/** Changes to an event (any of its fields; the API checks the result as a whole). */
export const eventPatch = z
  .partial(z.strictObject(eventFields))
  .check(z.superRefine((value, ctx) => eventRules(value as EventShape, ctx, true)));
export type EventPatch = z.output<typeof eventPatch>;

/** The next event of a series: the same event on new dates. */
export const copyEventInput = z
  .strictObject({
    days: z.array(window).check(z.minLength(1), z.maxLength(EVENT_LIMITS.maxDays)),
    registrationDeadline: date,
    title: z.optional(text(100)),
  })
  .check(z.superRefine((value, ctx) => eventRules(value as EventShape, ctx, true)));

export const registrationInput = z
  .strictObject({
    /** Open listings of the organisation to enroll (their kind and category must fit the event). */
    listingIds: z.array(ulid).check(z.minLength(1), z.maxLength(EVENT_LIMITS.maxListingsPerRegistration)),
    /** Which of the event's hours it can attend; empty or absent: all of them. */
    availability: z.optional(z.array(window).check(z.maxLength(EVENT_LIMITS.maxAvailabilityWindows))),
    people: whole(1, EVENT_LIMITS.maxPeople),
    /** Organizers only: register this organisation on its behalf (it may not have signed up yet). */
    orgId: z.optional(ulid),
  })
  .check(
    z.superRefine((value, ctx) => {
      checkWindows(value.availability, 'availability', ctx);
      if (new Set(value.listingIds).size !== value.listingIds.length) {
        ctx.issues.push({ code: 'custom', message: 'field.duplicate', input: value, path: ['listingIds'] });
      }
    }),
  );
export type RegistrationInput = z.output<typeof registrationInput>;

export const refuseInput = z.strictObject({ reason: text(500) });
export const emptyInput = z.strictObject({});

export const meetingRequestInput = z.strictObject({
  toOrgId: ulid,
  note: z.optional(text(EVENT_LIMITS.maxNoteLength)),
});

export const pinInput = z.strictObject({
  slot: whole(0, EVENT_LIMITS.maxSlots - 1),
  /** Table (or video room) number, from 1; absent: any free table in that slot. */
  table: z.optional(whole(1, EVENT_LIMITS.maxTables)),
});

// ── the slot grid ──────────────────────────────────────────────────────────────────────────────

export interface Slot {
  index: number;
  date: string;
  /** Local time HH:MM. */
  start: string;
  end: string;
}

export interface SlotGridInput {
  days: readonly { date: string; start: string; end: string }[];
  meetingMinutes: number;
  bufferMinutes?: number;
  breaks?: readonly { date?: string; start: string; end: string }[];
}

/**
 * The event's hours cut into meeting slots: each day from its start, a meeting every
 * meetingMinutes + bufferMinutes, skipping any slot that overlaps a break (a break without a date
 * applies every day; the next slot starts when the break ends). At most `maxSlots` slots.
 */
export function slotGrid(event: SlotGridInput): Slot[] {
  const slots: Slot[] = [];
  const step = event.meetingMinutes + (event.bufferMinutes ?? 0);
  for (const day of event.days) {
    const breaks = (event.breaks ?? [])
      .filter((b) => b.date === undefined || b.date === day.date)
      .map((b) => [minutesOf(b.start), minutesOf(b.end)] as const);
    let t = minutesOf(day.start);
    const end = minutesOf(day.end);
    while (t + event.meetingMinutes <= end && slots.length < EVENT_LIMITS.maxSlots) {
      const clash = breaks.find(([bs, be]) => t < be && t + event.meetingMinutes > bs);
      if (clash) {
        t = Math.max(t + 1, clash[1]);
        continue;
      }
      slots.push({
        index: slots.length,
        date: day.date,
        start: timeOf(t),
        end: timeOf(t + event.meetingMinutes),
      });
      t += step;
    }
  }
  return slots;
}

/** The slots a participant can attend: those wholly inside one of its windows (none given: all). */
export function availableSlots(
  slots: readonly Slot[],
  windows: readonly { date: string; start: string; end: string }[] | undefined,
): number[] {
  if (!windows || windows.length === 0) return slots.map((s) => s.index);
  return slots
    .filter((s) =>
      windows.some(
        (w) =>
          w.date === s.date &&
          minutesOf(w.start) <= minutesOf(s.start) &&
          minutesOf(s.end) <= minutesOf(w.end),
      ),
    )
    .map((s) => s.index);
}

/** Tables (venue) or video rooms (online) that run side by side. */
export function tablesOf(event: { mode: EventMode; venue?: { tables: number }; rooms?: number }): number {
  if (event.mode !== 'online' && event.venue) return event.venue.tables;
  return event.rooms ?? EVENT_LIMITS.defaultRooms;
}

/** The video link of a table (room): the event's pattern with `{table}` filled in. */
export function videoLinkFor(pattern: string | undefined, table: number): string | undefined {
  return pattern?.replaceAll('{table}', String(table));
}

/** Slot start as an instant (Asia/Shanghai is UTC+8 all year). */
export function slotInstant(date: string, time: string): Date {
  return new Date(Date.parse(`${date}T00:00:00+08:00`) + minutesOf(time) * 60_000);
}

// ── permission predicates ─────────────────────────────────────────────────────────────────────

/** Organizers manage events whose region lies in the jurisdiction they oversee ('' = everywhere). */
export function managesEvent(viewer: { oversees?: string }, event: { region: string }): boolean {
  if (viewer.oversees === undefined) return false;
  // A province 350000 is the prefix 35, a city 350100 is 3501 (adcodes nest).
  const prefix = event.region.endsWith('0000')
    ? event.region.slice(0, 2)
    : event.region.endsWith('00')
      ? event.region.slice(0, 4)
      : event.region;
  return prefix.startsWith(viewer.oversees);
}

/** A published event takes applications until its deadline (the whole of that day, Beijing time). */
export function registrationOpen(
  event: { status: EventStatus; registrationDeadline: string },
  now: Date,
): boolean {
  return event.status === 'published' && now < slotInstant(event.registrationDeadline, '24:00');
}

// ── response shapes ───────────────────────────────────────────────────────────────────────────

export interface EventDay {
  date: string;
  start: string;
  end: string;
}

export interface EventView extends EventInput {
  id: string;
  organizerOrgId: string;
  organizerName: string;
  /** Events copied from one another share a series (the first event's id). */
  seriesId: string;
  status: EventStatus;
  registrationCount: number;
  approvedCount: number;
  /** The matching round's runs (one per family: goods, labour). */
  runIds?: string[];
  runId?: string;
  scheduleStatus?: ScheduleStatus;
  /** The slot grid, for availability pickers and timetables. */
  slots: Slot[];
  tables: number;
  createdAt: string;
  updatedAt: string;
  /** What this viewer may do now. */
  actions: string[];
}

export interface RegistrationView {
  id: string;
  eventId: string;
  eventTitle: string;
  eventStartDate: string;
  orgId: string;
  orgName: string;
  status: RegistrationStatus;
  listingIds: string[];
  listings: { id: string; kind: string; item: string; quantity: number; unit: string }[];
  availability: { date: string; start: string; end: string }[];
  people: number;
  reason?: string;
  /** Registered by an organizer on the organisation's behalf. */
  onBehalf?: boolean;
  /** The organisation was imported by an organizer and has not signed up yet. */
  invited?: boolean;
  createdAt: string;
  updatedAt: string;
  actions: string[];
}

export interface MeetingRequestView {
  id: string;
  eventId: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  status: MeetingRequestStatus;
  note?: string;
  expiresAt: string;
  createdAt: string;
  actions: string[];
}

export interface MeetingView {
  id: string;
  eventId: string;
  offerOrgId: string;
  offerOrgName: string;
  needOrgId: string;
  needOrgName: string;
  matchIds: string[];
  requestIds: string[];
  status: MeetingStatus;
  slot: number;
  table: number;
  date: string;
  start: string;
  end: string;
  videoLink?: string;
  pinned: boolean;
}

export interface ScheduleView {
  eventId: string;
  status: ScheduleStatus;
  meetings: MeetingView[];
  unplaced: { meetingId: string; offerOrgName: string; needOrgName: string; reason: string }[];
  slots: Slot[];
  tables: number;
  slotsUsed: number;
  lowerBound: number;
  bipartite: boolean;
  gapReasons: string[];
  generatedAt: string;
  publishedAt?: string;
  actions: string[];
}

export interface AgendaItemView {
  meetingId: string;
  slot: number;
  date: string;
  start: string;
  end: string;
  table: number;
  videoLink?: string;
  counterpartOrgId: string;
  counterpartName: string;
  /** What was matched between the two, with the reasons. */
  matches: {
    id: string;
    kind: string;
    offerItem: string;
    needItem: string;
    quantity: number;
    unit: string;
    distanceKm: number;
    reasons: { code: string; [detail: string]: unknown }[];
  }[];
  requested: boolean;
  /** The live day (issue 10): the meeting's state, and where it was before a repair moved it. */
  status?: MeetingStatus;
  movedFrom?: { slot: number; table: number; start: string };
}
