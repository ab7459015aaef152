import { query } from '@solidjs/router';
import { type ListingKind, type ListingStatus, searchListings } from '../../api/listings.ts';

/** The first page of a search (kind, region, category, status); "load more" pages on from it. */
export const getListingSearch = query(
  (kind: ListingKind, region: string, category: string | undefined, status: ListingStatus | undefined) =>
    searchListings({ kind, region, category, status }),
  'listing-search',
);
