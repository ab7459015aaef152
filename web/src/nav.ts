import type { Viewer } from '../../functions/contract/listing.ts';
import type { OrgKind } from '../../functions/contract/org.ts';
import {
  isAdmin as isAdminPrincipal,
  isOrganizer as isOrganizerPrincipal,
  type PlatformRole,
} from '../../functions/contract/principal.ts';
import { principalOfUser } from '../../functions/contract/user.ts';
import type { Me } from './api/auth.ts';
import type { TranslationKey } from './i18n/index.ts';

/**
 * What each kind of organisation and role can do, for the sidebar and the home page alike. An item
 * without `href` is a page still being built: it shows, disabled, as "即将推出 / coming soon".
 * To switch one on, give it its route.
 */
export interface NavItem {
  label: TranslationKey;
  href?: (me: Me) => string;
  /** Extra condition within the section (e.g. org admins only). */
  when?: (me: Me) => boolean;
}

export interface NavSection {
  id: string;
  title: TranslationKey;
  /** Home-page card text for the section. */
  homeTitle?: TranslationKey;
  homeText?: TranslationKey;
  when: (me: Me) => boolean;
  items: NavItem[];
}

export const hasKind = (me: Me, ...kinds: OrgKind[]): boolean => kinds.some((k) => me.org.kinds.includes(k));
export const hasRole = (me: Me, ...roles: PlatformRole[]): boolean =>
  roles.some((r) => me.user.platformRoles.includes(r));
/** The API's own rule (platform role organizer or admin), not the organisation's kind. */
export const isOrganizer = (me: Me): boolean => isOrganizerPrincipal(principalOfUser(me.user));
/** The API's own rule for the platform admin's operations (/api/admin). */
export const isAdmin = (me: Me): boolean => isAdminPrincipal(principalOfUser(me.user));
/** The signed-in user as the contract's rules see a viewer (see functions/contract/listing.ts). */
export const viewerOf = (me: Me): Viewer => ({
  ...principalOfUser(me.user),
  ...(me.oversees !== undefined ? { oversees: me.oversees } : {}),
});
export const canManageOrg = (me: Me, orgId: string): boolean =>
  isAdmin(me) || (me.user.orgId === orgId && me.user.orgRole === 'org_admin');

export const NAV: NavSection[] = [
  {
    id: 'general',
    title: 'nav.home',
    when: () => true,
    items: [
      { label: 'nav.home', href: () => '/' },
      { label: 'nav.org', href: (me) => `/orgs/${me.org.id}` },
      { label: 'nav.inbox', href: () => '/inbox' },
      { label: 'nav.deals', href: () => '/deals' },
      { label: 'nav.browse', href: () => '/listings/search' },
      { label: 'nav.eventsJoin', href: () => '/events', when: (me) => !isOrganizer(me) },
      { label: 'nav.imports', href: () => '/imports' },
      { label: 'nav.users', when: (me) => me.user.orgRole === 'org_admin' },
    ],
  },
  {
    id: 'supply',
    title: 'nav.supply',
    homeTitle: 'home.supplyTitle',
    homeText: 'home.supplyText',
    when: (me) => hasKind(me, 'manufacturer'),
    items: [
      { label: 'nav.postSupply', href: () => '/listings/new/supply' },
      { label: 'nav.mySupply', href: () => '/listings/mine/supply' },
    ],
  },
  {
    id: 'demand',
    title: 'nav.demand',
    homeTitle: 'home.demandTitle',
    homeText: 'home.demandText',
    when: (me) => hasKind(me, 'builder'),
    items: [
      { label: 'nav.postDemand', href: () => '/listings/new/demand' },
      { label: 'nav.myDemand', href: () => '/listings/mine/demand' },
    ],
  },
  {
    id: 'labour',
    title: 'nav.labour',
    homeTitle: 'home.labourTitle',
    homeText: 'home.labourText',
    when: (me) => hasKind(me, 'labour_provider', 'labour_user'),
    items: [
      {
        label: 'nav.offerStaff',
        href: () => '/listings/new/labour_offer',
        when: (me) => hasKind(me, 'labour_provider'),
      },
      {
        label: 'nav.requestStaff',
        href: () => '/listings/new/labour_request',
        when: (me) => hasKind(me, 'labour_user'),
      },
      {
        label: 'nav.myLabour',
        href: (me) => `/listings/mine/${hasKind(me, 'labour_provider') ? 'labour_offer' : 'labour_request'}`,
      },
    ],
  },
  {
    id: 'organizing',
    title: 'nav.organizing',
    homeTitle: 'home.organizerTitle',
    homeText: 'home.organizerText',
    when: isOrganizer,
    items: [
      { label: 'nav.regionOrgs' },
      { label: 'nav.invitations', href: () => '/invitations' },
      { label: 'nav.regionListings', href: () => '/lists' },
      { label: 'nav.runs', href: () => '/runs' },
      { label: 'nav.events', href: () => '/events' },
      { label: 'nav.dashboard', href: () => '/dashboard' },
    ],
  },
  {
    id: 'platform',
    title: 'nav.platform',
    homeTitle: 'home.platformTitle',
    homeText: 'home.platformText',
    when: isAdmin,
    items: [
      { label: 'nav.adminUsers', href: () => '/admin/users' },
      { label: 'nav.adminNewOrg', href: () => '/admin/orgs/new' },
    ],
  },
];

/** The sections (and within them the items) this user may see. */
export function sectionsFor(me: Me): { section: NavSection; items: NavItem[] }[] {
  return NAV.filter((s) => s.when(me))
    .map((section) => ({ section, items: section.items.filter((i) => !i.when || i.when(me)) }))
    .filter((s) => s.items.length > 0);
}
