import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import { isOpenMatch, type Match } from './match.ts';
import type { Notification } from './notification.ts';

/** Matches one listing may have on one side (proposals, confirmed, lapsed); past this, refused. */
const MAX_MATCHES_PER_LISTING = 100_000;

export class MatchRepo {
  constructor(private readonly table: Table) {}

  private record(match: Match) {
    return {
      ...keys.match(match.id),
      ...keys.matchIndexes({ ...match, open: isOpenMatch(match) }),
      type: 'match',
      ...match,
    };
  }

  /** Creates the match unless the pair already has one. */
  createItem(match: Match): TransactWriteItem {
    return this.table.putItem(this.record(match), { expression: 'attribute_not_exists(pk)' });
  }

  saveItem(match: Match, expectedVersion: number): TransactWriteItem {
    return this.table.putItem(this.record(match), {
      expression: 'version = :v',
      values: { ':v': expectedVersion },
    });
  }

  notificationItem(n: Notification): TransactWriteItem {
    return this.table.putItem({ ...keys.notification(n.orgId, n.at, n.id), type: 'notification', ...n });
  }

  async get(matchId: string): Promise<Match | undefined> {
    const item = await this.table.get<Match>(keys.match(matchId));
    return item ? stripKeys(item) : undefined;
  }

  /** Every match on a listing (either side), following pages to the end. */
  async forListing(listingId: string, side: 'offer' | 'need'): Promise<Match[]> {
    const items = await this.table.queryEvery<Match>(
      { index: side === 'offer' ? 'gsi1' : 'gsi2', partition: keys.listingMatchesPartition(listingId) },
      MAX_MATCHES_PER_LISTING,
    );
    return items.map(stripKeys);
  }

  /** Open matches whose proposal lapsed by `now` (sparse gsi3, oldest first), one page. */
  async lapsed(now: string, cursor?: string, limit?: number): Promise<Page<Match>> {
    const page = await this.table.query<Match>({
      index: 'gsi3',
      partition: keys.openMatchesPartition(),
      between: ['0', `${now}#~`],
      cursor,
      limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  async inbox(orgId: string, cursor?: string, limit?: number): Promise<Page<Notification>> {
    const page = await this.table.query<Notification>({
      partition: keys.inboxPartition(orgId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
