import type { AuditEntry } from '../../../functions/contract/audit.ts';
import type { SummaryRow } from '../../../functions/contract/list-summary.ts';
import {
  type DemandListing,
  isGoodsListing,
  type LabourOfferListing,
  type LabourRequestListing,
  LISTING_KINDS,
  type Listing,
  type ListingKind,
  type ListingStatus,
  type ListingView,
  type SupplyListing,
  totalOf,
} from '../../../functions/contract/listing.ts';
import { isListingKind } from '../../../functions/contract/listing-kinds.ts';
import type { SearchSort } from '../../../functions/contract/listing-search.ts';
import { listingKindsOf } from '../../../functions/contract/org.ts';
import type { Lang } from '../i18n/index.ts';
import { api } from './client.ts';
import { downloadFile, type Page, type SheetFormat, sendJson } from './imports.ts';

/** Listings: post, read, edit, move along their lifecycle; search; 供应清单/需求清单 and exports. */

export type {
  AuditEntry,
  DemandListing,
  LabourOfferListing,
  LabourRequestListing,
  Listing,
  ListingKind,
  ListingStatus,
  ListingView,
  Page,
  SummaryRow,
  SupplyListing,
};

/** The table of kinds and its accessors come from the contract (functions/contract/listing-kinds.ts). */
export { isListingKind, LISTING_KINDS, totalOf };
/** A supply or a demand (the goods family). */
export const isGoods = isGoodsListing;
export const LISTING_STATUSES: readonly ListingStatus[] = ['draft', 'open', 'closed'];

/** The kinds of listing an organisation of these kinds posts (all four for organizers and others). */
export function kindsForOrg(orgKinds: readonly string[]): ListingKind[] {
  const mine = listingKindsOf(orgKinds);
  return mine.length > 0 ? mine : [...LISTING_KINDS];
}

export type ListingLifecycleAction = 'publish' | 'withdraw' | 'fulfil';

/** POST /api/listings (one Idempotency-Key per submission: a double click posts once). */
export const postListing = (body: Record<string, unknown>, idempotencyKey: string): Promise<Listing> =>
  sendJson<Listing>('POST', '/listings', body, { 'Idempotency-Key': idempotencyKey });

export const fetchListing = (listingId: string): Promise<ListingView> =>
  api.get<ListingView>(`/listings/${encodeURIComponent(listingId)}`);

export const patchListing = (listingId: string, patch: Record<string, unknown>): Promise<Listing> =>
  api.patch<Listing>(`/listings/${encodeURIComponent(listingId)}`, patch);

export const moveListing = (listingId: string, action: ListingLifecycleAction): Promise<Listing> =>
  api.post<Listing>(`/listings/${encodeURIComponent(listingId)}/${action}`, undefined);

/** An organizer hides an implausible listing of its region (with the reason its owner reads), or shows it again. */
export const hideListing = (listingId: string, reason: string): Promise<Listing> =>
  api.post<Listing>(`/listings/${encodeURIComponent(listingId)}/hide`, { reason });
export const unhideListing = (listingId: string): Promise<Listing> =>
  api.post<Listing>(`/listings/${encodeURIComponent(listingId)}/unhide`, undefined);

export const fetchListingAudit = (listingId: string, cursor?: string): Promise<Page<AuditEntry>> =>
  api.get<Page<AuditEntry>>(`/listings/${encodeURIComponent(listingId)}/audit`, {
    query: { cursor, limit: 50 },
  });

export interface MineFilter {
  kind?: ListingKind;
  status?: ListingStatus;
  cursor?: string;
  limit?: number;
}

/** A refined search (keyword or sort) also counts what it found, within its bound. */
export type SearchPage = Page<ListingView> & { total?: number; capped?: boolean };

/** GET /api/listings/mine: my organisation's listings, newest first. */
export const fetchMyListings = (filter: MineFilter): Promise<Page<ListingView>> =>
  api.get<Page<ListingView>>('/listings/mine', {
    query: { kind: filter.kind, status: filter.status, cursor: filter.cursor, limit: filter.limit ?? 20 },
  });

export interface SearchFilter {
  kind: ListingKind;
  /** Province, city or county adcode. */
  region: string;
  category?: string;
  status?: ListingStatus;
  /** Words the firm, product, spec, project or skill contains. */
  q?: string;
  sort?: SearchSort;
  cursor?: string;
  limit?: number;
}

/** GET /api/listings: others' listings come without contact (and price) until a match. */
export const searchListings = (filter: SearchFilter): Promise<SearchPage> =>
  api.get<SearchPage>('/listings', {
    query: {
      kind: filter.kind,
      region: filter.region,
      category: filter.category || undefined,
      status: filter.status,
      q: filter.q?.trim() || undefined,
      sort: filter.sort,
      cursor: filter.cursor,
      limit: filter.limit ?? 20,
    },
  });

export interface ListSummary {
  region: string;
  category: string | null;
  rows: SummaryRow[];
  totals: { supply: number; demand: number; gap: number };
  /** More open listings than one read takes: the totals cover the first MAX_LISTINGS_READ only. */
  capped: boolean;
}

/** GET /api/listings/summary: 供应清单/需求清单 totals by city and spec. */
export const fetchSummary = (region: string, category?: string): Promise<ListSummary> =>
  api.get<ListSummary>('/listings/summary', { query: { region, category: category || undefined } });

/** The summary as a spreadsheet. */
export const downloadSummary = (
  region: string,
  category: string | undefined,
  format: SheetFormat,
  lang: Lang,
) =>
  downloadFile(
    '/listings/summary/export',
    { region, category: category || undefined, format, lang },
    `gongxu-summary-${region}.${format}`,
  );

/** One list (supply, demand, …) of a region as a spreadsheet. */
export const downloadList = (
  kind: ListingKind,
  region: string,
  category: string | undefined,
  format: SheetFormat,
  lang: Lang,
) =>
  downloadFile(
    '/listings/export',
    { kind, region, category: category || undefined, format, lang },
    `gongxu-${kind}-${region}.${format}`,
  );
