import { query } from '@solidjs/router';
import type { z } from 'zod/mini';
import type { orgUpdateSchema, registrationSchema } from '../../../functions/contract/org.schema.ts';
import type { InvitedOrg, Org, PublicOrg } from '../../../functions/contract/org.ts';
import type { Session as TokenSession, User } from '../../../functions/contract/user.ts';
import { startSession } from '../session.ts';
import { api } from './client.ts';
import type { CursorPage } from './load-more.ts';

export type RegistrationRequest = z.input<typeof registrationSchema>;
export type OrgUpdateRequest = z.input<typeof orgUpdateSchema>;

/** POST /api/orgs/register; the new admin is signed in straight away. */
export async function registerOrg(input: RegistrationRequest): Promise<{ org: Org; user: User }> {
  const result = await api.post<{ org: Org; user: User; session: TokenSession }>('/orgs/register', input, {
    anonymous: true,
  });
  startSession({ token: result.session.token, expiresAt: result.session.expiresAt, user: result.user });
  return { org: result.org, user: result.user };
}

/** GET /api/orgs/:orgId (contact details only for members and organizers). */
export const fetchOrg = (orgId: string): Promise<PublicOrg> =>
  api.get<PublicOrg>(`/orgs/${encodeURIComponent(orgId)}`);

/** PATCH /api/orgs/:orgId (org admins). */
export const updateOrg = (orgId: string, patch: OrgUpdateRequest): Promise<Org> =>
  api.patch<Org>(`/orgs/${encodeURIComponent(orgId)}`, patch);

export type { InvitedOrg };

/** GET /api/orgs/invited: invited firms of the organizer's jurisdiction that have not claimed their account. */
export const fetchInvitedOrgs = (cursor?: string): Promise<CursorPage<InvitedOrg>> =>
  api.get<CursorPage<InvitedOrg>>('/orgs/invited', { query: { cursor, limit: 50 } });

export const getInvitedOrgs = query((cursor?: string) => fetchInvitedOrgs(cursor), 'invitedOrgs');
