import { LISTING_KINDS, type ListingKind } from './listing.ts';
import { isAdmin, isOrganizer, type Principal } from './principal.ts';

/** An organisation: a manufacturer, builder, labour provider/user, or an organizer (a department). */
export const ORG_KINDS = ['manufacturer', 'builder', 'labour_provider', 'labour_user', 'organizer'] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Kinds a firm may give itself when registering; `organizer` is granted by an admin. */
export const SELF_SERVICE_KINDS: readonly OrgKind[] = [
  'manufacturer',
  'builder',
  'labour_provider',
  'labour_user',
];

/** The kind of organisation that posts each kind of listing. */
export const ORG_KIND_POSTING: Readonly<Record<ListingKind, OrgKind>> = {
  supply: 'manufacturer',
  demand: 'builder',
  labour_offer: 'labour_provider',
  labour_request: 'labour_user',
};

/** The kinds of listing an organisation of these kinds posts (none for an organizer alone). */
export function listingKindsOf(orgKinds: readonly string[]): ListingKind[] {
  return LISTING_KINDS.filter((kind) => orgKinds.includes(ORG_KIND_POSTING[kind]));
}

export interface Contact {
  name: string;
  phone: string;
  email?: string;
}

export interface Org {
  id: string;
  name: string;
  /** 统一社会信用代码, 18 characters, GB 32100-2015. */
  creditCode: string;
  kinds: OrgKind[];
  /** 6-digit GB/T 2260 division code of the organisation's seat. */
  adcode: string;
  contact: Contact;
  createdAt: string;
  updatedAt: string;
  /** For organizers: the region they serve (6-digit adcode); default: the province of `adcode`. */
  jurisdiction?: string;
  /** Checked by the platform admin (credit code against the registry, the department's mandate). */
  verified?: boolean;
  verifiedAt?: string;
  /** Organisations created by an organizer's import before they registered themselves. */
  invited?: boolean;
  /** The organizer organisation whose import listed it. */
  invitedBy?: string;
  /** Hash of the current invitation code of an invited organisation (never shown). */
  inviteHash?: string;
  /** When the current invitation code stops working. */
  inviteExpiresAt?: string;
  /** Hash of the invitation code the firm claimed its organisation with (never shown). */
  claimedInviteHash?: string;
  /** When the firm claimed the organisation its organizer had listed. */
  claimedAt?: string;
}

/**
 * An invited organisation as its organizer follows it until the firm claims its account: whether a
 * code is out (and until when) and how many listings wait for the firm.
 */
export type InvitedOrg = Pick<
  Org,
  // inviteExpiresAt: when the code last issued stops working; absent when no code was issued yet.
  'id' | 'name' | 'creditCode' | 'kinds' | 'adcode' | 'contact' | 'createdAt' | 'inviteExpiresAt'
> & {
  /** Open listings of the organisation (proposals from them wait for the firm). */
  openListings: number;
};

/** What anyone signed in may see of another organisation: no contact details. */
export type PublicOrg = Omit<Org, 'contact'> & { contact?: Contact };

export function canManageOrg(principal: Principal, orgId: string): boolean {
  return isAdmin(principal) || (principal.orgId === orgId && principal.orgRole === 'org_admin');
}

/**
 * Who sees an organisation's contact details: its own members, the platform admin, and organizers
 * whose jurisdiction (`oversees`, an adcode prefix; see organizer-scope.ts viewerFor) holds the
 * organisation's seat — not every organizer in the country.
 */
export function canSeeOrgContact(
  principal: Principal & { readonly oversees?: string },
  org: Pick<Org, 'id' | 'adcode'>,
): boolean {
  if (principal.orgId === org.id || isAdmin(principal)) return true;
  return (
    isOrganizer(principal) && principal.oversees !== undefined && org.adcode.startsWith(principal.oversees)
  );
}

/** The organisation without its invitation hashes (never shown to anyone). */
export function withoutSecrets(org: Org): Org {
  const { inviteHash: _secret, claimedInviteHash: _used, ...safe } = org;
  return safe;
}

export function viewOrg(org: Org, principal: Principal & { readonly oversees?: string }): PublicOrg {
  const safe = withoutSecrets(org);
  if (canSeeOrgContact(principal, org)) return safe;
  const { contact: _hidden, ...rest } = safe;
  return rest;
}

/** The region an organizer's department serves. */
export function jurisdictionOf(org: Pick<Org, 'adcode' | 'jurisdiction'>): string {
  return org.jurisdiction ?? `${org.adcode.slice(0, 2)}0000`;
}
