/** Who is calling: built from a verified token's claims (local or Cognito, same claims). */
export const ORG_ROLES = ['member', 'org_admin'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const PLATFORM_ROLES = ['organizer', 'admin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export interface Principal {
  readonly userId: string;
  readonly email: string;
  readonly orgId: string;
  readonly orgRole: OrgRole;
  readonly platformRoles: readonly PlatformRole[];
}

/** The claims Gongxu reads; Cognito ID tokens carry the same names. */
export interface GongxuClaims {
  sub: string;
  /** Gongxu's user id (Cognito's own `sub` is its UUID, so the id travels here in both modes). */
  preferred_username: string;
  email: string;
  'cognito:groups'?: string[];
  'custom:org_id': string;
  'custom:org_role': string;
}

export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const sub = typeof claims.preferred_username === 'string' ? claims.preferred_username : claims.sub;
  const { email } = claims;
  const orgId = claims['custom:org_id'];
  const orgRole = claims['custom:org_role'];
  const groups = claims['cognito:groups'];
  if (typeof sub !== 'string' || typeof email !== 'string' || typeof orgId !== 'string') return undefined;
  if (!ORG_ROLES.includes(orgRole as OrgRole)) return undefined;
  const platformRoles = Array.isArray(groups) ? PLATFORM_ROLES.filter((role) => groups.includes(role)) : [];
  return { userId: sub, email, orgId, orgRole: orgRole as OrgRole, platformRoles };
}

export function claimsOf(user: {
  id: string;
  email: string;
  orgId: string;
  orgRole: OrgRole;
  platformRoles: readonly PlatformRole[];
}): GongxuClaims {
  return {
    sub: user.id,
    preferred_username: user.id,
    email: user.email,
    'cognito:groups': [...user.platformRoles],
    'custom:org_id': user.orgId,
    'custom:org_role': user.orgRole,
  };
}

export const isAdmin = (p: Principal): boolean => p.platformRoles.includes('admin');
export const isOrganizer = (p: Principal): boolean => p.platformRoles.includes('organizer') || isAdmin(p);
