import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import {
  type Acceptance,
  type ListingTerms,
  MAX_VOIDED_KEPT,
  type MaterialField,
  termsOf,
  termsVersionOf,
  type VoidedAcceptance,
} from '../contract/match-terms.ts';
import type { Listing } from '../listings/listing.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, ConflictError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { MESSAGES } from '../shared/i18n/messages.ts';
import { derivedId, newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import {
  acceptAction,
  canSeeMatch,
  isOpenMatch,
  type Match,
  type MatchAction,
  type MatchRole,
  type MatchSide,
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
const SYSTEM: Actor = { userId: 'system', orgId: 'system' };
const rolesOf = (actor: Actor, match: Match): MatchRole[] =>
  'platformRoles' in actor ? matchRoles(actor, match) : ['system'];

/** The organisation whose user made a change (none for the system): its own side is not notified of it. */
const actorOrgOf = (actor: Actor): Partial<MatchNotification> =>
  'platformRoles' in actor ? { actorOrgId: actor.orgId } : {};

function notifications(
  match: Match,
  event: string,
  at: string,
  extra: Partial<MatchNotification> = {},
): MatchNotification[] {
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
      item: match.offerItem,
      at,
      ...extra,
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
      item: match.needItem,
      at,
      ...extra,
    },
  ];
}

/** A listing's terms are still `termsVersion` (listings written before terms had versions: 0). */
function termsCondition(termsVersion: number): { expression: string; values: Record<string, number> } {
  return termsVersion === 0
    ? { expression: 'attribute_not_exists(termsVersion)', values: {} }
    : { expression: 'termsVersion = :tv', values: { ':tv': termsVersion } };
}

/**
 * Moves remaining quantity on a listing: negative to reserve, positive to give back. Reserving is
 * conditional on the listing being open, having that much left and — when `termsVersion` is given —
 * on its terms still being the ones both sides accepted.
 */
