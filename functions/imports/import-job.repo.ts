import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { ImportJob, ImportRow } from './import-job.ts';

export class ImportJobRepo {
  constructor(private readonly table: Table) {}

  /** The job and its chunks of good rows, written before the job is visible as validated. */
  async create(job: ImportJob, chunks: ImportRow[][]): Promise<void> {
    for (let i = 0; i < chunks.length; i++) {
      await this.table.put({ ...keys.importChunk(job.id, i), type: 'import-chunk', rows: chunks[i] });
    }
    await this.table.put(
      { ...keys.importJob(job.id), ...keys.importByOrg(job.orgId, job.id), type: 'import', ...job },
      { expression: 'attribute_not_exists(pk)' },
    );
  }

  async get(importId: string): Promise<ImportJob | undefined> {
    const item = await this.table.get<ImportJob>(keys.importJob(importId));
    return item ? stripKeys(item) : undefined;
  }

  async chunk(importId: string, index: number): Promise<ImportRow[]> {
    const item = await this.table.get<{ rows: ImportRow[] }>(keys.importChunk(importId, index));
    return item?.rows ?? [];
  }

  /** Saves a new state of the job if nobody else moved it since `expectedVersion`. */
  async save(job: ImportJob, expectedVersion: number): Promise<void> {
    await this.table.put(
      { ...keys.importJob(job.id), ...keys.importByOrg(job.orgId, job.id), type: 'import', ...job },
      { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async listByOrg(orgId: string, cursor?: string, limit?: number): Promise<Page<ImportJob>> {
    const page = await this.table.query<ImportJob>({
      index: 'gsi1',
      partition: keys.orgImportsPartition(orgId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map((j) => ({ ...stripKeys(j), errors: j.errors.slice(0, 20) })) };
  }
}
