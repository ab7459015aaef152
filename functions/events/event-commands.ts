import type { Deps } from '../api/deps.ts';
import { auditEntry, diff } from '../audit/audit.ts';
import { isOrganizer, type Principal } from '../auth/principal.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import {
  type EventInput,
  type EventPatch,
  type EventView,
  managesEvent,
  registrationOpen,
  slotGrid,
  tablesOf,
} from '../contract/events.ts';
import type { Viewer } from '../listings/listing.ts';
import { jurisdictionOf } from '../orgs/org.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { isValidAdcode, regionPrefix } from '../regions/regions.ts';
import { type FieldIssue, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { availableActions, transition } from '../shared/lifecycle.ts';
import { type EventAction, eventLifecycle, type MatchEvent } from './event.ts';

/**
 * What happens to events: create (a draft), edit, publish, cancel, close, copy into a series.
 * Organizers act on events whose region lies in their jurisdiction; every write is conditional on
 * the version read and carries its audit entry in the same transaction.
 */

/** The caller may manage this event (an organizer whose jurisdiction holds its region, or an admin). */
export function manages(viewer: Viewer, event: Pick<MatchEvent, 'region'>): boolean {
  return isOrganizer(viewer) && managesEvent(viewer, event);
}

/** A draft is seen only by those who manage it; published, closed and cancelled events by anyone. */
export function canSeeEvent(viewer: Viewer | undefined, event: MatchEvent): boolean {
  return event.status !== 'draft' || (viewer !== undefined && manages(viewer, event));
}

export function viewEvent(event: MatchEvent, viewer: Viewer | undefined, now: Date): EventView {
  const { createdBy: _by, version: _v, startDate: _s, ...rest } = event;
  const actions: string[] = [];
  if (viewer && manages(viewer, event)) {
    actions.push(...availableActions(eventLifecycle, event.status, ['organizer']));
    actions.push('copy');
    if (event.status === 'published') actions.push('registerOnBehalf', 'round', 'schedule');
  }
  if (viewer && registrationOpen(event, now)) actions.push('register');
  return {
    ...rest,
    ...(event.runIds?.[0] ? { runId: event.runIds[0] } : {}),
    slots: slotGrid(event),
    tables: tablesOf(event),
    actions: [...new Set(actions)],
  };
}

/** The public page: what, when, where, who organizes, how to take part — no counts of who applied. */
export function publicEvent(event: MatchEvent, now: Date): Omit<EventView, 'runIds' | 'runId'> {
  const { runIds: _r, runId: _r1, ...view } = viewEvent(event, undefined, now);
  return { ...view, actions: registrationOpen(event, now) ? ['register'] : [] };
}

function checkReferences(catalogue: Catalogue, input: Partial<EventInput>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.region !== undefined && !isValidAdcode(input.region)) {
    issues.push({ field: 'region', key: 'field.adcode' });
  }
  input.categories?.forEach((c, i) => {
    const known = c.startsWith('labour:') ? catalogue.getSkill(c.slice(7)) : catalogue.getCategory(c);
    if (!known) issues.push({ field: `categories.${i}`, key: 'field.unknown_category' });
  });
  return issues;
}

/** The whole event checked as it will be stored: a venue where one is needed, at least one slot. */
function checkWhole(event: MatchEvent): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (event.mode !== 'online' && !event.venue) issues.push({ field: 'venue', key: 'field.venue_required' });
  if (event.mode !== 'venue' && !event.videoLinkPattern)
    issues.push({ field: 'videoLinkPattern', key: 'field.required' });
  if (slotGrid(event).length === 0) issues.push({ field: 'meetingMinutes', key: 'field.no_slots' });
  const first = event.days[0]!.date;
  if (event.registrationDeadline > first)
    issues.push({ field: 'registrationDeadline', key: 'field.deadline_after_event' });
  if (event.responseDeadline && event.responseDeadline > first)
    issues.push({ field: 'responseDeadline', key: 'field.deadline_after_event' });
  return issues;
}

/** Organizers create and move events only within their jurisdiction (as for matching runs: 403). */
function assertJurisdiction(viewer: Viewer, region: string): void {
  if (!isOrganizer(viewer)) throw new ForbiddenError();
  if (viewer.oversees === undefined || !regionPrefix(region).startsWith(viewer.oversees)) {
    throw new ForbiddenError();
  }
}

