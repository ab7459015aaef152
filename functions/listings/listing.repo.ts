import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { AuditRepo } from '../audit/audit.repo.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { type Capped, MAX_LISTINGS_READ } from '../contract/capped.ts';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { type QueryOptions, stripKeys, type Table } from '../shared/db/table.ts';
import { categoryOf, type Listing, type ListingKind, type ListingStatus } from './listing.ts';

export interface ListingSearch {
  kind: ListingKind;
  /** Province (2 digits), city (4) or county (6) prefix of the adcode. */
  regionPrefix: string;
  category?: string;
  status?: ListingStatus;
  cursor?: string;
  limit?: number;
}

export class ListingRepo {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepo,
  ) {}

  /** The table item a listing is stored as (bulk loads in benches and tests write it as is). */
  item(listing: Listing) {
    return this.record(listing);
  }

  private record(listing: Listing) {
    return {
      ...keys.listing(listing.id),
      ...keys.listingIndexes({ ...listing, category: categoryOf(listing) }),
      type: 'listing',
      ...listing,
    };
  }

  putItem(listing: Listing, expectedVersion?: number): TransactWriteItem {
    return this.table.putItem(
      this.record(listing),
      expectedVersion === undefined
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async create(listing: Listing, entry: AuditEntry): Promise<void> {
    await this.table.transact([this.putItem(listing), this.audit.item(entry)]);
  }

  /** Writes a new version if nobody else wrote since `expectedVersion` (else ConditionFailed). */
  async save(listing: Listing, expectedVersion: number, entry: AuditEntry): Promise<void> {
    await this.table.transact([this.putItem(listing, expectedVersion), this.audit.item(entry)]);
  }

  async get(listingId: string): Promise<Listing | undefined> {
    const item = await this.table.get<Listing>(keys.listing(listingId));
    return item ? stripKeys(item) : undefined;
  }

  async listByOrg(
    orgId: string,
    filter: { kind?: ListingKind; status?: ListingStatus; cursor?: string; limit?: number },
  ): Promise<Page<Listing>> {
    const prefix = filter.kind ? `${filter.kind}#${filter.status ? `${filter.status}#` : ''}` : undefined;
    const page = await this.table.query<Listing>({
      index: 'gsi1',
      partition: keys.orgListingsPartition(orgId),
      prefix,
      cursor: filter.cursor,
      limit: filter.limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** How many open listings of these kinds an organisation has (one Query per kind). */
  async countOpen(orgId: string, kinds: readonly ListingKind[]): Promise<number> {
    const counts = await Promise.all(
      kinds.map(
        async (kind) =>
          // A count must not stop short: past the bound it is refused (422), never undercounted.
          (
            await this.table.queryEvery<Listing>(
              { index: 'gsi1', partition: keys.orgListingsPartition(orgId), prefix: `${kind}#open#` },
              MAX_LISTINGS_READ,
            )
          ).length,
      ),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The one Query a search is: gsi2 when a category is given, else gsi3. */
  private searchQuery(search: Omit<ListingSearch, 'cursor' | 'limit'>): QueryOptions {
    const province = search.regionPrefix.slice(0, 2);
    const prefix = `${search.status ?? 'open'}#${search.regionPrefix}`;
    return search.category
      ? {
          index: 'gsi2',
          partition: keys.listingsByCategoryPartition(search.kind, search.category, province),
          prefix,
        }
      : { index: 'gsi3', partition: keys.listingsByRegionPartition(search.kind, province), prefix };
  }

  async search(search: ListingSearch): Promise<Page<Listing>> {
    const page = await this.table.query<Listing>({
      ...this.searchQuery(search),
      cursor: search.cursor,
      limit: search.limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /**
   * Every listing of a kind in a province, whatever its status, in pages of up to 1,000 (one gsi3
   * partition: the totals rebuild reads a province with as many Queries as it has pages, to the end).
   */
  async allInProvince(kind: ListingKind, province: string): Promise<Listing[]> {
    const { items } = await this.table.queryAll<Listing>(
      { index: 'gsi3', partition: keys.listingsByRegionPartition(kind, province) },
      Number.MAX_SAFE_INTEGER,
      1_000,
    );
    return items.map(stripKeys);
  }

  /**
   * The listings of a search, page after page, up to `max` (list views, totals, exports, matching):
   * `capped` when there were more, for the caller to say so.
   */
  async searchAll(
    search: Omit<ListingSearch, 'cursor' | 'limit'>,
    max = MAX_LISTINGS_READ,
  ): Promise<Capped<Listing>> {
    const { items, capped } = await this.table.queryAll<Listing>(this.searchQuery(search), max);
    return { items: items.map(stripKeys), capped };
  }
}
