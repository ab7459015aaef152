import { availableActions, defineLifecycle, mayTake } from './lifecycle.ts';
import { isAdmin, type Principal } from './principal.ts';

/**
 * A deal (签约): what two organisations signed after a confirmed match — a letter of intent (意向)
 * or a contract (合同) — with the product, quantity, unit price, the amount in fen, the delivery
 * window and place, and optionally the scan of the signed paper. One side records it, the other
 * confirms or disputes it; an organizer records one that both sides reported on paper. A confirmed
 * contract draws its quantity down from both listings (the match's reservation becomes part of
 * it, so nothing is counted twice). A letter of intent counts as intent, not as signed value.
 * Pure and browser-safe: no AWS SDK, no Hono.
 */

/** Who may move a deal: the side that recorded it, the other side, either side, an organizer, the system. */
export type DealRole = 'recorder' | 'counterpart' | 'party' | 'organizer' | 'system';

export const dealLifecycle = defineLifecycle({
  name: 'deal',
  label: { zh: '签约', en: 'deal' },
  initial: 'intent_proposed',
  states: [
    'intent_proposed',
    'intent',
    'contract_proposed',
    'contract',
    'delivered',
    'disputed',
    'withdrawn',
  ],
  stateLabels: {
    intent_proposed: { zh: '意向待对方确认', en: 'letter of intent awaiting the other side' },
    intent: { zh: '已签意向', en: 'letter of intent' },
    contract_proposed: { zh: '合同待对方确认', en: 'contract awaiting the other side' },
    contract: { zh: '已签合同', en: 'contract signed' },
    delivered: { zh: '已交付', en: 'delivered' },
    disputed: { zh: '对方有异议', en: 'disputed' },
    withdrawn: { zh: '已撤回', en: 'withdrawn' },
  },
  transitions: {
    confirmIntent: {
      from: ['intent_proposed'],
      to: 'intent',
      by: ['counterpart'],
      label: { zh: '确认意向', en: 'confirm the letter of intent' },
    },
    confirmContract: {
      from: ['contract_proposed'],
      to: 'contract',
      by: ['counterpart'],
      label: { zh: '确认合同', en: 'confirm the contract' },
    },
    dispute: {
      from: ['intent_proposed', 'contract_proposed'],
      to: 'disputed',
      by: ['counterpart'],
      label: { zh: '提出异议', en: 'dispute' },
    },
    proposeContract: {
      from: ['intent'],
      to: 'contract_proposed',
      by: ['party'],
      label: { zh: '转为合同', en: 'turn into a contract' },
    },
    signOnPaper: {
      from: ['intent'],
      to: 'contract',
      by: ['organizer'],
      label: { zh: '登记纸质合同', en: 'record the paper contract' },
    },
    reviseIntent: {
      from: ['disputed'],
      to: 'intent_proposed',
      by: ['recorder'],
      label: { zh: '修改后重新提交', en: 'revise and resubmit' },
    },
    reviseContract: {
      from: ['disputed'],
      to: 'contract_proposed',
      by: ['recorder'],
      label: { zh: '修改后重新提交', en: 'revise and resubmit' },
    },
    withdraw: {
      from: ['intent_proposed', 'contract_proposed', 'disputed'],
      to: 'withdrawn',
      by: ['recorder'],
      label: { zh: '撤回', en: 'withdraw' },
    },
    cancelIntent: {
      from: ['intent'],
      to: 'withdrawn',
      by: ['party', 'organizer'],
      label: { zh: '取消意向', en: 'cancel the letter of intent' },
    },
    deliver: {
      from: ['contract'],
      to: 'delivered',
      by: ['party', 'organizer'],
      label: { zh: '确认交付', en: 'confirm delivery' },
    },
  },
  terminal: ['delivered', 'withdrawn'],
});
export type DealStatus = (typeof dealLifecycle.states)[number];
export type DealAction = keyof typeof dealLifecycle.transitions;
export const DEAL_STATUSES: readonly DealStatus[] = dealLifecycle.states;
export const DEAL_ACTIONS = Object.keys(dealLifecycle.transitions) as DealAction[];

/** Which paper it is: a letter of intent or a contract. */
export type DealDocument = 'intent' | 'contract';
export const DEAL_DOCUMENTS: readonly DealDocument[] = ['intent', 'contract'];