export async function createEvent(deps: Deps, principal: Principal, input: EventInput): Promise<MatchEvent> {
  const viewer = await viewerFor(deps, principal);
  if (!isOrganizer(viewer)) throw new ForbiddenError();
  const issues = checkReferences(await deps.catalogue.current(), input);
  if (issues.length > 0) throw new ValidationError(issues);
  assertJurisdiction(viewer, input.region);
  const org = await deps.orgs.get(principal.orgId);
  if (!org) throw new NotFoundError();
  const now = deps.clock.now().toISOString();
  const id = newId();
  const event: MatchEvent = {
    ...input,
    breaks: input.breaks ?? [],
    id,
    organizerOrgId: org.id,
    organizerName: org.name,
    seriesId: id,
    status: 'draft',
    startDate: input.days[0]!.date,
    registrationCount: 0,
    approvedCount: 0,
    createdBy: principal.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const whole = checkWhole(event);
  if (whole.length > 0) throw new ValidationError(whole);
  await deps.events.create(event, auditEntry(principal, 'event', id, 'create', now, newId()));
  return event;
}

/** An event the caller may see (404 otherwise, drafts of others included). */
export async function loadVisibleEvent(
  deps: Deps,
  principal: Principal | undefined,
  eventId: string,
): Promise<{ event: MatchEvent; viewer: Viewer | undefined }> {
  const viewer = principal ? await viewerFor(deps, principal) : undefined;
  const event = await deps.events.get(eventId);
  if (!event || !canSeeEvent(viewer, event)) throw new NotFoundError();
  return { event, viewer };
}

/** An event the caller manages: 404 if it may not see it, 403 if it sees but may not manage it. */
export async function loadManagedEvent(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<{ event: MatchEvent; viewer: Viewer }> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  if (!viewer || !manages(viewer, event)) throw new ForbiddenError();
  return { event, viewer };
}

async function saveEvent(
  deps: Deps,
  principal: Principal,
  current: MatchEvent,
  next: MatchEvent,
  action: string,
  now: string,
): Promise<MatchEvent> {
  const saved = { ...next, updatedAt: now, version: current.version + 1 };
  await deps.events.save(
    saved,
    current.version,
    auditEntry(
      principal,
      'event',
      current.id,
      action,
      now,
      newId(),
      diff(current as unknown as Record<string, unknown>, saved as unknown as Record<string, unknown>),
    ),
  );
  return saved;
}

export async function editEvent(
  deps: Deps,
  principal: Principal,
  eventId: string,
  patch: EventPatch,
): Promise<MatchEvent> {
  const { event, viewer } = await loadManagedEvent(deps, principal, eventId);
  transition(eventLifecycle, event.status, event.status === 'published' ? 'amend' : 'edit', ['organizer']);
  const issues = checkReferences(await deps.catalogue.current(), patch);
  if (issues.length > 0) throw new ValidationError(issues);
  if (patch.region !== undefined) assertJurisdiction(viewer, patch.region);
  if (patch.capacity !== undefined && patch.capacity < event.approvedCount) {
    throw new ValidationError([
      { field: 'capacity', key: 'field.too_small', params: { minimum: event.approvedCount } },
    ]);
  }
  const next: MatchEvent = { ...event, ...patch } as MatchEvent;
  next.startDate = next.days[0]!.date;
  const whole = checkWhole(next);
  if (whole.length > 0) throw new ValidationError(whole);
  return await saveEvent(deps, principal, event, next, 'edit', deps.clock.now().toISOString());
}

export async function moveEvent(
  deps: Deps,
  principal: Principal,
  eventId: string,
  action: Extract<EventAction, 'publish' | 'cancel' | 'close'>,
): Promise<MatchEvent> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const status = transition(eventLifecycle, event.status, action, ['organizer']);
  if (action === 'publish') {
    const whole = checkWhole(event);
    if (whole.length > 0) throw new ValidationError(whole);
  }
  return await saveEvent(
    deps,
    principal,
    event,
    { ...event, status },
    action,
    deps.clock.now().toISOString(),
  );
}

/** The next event of the series: the same event on new dates, a draft. */
export async function copyEvent(
  deps: Deps,
  principal: Principal,
  eventId: string,
  input: { days: EventInput['days']; registrationDeadline: string; title?: string },
): Promise<MatchEvent> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const org = await deps.orgs.get(principal.orgId);
  if (!org) throw new NotFoundError();
  const now = deps.clock.now().toISOString();
  const id = newId();
  const { responseDeadline: _rd, runIds: _runs, scheduleStatus: _sched, ...kept } = event;
  const copy: MatchEvent = {
    ...kept,
    ...input,
    id,
    organizerOrgId: org.id,
    organizerName: org.name,
    seriesId: event.seriesId,
    status: 'draft',
    startDate: input.days[0]!.date,
    registrationCount: 0,
    approvedCount: 0,
    createdBy: principal.userId,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const whole = checkWhole(copy);
  if (whole.length > 0) throw new ValidationError(whole);
  await deps.events.create(
    copy,
    auditEntry(principal, 'event', id, 'copy', now, newId(), { copiedFrom: { from: null, to: event.id } }),
  );
  return copy;
}

/** Where an organizer's own department sits: the jurisdiction its events default to. */
export async function jurisdictionPrefix(deps: Deps, principal: Principal): Promise<string | undefined> {
  const org = await deps.orgs.get(principal.orgId);
  return org ? regionPrefix(jurisdictionOf(org)) : undefined;
}
