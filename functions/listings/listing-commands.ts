import type { Deps } from '../api/deps.ts';
import { auditEntry, diff } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { pointIssue } from '../contract/listing.schema.ts';
import { kindInfo, type ListingKindInfo, windowOf } from '../contract/listing-kinds.ts';
import { changedTerms, termsVersionOf } from '../contract/match-terms.ts';
import { plausibilityIssues, todayInChina } from '../contract/plausibility.ts';
import { voidAcceptancesOn } from '../matches/match-commands.ts';
import { unknownAdcode } from '../regions/adcode-check.ts';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import { addDecimal, decimalFromNumber, decimalToNumber, ZERO } from '../shared/parse/decimal.ts';
import type { ListingInput } from './listing.schema.ts';
import {
  canEditListing,
  canSeeListing,
  isGoodsListing,
  type Listing,
  type ListingAction,
  listingLifecycle,
  listingRoles,
  totalOf,
  type Viewer,
  windowEnd,
} from './listing.ts';

/**
 * What happens to listings: post, edit, publish, withdraw, fulfil, expire. Every write is
 * conditional on the version read (no lost updates) and carries its audit entry in the same
 * transaction.
 */

/** Checks references the schema cannot: the spec, skill and certificates exist in the catalogue. */
function checkReferences(
  catalogue: Catalogue,
  input: Partial<ListingInput> & { kind: Listing['kind'] },
): FieldIssue[] {
  const issues: FieldIssue[] = [...unknownAdcode('adcode', input.adcode)];
  if ('specId' in input && input.specId !== undefined && !catalogue.getSpec(input.specId)) {
    issues.push({ field: 'specId', key: 'field.unknown_spec' });
  }
  if ('skillId' in input && input.skillId !== undefined && !catalogue.getSkill(input.skillId)) {
    issues.push({ field: 'skillId', key: 'field.unknown_skill' });
  }
  const certs = [
    ...('certificates' in input ? (input.certificates ?? []) : []),
    ...('certificatesRequired' in input ? (input.certificatesRequired ?? []) : []),
  ];
  const field = (kindInfo(input.kind) as ListingKindInfo).certificates;
  if (field && certs.some((c) => !catalogue.getCertificate(c)))
    issues.push({ field, key: 'field.unknown_certificate' });
  return issues;
}

/**
 * The plausibility rules (functions/contract/plausibility.ts, the same the web form and the import
 * run): quantities within their unit's maximum and in whole spec steps, a window that has not ended
 * (`checkWindowEnd`), a labour request's minimum days within its period; and the minimum order
 * within the quantity.
 */
function checkQuantities(
  catalogue: Catalogue,
  listing: Listing,
  now: Date,
  checkWindowEnd: boolean,
): FieldIssue[] {
  const spec = isGoodsListing(listing) ? catalogue.getSpec(listing.specId) : undefined;
  const issues = plausibilityIssues(listing as unknown as Parameters<typeof plausibilityIssues>[0], {
    ...(spec ? { spec: { unit: spec.unit, step: spec.step } } : {}),
    today: todayInChina(now),
    checkWindowEnd,
  });
  if (
    listing.kind === 'supply' &&
    listing.minOrder !== undefined &&
    listing.minOrder > listing.quantity &&
    !issues.some((i) => i.field === 'minOrder')
  ) {
    issues.push({ field: 'minOrder', key: 'field.too_big', params: { maximum: listing.quantity } });
  }
  return issues;
}

/**
 * What buildListing refuses beyond the schema (catalogue references, whole steps of the spec, the
 * minimum order); the import's check runs it too, so a row that passes the check passes the commit.
 */
export function listingInputIssues(
  catalogue: Catalogue,
  input: ListingInput,
  now: Date = new Date(),
): FieldIssue[] {
  const references = checkReferences(catalogue, input);
  return references.length > 0
    ? references
    : [...references, ...checkQuantities(catalogue, input as unknown as Listing, now, true)];
}

