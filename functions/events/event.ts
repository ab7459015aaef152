import type { EventInput, EventStatus, ScheduleStatus } from '../contract/events.ts';
import { defineLifecycle } from '../shared/lifecycle.ts';

/**
 * A matchmaking event (产销对接会): organised by a department within its jurisdiction, a draft until
 * published, then open for registration until its deadline; closed after the day, or cancelled.
 * Its capacity counter (`approvedCount`) lives on the event item itself, so approving a
 * registration is one transaction conditioned on `approvedCount < capacity`.
 */
/** Who may move an event: an `organizer` managing it (jurisdiction), the `system`. */
export type EventRole = 'organizer' | 'system';

const EDIT = { zh: '修改', en: 'edit' };

export const eventLifecycle = defineLifecycle({
  name: 'event',
  label: { zh: '对接会', en: 'event' },
  initial: 'draft',
  states: ['draft', 'published', 'closed', 'cancelled'],
  stateLabels: {
    draft: { zh: '草稿', en: 'a draft' },
    published: { zh: '已发布', en: 'published' },
    closed: { zh: '已结束', en: 'closed' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  transitions: {
    edit: { from: ['draft'], to: 'draft', by: ['organizer'], label: EDIT },
    amend: { from: ['published'], to: 'published', by: ['organizer'], label: EDIT },
    publish: { from: ['draft'], to: 'published', by: ['organizer'], label: { zh: '发布', en: 'publish' } },
    round: {
      from: ['published'],
      to: 'published',
      by: ['organizer'],
      label: { zh: '开始撮合', en: 'run the matching round' },
    },
    schedule: {
      from: ['published'],
      to: 'published',
      by: ['organizer'],
      label: { zh: '编排洽谈日程', en: 'schedule the meetings' },
    },
    close: {
      from: ['published'],
      to: 'closed',
      by: ['organizer', 'system'],
      label: { zh: '结束', en: 'close' },
    },
    cancel: {
      from: ['draft', 'published'],
      to: 'cancelled',
      by: ['organizer'],
      label: { zh: '取消', en: 'cancel' },
    },
  },
  terminal: ['closed', 'cancelled'],
});
export type EventAction = keyof typeof eventLifecycle.transitions;

export interface MatchEvent extends EventInput {
  id: string;
  organizerOrgId: string;
  organizerName: string;
  seriesId: string;
  status: EventStatus;
  /** First day (YYYY-MM-DD): the events-by-month indexes sort on it. */
  startDate: string;
  registrationCount: number;
  approvedCount: number;
  runIds?: string[];
  scheduleStatus?: ScheduleStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
