import type { RegistrationStatus } from '../contract/events.ts';
import { derivedId } from '../shared/ids.ts';
import { defineLifecycle } from '../shared/lifecycle.ts';

/**
 * An organisation's registration for an event: the listings it enrolls, when it can attend, how
 * many people come. One per organisation and event (the id is derived from the pair). The
 * organizer approves (within capacity) or refuses with a reason; the organisation may withdraw,
 * and apply again after a refusal or a withdrawal.
 */
/** `participant`: a member of the registered organisation; `organizer`: one managing the event. */
export type RegistrationRole = 'participant' | 'organizer';

export const registrationLifecycle = defineLifecycle({
  name: 'registration',
  label: { zh: '报名', en: 'registration' },
  initial: 'applied',
  states: ['applied', 'approved', 'refused', 'withdrawn'],
  stateLabels: {
    applied: { zh: '待审核', en: 'awaiting approval' },
    approved: { zh: '已通过', en: 'approved' },
    refused: { zh: '未通过', en: 'refused' },
    withdrawn: { zh: '已撤回', en: 'withdrawn' },
  },
  transitions: {
    approve: { from: ['applied'], to: 'approved', by: ['organizer'], label: { zh: '通过', en: 'approve' } },
    refuse: {
      from: ['applied', 'approved'],
      to: 'refused',
      by: ['organizer'],
      label: { zh: '拒绝', en: 'refuse' },
    },
    withdraw: {
      from: ['applied', 'approved'],
      to: 'withdrawn',
      by: ['participant', 'organizer'],
      label: { zh: '撤回', en: 'withdraw' },
    },
    reapply: {
      from: ['refused', 'withdrawn'],
      to: 'applied',
      by: ['participant', 'organizer'],
      label: { zh: '重新报名', en: 'apply again' },
    },
  },
  terminal: [],
});
export type RegistrationAction = keyof typeof registrationLifecycle.transitions;

export interface EnrolledListing {
  id: string;
  kind: string;
  /** Spec or skill. */
  item: string;
  quantity: number;
  unit: string;
}

export interface Registration {
  id: string;
  eventId: string;
  /** Denormalised for the organisation's list of its events. */
  eventTitle: string;
  eventStartDate: string;
  orgId: string;
  orgName: string;
  status: RegistrationStatus;
  listingIds: string[];
  listings: EnrolledListing[];
  availability: { date: string; start: string; end: string }[];
  people: number;
  reason?: string;
  /** The organizer's organisation, when it registered the firm on its behalf. */
  registeredByOrgId?: string;
  invited?: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function registrationIdFor(eventId: string, orgId: string): string {
  return derivedId(eventId, `registration:${orgId}`);
}
