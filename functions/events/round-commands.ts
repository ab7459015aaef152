import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import { slotInstant } from '../contract/events.ts';
import { type Match, matchActions, sideOf } from '../matches/match.ts';
import { expireMatchIfDue } from '../matches/match-commands.ts';
import type { MatchingRun } from '../matches/matching-run.ts';
import { ConflictError, ForbiddenError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import { eventLifecycle, type MatchEvent } from './event.ts';
import { loadManagedEvent, loadVisibleEvent, manages } from './event-commands.ts';
import { registrationIdFor } from './registration.ts';
import { approvedRegistrations } from './registration-commands.ts';

/**
 * The matching round: the exact allocation over the listings the event's approved participants
 * enrolled, run as ordinary matching runs whose scope is the event (one per family the event has
 * listings on both sides of). The organizer reviews and publishes them like any run
 * (/api/matching-runs/{runId}/publish); the proposals become matches carrying the event's id, which
 * lapse unanswered at the event's response deadline.
 */

const OPEN_RUN = new Set(['queued', 'running', 'publishing']);

/** Proposals lapse at the end of the response deadline (default: the day before the event). */
export function respondBy(event: MatchEvent): string {
  if (event.responseDeadline) return slotInstant(event.responseDeadline, '24:00').toISOString();
  return new Date(slotInstant(event.startDate, '00:00').getTime() - 1).toISOString();
}

export async function startRound(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<{ event: MatchEvent; runs: MatchingRun[] }> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  transition(eventLifecycle, event.status, 'round', ['organizer']);
  const previous = await Promise.all((event.runIds ?? []).map((id) => deps.runs.get(id)));
  if (previous.some((run) => run && OPEN_RUN.has(run.status))) throw new ConflictError('round_running');
  const kinds = new Set(
    (await approvedRegistrations(deps, event.id)).flatMap((r) => r.listings.map((l) => l.kind)),
  );
  const families = (['goods', 'labour'] as const).filter((family) =>
    family === 'goods'
      ? kinds.has('supply') && kinds.has('demand')
      : kinds.has('labour_offer') && kinds.has('labour_request'),
  );
  if (families.length === 0) throw new ConflictError('round_not_ready');
  const now = deps.clock.now().toISOString();
  const deadline = respondBy(event);
  const runs: MatchingRun[] = families.map((kind) => ({
    id: newId(),
    kind,
    region: event.region,
    eventId: event.id,
    ...(deadline > now ? { respondBy: deadline } : {}),
    orgId: principal.orgId,
    createdBy: principal.userId,
    status: 'queued',
    stage: 'queued',
    progress: 0,
    proposalCount: 0,
    chunkCount: 0,
    publishedChunks: 0,
    publishedMatches: 0,
    createdAt: now,
    updatedAt: now,
    version: 1,
  }));
  const next: MatchEvent = {
    ...event,
    runIds: runs.map((r) => r.id),
    updatedAt: now,
    version: event.version + 1,
  };
  await deps.table.transact([
    deps.events.putItem(next, event.version),
    ...runs.map((run) => deps.runs.createItem(run)),
    deps.audit.item(
      auditEntry(principal, 'event', event.id, 'round', now, newId(), {
        runIds: { from: event.runIds ?? null, to: next.runIds },
      }),
    ),
  ]);
  return { event: next, runs };
}

/** Every match the event's round proposed, as stored (read only; 25 reads at a time). */
export async function storedEventMatches(deps: Deps, eventId: string): Promise<Match[]> {
  const ids = await deps.meetings.eventMatchIds(eventId);
  const matches: Match[] = [];
  for (let i = 0; i < ids.length; i += 25) {
    const batch = await Promise.all(ids.slice(i, i + 25).map((id) => deps.matches.get(id)));
    for (const match of batch) if (match) matches.push(match);
  }
  return matches;
}

/** Every match the event's round proposed (lapsed ones expired on the way). */
export async function eventMatches(deps: Deps, eventId: string): Promise<Match[]> {
  const matches: Match[] = [];
  for (const match of await storedEventMatches(deps, eventId))
    matches.push(await expireMatchIfDue(deps, match));
  return matches;
}

/** The organizer sees all of the event's matches; a participant only those it is a side of. */
export async function eventMatchesFor(
  deps: Deps,
  principal: Principal,
  eventId: string,
): Promise<(Match & { actions: string[] })[]> {
  const { event, viewer } = await loadVisibleEvent(deps, principal, eventId);
  const all = (await eventMatches(deps, event.id)).map((m) => ({
    ...m,
    actions: matchActions(principal, m),
  }));
  if (viewer && manages(viewer, event)) return all;
  const registered = await deps.events.getRegistration(
    event.id,
    registrationIdFor(event.id, principal.orgId),
  );
  if (!registered) throw new ForbiddenError();
  return all.filter((m) => sideOf(principal, m) !== undefined);
}
