import { query } from '@solidjs/router';
import { fetchMyListings, type ListingKind, type ListingStatus } from '../../api/listings.ts';

let version = 0;

/**
 * Says my organisation's listings changed (posted, edited, moved, imported): the next visit to
 * My listings fetches afresh. A new cache key rather than `revalidate`, whose transition would get
 * in the way of the navigation that usually follows.
 */
export function myListingsChanged(): void {
  version += 1;
}

/** The first page of my organisation's listings of a kind (and status); "load more" pages on from it. */
export const getMyListings = query(
  (kind: ListingKind, status: ListingStatus | undefined, _version: number) =>
    fetchMyListings({ kind, status }),
  'my-listings',
);

export const myListingsVersion = (): number => version;
