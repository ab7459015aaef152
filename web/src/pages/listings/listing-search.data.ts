import { query } from '@solidjs/router';
import type { SearchSort } from '../../../../functions/contract/listing-search.ts';
import { type ListingKind, type ListingStatus, searchListings } from '../../api/listings.ts';

/** The first page of a search (kind, region, category, status, keyword, sort); "load more" pages on from it. */
export const getListingSearch = query(
  (
    kind: ListingKind,
    region: string,
    category: string | undefined,
    status: ListingStatus | undefined,
    q: string | undefined,
    sort: SearchSort,
  ) => searchListings({ kind, region, category, status, q, sort }),
  'listing-search',
);
