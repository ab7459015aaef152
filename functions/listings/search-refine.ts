import type { Catalogue } from '../catalogue/catalogue.ts';
import type { Listing } from '../contract/listing.ts';
import type { SearchSort } from '../contract/listing-search.ts';
import { haversineKm } from '../regions/distance.ts';
import { centreOf } from '../regions/regions.ts';

/**
 * A search refined by keyword and sorted: within the listings one region/category Query returned
 * (at most MAX_REFINED_READ of them, the first by the index's order), keep those whose firm,
 * product, spec or skill contains every word of the keyword, then sort. Pure: no I/O.
 */

export { MAX_REFINED_READ, SEARCH_SORTS, type SearchSort } from '../contract/listing-search.ts';

/** What a listing is found by: its firm, its product and spec (or skill), in both languages. */
function haystack(listing: Listing, catalogue: Catalogue): string {
  const parts: string[] = [listing.orgName];
  if (listing.kind === 'supply' || listing.kind === 'demand') {
    const spec = catalogue.getSpec(listing.specId);
    const product = spec ? catalogue.getProduct(spec.product) : undefined;
    parts.push(listing.specId);
    if (listing.kind === 'demand') parts.push(listing.projectName);
    if (spec) parts.push(spec.name.zh, spec.name.en, spec.standard ?? '');
    if (product) parts.push(product.name.zh, product.name.en);
  } else {
    const skill = catalogue.getSkill(listing.skillId);
    parts.push(listing.skillId);
    if (skill) parts.push(skill.name.zh, skill.name.en);
  }
  return parts.join(' ').toLowerCase();
}

const words = (keyword: string): string[] => keyword.toLowerCase().split(/\s+/).filter(Boolean);

/** Where a listing is: its exact point, else its division's centre. */
function pointOf(listing: Listing): { lat: number; lng: number } | undefined {
  return listing.lat !== undefined && listing.lng !== undefined
    ? { lat: listing.lat, lng: listing.lng }
    : centreOf(listing.adcode);
}

const startOf = (listing: Listing): string =>
  listing.kind === 'supply'
    ? listing.availableFrom
    : listing.kind === 'demand'
      ? listing.deliverFrom
      : listing.from;

export interface Refinement {
  keyword?: string;
  sort?: SearchSort;
  /** Distances are measured from here (the viewer's organisation's seat). */
  from?: string;
}

export function refineListings(
  listings: readonly Listing[],
  refine: Refinement,
  catalogue: Catalogue,
): Listing[] {
  const wanted = words(refine.keyword ?? '');
  const kept =
    wanted.length === 0
      ? [...listings]
      : listings.filter((l) => {
          const text = haystack(l, catalogue);
          return wanted.every((w) => text.includes(w));
        });
  const byId = (a: Listing, b: Listing) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (refine.sort) {
    case 'date':
      // soonest available (or needed) first
      return kept.sort((a, b) => startOf(a).localeCompare(startOf(b)) || byId(a, b));
    case 'quantity':
      // most remaining first
      return kept.sort((a, b) => b.remaining - a.remaining || byId(a, b));
    case 'distance': {
      const origin = refine.from ? centreOf(refine.from) : undefined;
      if (!origin) return kept;
      const km = new Map(kept.map((l) => [l.id, distance(origin, pointOf(l))]));
      return kept.sort((a, b) => km.get(a.id)! - km.get(b.id)! || byId(a, b));
    }
    default:
      return kept;
  }
}

function distance(
  origin: { lat: number; lng: number },
  point: { lat: number; lng: number } | undefined,
): number {
  return point ? haversineKm(origin, point) : Number.POSITIVE_INFINITY;
}
