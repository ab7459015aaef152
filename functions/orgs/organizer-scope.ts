import type { Deps } from '../api/deps.ts';
import { isAdmin, isOrganizer, type Principal } from '../auth/principal.ts';
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
