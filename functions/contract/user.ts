import type { OrgRole, PlatformRole, Principal } from './principal.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  orgId: string;
  orgRole: OrgRole;
  platformRoles: PlatformRole[];
  createdAt: string;
  /** Set by the platform admin: the user cannot sign in and their tokens stop working. */
  disabled?: boolean;
  /**
   * Tokens issued before this instant no longer work (set when the password is reset or the user
   * is disabled). Whole seconds, as tokens' `iat` are.
   */
  sessionsValidFrom?: string;
}

/** The stored user; the password hash (local identity only) never leaves the repository. */
export interface StoredUser extends User {
  passwordHash?: string;
}

export function publicUser(user: StoredUser): User {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}

/** A signed-in session as the web receives it. */
export interface Session {
  token: string;
  expiresAt: string;
}

/** The user as the caller the API's rules speak of (the same claims its tokens carry). */
export function principalOfUser(
  user: Pick<User, 'id' | 'email' | 'orgId' | 'orgRole' | 'platformRoles'>,
): Principal {
  return {
    userId: user.id,
    email: user.email,
    orgId: user.orgId,
    orgRole: user.orgRole,
    platformRoles: user.platformRoles,
  };
}
