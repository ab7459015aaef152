import { availableActions, defineLifecycle } from './lifecycle.ts';
import { amountOf, isGoodsKind, isOfferKind, kindsOf, windowOf } from './listing-kinds.ts';
import type { Contact } from './org.ts';
import { isAdmin, isOrganizer, type Principal } from './principal.ts';

/**
 * Listings: the marketplace's inventory. Four kinds, one lifecycle:
 *  - supply (供应清单): a producer's stock and capacity of one product spec;
 *  - demand (需求清单): a project's need for one product spec;
 *  - labour_offer (共享员工·出借): idle staff a firm lends — the lender stays the employer;
 *  - labour_request (共享员工·借用): staff a firm short of labour asks for.
 */
export const LISTING_KINDS = ['supply', 'demand', 'labour_offer', 'labour_request'] as const;
export type ListingKind = (typeof LISTING_KINDS)[number];

export const GOODS_KINDS: readonly ListingKind[] = kindsOf('goods');
export const LABOUR_KINDS: readonly ListingKind[] = kindsOf('labour');

export const LISTING_STATUSES = ['draft', 'open', 'hidden', 'closed'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type ClosedReason = 'fulfilled' | 'withdrawn' | 'expired';

/**
 * Who may move a listing: `owner` (a member of the listing's organisation), `admin` (platform
 * admins), `system` (the expiry sweep), `organizer` (an organizer overseeing the listing's region:
 * it may only hide an implausible listing, and show it again). A hidden listing leaves search,
 * totals, live matching and runs (they read open listings only); its owner and the overseeing
 * organizers still see it, with the reason.
 */
export type ListingRole = 'owner' | 'admin' | 'system' | 'organizer';

export const listingLifecycle = defineLifecycle({
  name: 'listing',
  label: { zh: '清单', en: 'listing' },
  initial: 'draft',
  states: ['draft', 'open', 'hidden', 'closed'],
  stateLabels: {
    draft: { zh: '草稿', en: 'a draft' },
    open: { zh: '有效', en: 'open' },
    hidden: { zh: '已被组织方隐藏', en: 'hidden by the organizer' },
    closed: { zh: '已关闭', en: 'closed' },
  },
  transitions: {
    publish: { from: ['draft'], to: 'open', by: ['owner', 'admin'], label: { zh: '发布', en: 'publish' } },
    edit: { from: ['draft', 'open'], to: 'open', by: ['owner'], label: { zh: '修改', en: 'edit' } },
    fulfil: { from: ['open'], to: 'closed', by: ['owner', 'admin'], label: { zh: '标记完成', en: 'fulfil' } },
    withdraw: {
      from: ['draft', 'open', 'hidden'],
      to: 'closed',
      by: ['owner', 'admin'],
      label: { zh: '撤回', en: 'withdraw' },
    },
    expire: { from: ['open'], to: 'closed', by: ['system'], label: { zh: '到期关闭', en: 'expire' } },
    hide: {
      from: ['draft', 'open'],
      to: 'hidden',
      by: ['organizer', 'admin'],
      label: { zh: '隐藏', en: 'hide' },
    },
    unhide: {
      from: ['hidden'],
      to: 'open',
      by: ['organizer', 'admin'],
      label: { zh: '恢复显示', en: 'show again' },
    },
  },
  terminal: ['closed'],
});
export type ListingAction = keyof typeof listingLifecycle.transitions;

interface ListingBase {
  id: string;
  orgId: string;
  /** Denormalised for list views. */
  orgName: string;
  kind: ListingKind;
  status: ListingStatus;
  closedReason?: ClosedReason;
  /** Where: a 6-digit adcode (county level preferred), and an optional exact point. */
  adcode: string;
  lat?: number;
  lng?: number;
  address?: string;
  contact: Contact;
  note?: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Optimistic-locking counter, bumped on every write. */
  version: number;
  /**
   * Bumped only when a material field changes (functions/contract/match-terms.ts): a match's
   * acceptance records it, and a confirmation is conditional on it (absent on older listings: 0).
   */
  termsVersion?: number;
  /** Set when an organizer posted it on the firm's behalf (e.g. from a department survey import). */
  postedByOrgId?: string;
  importId?: string;
  /** Why an organizer hid it (while `hidden`), and which organizer organisation did. */
  hiddenReason?: string;
  hiddenByOrgId?: string;
}

export interface SupplyListing extends ListingBase {
  kind: 'supply';
  category: string;
  specId: string;
  unit: string;
  /** Quantity offered in this window: stock on hand plus what capacity adds. */
  quantity: number;
  /** What is left after confirmed matches. */
  remaining: number;
  stockOnHand?: number;
  dailyCapacity?: number;
  /** Ex-works place is the listing's place; it delivers this far. */
  deliveryRadiusKm: number;
  availableFrom: string;
  availableUntil: string;
  unitPrice?: number;
  minOrder?: number;
}

export interface DemandListing extends ListingBase {
  kind: 'demand';
  projectName: string;
  keyProject: boolean;
  category: string;
  specId: string;
  unit: string;
  quantity: number;
  remaining: number;
  deliverFrom: string;
  neededBy: string;
  ceilingPrice?: number;
  acceptsSubstitutes: boolean;
}

export interface LabourOfferListing extends ListingBase {
  kind: 'labour_offer';
  skillId: string;
  headcount: number;
  remaining: number;
  from: string;
  until: string;
  commuteRadiusKm: number;
  certificates: string[];
  dailyWage?: number;
  needsHousing: boolean;
  needsTransport: boolean;
  /** 共享员工: the lending firm remains the employer; always true, stated on the listing. */
  lenderRemainsEmployer: true;
}

export interface LabourRequestListing extends ListingBase {
  kind: 'labour_request';
  skillId: string;
  headcount: number;
  remaining: number;
  from: string;
  until: string;
  dailyWage?: number;
  housingProvided: boolean;
  transportProvided: boolean;
  certificatesRequired: string[];
  minOverlapDays?: number;
  lenderRemainsEmployer: true;
}

export type Listing = SupplyListing | DemandListing | LabourOfferListing | LabourRequestListing;

/** The listing's end date: when it expires if still open. */
export function windowEnd(listing: Listing): string {
  return windowOf(listing).end;
}

/** A supply or a demand (the goods family of the table of kinds), with its spec, unit and category. */
export function isGoodsListing<L extends Pick<Listing, 'kind'>>(
  listing: L,
): listing is L & Extract<Listing, { kind: 'supply' | 'demand' }> {
  return isGoodsKind(listing.kind);
}

/** A supply or a labour offer (the offer side of the table of kinds). */
export function isOfferListing<L extends Pick<Listing, 'kind'>>(
  listing: L,
): listing is L & Extract<Listing, { kind: 'supply' | 'labour_offer' }> {
  return isOfferKind(listing.kind);
}

export function categoryOf(listing: Listing): string {
  return isGoodsListing(listing) ? listing.category : `labour:${listing.skillId}`;
}

export function totalOf(listing: Listing): number {
  return amountOf(listing);
}

// ── Visibility ─────────────────────────────────────────────────────────────────────────────────

/** What a viewer may see, given the orgs it is matched with on this listing. */
export interface Relationship {
  /** Orgs with any match on this listing (they see prices). */
  counterparts: ReadonlySet<string>;
  /** Orgs whose match on this listing both sides accepted (they see contacts). */
  confirmedCounterparts: ReadonlySet<string>;
}

export const NO_RELATIONSHIP: Relationship = { counterparts: new Set(), confirmedCounterparts: new Set() };

/**
 * The caller, with the region it oversees when it is an organizer: `''` (everywhere) for admins,
 * its department's jurisdiction prefix for organizers, none for firms.
 */
export interface Viewer extends Principal {
  readonly oversees?: string;
}

export function oversees(viewer: Viewer, adcode: string): boolean {
  return viewer.oversees !== undefined && adcode.startsWith(viewer.oversees);
}

export function isOwner(principal: Principal, listing: Pick<Listing, 'orgId'>): boolean {
  return principal.orgId === listing.orgId;
}

export function canEditListing(
  principal: Principal,
  listing: Pick<Listing, 'orgId' | 'postedByOrgId'>,
): boolean {
  return isOwner(principal, listing) || isAdmin(principal);
}

/** The roles this caller holds towards the listing (what `listingLifecycle` transitions check). */
export function listingRoles(principal: Viewer, listing: Pick<Listing, 'orgId' | 'adcode'>): ListingRole[] {
  const roles: ListingRole[] = [];
  if (isOwner(principal, listing)) roles.push('owner');
  if (isAdmin(principal)) roles.push('admin');
  if (isOrganizer(principal) && !isOwner(principal, listing) && oversees(principal, listing.adcode))
    roles.push('organizer');
  return roles;
}

/** What this caller may do to the listing now (the web shows exactly these buttons). */
export function listingActions(
  principal: Viewer,
  listing: Pick<Listing, 'orgId' | 'status' | 'adcode'>,
): ListingAction[] {
  return availableActions(listingLifecycle, listing.status, listingRoles(principal, listing));
}

export type ListingView = Listing & {
  contactHidden?: boolean;
  priceHidden?: boolean;
  /** What the viewer may do to it now. */
  actions: ListingAction[];
};

/**
 * The listing as this viewer may see it: contact person and phone only for the owner, organizers
 * and counterparts whose match both sides accepted; prices only for the owner, organizers and
 * counterparts of a match. Drafts are seen only by their owner (and organizers, admins).
 */
export function viewListing(
  listing: Listing,
  principal: Viewer,
  relation: Relationship = NO_RELATIONSHIP,
): ListingView {
  const privileged = isOwner(principal, listing) || oversees(principal, listing.adcode);
  const seesContact = privileged || relation.confirmedCounterparts.has(principal.orgId);
  const seesPrice = privileged || relation.counterparts.has(principal.orgId);
  const view: Record<string, unknown> = { ...listing };
  if (!seesContact) {
    view.contact = undefined;
    view.contactHidden = true;
  }
  if (!seesPrice) {
    for (const field of ['unitPrice', 'ceilingPrice', 'dailyWage', 'minOrder']) delete view[field];
    view.priceHidden = true;
  }
  for (const field of ['contact']) if (view[field] === undefined) delete view[field];
  view.actions = listingActions(principal, listing);
  return view as unknown as ListingView;
}

/** Who may read a listing's change history: its owner, and organizers overseeing its region (admins). */
export function canSeeListingHistory(viewer: Viewer, listing: Pick<Listing, 'orgId' | 'adcode'>): boolean {
  return isOwner(viewer, listing) || oversees(viewer, listing.adcode);
}

export function canSeeListing(listing: Listing, principal: Viewer): boolean {
  return (
    (listing.status !== 'draft' && listing.status !== 'hidden') ||
    isOwner(principal, listing) ||
    oversees(principal, listing.adcode)
  );
}
