import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import {
  availableSlots,
  EVENT_LISTING_KINDS,
  minutesOf,
  type RegistrationInput,
  type RegistrationView,
  registrationOpen,
  slotGrid,
} from '../contract/events.ts';
import { itemOf } from '../contract/listing-kinds.ts';
import { categoryOf, isGoodsListing, type Listing, totalOf, type Viewer } from '../listings/listing.ts';
import {
  ConditionFailed,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { availableActions, transition } from '../shared/lifecycle.ts';
import type { MatchEvent } from './event.ts';
import { loadManagedEvent, loadVisibleEvent, manages } from './event-commands.ts';
import {
  type EnrolledListing,
  type Registration,
  type RegistrationAction,
  type RegistrationRole,
  registrationIdFor,
  registrationLifecycle,
} from './registration.ts';

/**
 * Registering for an event and deciding on registrations. Capacity is enforced in the approving
 * transaction itself: the event's `approvedCount` goes up only while it is below `capacity`, so
 * however many approvals race, never more are approved than the event holds.
 */

function rolesOf(viewer: Viewer, event: MatchEvent, registration: Registration): RegistrationRole[] {
  const roles: RegistrationRole[] = [];
  if (viewer.orgId === registration.orgId) roles.push('participant');
  if (manages(viewer, event)) roles.push('organizer');
  return roles;
}

export function viewRegistration(
  registration: Registration,
  viewer: Viewer,
  event: MatchEvent,
): RegistrationView {
  const { createdBy: _c, version: _v, registeredByOrgId, ...rest } = registration;
  return {
    ...rest,
    ...(registeredByOrgId ? { onBehalf: true } : {}),
    actions: availableActions(
      registrationLifecycle,
      registration.status,
      rolesOf(viewer, event, registration),
    ).filter((a) => a !== 'reapply'),
  };
}

/** The registration as the caller may see it: its organisation's members and the event's organizers. */
export function canSeeRegistration(viewer: Viewer, event: MatchEvent, registration: Registration): boolean {
  return viewer.orgId === registration.orgId || manages(viewer, event);
}

function enrolled(listing: Listing): EnrolledListing {
  const item = itemOf(listing);
  const unit = isGoodsListing(listing) ? listing.unit : 'person';
  return { id: listing.id, kind: listing.kind, item, quantity: totalOf(listing), unit };
}

/** Whether a listing is of the event's kinds and categories (an empty list of categories takes all). */
export function fitsEvent(event: Pick<MatchEvent, 'kind' | 'categories'>, listing: Listing): boolean {
  const goods = isGoodsListing(listing);
  const family = event.categories.filter((c) => c.startsWith('labour:') !== goods);
  return (
    EVENT_LISTING_KINDS[event.kind].includes(listing.kind) &&
    (family.length === 0 || family.includes(categoryOf(listing)))
  );
}

/** The listings must be the organisation's own, open, and of the event's kinds and categories. */
async function checkListings(
  deps: Deps,
  event: MatchEvent,
  orgId: string,
  listingIds: readonly string[],
): Promise<EnrolledListing[]> {
  const listings = await Promise.all(listingIds.map((id) => deps.listings.get(id)));
  const issues: FieldIssue[] = [];
  for (const [i, listing] of listings.entries()) {
    const field = `listingIds.${i}`;
    if (!listing || listing.orgId !== orgId) {
      issues.push({ field, key: 'field.listing_not_yours' });
    } else if (listing.status !== 'open') {
      issues.push({ field, key: 'field.listing_not_open' });
    } else if (!fitsEvent(event, listing)) {
      issues.push({ field, key: 'field.listing_wrong_kind' });
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return listings.map((l) => enrolled(l!));
}

/** Availability windows must lie within the event's days and hours and leave at least one slot. */
function checkAvailability(event: MatchEvent, windows: RegistrationInput['availability']): void {
  if (!windows || windows.length === 0) return;
  const issues: FieldIssue[] = [];
  windows.forEach((w, i) => {
    const day = event.days.find((d) => d.date === w.date);
    if (!day || minutesOf(w.start) < minutesOf(day.start) || minutesOf(w.end) > minutesOf(day.end)) {
      issues.push({ field: `availability.${i}`, key: 'field.availability_outside_event' });
    }
  });
  if (issues.length === 0 && availableSlots(slotGrid(event), windows).length === 0) {
    issues.push({ field: 'availability', key: 'field.no_slots' });
  }
  if (issues.length > 0) throw new ValidationError(issues);
}

/** The event's counter refused (index 1 of the transaction): it is full, or no longer published. */
function lostRaceToCapacity(event: MatchEvent, error: unknown): never {
  if (error instanceof ConditionFailed && error.failedIndexes.includes(1)) {
    throw event.status === 'published'
      ? new ConflictError('event_full', { capacity: event.capacity })
      : new ConflictError('registration_closed');
  }
  throw error;
}

/**
 * An organisation applies (or an organizer registers one on its behalf, approved at once within
 * capacity). A refused or withdrawn registration may apply again; an open one is a 409.
 */
export async function register(
  deps: Deps,
  principal: Principal,
  eventId: string,
  input: RegistrationInput,
): Promise<{ registration: Registration; event: MatchEvent; viewer: Viewer }> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const v = viewer!;
  const onBehalf = input.orgId !== undefined && input.orgId !== principal.orgId;
  if (onBehalf && !manages(v, event)) throw new ForbiddenError();
  const now = deps.clock.now();
  if (onBehalf ? event.status !== 'published' : !registrationOpen(event, now)) {
    throw new ConflictError('registration_closed');
  }
  const orgId = input.orgId ?? principal.orgId;
  const org = await deps.orgs.get(orgId);
  if (!org) throw new ValidationError([{ field: 'orgId', key: 'field.invalid_value' }]);
  const listings = await checkListings(deps, event, orgId, input.listingIds);
  checkAvailability(event, input.availability);
  const at = now.toISOString();
  const id = registrationIdFor(event.id, orgId);
  const existing = await deps.events.getRegistration(event.id, id);
  if (existing && (existing.status === 'applied' || existing.status === 'approved')) {
    throw new ConflictError('already_registered');
  }
  let status = existing ? transition(registrationLifecycle, existing.status, 'reapply') : 'applied';
  if (onBehalf) status = transition(registrationLifecycle, status, 'approve', ['organizer']);
  const registration: Registration = {
    id,
    eventId: event.id,
    eventTitle: event.title,
    eventStartDate: event.startDate,
    orgId,
    orgName: org.name,
    status,
    listingIds: [...input.listingIds],
    listings,
    availability: input.availability ?? [],
    people: input.people,
    ...(onBehalf ? { registeredByOrgId: principal.orgId } : {}),
    ...(org.invited ? { invited: true } : {}),
    createdBy: principal.userId,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    version: (existing?.version ?? 0) + 1,
  };
  const items: TransactWriteItem[] = [
    deps.events.registrationItem(registration, event.startDate, existing?.version),
    deps.events.counterItem(event.id, {
      registrations: existing ? 0 : 1,
      ...(status === 'approved' ? { approved: 1 } : {}),
    }),
    deps.audit.item(
      auditEntry(
        principal,
        'registration',
        id,
        onBehalf ? 'registerOnBehalf' : existing ? 'reapply' : 'apply',
        at,
        newId(),
      ),
    ),
  ];
  try {
    await deps.table.transact(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.failedIndexes.includes(0)) {
      throw new ConflictError('already_registered');
    }
    lostRaceToCapacity(event, error);
  }
  return { registration, event, viewer: v };
}

async function loadRegistration(
  deps: Deps,
  principal: Principal,
  eventId: string,
  registrationId: string,
): Promise<{ event: MatchEvent; viewer: Viewer; registration: Registration }> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const registration = await deps.events.getRegistration(eventId, registrationId);
  if (!registration || !canSeeRegistration(viewer!, event, registration)) throw new NotFoundError();
  return { event, viewer: viewer!, registration };
}

export async function getRegistration(
  deps: Deps,
  principal: Principal,
  eventId: string,
  registrationId: string,
): Promise<RegistrationView> {
  const { event, viewer, registration } = await loadRegistration(deps, principal, eventId, registrationId);
  return viewRegistration(registration, viewer, event);
}

/** The caller's own registration for an event, if any. */
export async function myRegistration(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<RegistrationView | null> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const registration = await deps.events.getRegistration(
    eventId,
    registrationIdFor(eventId, principal.orgId),
  );
  return registration ? viewRegistration(registration, viewer!, event) : null;
}

/** approve, refuse (with a reason), withdraw: the approved counter moves in the same transaction. */
export async function moveRegistration(
  deps: Deps,
  principal: Principal,
  eventId: string,
  registrationId: string,
  action: Exclude<RegistrationAction, 'reapply'>,
  reason?: string,
): Promise<RegistrationView> {
  const { event, viewer, registration } = await loadRegistration(deps, principal, eventId, registrationId);
  const status = transition(
    registrationLifecycle,
    registration.status,
    action,
    rolesOf(viewer, event, registration),
  );
  if (action === 'approve' && event.status !== 'published') {
    throw new ConflictError('registration_closed');
  }
  const at = deps.clock.now().toISOString();
  const next: Registration = {
    ...registration,
    status,
    ...(action === 'refuse' && reason ? { reason } : {}),
    updatedAt: at,
    version: registration.version + 1,
  };
  const delta = (status === 'approved' ? 1 : 0) - (registration.status === 'approved' ? 1 : 0);
  const items: TransactWriteItem[] = [
    deps.events.registrationItem(next, event.startDate, registration.version),
    ...(delta !== 0 ? [deps.events.counterItem(event.id, { approved: delta })] : []),
    deps.audit.item(
      auditEntry(principal, 'registration', registration.id, action, at, newId(), {
        status: { from: registration.status, to: status },
        ...(reason ? { reason: { from: null, to: reason } } : {}),
      }),
    ),
  ];
  try {
    await deps.table.transact(items);
  } catch (error) {
    if (error instanceof ConditionFailed && error.failedIndexes.includes(0)) throw new ConflictError();
    lostRaceToCapacity(event, error);
  }
  return viewRegistration(next, viewer, event);
}

/** The event's approved participants (the round and the schedule read them). */
export async function approvedRegistrations(deps: Deps, eventId: string): Promise<Registration[]> {
  return (await deps.events.allRegistrations(eventId)).filter((r) => r.status === 'approved');
}

export async function registrationsFor(
  deps: Deps,
  principal: Principal,
  eventId: string,
  page: { cursor?: string; limit?: number },
) {
  const { event, viewer } = await loadManagedEvent(deps, principal, eventId);
  const result = await deps.events.listRegistrations(eventId, page);
  return { ...result, items: result.items.map((r) => viewRegistration(r, viewer, event)) };
}
