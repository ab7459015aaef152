import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import { EVENT_LIMITS, type MeetingRequestView, slotInstant } from '../contract/events.ts';
import type { MatchEvent } from '../events/event.ts';
import { loadVisibleEvent, manages } from '../events/event-commands.ts';
import { registrationIdFor } from '../events/registration.ts';
import type { Viewer } from '../listings/listing.ts';
import {
  ConditionFailed,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { availableActions, transition } from '../shared/lifecycle.ts';
import {
  hasLapsed,
  type MeetingRequest,
  type MeetingRequestAction,
  type MeetingRequestRole,
  meetingRequestIdFor,
  meetingRequestLifecycle,
} from './meeting-request.ts';

/**
 * Meeting requests between participants of an event: any approved participant asks another; the
 * other accepts or declines before the request lapses (72 hours, and never later than the start of
 * the event), so an unanswered request never holds a slot. Lapsing happens on read.
 */

function rolesOf(viewer: Pick<Principal, 'orgId'>, request: MeetingRequest): MeetingRequestRole[] {
  const roles: MeetingRequestRole[] = [];
  if (viewer.orgId === request.fromOrgId) roles.push('asker');
  if (viewer.orgId === request.toOrgId) roles.push('asked');
  return roles;
}

export function viewRequest(request: MeetingRequest, viewer: Pick<Principal, 'orgId'>): MeetingRequestView {
  const { createdBy: _c, version: _v, updatedAt: _u, ...rest } = request;
  return {
    ...rest,
    actions: availableActions(meetingRequestLifecycle, request.status, rolesOf(viewer, request)).filter(
      (a) => a !== 'renew',
    ),
  };
}

/** Whether this organisation is an approved participant of the event. */
export async function isParticipant(deps: Deps, eventId: string, orgId: string): Promise<boolean> {
  const registration = await deps.events.getRegistration(eventId, registrationIdFor(eventId, orgId));
  return registration?.status === 'approved';
}

async function loadAsParticipant(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<{ event: MatchEvent; viewer: Viewer }> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  if (!(await isParticipant(deps, event.id, principal.orgId))) throw new ForbiddenError();
  return { event, viewer: viewer! };
}

/** Lapses an unanswered request past its expiry (in the table too), returning it as it now stands. */
async function lapseIfDue(deps: Deps, request: MeetingRequest): Promise<MeetingRequest> {
  const now = deps.clock.now().toISOString();
  if (!hasLapsed(request, now)) return request;
  const next: MeetingRequest = {
    ...request,
    status: transition(meetingRequestLifecycle, request.status, 'expire', ['system']),
    updatedAt: now,
    version: request.version + 1,
  };
  try {
    await deps.table.transact([
      deps.meetings.requestItem(next, request.version),
      deps.audit.item(
        auditEntry(
          { userId: 'system', orgId: 'system' },
          'meeting_request',
          request.id,
          'expire',
          now,
          newId(),
        ),
      ),
    ]);
    return next;
  } catch (error) {
    if (error instanceof ConditionFailed)
      return (await deps.meetings.getRequest(request.eventId, request.id)) ?? request;
    throw error;
  }
}

export async function requestMeeting(
  deps: Deps,
  principal: Principal,
  eventId: string,
  input: { toOrgId: string; note?: string },
): Promise<MeetingRequestView> {
  const { event } = await loadAsParticipant(deps, principal, eventId);
  if (event.status !== 'published') throw new ConflictError('event_not_published');
  if (input.toOrgId === principal.orgId) {
    throw new ValidationError([{ field: 'toOrgId', key: 'field.self_request' }]);
  }
  const to = await deps.events.getRegistration(event.id, registrationIdFor(event.id, input.toOrgId));
  if (to?.status !== 'approved')
    throw new ValidationError([{ field: 'toOrgId', key: 'field.not_participant' }]);
  const from = (await deps.events.getRegistration(event.id, registrationIdFor(event.id, principal.orgId)))!;
  const now = deps.clock.now();
  const at = now.toISOString();
  const ttl = new Date(now.getTime() + EVENT_LIMITS.requestTtlHours * 3_600_000);
  const eventStart = slotInstant(event.days[0]!.date, event.days[0]!.start);
  const expiresAt = (ttl < eventStart ? ttl : eventStart).toISOString();
  if (expiresAt <= at) throw new ConflictError('event_not_published');
  const id = meetingRequestIdFor(event.id, principal.orgId, input.toOrgId);
  const existing = await deps.meetings.getRequest(event.id, id);
  const current = existing ? await lapseIfDue(deps, existing) : undefined;
  if (current && (current.status === 'requested' || current.status === 'accepted')) {
    throw new ConflictError('request_open');
  }
  const status = current
    ? transition(meetingRequestLifecycle, current.status, 'renew', ['asker'])
    : 'requested';
  const request: MeetingRequest = {
    id,
    eventId: event.id,
    fromOrgId: principal.orgId,
    fromOrgName: from.orgName,
    toOrgId: to.orgId,
    toOrgName: to.orgName,
    status,
    ...(input.note ? { note: input.note } : {}),
    expiresAt,
    createdBy: principal.userId,
    createdAt: at,
    updatedAt: at,
    version: (current?.version ?? 0) + 1,
  };
  try {
    await deps.table.transact([
      deps.meetings.requestItem(request, current?.version),
      deps.audit.item(
        auditEntry(principal, 'meeting_request', id, current ? 'renew' : 'request', at, newId()),
      ),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed)
      throw new ConflictError('request_open', undefined, undefined, { cause: error });
    throw error;
  }
  return viewRequest(request, principal);
}

export async function moveMeetingRequest(
  deps: Deps,
  principal: Principal,
  eventId: string,
  requestId: string,
  action: Extract<MeetingRequestAction, 'accept' | 'decline' | 'cancel'>,
): Promise<MeetingRequestView> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const found = await deps.meetings.getRequest(event.id, requestId);
  const sees = found && (rolesOf(principal, found).length > 0 || (viewer && manages(viewer, event)));
  if (!found || !sees) throw new NotFoundError();
  const request = await lapseIfDue(deps, found);
  const status = transition(meetingRequestLifecycle, request.status, action, rolesOf(principal, request));
  const at = deps.clock.now().toISOString();
  const next: MeetingRequest = { ...request, status, updatedAt: at, version: request.version + 1 };
  await deps.table.transact([
    deps.meetings.requestItem(next, request.version),
    deps.audit.item(
      auditEntry(principal, 'meeting_request', request.id, action, at, newId(), {
        status: { from: request.status, to: status },
      }),
    ),
  ]);
  return viewRequest(next, principal);
}

/** The organizer sees every request of the event; a participant those it made or received. */
export async function meetingRequestsFor(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<MeetingRequestView[]> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  let requests: MeetingRequest[];
  if (viewer && manages(viewer, event)) {
    requests = await deps.meetings.allRequests(event.id);
  } else {
    if (!(await isParticipant(deps, event.id, principal.orgId))) throw new ForbiddenError();
    const [made, received] = await Promise.all([
      deps.meetings.requestsOf(event.id, principal.orgId, 'from'),
      deps.meetings.requestsOf(event.id, principal.orgId, 'to'),
    ]);
    requests = [...made, ...received];
  }
  const current = await Promise.all(requests.map((r) => lapseIfDue(deps, r)));
  return current.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)).map((r) => viewRequest(r, principal));
}

/** The event's approved participants, for choosing whom to ask (names only, no contacts). */
export async function participantsFor(deps: Deps, principal: Principal, eventId: string) {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  if (!(viewer && manages(viewer, event)) && !(await isParticipant(deps, event.id, principal.orgId))) {
    throw new ForbiddenError();
  }
  const registrations = (await deps.events.allRegistrations(event.id)).filter((r) => r.status === 'approved');
  return registrations.map((r) => ({
    orgId: r.orgId,
    orgName: r.orgName,
    kinds: [...new Set(r.listings.map((l) => l.kind))],
    items: [...new Set(r.listings.map((l) => l.item))],
  }));
}