/** States in which the deal counts as signed value (a contract both sides stand by). */
export const SIGNED_STATUSES: readonly DealStatus[] = ['contract', 'delivered'];
/** States in which the deal counts as (confirmed) intent. */
export const INTENT_STATUSES: readonly DealStatus[] = ['intent'];

export interface DealFile {
  id: string;
  contentType: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  /** SHA-256 of the bytes, hex: what was signed can be checked later. */
  sha256: string;
  uploadedAt: string;
  uploadedByOrgId: string;
}

export interface Deal {
  id: string;
  /** The paper in force or proposed: intent or contract. */
  document: DealDocument;
  status: DealStatus;
  /** The confirmed match it came from (absent for an organizer's paper deal between two listings). */
  matchId?: string;
  eventId?: string;
  meetingId?: string;
  offerListingId: string;
  offerOrgId: string;
  offerOrgName: string;
  /** Where the supply comes from (its adcode): the dashboards' map of signed supply. */
  offerAdcode: string;
  needListingId: string;
  needOrgId: string;
  needOrgName: string;
  /** Where the need is (its adcode): organizers overseeing it follow the deal; regional reports. */
  needAdcode: string;
  specId: string;
  category: string;
  quantity: number;
  unit: string;
  /** Yuan with two decimals, as text (`"3987.65"`): exact, never a float. */
  unitPrice: string;
  unitPriceFen: number;
  /** quantity × unit price in fen, exact (rounded half up to the fen). */
  amountFen: number;
  deliveryFrom: string;
  deliveryUntil: string;
  deliveryAdcode: string;
  deliveryAddress?: string;
  note?: string;
  /** The organisation that recorded the current proposal (a side, or the organizer for paper deals). */
  recordedByOrgId: string;
  recordedByUserId: string;
  recordedAs: 'offer' | 'need' | 'organizer';
  disputeReason?: string;
  /** Quantity drawn down from each listing when the contract was confirmed (a match's reservation included). */
  drawnQuantity?: number;
  /** How much of that was the match's reservation turned into the contract. */
  reservationUsed?: number;
  signedAt?: string;
  file?: DealFile;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The caller, with the region it oversees when it is an organizer (see organizer-scope.ts). */
export interface DealViewer extends Principal {
  readonly oversees?: string;
}

export function sideOfDeal(
  principal: Pick<Principal, 'orgId'>,
  deal: Pick<Deal, 'offerOrgId' | 'needOrgId'>,
): 'offer' | 'need' | undefined {
  if (principal.orgId === deal.offerOrgId) return 'offer';
  if (principal.orgId === deal.needOrgId) return 'need';
  return undefined;
}

/** Organizers follow deals whose need lies in their jurisdiction; admins all. */
export function overseesDeal(viewer: DealViewer, deal: Pick<Deal, 'needAdcode'>): boolean {
  if (isAdmin(viewer)) return true;
  return viewer.oversees !== undefined && deal.needAdcode.startsWith(viewer.oversees);
}

/** The roles this viewer holds towards the deal (empty: it may not see it). */
export function dealRolesOf(viewer: DealViewer, deal: Deal): DealRole[] {
  const roles: DealRole[] = [];
  const side = sideOfDeal(viewer, deal);
  if (side) {
    roles.push('party');
    roles.push(deal.recordedByOrgId === viewer.orgId ? 'recorder' : 'counterpart');
  } else if (overseesDeal(viewer, deal)) {
    roles.push('organizer');
    if (deal.recordedByOrgId === viewer.orgId) roles.push('recorder');
  }
  return roles;
}

export function canSeeDeal(viewer: DealViewer, deal: Deal): boolean {
  return dealRolesOf(viewer, deal).length > 0;
}

/** Whether these roles may take the action (the lifecycle's `by`). */
export function rolesMayTake(action: DealAction, roles: readonly DealRole[]): boolean {
  return mayTake(dealLifecycle, action, roles);
}

/** The actions this viewer may take now (the web shows exactly these buttons). */
export function allowedDealActions(viewer: DealViewer, deal: Deal): DealAction[] {
  return availableActions(dealLifecycle, deal.status, dealRolesOf(viewer, deal));
}

/** Whether the file of the signed paper may be attached or replaced now, by these roles. */
export function mayAttachFile(deal: Deal, roles: readonly DealRole[]): boolean {
  if (deal.status === 'withdrawn') return false;
  return roles.includes('party') || roles.includes('recorder');
}
