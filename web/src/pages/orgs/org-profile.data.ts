import { query, type RoutePreloadFuncArgs } from '@solidjs/router';
import { fetchOrg } from '../../api/orgs.ts';
import { session } from '../../session.ts';

/** GET /api/orgs/:orgId, cached per organisation. */
export const getOrg = query((orgId: string) => fetchOrg(orgId), 'org');

/** Route preload (signed in only: a signed-out visit is sent to sign in, and must not cache a 401). */
export function preloadOrg({ params }: RoutePreloadFuncArgs): void {
  if (params.orgId && session()) void getOrg(params.orgId).catch(() => {});
}
