import type { Deps } from '../api/deps.ts';
import { isAdmin, isOrganizer, type Principal } from '../auth/principal.ts';
import { todayInChina } from '../contract/plausibility.ts';
import type { CarryOver, EventReport, RegionDashboard } from '../contract/report.ts';
import type { Listing } from '../listings/listing.ts';
import { hasLapsed, type Match } from '../matches/match.ts';
import { jurisdictionOf } from '../orgs/org.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { isValidAdcode, regionPrefix } from '../regions/regions.ts';
import { ForbiddenError, ValidationError } from '../shared/errors.ts';
import { carriedListingIds, carryOver, previousInSeries } from './carry-over.ts';
import { loadManagedEvent } from './event-commands.ts';
import { eventReport } from './event-report.ts';
import { regionDashboard } from './region-dashboard.ts';
import { fitsEvent } from './registration-commands.ts';
import { storedEventMatches } from './round-commands.ts';

/**
 * Reading what an event report needs: one Query per collection of the event's partition and
 * indexes (every page followed), the round's matches by id. Nothing is written: a proposal that
 * lapsed unanswered counts as expired without being moved here.
 */

/** The round's matches, read only; lapsed proposals are reported as expired. */
async function roundMatches(deps: Deps, eventId: string, now: string): Promise<Pick<Match, 'status'>[]> {
  return (await storedEventMatches(deps, eventId)).map((match) => ({
    status: hasLapsed(match, now) ? 'expired' : match.status,
  }));
}

/** The report of an event, for the organizers who manage it and platform admins (others: 403, drafts 404). */
export async function reportOfEvent(deps: Deps, principal: Principal, eventId: string): Promise<EventReport> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const now = deps.clock.now();
  const [registrations, checkIns, matches, meetings, deals] = await Promise.all([
    deps.events.allRegistrations(event.id),
    deps.live.checkIns(event.id),
    roundMatches(deps, event.id, now.toISOString()),
    deps.meetings.allMeetings(event.id),
    deps.deals.allForEvent(event.id),
  ]);
  const catalogue = await deps.catalogue.current();
  return eventReport({ event, registrations, checkIns, matches, meetings, deals, now, catalogue });
}

// ── The organizer's region dashboard ────────────────────────────────────────────────────────────

/** Runs `load` over `items`, ten at a time. */
async function inBatches<T, R>(items: readonly T[], load: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += 10)
    out.push(...(await Promise.all(items.slice(i, i + 10).map(load))));
  return out;
}

/**
 * The dashboard of an organizer's jurisdiction (or a region within it; admins name one): this
 * month's events per city against the target, participants, deals, signed value, and the series
 * whose next event takes the carried-over demand. Outside the jurisdiction: 403.
 */
export async function regionDashboardFor(
  deps: Deps,
  principal: Principal,
  query: { month?: string; region?: string },
): Promise<RegionDashboard> {
  const viewer = await viewerFor(deps, principal);
  if (!isOrganizer(viewer) || viewer.oversees === undefined) throw new ForbiddenError();
  let region = query.region;
  if (region === undefined) {
    if (isAdmin(viewer)) throw new ValidationError([{ field: 'region', key: 'field.required' }]);
    const own = await deps.orgs.get(principal.orgId);
    if (!own) throw new ForbiddenError();
    region = jurisdictionOf(own);
  }
  if (!isValidAdcode(region)) throw new ValidationError([{ field: 'region', key: 'field.adcode' }]);
  const prefix = regionPrefix(region);
  if (!prefix.startsWith(viewer.oversees)) throw new ForbiddenError();
  const today = todayInChina(deps.clock.now());
  const month = query.month ?? today.slice(0, 7);
  const events = (await deps.events.allByMonth(month, prefix)).filter((e) => e.status !== 'cancelled');
  const deals = new Map(
    await inBatches(events, async (e) => [e.id, await deps.deals.allForEvent(e.id)] as const),
  );
  const seriesIds = [...new Set(events.map((e) => e.seriesId))];
  const series = new Map(
    await inBatches(seriesIds, async (id) => [id, await deps.events.allSeries(id)] as const),
  );
  return regionDashboard({
    month,
    region,
    today,
    events,
    dealsOf: (id) => deals.get(id) ?? [],
    seriesEvents: (id) => series.get(id) ?? [],
  });
}

// ── Carried-over demand ─────────────────────────────────────────────────────────────────────────

/** The previous event's unmet demand, proposed for this one (the organizers of this event). */
export async function carryOverFor(deps: Deps, principal: Principal, eventId: string): Promise<CarryOver> {
  const { event } = await loadManagedEvent(deps, principal, eventId);
  const previous = previousInSeries(event, await deps.events.allSeries(event.seriesId));
  const [previousRegistrations, registrations] = await Promise.all([
    previous ? deps.events.allRegistrations(previous.id) : Promise.resolve([]),
    deps.events.allRegistrations(event.id),
  ]);
  const ids = carriedListingIds(previousRegistrations);
  const listings = (await inBatches(ids, (id) => deps.listings.get(id))).filter(
    (l): l is Listing => l !== undefined,
  );
  return carryOver({
    event,
    previous,
    previousRegistrations,
    listings,
    registrations,
    fits: (listing) => fitsEvent(event, listing),
    catalogue: await deps.catalogue.current(),
  });
}
