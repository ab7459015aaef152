import type { Deps } from '../api/deps.ts';
import { auditEntry, diff } from '../audit/audit.ts';
import type { PlatformRole, Principal } from '../auth/principal.ts';
import { publicUser, type StoredUser, type User } from '../auth/user.ts';
import type { Org } from '../orgs/org.ts';
import { assertStrong, registerOrg } from '../orgs/register-org.ts';
import { regionPrefix } from '../regions/regions.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed } from '../shared/db/table.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import type { AdminCreateOrgInput } from './admin.schema.ts';

/**
 * What the platform admin does to run the platform. Every change is written with its audit entry
 * in one transaction; an admin cannot lock themselves out (drop their own admin role, disable
 * themselves).
 */

/** Creates an organisation with its first org admin; an organizer department gets its jurisdiction. */
export async function createOrgAsAdmin(
  deps: Deps,
  principal: Principal,
  input: AdminCreateOrgInput,
): Promise<{ org: Org; user: User }> {
  // that a department has a jurisdiction and no one else does: the schema (functions/contract/admin.schema.ts)
  const organizer = input.org.kinds.includes('organizer');
  // A department sits inside the region it serves (a city's department in that city).
  if (input.jurisdiction && !input.org.adcode.startsWith(regionPrefix(input.jurisdiction))) {
    throw new ValidationError([{ field: 'jurisdiction', key: 'field.jurisdiction_outside' }]);
  }
  const now = deps.clock.now().toISOString();
  const verified = input.verified ?? true;
  const { org, user } = await registerOrg(
    deps,
    { org: input.org, admin: input.admin },
    {
      platformRoles: organizer ? ['organizer'] : [],
      orgExtras: {
        ...(input.jurisdiction ? { jurisdiction: input.jurisdiction } : {}),
        ...(verified ? { verified: true, verifiedAt: now } : {}),
      },
      audit: auditEntry(principal, 'org', '', 'create_by_admin', now, newId()),
    },
  );
  return { org, user };
}

export async function verifyOrg(deps: Deps, principal: Principal, orgId: string): Promise<Org> {
  const org = await deps.orgs.get(orgId);
  if (!org) throw new NotFoundError();
  if (org.verified) return org;
  const now = deps.clock.now().toISOString();
  const next: Org = { ...org, verified: true, verifiedAt: now, updatedAt: now };
  try {
    await deps.table.transact([
      deps.table.updateItem(
        keys.org(orgId),
        {
          expression: 'SET verified = :yes, verifiedAt = :now, updatedAt = :now',
          values: { ':yes': true, ':now': now },
        },
        { expression: 'updatedAt = :expected', values: { ':expected': org.updatedAt } },
      ),
      deps.audit.item(
        auditEntry(principal, 'org', orgId, 'verify', now, newId(), { verified: { from: false, to: true } }),
      ),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new ConflictError();
    throw error;
  }
  return next;
}

async function loadUser(deps: Deps, userId: string): Promise<StoredUser> {
  const user = await deps.users.get(userId);
  if (!user) throw new NotFoundError();
  return user;
}

/** Writes the changed user fields with an audit entry; the user must not have changed meanwhile. */
async function saveUser(
  deps: Deps,
  principal: Principal,
  before: StoredUser,
  after: StoredUser,
  action: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  const sets: string[] = [];
  const values: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  let i = 0;
  for (const field of ['platformRoles', 'disabled', 'sessionsValidFrom', 'passwordHash'] as const) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field]) || after[field] === undefined)
      continue;
    names[`#f${i}`] = field;
    values[`:v${i}`] = after[field];
    sets.push(`#f${i} = :v${i}`);
    i++;
  }
  if (sets.length === 0) return;
  const { passwordHash: _a, ...shownBefore } = before;
  const { passwordHash: _b, ...shownAfter } = after;
  const changes = diff(
    { ...shownBefore, platformRoles: before.platformRoles.join(',') },
    { ...shownAfter, platformRoles: after.platformRoles.join(',') },
  );
  try {
    await deps.table.transact([
      deps.table.updateItem(
        keys.user(before.id),
        { expression: `SET ${sets.join(', ')}`, names, values },
        { expression: 'attribute_exists(pk)' },
      ),
      deps.audit.item(auditEntry(principal, 'user', before.id, action, now, newId(), changes)),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new NotFoundError();
    throw error;
  }
}

/**
 * From when tokens are good again: the start of the current second. Tokens' `iat` are whole seconds,
 * so every token issued in an earlier second stops working while a sign-in right after the change
 * works; a token issued in the very same second as the change stays good (the user's `disabled`
 * flag stops those too).
 */
function revokedAsOf(deps: Deps): string {
  const now = deps.clock.now();
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString();
}

export async function setPlatformRoles(
  deps: Deps,
  principal: Principal,
  userId: string,
  platformRoles: PlatformRole[],
): Promise<User> {
  const user = await loadUser(deps, userId);
  if (userId === principal.userId && !platformRoles.includes('admin')) throw new ForbiddenError();
  const next: StoredUser = { ...user, platformRoles: [...platformRoles].sort() };
  await saveUser(deps, principal, user, next, 'set_roles');
  await deps.identity.afterRolesChanged(next);
  return publicUser(next);
}

export async function setDisabled(
  deps: Deps,
  principal: Principal,
  userId: string,
  disabled: boolean,
): Promise<User> {
  const user = await loadUser(deps, userId);
  if (userId === principal.userId) throw new ForbiddenError();
  const next: StoredUser = disabled
    ? { ...user, disabled: true, sessionsValidFrom: revokedAsOf(deps) }
    : { ...user, disabled: false };
  await saveUser(deps, principal, user, next, disabled ? 'disable' : 'enable');
  return publicUser(next);
}

export async function resetPassword(
  deps: Deps,
  principal: Principal,
  userId: string,
  password: string,
): Promise<User> {
  assertStrong(password, 'password');
  const user = await loadUser(deps, userId);
  const withPassword = await deps.identity.setPassword(user, password);
  const next: StoredUser = { ...withPassword, sessionsValidFrom: revokedAsOf(deps) };
  await saveUser(deps, principal, user, next, 'reset_password');
  return publicUser(next);
}
