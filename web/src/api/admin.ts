import type { AdminCreateOrgRequest } from '../../../functions/contract/admin.schema.ts';
import type { Org } from '../../../functions/contract/org.ts';
import type { PlatformRole } from '../../../functions/contract/principal.ts';
import type { User } from '../../../functions/contract/user.ts';
import { api } from './client.ts';

/**
 * The platform admin's operations (/api/admin): organisations, a user's roles, status and password.
 * Every change is audited by the API; non-admins get 403.
 */

export type { AdminCreateOrgRequest };

const userPath = (userId: string, rest: string) => `/admin/users/${encodeURIComponent(userId)}/${rest}`;

/** POST /api/admin/orgs → the organisation and its first administrator. */
export const adminCreateOrg = (input: AdminCreateOrgRequest): Promise<{ org: Org; user: User }> =>
  api.post<{ org: Org; user: User }>('/admin/orgs', input);

/** POST /api/admin/orgs/:orgId/verification */
export const adminVerifyOrg = (orgId: string): Promise<Org> =>
  api.post<Org>(`/admin/orgs/${encodeURIComponent(orgId)}/verification`, {});

/** GET /api/admin/users?email= (404 when nobody has that email). */
export const adminFindUser = (email: string): Promise<User> =>
  api.get<User>('/admin/users', { query: { email } });

export const adminSetRoles = (userId: string, platformRoles: PlatformRole[]): Promise<User> =>
  api.put<User>(userPath(userId, 'roles'), { platformRoles });

export const adminSetDisabled = (userId: string, disabled: boolean): Promise<User> =>
  api.put<User>(userPath(userId, 'status'), { disabled });

export const adminResetPassword = (userId: string, password: string): Promise<User> =>
  api.put<User>(userPath(userId, 'password'), { password });
