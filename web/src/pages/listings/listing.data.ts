import { query } from '@solidjs/router';
import { getCatalogue } from '../../api/catalogue.ts';
import { fetchListing, fetchListingAudit } from '../../api/listings.ts';
import { session } from '../../session.ts';

/** GET /api/listings/:id, cached per listing. */
export const getListing = query((listingId: string) => fetchListing(listingId), 'listing');

/** GET /api/listings/:id/audit (first page; owners and organizers only). */
export const getListingAudit = query((listingId: string) => fetchListingAudit(listingId), 'listing-audit');

/** Route preload for a listing's page and its edit form (signed in only: a 401 must not be cached). */
export function preloadListing(listingId: string | undefined): void {
  if (!session()) return;
  void getCatalogue().catch(() => {});
  if (listingId) void getListing(listingId).catch(() => {});
}

/** Route preload for forms and lists that need only the catalogue. */
export function preloadCatalogue(): void {
  void getCatalogue().catch(() => {});
}
