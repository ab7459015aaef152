import type { Principal } from './principal.ts';

/** One change to a listing, match, event or deal: who, when, what. Written in the same transaction. */
export interface AuditEntry {
  id: string;
  entity:
    | 'listing'
    | 'match'
    | 'event'
    | 'registration'
    | 'meeting_request'
    | 'meeting'
    | 'deal'
    | 'org'
    | 'import'
    | 'catalogue'
    | 'user';
  entityId: string;
  action: string;
  actorUserId: string;
  actorOrgId: string;
  at: string;
  /** The fields that changed, old → new (scalars only). */
  changes?: Record<string, { from: unknown; to: unknown }>;
}

export function auditEntry(
  principal: Principal | { userId: string; orgId: string },
  entity: AuditEntry['entity'],
  entityId: string,
  action: string,
  at: string,
  id: string,
  changes?: AuditEntry['changes'],
): AuditEntry {
  return {
    id,
    entity,
    entityId,
    action,
    actorUserId: principal.userId,
    actorOrgId: principal.orgId,
    at,
    ...(changes && Object.keys(changes).length > 0 ? { changes } : {}),
  };
}

/** Scalar fields that differ between two versions of a record. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): AuditEntry['changes'] {
  const changes: NonNullable<AuditEntry['changes']> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key === 'updatedAt' || key === 'version') continue;
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) changes[key] = { from: a ?? null, to: b ?? null };
  }
  return changes;
}
