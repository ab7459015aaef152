import type { OrgRole, PlatformRole } from './principal.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  orgId: string;
  orgRole: OrgRole;
  platformRoles: PlatformRole[];
  createdAt: string;
}

/** The stored user; the password hash (local identity only) never leaves the repository. */
export interface StoredUser extends User {
  passwordHash?: string;
}

export function publicUser(user: StoredUser): User {
  const { passwordHash: _secret, ...rest } = user;
  return rest;
}
