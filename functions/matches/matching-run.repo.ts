import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { MatchingRun, RunProposal } from './matching-run.ts';

export class MatchingRunRepo {
  constructor(private readonly table: Table) {}

  private record(run: MatchingRun) {
    return { ...keys.matchingRun(run.id), ...keys.matchingRunByOrg(run.orgId, run.id), type: 'run', ...run };
  }

  /** Creating a run inside another transaction (an event's round). */
  createItem(run: MatchingRun): TransactWriteItem {
    return this.table.putItem(this.record(run), { expression: 'attribute_not_exists(pk)' });
  }

  async create(run: MatchingRun): Promise<void> {
    await this.table.put(this.record(run), { expression: 'attribute_not_exists(pk)' });
  }

  async save(run: MatchingRun, expectedVersion: number): Promise<void> {
    await this.table.put(this.record(run), { expression: 'version = :v', values: { ':v': expectedVersion } });
  }

  async get(runId: string): Promise<MatchingRun | undefined> {
    const item = await this.table.get<MatchingRun>(keys.matchingRun(runId));
    return item ? stripKeys(item) : undefined;
  }

  async saveChunk(runId: string, index: number, proposals: RunProposal[]): Promise<void> {
    await this.table.put({ ...keys.matchingRunChunk(runId, index), type: 'run-chunk', proposals });
  }

  async chunk(runId: string, index: number): Promise<RunProposal[]> {
    const item = await this.table.get<{ proposals: RunProposal[] }>(keys.matchingRunChunk(runId, index));
    return item?.proposals ?? [];
  }

  async listByOrg(orgId: string, cursor?: string, limit?: number): Promise<Page<MatchingRun>> {
    const page = await this.table.query<MatchingRun>({
      index: 'gsi1',
      partition: keys.orgRunsPartition(orgId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
