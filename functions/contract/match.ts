import { availableActions, defineLifecycle } from './lifecycle.ts';
import type { Acceptance, VoidedAcceptance } from './match-terms.ts';
import { isAdmin, isOrganizer, type Principal } from './principal.ts';

/**
 * A match (撮合): a proposed pairing of one offer (a supply or a labour offer) with one need (a
 * demand or a labour request), with a quantity. Both sides accept; the second acceptance confirms
 * it, reserving the quantity on both listings in one transaction. There is at most one match per
 * pair of listings (its id is derived from the pair), so proposing twice creates nothing twice.
 */
/** Who may move a match: its `offer` side, its `need` side, or the `system` (expiry). */
export type MatchRole = 'offer' | 'need' | 'system';

const ACCEPT = { zh: '接受', en: 'accept' };
const CONFIRM = { zh: '确认', en: 'confirm' };

export const matchLifecycle = defineLifecycle({
  name: 'match',
  label: { zh: '撮合', en: 'match' },
  initial: 'proposed',
  states: [
    'proposed',
    'accepted_by_offer',
    'accepted_by_need',
    'confirmed',
    'declined',
    'expired',
    'cancelled',
  ],
  stateLabels: {
    proposed: { zh: '待双方接受', en: 'awaiting both sides' },
    accepted_by_offer: { zh: '供方已接受', en: 'accepted by the offering side' },
    accepted_by_need: { zh: '需方已接受', en: 'accepted by the needing side' },
    confirmed: { zh: '已确认成交', en: 'confirmed' },
    declined: { zh: '已拒绝', en: 'declined' },
    expired: { zh: '已过期', en: 'expired' },
    cancelled: { zh: '已取消', en: 'cancelled' },
  },
  transitions: {
    offerAccepts: { from: ['proposed'], to: 'accepted_by_offer', by: ['offer'], label: ACCEPT },
    needAccepts: { from: ['proposed'], to: 'accepted_by_need', by: ['need'], label: ACCEPT },
    offerConfirms: { from: ['accepted_by_need'], to: 'confirmed', by: ['offer'], label: CONFIRM },
    needConfirms: { from: ['accepted_by_offer'], to: 'confirmed', by: ['need'], label: CONFIRM },
    decline: {
      from: ['proposed', 'accepted_by_offer', 'accepted_by_need'],
      to: 'declined',
      by: ['offer', 'need'],
      label: { zh: '拒绝', en: 'decline' },
    },
    expire: {
      from: ['proposed', 'accepted_by_offer', 'accepted_by_need'],
      to: 'expired',
      by: ['system'],
      label: { zh: '到期失效', en: 'expire' },
    },
    /**
     * A material change to either listing (its product, quantity, price, place or window) voids the
     * acceptances given on the earlier terms: the match waits for both sides again.
     */
    voidAcceptance: {
      from: ['accepted_by_offer', 'accepted_by_need'],
      to: 'proposed',
      by: ['system'],
      label: { zh: '条款变更，接受作废', en: 'void the acceptance (terms changed)' },
    },
    cancel: {
      from: ['confirmed'],
      to: 'cancelled',
      by: ['offer', 'need'],
      label: { zh: '取消', en: 'cancel' },
    },
  },
  terminal: ['declined', 'expired', 'cancelled'],
});
export type MatchStatus = (typeof matchLifecycle.states)[number];
export type MatchAction = keyof typeof matchLifecycle.transitions;

export const OPEN_MATCH_STATUSES: readonly MatchStatus[] = [
  'proposed',
  'accepted_by_offer',
  'accepted_by_need',
];

export function isOpenMatch(match: Pick<Match, 'status'>): boolean {
  return OPEN_MATCH_STATUSES.includes(match.status);
}

/** An open proposal past its expiry: nobody can answer it any more, and it ties up nothing. */
export function hasLapsed(match: Pick<Match, 'status' | 'expiresAt'>, now: string): boolean {
  return isOpenMatch(match) && match.expiresAt <= now;
}

