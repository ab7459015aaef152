/**
 * The live day's records (issue 10): check-ins, check-in and dashboard tokens, and the log of live
 * changes (what the repair moved). Meetings keep their own lifecycle (`functions/meetings/meeting.ts`).
 */

export interface CheckIn {
  eventId: string;
  orgId: string;
  orgName: string;
  via: 'name' | 'qr';
  at: string;
  byUserId: string;
}

export interface CheckInToken {
  token: string;
  eventId: string;
  orgId: string;
  orgName: string;
}

export interface LiveChange {
  id: string;
  eventId: string;
  kind: 'check_in' | 'no_show' | 'meeting_state' | 'add_meeting' | 'move_meeting';
  at: string;
  byUserId: string;
  orgName?: string;
  meetingId?: string;
  moved: {
    meetingId: string;
    offerOrgName: string;
    needOrgName: string;
    from: { slot: number; table: number };
    to: { slot: number; table: number };
  }[];
  unplaced: { meetingId: string; reason: string }[];
}