/** Builds a listing from validated input: derived fields (category, unit, remaining) filled in. */
export function buildListing(
  catalogue: Catalogue,
  input: ListingInput,
  owner: { orgId: string; orgName: string; userId: string },
  now: string,
  id: string = newId(),
): Listing {
  const issues = checkReferences(catalogue, input);
  if (issues.length > 0) throw new ValidationError(issues);
  const { status, ...fields } = input;
  const base = {
    id,
    orgId: owner.orgId,
    orgName: owner.orgName,
    status: status ?? 'open',
    createdBy: owner.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
    termsVersion: 1,
  };
  let listing: Listing;
  switch (fields.kind) {
    case 'supply':
    case 'demand': {
      const spec = catalogue.getSpec(fields.specId)!;
      listing = {
        ...base,
        ...fields,
        category: spec.category,
        unit: spec.unit,
        remaining: fields.quantity,
        ...(fields.kind === 'demand'
          ? { keyProject: fields.keyProject ?? false, acceptsSubstitutes: fields.acceptsSubstitutes ?? false }
          : {}),
      } as Listing;
      break;
    }
    case 'labour_offer':
      listing = {
        ...base,
        ...fields,
        certificates: fields.certificates ?? [],
        needsHousing: fields.needsHousing ?? false,
        needsTransport: fields.needsTransport ?? false,
        remaining: fields.headcount,
        lenderRemainsEmployer: true,
      };
      break;
    case 'labour_request':
      listing = {
        ...base,
        ...fields,
        certificatesRequired: fields.certificatesRequired ?? [],
        housingProvided: fields.housingProvided ?? false,
        transportProvided: fields.transportProvided ?? false,
        remaining: fields.headcount,
        lenderRemainsEmployer: true,
      };
      break;
  }
  const quantityIssues = checkQuantities(catalogue, listing, new Date(now), true);
  if (quantityIssues.length > 0) throw new ValidationError(quantityIssues);
  return listing;
}

export async function postListing(deps: Deps, principal: Principal, input: ListingInput): Promise<Listing> {
  const org = await deps.orgs.get(principal.orgId);
  if (!org) throw new NotFoundError();
  const now = deps.clock.now().toISOString();
  const catalogue = await deps.catalogue.current();
  const listing = buildListing(
    catalogue,
    input,
    { orgId: org.id, orgName: org.name, userId: principal.userId },
    now,
  );
  await deps.listings.create(listing, auditEntry(principal, 'listing', listing.id, 'post', now, newId()));
  return listing;
}

export async function loadOwnListing(deps: Deps, principal: Viewer, listingId: string): Promise<Listing> {
  const listing = await deps.listings.get(listingId);
  // A listing the caller may not see (someone else's draft) does not exist for it: 404, not 403.
  if (!listing || !canSeeListing(listing, principal)) throw new NotFoundError();
  if (!canEditListing(principal, listing)) throw new ForbiddenError();
  return listing;
}

function exactSum(...values: number[]): number {
  return decimalToNumber(values.reduce((sum, v) => addDecimal(sum, decimalFromNumber(v)), ZERO));
}

/** Edits fields; a quantity change moves `remaining` by the same amount and may not take it below 0. */
export async function editListing(
  deps: Deps,
  principal: Viewer,
  listingId: string,
  patch: Record<string, unknown>,
  cleared: readonly string[] = [],
): Promise<Listing> {
  const current = await loadOwnListing(deps, principal, listingId);
  const status = transition(listingLifecycle, current.status, 'edit', listingRoles(principal, current));
  const catalogue = await deps.catalogue.current();
  const issues = checkReferences(catalogue, { ...patch, kind: current.kind } as ListingInput);
  if (issues.length > 0) throw new ValidationError(issues);
  const merged = { ...current, ...patch, status: current.status === 'draft' ? 'draft' : status } as Listing;
  for (const field of cleared) delete (merged as unknown as Record<string, unknown>)[field];
  const newTotal = totalOf(merged);
  const oldTotal = totalOf(current);
  // On exact decimals: 10.2 t remaining of 20.1 t, edited to 30.1 t, leaves 20.2 t (not 20.200000000000003).
  merged.remaining = exactSum(current.remaining, newTotal, -oldTotal);
  if (merged.remaining < 0) {
    const field = kindInfo(merged.kind).amount;
    throw new ValidationError([
      {
        field,
        key: 'field.below_allocated',
        params: { allocated: exactSum(oldTotal, -current.remaining) },
      },
    ]);
  }
  if (isGoodsListing(merged)) {
    const spec = catalogue.getSpec(merged.specId)!;
    merged.category = spec.category;
    merged.unit = spec.unit;
  }
  const startEnd = dateOrder(merged);
  if (startEnd) throw new ValidationError([startEnd]);
  const point = pointIssue(merged);
  if (point) throw new ValidationError([point]);
  const [startField, endField] = kindInfo(merged.kind).dates;
  const windowMoved = startField in patch || endField in patch;
  const quantityIssues = checkQuantities(catalogue, merged, deps.clock.now(), windowMoved);
  if (quantityIssues.length > 0) throw new ValidationError(quantityIssues);
  const now = deps.clock.now().toISOString();
  merged.updatedAt = now;
  merged.version = current.version + 1;
  // A material change (product, quantity, price, place, window) is new terms: matches accepted on
  // the old ones cannot be confirmed on these (the confirmation is conditional on termsVersion).
  const termsMoved = changedTerms(current, merged).length > 0;
  if (termsMoved) merged.termsVersion = termsVersionOf(current) + 1;
  await saveOrConflict(deps, merged, current, principal, 'edit', now);
  if (termsMoved) await voidAcceptancesOn(deps, merged);
  return merged;
}