function remainingChange(
  deps: Deps,
  listingId: string,
  delta: number,
  now: string,
  termsVersion?: number,
): TransactWriteItem {
  if (delta < 0) {
    const terms = termsVersion === undefined ? undefined : termsCondition(termsVersion);
    return deps.table.updateItem(
      keys.listing(listingId),
      {
        expression: 'SET remaining = remaining - :q, version = version + :one, updatedAt = :now',
        values: { ':q': -delta, ':one': 1, ':now': now },
      },
      {
        expression: `#status = :open AND remaining >= :q${terms ? ` AND ${terms.expression}` : ''}`,
        names: { '#status': 'status' },
        values: { ':open': 'open', ...terms?.values },
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

/** A first acceptance holds only if the listings' terms are still the ones read (one transaction). */
function termsCheck(deps: Deps, terms: ListingTerms): TransactWriteItem {
  return deps.table.conditionCheck(keys.listing(terms.listingId), termsCondition(terms.termsVersion));
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
  const next: Match = {
    ...proposal,
    ...(existing.voided ? { voided: existing.voided } : {}),
    version: existing.version + 1,
  };
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
  return await settleMatch(deps, match);
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
  change: {
    patch?: Partial<Match>;
    note?: Partial<MatchNotification>;
    details?: Record<string, unknown>;
  } = {},
): Promise<Match> {
  const now = deps.clock.now().toISOString();
  const status = transition(matchLifecycle, match.status, action, rolesOf(actor, match));
  const next: Match = {
    ...match,
    ...change.patch,
    status,
    updatedAt: now,
    version: match.version + 1,
    ...(status === 'confirmed' ? { confirmedAt: now } : {}),
  };
  for (const key of Object.keys(next) as (keyof Match)[]) if (next[key] === undefined) delete next[key];
  const event =
    action === 'voidAcceptance'
      ? 'acceptance_voided'
      : status === 'confirmed'
        ? 'confirmed'
        : status.startsWith('accepted')
          ? 'accepted'
          : status;
  try {
    await deps.table.transact([
      deps.matches.saveItem(next, match.version),
      ...extra,
      ...notifications(next, event, now, { ...change.note, ...actorOrgOf(actor) }).map((n) =>
        deps.matches.notificationItem(n),
      ),
      deps.audit.item(
        auditEntry(actor, 'match', match.id, action, now, newId(), {
          status: { from: match.status, to: status },
          ...change.details,
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

/** The two listings of a match, as they are now. */
async function listingsOf(deps: Deps, match: Match): Promise<{ offer: Listing; need: Listing }> {
  const [offer, need] = await Promise.all([
    deps.listings.get(match.offerListingId),
    deps.listings.get(match.needListingId),
  ]);
  if (!offer || !need) throw new NotFoundError();
  return { offer, need };
}

/**
 * What changed in the listings since the match's acceptances were given: for each side whose
 * listing's terms version moved, the material fields that differ from what was accepted.
 */
function termsDrift(
  match: Match,
  listings: { offer: Listing; need: Listing },
): { changedSide: MatchSide; listingId: string; fields: MaterialField[] }[] {
  const accepted = Object.values(match.acceptances ?? {}).filter((a): a is Acceptance => a !== undefined);
  if (accepted.length === 0 || !isOpenMatch(match)) return [];
  const drift: { changedSide: MatchSide; listingId: string; fields: MaterialField[] }[] = [];
  for (const side of ['offer', 'need'] as const) {
    const listing = listings[side];
    const stale = accepted.filter((a) => a[side].termsVersion !== termsVersionOf(listing));
    if (stale.length === 0) continue;
    const now = termsOf(listing).values;
    const fields = new Set<MaterialField>();
    for (const a of stale) {
      const was = a[side].values;
      for (const field of new Set([...Object.keys(was), ...Object.keys(now)]) as Set<MaterialField>) {
        if (JSON.stringify(was[field]) !== JSON.stringify(now[field])) fields.add(field);
      }
    }
    drift.push({ changedSide: side, listingId: listing.id, fields: [...fields] });
  }
  return drift;
}

/**
 * Voids the acceptances of an open match given on terms that are no longer its listings': back to
 * awaiting both sides, the voiding recorded on the match (which listing, which fields), both sides
 * told in their inbox, audited — one transaction. Returns the match as it is now.
 */
async function voidIfTermsChanged(
  deps: Deps,
  match: Match,
  listings?: { offer: Listing; need: Listing },
): Promise<Match> {
  if (!matchLifecycle.transitions.voidAcceptance.from.includes(match.status)) return match;
  const drift = termsDrift(match, listings ?? (await listingsOf(deps, match)));
  if (drift.length === 0) return match;
  const now = deps.clock.now().toISOString();
  const sides = Object.keys(match.acceptances ?? {}) as MatchSide[];
  const entries: VoidedAcceptance[] = drift.map((d) => ({ at: now, ...d, sides }));
  const fields = [...new Set(drift.flatMap((d) => d.fields))];
  try {
    return await apply(deps, SYSTEM, match, 'voidAcceptance', [], {
      patch: {
        acceptances: undefined,
        voided: [...(match.voided ?? []), ...entries].slice(-MAX_VOIDED_KEPT),
      },
      note: { changedFields: fields, changedSide: drift[0]!.changedSide },
      details: { changedFields: fields },
    });
  } catch (error) {
    if (error instanceof ConflictError) return (await deps.matches.get(match.id)) ?? match;
    throw error;
  }
}

/**
 * After a listing's material change: voids the acceptances its open matches were given on the
 * earlier terms (called by the edit; reading or answering such a match voids it too, and a
 * confirmation is conditional on the accepted terms, so a crash in between never confirms).
 */
export async function voidAcceptancesOn(deps: Deps, listing: Listing): Promise<number> {
  const side: MatchSide = listing.kind === 'supply' || listing.kind === 'labour_offer' ? 'offer' : 'need';
  const matches = await deps.matches.forListing(listing.id, side);
  let voided = 0;
  for (const match of matches) {
    if (!matchLifecycle.transitions.voidAcceptance.from.includes(match.status)) continue;
    const after = await voidIfTermsChanged(deps, match);
    if (after.status === 'proposed') voided += 1;
  }
  return voided;
}

/**
 * This side accepts; if the other side already had, this confirms and reserves the quantity. The
 * acceptance records the terms of both listings as they are (and, when the caller says which terms
 * versions it saw, only those); the transaction holds only if the listings' terms are still those,
 * and a confirmation only if they are still the ones the first side accepted.
 */
export async function acceptMatch(
  deps: Deps,
  principal: Principal,
  matchId: string,
  seen: { offerTermsVersion?: number; needTermsVersion?: number } = {},
): Promise<Match> {
  const { match, side } = await loadFor(deps, principal, matchId);
  const action = acceptAction(side, match.status);
  transition(matchLifecycle, match.status, action, rolesOf(principal, match));
  const listings = await listingsOf(deps, match);
  const terms = { offer: termsOf(listings.offer), need: termsOf(listings.need) };
  for (const s of ['offer', 'need'] as const) {
    const saw = s === 'offer' ? seen.offerTermsVersion : seen.needTermsVersion;
    if (saw !== undefined && saw !== terms[s].termsVersion) throw termsChanged(s);
  }
  // Confirming: the first side's acceptance must stand on exactly these terms.
  const other = match.acceptances?.[side === 'offer' ? 'need' : 'offer'];
  if (other) {
    for (const s of ['offer', 'need'] as const) {
      if (other[s].termsVersion !== terms[s].termsVersion) {
        await voidIfTermsChanged(deps, match, listings);
        throw termsChanged(s);
      }
    }
  }
  const now = deps.clock.now().toISOString();
  const acceptance: Acceptance = { at: now, userId: principal.userId, ...terms };
  const patch = { acceptances: { ...match.acceptances, [side]: acceptance } };
  const confirms = matchLifecycle.transitions[action].to === 'confirmed';
  const extra = confirms
    ? [
        remainingChange(deps, match.offerListingId, -match.quantity, now, terms.offer.termsVersion),
        remainingChange(deps, match.needListingId, -match.quantity, now, terms.need.termsVersion),
      ]
    : [termsCheck(deps, terms.offer), termsCheck(deps, terms.need)];
  try {
    return await apply(deps, principal, match, action, extra, { patch });
  } catch (error) {
    if (!(error instanceof ConflictError) || error.code !== 'insufficient_remaining') throw error;
    // A listing's condition failed: its terms changed under us (void, and say so), or it ran short.
    const after = await listingsOf(deps, match);
    for (const s of ['offer', 'need'] as const) {
      if (termsVersionOf(after[s]) !== terms[s].termsVersion) {
        const current = (await deps.matches.get(match.id)) ?? match;
        await voidIfTermsChanged(deps, current, after);
        throw termsChanged(s);
      }
    }
    if (!confirms) throw new ConflictError();
    throw error;
  }
}

const termsChanged = (side: MatchSide) =>
  new ConflictError('terms_changed', { side: MESSAGES[`side.${side}`] }, [
    { field: side === 'offer' ? 'offerListingId' : 'needListingId', key: 'field.terms_changed' },
  ]);

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

/** A match as it stands now: lapsed if past due, its acceptances voided if the terms changed since. */
export async function settleMatch(deps: Deps, match: Match): Promise<Match> {
  const current = await expireMatchIfDue(deps, match);
  return await voidIfTermsChanged(deps, current);
}

/** Lapses an open proposal past its expiry (lazily on read, and by the sweep). */
export async function expireMatchIfDue(deps: Deps, match: Match): Promise<Match> {
  const now = deps.clock.now().toISOString();
  if (match.expiresAt > now || !matchLifecycle.transitions.expire.from.includes(match.status)) return match;
  try {
    return await apply(deps, SYSTEM, match, 'expire');
  } catch (error) {
    if (error instanceof ConflictError) return (await deps.matches.get(match.id)) ?? match;
    throw error;
  }
}
