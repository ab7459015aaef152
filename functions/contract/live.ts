import * as z from 'zod/mini';
import { type Slot, slotInstant } from './events.ts';

/**
 * The live day of a matchmaking event (issue 10): the browser-safe contract shared by the API and the
 * web. Request schemas, the clock → slot rule, and the response shapes of the organizer's console and
 * the public big-screen dashboard. Pure: no AWS SDK, no Hono.
 */

/** Check-in and dashboard tokens: 24 random bytes as base64url (unguessable, URL-safe). */
export const LIVE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;
export const liveToken = z.string().check(z.regex(LIVE_TOKEN_PATTERN, { message: 'field.invalid_format' }));
const ulid = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'field.invalid_format' }));

/**
 * Check in an organisation: by its id (the organizer picked the name) or by the token of the QR code
 * on its agenda / table card (scanned, or the scanned URL pasted: the token is taken from it).
 */
export const checkInInput = z.union([
  z.strictObject({ orgId: ulid }),
  z.strictObject({ token: z.string().check(z.minLength(1), z.maxLength(500)) }),
]);
export type CheckInInput = z.infer<typeof checkInInput>;

export const noShowInput = z.strictObject({ orgId: ulid });

const slotIndex = z.int().check(z.gte(0), z.lte(499));
const tableNumber = z.int().check(z.gte(1), z.lte(1000));

/** Add a meeting between two participants during the day (optionally at a slot/table chosen by hand). */
export const addMeetingInput = z.strictObject({
  offerOrgId: ulid,
  needOrgId: ulid,
  slot: z.optional(slotIndex),
  table: z.optional(tableNumber),
});
export type AddMeetingInput = z.infer<typeof addMeetingInput>;

/** Move a meeting by hand to a slot (and table); the rest is repaired around it. */
export const moveMeetingInput = z.strictObject({ slot: slotIndex, table: z.optional(tableNumber) });

/** The token in a scanned text: the token itself or any URL ending in `/checkin/<token>`. */
export function tokenFromScan(text: string): string | undefined {
  const trimmed = text.trim();
  if (LIVE_TOKEN_PATTERN.test(trimmed)) return trimmed;
  const match = /\/checkin\/([A-Za-z0-9_-]{32})(?:[/?#].*)?$/.exec(trimmed);
  return match?.[1];
}

/**
 * Where the day stands at `now`: the slot under way (if any), the next slot to start, and the first
 * slot that is still open for placing meetings (one that has not started).
 */
export function dayClock(
  slots: readonly Slot[],
  now: Date,
): { current: number | null; next: number | null; firstOpenSlot: number } {
  let current: number | null = null;
  let next: number | null = null;
  for (const s of slots) {
    const start = slotInstant(s.date, s.start).getTime();
    const end = slotInstant(s.date, s.end).getTime();
    if (start <= now.getTime() && now.getTime() < end) current = s.index;
    if (next === null && start > now.getTime()) next = s.index;
  }
  return { current, next, firstOpenSlot: next ?? slots.length };
}

export interface MovedMeetingView {
  meetingId: string;
  offerOrgName: string;
  needOrgName: string;
  from: { slot: number; table: number };
  to: { slot: number; table: number };
}

export interface LiveChangeView {
  id: string;
  kind: 'check_in' | 'no_show' | 'meeting_state' | 'add_meeting' | 'move_meeting';
  at: string;
  orgName?: string;
  meetingId?: string;
  moved: MovedMeetingView[];
  unplaced: { meetingId: string; reason: string }[];
}

export interface LiveParticipantView {
  orgId: string;
  orgName: string;
  checkedInAt?: string;
  noShow: boolean;
  /** The URL of its check-in QR code (organizers only). */
  checkInUrl: string;
}

export interface LiveMeetingView {
  id: string;
  offerOrgId: string;
  offerOrgName: string;
  needOrgId: string;
  needOrgName: string;
  status: string;
  slot: number;
  table: number;
  start: string;
  end: string;
  movedFrom?: { slot: number; table: number };
  actions: string[];
}

export interface LiveConsoleView {
  eventId: string;
  title: string;
  /** The server's clock: the page shows the day as the API sees it (and tests can move it). */
  now: string;
  slots: Slot[];
  tables: number;
  current: number | null;
  next: number | null;
  firstOpenSlot: number;
  participants: LiveParticipantView[];
  meetings: LiveMeetingView[];
  changes: LiveChangeView[];
  /** The public big-screen dashboard's path (unguessable token). */
  dashboardPath: string;
}

/**
 * What a scanned check-in code is, for the page its URL opens: an organizer of the event sees whose
 * code it is and whether it has checked in (then checks it in with one tap); anyone else is refused.
 */
export interface CheckInLookupView {
  eventId: string;
  eventTitle: string;
  orgId: string;
  orgName: string;
  checkedInAt?: string;
}

/** The result of a live command: what changed and which meetings the repair moved. */
export interface LiveCommandResult {
  change: LiveChangeView;
}

/** The public big-screen snapshot: counts and values only — no contacts, no prices. */
export interface DashboardSnapshot {
  title: string;
  date: string;
  participants: number;
  checkedIn: number;
  meetingsHeld: number;
  meetingsUnderWay: number;
  meetingsScheduled: number;
  deals: number;
  intents: number;
  /** Value of confirmed contracts, in fen (exact integer). */
  valueFen: number;
  byCategory: { category: string; name: { zh: string; en: string }; deals: number; valueFen: number }[];
  byRegion: { adcode: string; name: string; deals: number; valueFen: number }[];
  /** Where signed supply comes from: region centre points. */
  supplyPoints: { adcode: string; name: string; lat: number; lng: number; valueFen: number }[];
  current: number | null;
  next: number | null;
  nextStart?: string;
  /** The local server offers a push stream (SSE); in AWS the client polls with If-None-Match. */
  stream?: string;
}
