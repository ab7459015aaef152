import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { Deal } from './deal.ts';

/**
 * Deals in the table: the deal itself and one party item per side (a copy carrying that
 * organisation's list index), always written together in the caller's transaction.
 */
export class DealRepo {
  constructor(private readonly table: Table) {}

  private record(deal: Deal) {
    return { ...keys.deal(deal.id), ...keys.dealIndexes(deal), type: 'deal', ...deal };
  }

  private partyRecord(deal: Deal, orgId: string) {
    return {
      ...keys.dealParty(deal.id, orgId),
      ...keys.dealPartyIndex(deal.id, orgId),
      type: 'deal_party',
      ...deal,
    };
  }

  /** The deal (new, unless it exists) and its two party items. */
  createItems(deal: Deal): TransactWriteItem[] {
    return [
      this.table.putItem(this.record(deal), { expression: 'attribute_not_exists(pk)' }),
      this.table.putItem(this.partyRecord(deal, deal.offerOrgId)),
      this.table.putItem(this.partyRecord(deal, deal.needOrgId)),
    ];
  }

  /** The next version of the deal, if nobody wrote since `expectedVersion` (first item), and its party items. */
  saveItems(deal: Deal, expectedVersion: number): TransactWriteItem[] {
    return [
      this.table.putItem(this.record(deal), {
        expression: 'version = :v',
        values: { ':v': expectedVersion },
      }),
      this.table.putItem(this.partyRecord(deal, deal.offerOrgId)),
      this.table.putItem(this.partyRecord(deal, deal.needOrgId)),
    ];
  }

  async get(dealId: string): Promise<Deal | undefined> {
    const item = await this.table.get<Deal>(keys.deal(dealId));
    return item ? stripKeys(item) : undefined;
  }

  /** An organisation's deals on either side, newest first: one Query. */
  async forOrg(orgId: string, cursor?: string, limit?: number): Promise<Page<Deal>> {
    const page = await this.table.query<Deal>({
      index: 'gsi1',
      partition: keys.orgDealsPartition(orgId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** The deals recorded on one match, newest first: one Query. */
  async forMatch(matchId: string, cursor?: string, limit?: number): Promise<Page<Deal>> {
    const page = await this.table.query<Deal>({
      index: 'gsi1',
      partition: keys.matchDealsPartition(matchId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** The deals of an event, oldest first: one Query. */
  async forEvent(eventId: string, cursor?: string, limit?: number): Promise<Page<Deal>> {
    const page = await this.table.query<Deal>({
      index: 'gsi2',
      partition: keys.eventDealsPartition(eventId),
      cursor,
      limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** Every deal of an event (reports), page after page. */
  async allForEvent(eventId: string, max = 20_000): Promise<Deal[]> {
    const items = await this.table.queryEvery<Deal>(
      { index: 'gsi2', partition: keys.eventDealsPartition(eventId) },
      max,
    );
    return items.map(stripKeys);
  }

  /** Deals whose need lies in a province, by month and region prefix (`2026-03#3501`): one Query. */
  async forRegion(
    provinceCode: string,
    prefix: string,
    cursor?: string,
    limit?: number,
  ): Promise<Page<Deal>> {
    const page = await this.table.query<Deal>({
      index: 'gsi3',
      partition: keys.regionDealsPartition(provinceCode),
      prefix,
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
