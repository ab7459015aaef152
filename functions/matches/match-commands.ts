import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { MESSAGES } from '../shared/i18n/messages.ts';
import { derivedId, newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import {
  acceptAction,
  canSeeMatch,
  type Match,
  type MatchAction,
  type MatchRole,
  matchLifecycle,
  matchRoles,
  sideOf,
} from './match.ts';
import type { MatchNotification } from './notification.ts';

/**
 * What happens to matches. Confirming reserves the quantity on both listings in the same
 * DynamoDB transaction as the match's own change, each listing conditioned on being open with at
 * least that much remaining: a supply is never allocated beyond its quantity, however many
 * accepts race. Cancelling a confirmed match gives the quantity back the same way.
 */

/** A signed-in caller, or the system (the matcher, a run, the expiry sweep). */
type Actor = Principal | { userId: string; orgId: string };
const rolesOf = (actor: Actor, match: Match): MatchRole[] =>
  'platformRoles' in actor ? matchRoles(actor, match) : ['system'];

function notifications(match: Match, event: string, at: string): MatchNotification[] {
  return [
    {
      id: derivedId(match.id, `${event}:${match.version}:offer`),
      orgId: match.offerOrgId,
      matchId: match.id,
      event,
      listingId: match.offerListingId,
      counterpartOrgName: match.needOrgName,
      quantity: match.quantity,
      unit: match.unit,
      at,
    },
    {
      id: derivedId(match.id, `${event}:${match.version}:need`),
      orgId: match.needOrgId,
      matchId: match.id,
      event,
      listingId: match.needListingId,
      counterpartOrgName: match.offerOrgName,
      quantity: match.quantity,
      unit: match.unit,
      at,
    },
  ];
}

/** Moves remaining quantity on a listing: negative to reserve, positive to give back. */
function remainingChange(deps: Deps, listingId: string, delta: number, now: string): TransactWriteItem {
  if (delta < 0) {
    return deps.table.updateItem(
      keys.listing(listingId),
      {
        expression: 'SET remaining = remaining - :q, version = version + :one, updatedAt = :now',
        values: { ':q': -delta, ':one': 1, ':now': now },
      },
      {
        expression: '#status = :open AND remaining >= :q',
        names: { '#status': 'status' },
        values: { ':open': 'open' },
      },
    );
  }
  return deps.table.updateItem(
    keys.listing(listingId),
    {
      expression: 'SET remaining = remaining + :q, version = version + :one, updatedAt = :now',
      values: { ':q': delta, ':one': 1, ':now': now },
    },
    { expression: 'attribute_exists(pk)' },
  );
}

/** Proposes a match (live matcher or a published run). Returns false if the pair already has one. */
export async function proposeMatch(deps: Deps, match: Match, actor: Actor): Promise<boolean> {
  try {
    await deps.table.transact([
      deps.matches.createItem(match),
      ...notifications(match, 'proposed', match.proposedAt).map((n) => deps.matches.notificationItem(n)),
      deps.audit.item(
        auditEntry(
          actor,
          'match',
          match.id,
          'propose',
          match.proposedAt,
          derivedId(match.id, 'audit:propose'),
        ),
      ),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false;
    throw error;
  }
}

/**
 * A matching run's optimum replaces a pair's earlier proposal (say, from live matching) while
 * neither side has answered it yet; an answered one is left as it is. Returns whether it changed.
 */
export async function reviseProposal(deps: Deps, proposal: Match, actor: Actor): Promise<boolean> {
  const existing = await deps.matches.get(proposal.id);
  if (!existing || existing.status !== 'proposed') return false;
  const same =
    existing.quantity === proposal.quantity &&
    existing.source === proposal.source &&
    existing.distanceKm === proposal.distanceKm;
  if (same) return false;
  const next: Match = { ...proposal, version: existing.version + 1 };
  try {
    await deps.table.transact([
      deps.matches.saveItem(next, existing.version),
      ...notifications(next, 'revised', next.updatedAt).map((n) => deps.matches.notificationItem(n)),
      deps.audit.item(
        auditEntry(actor, 'match', next.id, 'revise', next.updatedAt, newId(), {
          quantity: { from: existing.quantity, to: next.quantity },
        }),
      ),
    ]);
    return true;
  } catch (error) {
    if (error instanceof ConditionFailed) return false; // answered meanwhile
    throw error;
  }
}

/** A match the caller may see (else 404), lapsed first if its proposal is past due. */
export async function loadVisibleMatch(deps: Deps, principal: Principal, matchId: string): Promise<Match> {
  const match = await deps.matches.get(matchId);
  if (!match || !canSeeMatch(await viewerFor(deps, principal), match)) throw new NotFoundError();
  return await expireMatchIfDue(deps, match);
}

/** A match the caller is a side of (403 for organizers who only follow it). */
async function loadFor(
  deps: Deps,
  principal: Principal,
  matchId: string,
): Promise<{ match: Match; side: 'offer' | 'need' }> {
  const match = await loadVisibleMatch(deps, principal, matchId);
  const side = sideOf(principal, match);
  if (!side) throw new ForbiddenError();
  return { match, side };
}

async function apply(
  deps: Deps,
  actor: Actor,
  match: Match,
  action: MatchAction,
  extra: TransactWriteItem[] = [],
): Promise<Match> {
  const now = deps.clock.now().toISOString();
  const status = transition(matchLifecycle, match.status, action, rolesOf(actor, match));
  const next: Match = {
    ...match,
    status,
    updatedAt: now,
    version: match.version + 1,
    ...(status === 'confirmed' ? { confirmedAt: now } : {}),
  };
  const event = status === 'confirmed' ? 'confirmed' : status.startsWith('accepted') ? 'accepted' : status;
  try {
    await deps.table.transact([
      deps.matches.saveItem(next, match.version),
      ...extra,
      ...notifications(next, event, now).map((n) => deps.matches.notificationItem(n)),
      deps.audit.item(
        auditEntry(actor, 'match', match.id, action, now, newId(), {
          status: { from: match.status, to: status },
        }),
      ),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    if (error.failedIndexes.includes(0) || error.failedIndexes.length === 0) throw new ConflictError();
    const side = error.failedIndexes.includes(1) ? 'offer' : 'need';
    throw new ConflictError('insufficient_remaining', { side: MESSAGES[`side.${side}`] }, [
      { field: side === 'offer' ? 'offerListingId' : 'needListingId', key: 'field.insufficient_remaining' },
    ]);
  }
  return next;
}

/** This side accepts; if the other side already had, this confirms and reserves the quantity. */
export async function acceptMatch(deps: Deps, principal: Principal, matchId: string): Promise<Match> {
  const { match, side } = await loadFor(deps, principal, matchId);
  const action = acceptAction(side, match.status);
  if (matchLifecycle.transitions[action].to !== 'confirmed')
    return await apply(deps, principal, match, action);
  const now = deps.clock.now().toISOString();
  return await apply(deps, principal, match, action, [
    remainingChange(deps, match.offerListingId, -match.quantity, now),
    remainingChange(deps, match.needListingId, -match.quantity, now),
  ]);
}

export async function declineMatch(deps: Deps, principal: Principal, matchId: string): Promise<Match> {
  const { match } = await loadFor(deps, principal, matchId);
  return await apply(deps, principal, match, 'decline');
}

/** Either side cancels a confirmed match; the quantity returns to both listings. */
export async function cancelMatch(deps: Deps, principal: Principal, matchId: string): Promise<Match> {
  const { match } = await loadFor(deps, principal, matchId);
  // Its reservation became a contract's quantity: cancelling would give it back a second time.
  if (match.contractDealId) throw new ConflictError('match_has_contract');
  const now = deps.clock.now().toISOString();
  return await apply(deps, principal, match, 'cancel', [
    remainingChange(deps, match.offerListingId, match.quantity, now),
    remainingChange(deps, match.needListingId, match.quantity, now),
  ]);
}

/** Lapses an open proposal past its expiry (lazily on read, and by the sweep). */
export async function expireMatchIfDue(deps: Deps, match: Match): Promise<Match> {
  const now = deps.clock.now().toISOString();
  if (match.expiresAt > now || !matchLifecycle.transitions.expire.from.includes(match.status)) return match;
  try {
    return await apply(deps, { userId: 'system', orgId: 'system' }, match, 'expire');
  } catch (error) {
    if (error instanceof ConflictError) return (await deps.matches.get(match.id)) ?? match;
    throw error;
  }
}
