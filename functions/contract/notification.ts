/** An entry in an organisation's inbox: something happened to one of its matches. */
export interface MatchNotification {
  id: string;
  orgId: string;
  matchId: string;
  /**
   * proposed · revised (a run's optimum replaced it) · accepted · confirmed · declined · expired ·
   * cancelled · acceptance_voided (a listing's terms changed after an acceptance)
   */
  event: string;
  /** acceptance_voided: the material fields that changed, and whose listing changed them. */
  changedFields?: string[];
  changedSide?: 'offer' | 'need';
  /** The listing of the receiving organisation that the match concerns. */
  listingId: string;
  counterpartOrgName: string;
  quantity: number;
  unit: string;
  /** The spec or skill of the receiving side's listing (entries written before it have none). */
  item?: string;
  /** The organisation whose user made the change (none: the system — a matcher, a run, the sweep). */
  actorOrgId?: string;
  at: string;
}

/** A meeting's place in an event's day: its slot, table (or video room) and time. */
export interface MeetingCell {
  slot: number;
  table: number;
  date: string;
  start: string;
  end: string;
}

/**
 * An entry in an organisation's inbox: on the live day, the repair moved one of its meetings (after
 * a no-show, or a meeting added or moved). Written in the transaction that moves the meeting.
 */
export interface MeetingMovedNotification {
  id: string;
  orgId: string;
  event: 'meeting_moved';
  eventId: string;
  eventTitle: string;
  meetingId: string;
  counterpartOrgName: string;
  from: MeetingCell;
  to: MeetingCell;
  at: string;
}

export type Notification = MatchNotification | MeetingMovedNotification;

export const isMeetingMoved = (n: { event: string }): n is MeetingMovedNotification =>
  n.event === 'meeting_moved';