/** Structured reasons (codes + numbers); the UI words them in the reader's language. */
export interface MatchReason {
  code: string;
  [detail: string]: string | number | boolean | string[] | undefined;
}

export interface Match {
  id: string;
  kind: 'goods' | 'labour';
  /** The supply or labour offer. */
  offerListingId: string;
  offerOrgId: string;
  offerOrgName: string;
  /** Where the need is (its adcode): organizers overseeing that region follow the match. */
  needAdcode?: string;
  /** The demand or labour request. */
  needListingId: string;
  needOrgId: string;
  needOrgName: string;
  /** Spec or skill of each side (a substitute spec may differ from the demand's). */
  offerItem: string;
  needItem: string;
  quantity: number;
  unit: string;
  distanceKm: number;
  freightCost?: number;
  crossProvince: boolean;
  substitute: boolean;
  reasons: MatchReason[];
  status: MatchStatus;
  /** live: proposed by the stream matcher; otherwise the matching run that proposed it. */
  source: string;
  /** The matchmaking event whose round proposed it (see functions/events/). */
  eventId?: string;
  proposedAt: string;
  /** Open proposals lapse at this time. */
  expiresAt: string;
  confirmedAt?: string;
  /** Each side's acceptance with the terms of both listings it accepted (cleared when voided). */
  acceptances?: Partial<Record<MatchSide, Acceptance>>;
  /** Acceptances a material change to a listing voided, oldest first (the newest few kept). */
  voided?: VoidedAcceptance[];
  /** The contract its reservation turned into (deals/deal-commands.ts): it cannot be given back twice. */
  contractDealId?: string;
  updatedAt: string;
  version: number;
}

export type MatchSide = 'offer' | 'need';

export function sideOf(
  principal: Principal,
  match: Pick<Match, 'offerOrgId' | 'needOrgId'>,
): MatchSide | undefined {
  if (principal.orgId === match.offerOrgId) return 'offer';
  if (principal.orgId === match.needOrgId) return 'need';
  return undefined;
}

/** The roles this caller holds towards the match: its side, if it is one. */
export function matchRoles(
  principal: Principal,
  match: Pick<Match, 'offerOrgId' | 'needOrgId'>,
): MatchRole[] {
  const side = sideOf(principal, match);
  return side ? [side] : [];
}

/** What this caller may do to the match now (accepting first or confirming second, declining, cancelling). */
export function matchActions(principal: Principal, match: Match): MatchAction[] {
  return availableActions(matchLifecycle, match.status, matchRoles(principal, match));
}

/** The two sides; admins; organizers whose jurisdiction holds the need (see organizer-scope.ts). */
export function canSeeMatch(principal: Principal & { oversees?: string }, match: Match): boolean {
  if (sideOf(principal, match) !== undefined || isAdmin(principal)) return true;
  return (
    isOrganizer(principal) &&
    principal.oversees !== undefined &&
    match.needAdcode !== undefined &&
    match.needAdcode.startsWith(principal.oversees)
  );
}

/** The action "accept" means for this side in this state: accept first, or confirm second. */
export function acceptAction(side: MatchSide, status: MatchStatus): MatchAction {
  if (side === 'offer') return status === 'accepted_by_need' ? 'offerConfirms' : 'offerAccepts';
  return status === 'accepted_by_offer' ? 'needConfirms' : 'needAccepts';
}

export const MATCH_PROPOSAL_TTL_DAYS = 14;

/**
 * The sides whose organisation an organizer's import listed and which has not claimed its account
 * yet: nobody there can answer until it does (the API says so on matches and run proposals).
 */
export function notJoinedSides(
  match: Pick<Match, 'offerOrgId' | 'needOrgId'>,
  unclaimed: ReadonlySet<string>,
): MatchSide[] {
  const sides: MatchSide[] = [];
  if (unclaimed.has(match.offerOrgId)) sides.push('offer');
  if (unclaimed.has(match.needOrgId)) sides.push('need');
  return sides;
}
