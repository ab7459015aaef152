import type { Deps } from '../api/deps.ts';
import type { Listing } from '../listings/listing.ts';
import { orgPairKey } from '../matching/candidates.ts';
import { isHeld } from '../meetings/meeting.ts';
import { keys } from '../shared/db/keys.ts';

/**
 * A matching run whose scope is an event: the listings its approved participants enrolled (still
 * open, with something left), and — in a series — the pairs of organisations that already met at
 * an earlier event of the series, which the round does not propose again (either side may still
 * ask the other for a meeting).
 */

export async function loadEventListings(
  deps: Deps,
  eventId: string,
  kinds: readonly [Listing['kind'], Listing['kind']],
): Promise<{ offers: Listing[]; needs: Listing[] }> {
  const registrations = (await deps.events.allRegistrations(eventId)).filter((r) => r.status === 'approved');
  const ids = [...new Set(registrations.flatMap((r) => r.listingIds))];
  const listings: Listing[] = [];
  for (let i = 0; i < ids.length; i += 25) {
    const batch = await Promise.all(ids.slice(i, i + 25).map((id) => deps.listings.get(id)));
    for (const listing of batch) if (listing) listings.push(listing);
  }
  // Only what the participant still owns and has open (a listing may have changed hands or closed).
  const enrolledBy = new Map(registrations.flatMap((r) => r.listingIds.map((id) => [id, r.orgId] as const)));
  const usable = listings.filter(
    (l) => l.status === 'open' && l.remaining > 0 && enrolledBy.get(l.id) === l.orgId,
  );
  return {
    offers: usable.filter((l) => l.kind === kinds[0]),
    needs: usable.filter((l) => l.kind === kinds[1]),
  };
}

/** Pairs of organisations that met (had a meeting) at an earlier event of the same series. */
export async function pairsMetBefore(deps: Deps, eventId: string): Promise<Set<string>> {
  const event = await deps.events.get(eventId);
  const met = new Set<string>();
  if (!event) return met;
  const earlier = (await deps.events.allSeries(event.seriesId)).filter(
    (e) => e.id !== event.id && e.startDate < event.startDate && e.status !== 'cancelled',
  );
  for (const previous of earlier) {
    for (const meeting of await deps.meetings.allMeetings(previous.id)) {
      if (isHeld(meeting)) met.add(orgPairKey(meeting.offerOrgId, meeting.needOrgId));
    }
  }
  return met;
}

/** The link from an event to a match its round proposed (one Query lists the event's matches). */
export function eventMatchRecord(eventId: string, matchId: string) {
  return { ...keys.eventMatch(eventId, matchId), type: 'event-match', eventId, matchId };
}
