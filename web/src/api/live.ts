import type {
  AddMeetingInput,
  CheckInLookupView,
  LiveCommandResult,
  LiveConsoleView,
  LiveMeetingView,
} from '../../../functions/contract/live.ts';
import { api } from './client.ts';

/**
 * The live day of a matchmaking event (issue 10): the organizer's console (the day as the server's
 * clock sees it), check-in by name or by the QR code's token, meetings under way / done / no-show,
 * meetings added or moved; each change answers with what the repair moved.
 */

export type { CheckInLookupView, LiveCommandResult, LiveConsoleView, LiveMeetingView };

const live = (eventId: string, rest = '') => `/events/${encodeURIComponent(eventId)}/live${rest}`;

export const fetchLiveConsole = (eventId: string): Promise<LiveConsoleView> =>
  api.get<LiveConsoleView>(live(eventId));

export interface CheckInResult {
  orgId: string;
  orgName: string;
  checkedInAt: string;
  already: boolean;
}

/** By the organisation (picked by name) or by a scanned code (its URL or bare token). */
export const checkIn = (eventId: string, by: { orgId: string } | { token: string }): Promise<CheckInResult> =>
  api.post<CheckInResult>(live(eventId, '/check-ins'), by);

/** Whose check-in code this is (the event's organizers only: 403 for anyone else). */
export const lookUpCheckIn = (token: string): Promise<CheckInLookupView> =>
  api.get<CheckInLookupView>(`/live/check-ins/${encodeURIComponent(token)}`);

export const markOrgNoShow = (eventId: string, orgId: string): Promise<LiveCommandResult> =>
  api.post<LiveCommandResult>(live(eventId, '/no-shows'), { orgId });

/** The meeting actions the API offers (`actions` on each meeting) and their paths. */
export const MEETING_ACTION_PATHS = { start: 'start', finish: 'finish', noShow: 'no-show' } as const;
export type LiveMeetingAction = keyof typeof MEETING_ACTION_PATHS;

export const moveMeetingState = (
  eventId: string,
  meetingId: string,
  action: LiveMeetingAction,
): Promise<LiveCommandResult> =>
  api.post<LiveCommandResult>(
    live(eventId, `/meetings/${encodeURIComponent(meetingId)}/${MEETING_ACTION_PATHS[action]}`),
    {},
  );

export const addLiveMeeting = (
  eventId: string,
  input: AddMeetingInput,
): Promise<LiveCommandResult & { meetingId: string }> =>
  api.post<LiveCommandResult & { meetingId: string }>(live(eventId, '/meetings'), input);

export const moveLiveMeeting = (
  eventId: string,
  meetingId: string,
  to: { slot: number; table?: number },
): Promise<LiveCommandResult> =>
  api.post<LiveCommandResult>(live(eventId, `/meetings/${encodeURIComponent(meetingId)}/move`), to);
