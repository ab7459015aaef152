import type { Deps } from '../api/deps.ts';
import type { AuditEntry } from '../audit/audit.ts';
import type { Session } from '../auth/identity.ts';
import { isStrongPassword } from '../auth/password.ts';
import type { OrgRole, PlatformRole } from '../auth/principal.ts';
import { publicUser, type StoredUser, type User } from '../auth/user.ts';
import { unknownAdcode } from '../regions/adcode-check.ts';
import { ConditionFailed, ConflictError, ValidationError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { inviteHash } from './invitation.ts';
import type { OrgProfileInput } from './org.schema.ts';
import { type Org, withoutSecrets } from './org.ts';

export interface NewUserInput {
  name: string;
  email: string;
  password: string;
}

export function assertStrong(password: string, field: string): void {
  if (!isStrongPassword(password)) throw new ValidationError([{ field, key: 'field.password_weak' }]);
}

/** Explains which unique claim a failed registration transaction hit. */
async function conflictFor(deps: Deps, creditCode: string | undefined, email: string, fieldPrefix: string) {
  const fields = [];
  if (creditCode && (await deps.orgs.findByCreditCode(creditCode))) {
    fields.push({ field: 'org.creditCode', key: 'field.credit_code_taken' as const });
  }
  if (await deps.users.findByEmail(email))
    fields.push({ field: `${fieldPrefix}email`, key: 'field.email_taken' as const });
  return new ConflictError('conflict', {}, fields);
}

/** A firm registers itself: the organisation and its first org admin, in one transaction. */
export async function registerOrg(
  deps: Deps,
  input: { org: OrgProfileInput; admin: NewUserInput; inviteCode?: string },
  options: {
    platformRoles?: PlatformRole[];
    /** Set by the platform admin only: a department's jurisdiction, verification. */
    orgExtras?: Pick<Org, 'jurisdiction' | 'verified' | 'verifiedAt'>;
    /** Written in the same transaction (the platform admin's creation). */
    audit?: AuditEntry;
  } = {},
): Promise<{ org: Org; user: User; session: Session }> {
  const places = unknownAdcode('org.adcode', input.org.adcode);
  if (places.length > 0) throw new ValidationError(places);
  assertStrong(input.admin.password, 'admin.password');
  if (input.inviteCode !== undefined)
    return await claimInvitedOrg(deps, { ...input, inviteCode: input.inviteCode });
  const now = deps.clock.now().toISOString();
  const org: Org = { id: newId(), ...input.org, ...options.orgExtras, createdAt: now, updatedAt: now };
  const user = await deps.identity.prepareUser(
    {
      id: newId(),
      email: input.admin.email,
      name: input.admin.name,
      orgId: org.id,
      orgRole: 'org_admin',
      platformRoles: options.platformRoles ?? [],
      createdAt: now,
    },
    input.admin.password,
  );
  try {
    await deps.table.transact([
      ...deps.orgs.createItems(org),
      ...deps.users.createItems(user),
      ...(options.audit ? [deps.audit.item({ ...options.audit, entityId: org.id })] : []),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw await conflictFor(deps, org.creditCode, user.email, 'admin.');
    throw error;
  }
  await deps.identity.afterUserCreated(user, input.admin.password);
  const session = await deps.identity.signIn(user, user.email, input.admin.password);
  return { org, user: publicUser(user), session };
}

/** An org admin adds a colleague to the organisation. */
export async function addMember(
  deps: Deps,
  orgId: string,
  input: NewUserInput & { orgRole: OrgRole },
): Promise<User> {
  assertStrong(input.password, 'password');
  const user: StoredUser = await deps.identity.prepareUser(
    {
      id: newId(),
      email: input.email,
      name: input.name,
      orgId,
      orgRole: input.orgRole,
      platformRoles: [],
      createdAt: deps.clock.now().toISOString(),
    },
    input.password,
  );
  try {
    await deps.users.create(user);
  } catch (error) {
    if (error instanceof ConditionFailed) throw await conflictFor(deps, undefined, user.email, '');
    throw error;
  }
  await deps.identity.afterUserCreated(user, input.password);
  return publicUser(user);
}

/**
 * Why an invitation code cannot claim the organisation with this credit code, if it cannot: a code
 * already used to claim it, one past its expiry, or one that is not this organisation's.
 */
function invitationRefusal(
  org: Org | undefined,
  hash: string,
  now: string,
): 'field.invite_invalid' | 'field.invite_used' | 'field.invite_expired' | undefined {
  if (!org) return 'field.invite_invalid';
  if (!org.invited) return org.claimedInviteHash === hash ? 'field.invite_used' : 'field.invite_invalid';
  if (!org.inviteHash || org.inviteHash !== hash) return 'field.invite_invalid';
  if (org.inviteExpiresAt !== undefined && org.inviteExpiresAt <= now) return 'field.invite_expired';
  return undefined;
}

/**
 * A firm an organizer already listed registers: with its credit code and the invitation code it
 * was given, it takes over the organisation (and so its listings) and becomes its first admin.
 */
async function claimInvitedOrg(
  deps: Deps,
  input: { org: OrgProfileInput; admin: NewUserInput; inviteCode: string },
): Promise<{ org: Org; user: User; session: Session }> {
  const existing = await deps.orgs.findByCreditCode(input.org.creditCode);
  const hash = inviteHash(input.inviteCode);
  const now = deps.clock.now().toISOString();
  const refusal = invitationRefusal(existing, hash, now);
  if (refusal || !existing)
    throw new ValidationError([{ field: 'inviteCode', key: refusal ?? 'field.invite_invalid' }]);
  const { inviteHash: _used, invited: _was, inviteExpiresAt: _expiry, ...rest } = existing;
  const org: Org = { ...rest, ...input.org, updatedAt: now, claimedAt: now, claimedInviteHash: hash };
  const user = await deps.identity.prepareUser(
    {
      id: newId(),
      email: input.admin.email,
      name: input.admin.name,
      orgId: org.id,
      orgRole: 'org_admin',
      platformRoles: [],
      createdAt: now,
    },
    input.admin.password,
  );
  try {
    await deps.table.transact([deps.orgs.claimItem(org, hash), ...deps.users.createItems(user)]);
  } catch (error) {
    if (error instanceof ConditionFailed) {
      // Another registration with the same code may have won the race: then the code is used.
      const later = deps.clock.now().toISOString();
      const after = invitationRefusal(await deps.orgs.findByCreditCode(input.org.creditCode), hash, later);
      if (after) throw new ValidationError([{ field: 'inviteCode', key: after }]);
      throw await conflictFor(deps, undefined, user.email, 'admin.');
    }
    throw error;
  }
  await deps.identity.afterUserCreated(user, input.admin.password);
  const session = await deps.identity.signIn(user, user.email, input.admin.password);
  return { org: withoutSecrets(org), user: publicUser(user), session };
}