function dateOrder(listing: Listing): FieldIssue | undefined {
  const { start, end } = windowOf(listing);
  return end < start ? { field: kindInfo(listing.kind).dates[1], key: 'field.date_order' } : undefined;
}

async function saveOrConflict(
  deps: Deps,
  next: Listing,
  current: Listing,
  principal: Principal | { userId: string; orgId: string },
  action: string,
  now: string,
): Promise<void> {
  // Conditional on the version read: a lost race is a ConditionFailed, the API's 409.
  await deps.listings.save(
    next,
    current.version,
    auditEntry(
      principal,
      'listing',
      next.id,
      action,
      now,
      newId(),
      diff(current as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>),
    ),
  );
}

/** publish, withdraw, fulfil: a move along the listing lifecycle by its owner. */
export async function moveListing(
  deps: Deps,
  principal: Viewer,
  listingId: string,
  action: Extract<ListingAction, 'publish' | 'withdraw' | 'fulfil'>,
): Promise<Listing> {
  const current = await loadOwnListing(deps, principal, listingId);
  const status = transition(listingLifecycle, current.status, action, listingRoles(principal, current));
  const now = deps.clock.now().toISOString();
  const next: Listing = {
    ...current,
    status,
    ...(status === 'closed' ? { closedReason: action === 'fulfil' ? 'fulfilled' : 'withdrawn' } : {}),
    updatedAt: now,
    version: current.version + 1,
  };
  await saveOrConflict(deps, next, current, principal, action, now);
  return next;
}

/**
 * An organizer hides an implausible listing of its jurisdiction (with a reason the owner reads), or
 * shows it again. A hidden listing leaves search, totals, live matching and runs, which read open
 * listings only. The move and its audit entry are one conditional write, like every listing change.
 */
export async function hideListing(
  deps: Deps,
  viewer: Viewer,
  listingId: string,
  action: 'hide' | 'unhide',
  reason?: string,
): Promise<Listing> {
  const current = await deps.listings.get(listingId);
  if (!current || !canSeeListing(current, viewer)) throw new NotFoundError();
  const roles = listingRoles(viewer, current);
  if (!roles.includes('organizer') && !roles.includes('admin')) throw new ForbiddenError();
  const status = transition(listingLifecycle, current.status, action, roles);
  const now = deps.clock.now().toISOString();
  const { hiddenReason: _reason, hiddenByOrgId: _by, ...rest } = current;
  const next: Listing = {
    ...rest,
    status,
    ...(action === 'hide' ? { hiddenReason: reason ?? '', hiddenByOrgId: viewer.orgId } : {}),
    updatedAt: now,
    version: current.version + 1,
  } as Listing;
  await saveOrConflict(deps, next, current, viewer, action, now);
  return next;
}

/** Closes an open listing whose window has ended (run by the expiry sweep). */
export async function expireListing(deps: Deps, listing: Listing, now: string): Promise<boolean> {
  if (listing.status !== 'open' || windowEnd(listing) >= now.slice(0, 10)) return false;
  const next: Listing = {
    ...listing,
    status: transition(listingLifecycle, listing.status, 'expire', ['system']),
    closedReason: 'expired',
    updatedAt: now,
    version: listing.version + 1,
  };
  try {
    await saveOrConflict(deps, next, listing, { userId: 'system', orgId: 'system' }, 'expire', now);
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false; // changed meanwhile; the next sweep decides
    throw error;
  }
}
