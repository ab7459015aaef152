import type { MeetingRequestStatus } from '../contract/events.ts';
import { derivedId } from '../shared/ids.ts';
import { defineLifecycle } from '../shared/lifecycle.ts';

/**
 * A participant asks another participant of the same event for a meeting. The other side accepts
 * or declines; unanswered, the request lapses (so it never holds a slot). One request per ordered
 * pair: after a decline, a lapse or a cancellation the asker may ask again.
 */
/** `asker`: the organisation that asked; `asked`: the one asked; `system`: expiry. */
export type MeetingRequestRole = 'asker' | 'asked' | 'system';

export const meetingRequestLifecycle = defineLifecycle({
  name: 'meeting request',
  label: { zh: '洽谈邀约', en: 'meeting request' },
  initial: 'requested',
  states: ['requested', 'accepted', 'declined', 'expired', 'cancelled'],
  stateLabels: {
    requested: { zh: '待回复', en: 'awaiting an answer' },
    accepted: { zh: '已接受', en: 'accepted' },
    declined: { zh: '已拒绝', en: 'declined' },
    expired: { zh: '已过期', en: 'expired' },
    cancelled: { zh: '已撤销', en: 'cancelled' },
  },
  transitions: {
    accept: { from: ['requested'], to: 'accepted', by: ['asked'], label: { zh: '接受', en: 'accept' } },
    decline: { from: ['requested'], to: 'declined', by: ['asked'], label: { zh: '拒绝', en: 'decline' } },
    cancel: {
      from: ['requested', 'accepted'],
      to: 'cancelled',
      by: ['asker'],
      label: { zh: '撤销', en: 'cancel' },
    },
    expire: { from: ['requested'], to: 'expired', by: ['system'], label: { zh: '到期失效', en: 'expire' } },
    renew: {
      from: ['declined', 'expired', 'cancelled'],
      to: 'requested',
      by: ['asker'],
      label: { zh: '再次邀约', en: 'ask again' },
    },
  },
  terminal: ['accepted'],
});
export type MeetingRequestAction = keyof typeof meetingRequestLifecycle.transitions;

export interface MeetingRequest {
  id: string;
  eventId: string;
  fromOrgId: string;
  fromOrgName: string;
  toOrgId: string;
  toOrgName: string;
  status: MeetingRequestStatus;
  note?: string;
  expiresAt: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function meetingRequestIdFor(eventId: string, fromOrgId: string, toOrgId: string): string {
  return derivedId(eventId, `meeting-request:${fromOrgId}:${toOrgId}`);
}

/** An unanswered request past its expiry: nobody can accept it any more. */
export function hasLapsed(request: Pick<MeetingRequest, 'status' | 'expiresAt'>, now: string): boolean {
  return request.status === 'requested' && request.expiresAt <= now;
}
