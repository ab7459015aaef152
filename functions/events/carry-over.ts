import type { Catalogue } from '../catalogue/catalogue.ts';
import { kindsOf } from '../contract/listing-kinds.ts';
import type { CarryOver, CarryOverListing, CarryOverOrg } from '../contract/report.ts';
import { isGoodsListing, type Listing } from '../listings/listing.ts';
import type { MatchEvent } from './event.ts';
import type { Registration } from './registration.ts';

/**
 * Unmet demand carried over in a series (issue 10): the demand listings the previous event's
 * approved participants enrolled that are still open with something left are proposed for the
 * next event — grouped by organisation, with its registration there if it has one, so the
 * organizer can register it on its behalf through the ordinary registration command. Pure.
 */

const NEED_KINDS = new Set<Listing['kind']>(kindsOf(undefined, 'need'));

/** The event of the series just before this one (by first day; cancelled events and drafts skipped). */
export function previousInSeries(event: MatchEvent, series: readonly MatchEvent[]): MatchEvent | undefined {
  return series
    .filter(
      (e) =>
        e.id !== event.id &&
        e.status !== 'cancelled' &&
        e.status !== 'draft' &&
        (e.startDate < event.startDate || (e.startDate === event.startDate && e.createdAt < event.createdAt)),
    )
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .pop();
}

export interface CarryOverInput {
  event: MatchEvent;
  previous: MatchEvent | undefined;
  previousRegistrations: readonly Registration[];
  /** The enrolled listings of the previous event as they stand now. */
  listings: readonly Listing[];
  /** This event's registrations (to say who is registered already and what is enrolled). */
  registrations: readonly Registration[];
  /** Whether a listing may be enrolled at this event (its kinds and categories). */
  fits: (listing: Listing) => boolean;
  /** The catalogue in use (names of specs, units and skills). */
  catalogue: Catalogue;
}

function itemOf(
  catalogue: Catalogue,
  listing: Listing,
): Pick<CarryOverListing, 'specId' | 'name' | 'unit' | 'unitSymbol' | 'quantity'> {
  if (isGoodsListing(listing)) {
    const spec = catalogue.getSpec(listing.specId);
    const unit = catalogue.getUnit(listing.unit);
    return {
      specId: listing.specId,
      name: spec ? { zh: spec.name.zh, en: spec.name.en } : { zh: listing.specId, en: listing.specId },
      unit: listing.unit,
      unitSymbol: unit ? { zh: unit.symbol.zh, en: unit.symbol.en } : { zh: listing.unit, en: listing.unit },
      quantity: listing.quantity,
    };
  }
  const skill = catalogue.getSkill(listing.skillId);
  return {
    specId: listing.skillId,
    name: skill ? { zh: skill.name.zh, en: skill.name.en } : { zh: listing.skillId, en: listing.skillId },
    unit: 'person',
    unitSymbol: { zh: '人', en: 'people' },
    quantity: listing.headcount,
  };
}

/** The demand and labour requests the previous event's approved participants enrolled (ids, once each). */
export function carriedListingIds(previousRegistrations: readonly Registration[]): string[] {
  return [
    ...new Set(
      previousRegistrations
        .filter((r) => r.status === 'approved')
        .flatMap((r) => r.listings.filter((l) => NEED_KINDS.has(l.kind as Listing['kind'])).map((l) => l.id)),
    ),
  ];
}

export function carryOver(input: CarryOverInput): CarryOver {
  const enrolledBefore = new Set(carriedListingIds(input.previousRegistrations));
  const here = new Map(input.registrations.map((r) => [r.orgId, r]));
  const orgs = new Map<string, CarryOverOrg>();
  for (const listing of input.listings) {
    if (!enrolledBefore.has(listing.id) || !NEED_KINDS.has(listing.kind)) continue;
    if (listing.status !== 'open' || listing.remaining <= 0 || !input.fits(listing)) continue;
    const registration = here.get(listing.orgId);
    const org = orgs.get(listing.orgId) ?? {
      orgId: listing.orgId,
      orgName: listing.orgName,
      registrationStatus: registration?.status ?? null,
      listings: [],
    };
    org.listings.push({
      listingId: listing.id,
      orgId: listing.orgId,
      orgName: listing.orgName,
      ...itemOf(input.catalogue, listing),
      remaining: listing.remaining,
      enrolled: registration?.listingIds.includes(listing.id) ?? false,
    });
    orgs.set(listing.orgId, org);
  }
  return {
    eventId: input.event.id,
    previous: input.previous
      ? { eventId: input.previous.id, title: input.previous.title, startDate: input.previous.startDate }
      : null,
    orgs: [...orgs.values()].sort((a, b) => (a.orgName < b.orgName ? -1 : a.orgName > b.orgName ? 1 : 0)),
    canEnroll: input.event.status === 'published',
  };
}
