import type { Deps } from '../api/deps.ts';
import { isAdmin, isOrganizer, type Principal } from '../auth/principal.ts';
import type { Viewer } from '../listings/listing.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ForbiddenError } from '../shared/errors.ts';
import { jurisdictionOf } from './org.ts';

/** Organizers act within their department's jurisdiction; admins anywhere; others not at all. */
export async function assertOrganizerScope(deps: Deps, principal: Principal, region: string): Promise<void> {
  if (!isOrganizer(principal)) throw new ForbiddenError();
  if (isAdmin(principal)) return;
  const own = await deps.orgs.get(principal.orgId);
  if (!own || !regionPrefix(region).startsWith(regionPrefix(jurisdictionOf(own)))) throw new ForbiddenError();
}

/** The caller as a viewer of listings: with the region it oversees when it is an organizer. */
export async function viewerFor(deps: Deps, principal: Principal): Promise<Viewer> {
  if (isAdmin(principal)) return { ...principal, oversees: '' };
  if (!isOrganizer(principal)) return principal;
  const own = await deps.orgs.get(principal.orgId);
  return own ? { ...principal, oversees: regionPrefix(jurisdictionOf(own)) } : principal;
}
