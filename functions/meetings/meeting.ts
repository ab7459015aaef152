import type { MeetingStatus } from '../contract/events.ts';
import { derivedId } from '../shared/ids.ts';
import { defineLifecycle } from '../shared/lifecycle.ts';

/**
 * A one-to-one meeting at an event: ONE per pair of organisations that have an accepted match or
 * an accepted meeting request (several matched listings of the same two share it), with a slot and
 * a table (or video room). A generated schedule's meetings are drafts; publishing the schedule makes
 * them scheduled; replanning (a pin, a regeneration) makes them drafts again until republished; a
 * meeting whose pair no longer has a reason to meet is cancelled.
 */
/** `organizer`: one managing the event; `system`: the scheduler. */
export type MeetingRole = 'organizer' | 'system';

export const meetingLifecycle = defineLifecycle({
  name: 'meeting',
  label: { zh: '洽谈', en: 'meeting' },
  initial: 'draft',
  states: ['draft', 'scheduled', 'cancelled', 'under_way', 'done', 'no_show'],
  stateLabels: {
    draft: { zh: '待发布', en: 'not yet published' },
    scheduled: { zh: '已排定', en: 'scheduled' },
    cancelled: { zh: '已取消', en: 'cancelled' },
    under_way: { zh: '进行中', en: 'under way' },
    done: { zh: '已完成', en: 'done' },
    no_show: { zh: '缺席', en: 'no-show' },
  },
  transitions: {
    publish: { from: ['draft'], to: 'scheduled', by: ['organizer'], label: { zh: '发布', en: 'publish' } },
    replan: {
      from: ['draft', 'scheduled', 'cancelled'],
      to: 'draft',
      by: ['organizer', 'system'],
      label: { zh: '重新排程', en: 'reschedule' },
    },
    cancel: {
      from: ['draft', 'scheduled'],
      to: 'cancelled',
      by: ['organizer', 'system'],
      label: { zh: '取消', en: 'cancel' },
    },
    // The live day (issue 10): a published meeting starts, ends, or one side does not come.
    start: { from: ['scheduled'], to: 'under_way', by: ['organizer'], label: { zh: '开始', en: 'start' } },
    finish: { from: ['under_way'], to: 'done', by: ['organizer'], label: { zh: '结束', en: 'finish' } },
    noShow: {
      from: ['scheduled'],
      to: 'no_show',
      by: ['organizer'],
      label: { zh: '记为缺席', en: 'mark no-show' },
    },
  },
  terminal: [],
});
export type MeetingAction = keyof typeof meetingLifecycle.transitions;

export interface Meeting {
  id: string;
  eventId: string;
  /** The offering side (supplier, labour lender) and the needing side. */
  offerOrgId: string;
  offerOrgName: string;
  needOrgId: string;
  needOrgName: string;
  matchIds: string[];
  requestIds: string[];
  status: MeetingStatus;
  /** Slot index from 0; -1 while unplaced. */
  slot: number;
  /** Table (video room) number from 1; 0 while unplaced. */
  table: number;
  pinned: boolean;
  unplacedReason?: string;
  /** Where it was before the live day's last repair moved it (slot, table), for agendas. */
  movedFrom?: { slot: number; table: number; at: string };
  updatedAt: string;
  version: number;
}

/**
 * A meeting that is on the day's schedule: published and still to come, under way, or done (not a
 * draft, a cancelled one or a no-show). It holds its cell, stays on agendas, counts as the pair
 * having met, and a deal may be recorded after it.
 */
export function isHeld(meeting: Pick<Meeting, 'status'>): boolean {
  return meeting.status === 'scheduled' || meeting.status === 'under_way' || meeting.status === 'done';
}

/** One meeting per unordered pair of organisations at an event. */
export function meetingIdFor(eventId: string, orgA: string, orgB: string): string {
  const [x, y] = orgA < orgB ? [orgA, orgB] : [orgB, orgA];
  return derivedId(eventId, `meeting:${x}:${y}`);
}

/** The schedule's own record: its state and the scheduler's figures. */
export interface Schedule {
  eventId: string;
  status: 'draft' | 'published';
  slotsUsed: number;
  lowerBound: number;
  bipartite: boolean;
  gapReasons: string[];
  meetingCount: number;
  unplacedCount: number;
  generatedAt: string;
  publishedAt?: string;
  version: number;
  /** Bumped by every live-day command that changes meetings: two at once cannot both repair. */
  liveVersion?: number;
}
