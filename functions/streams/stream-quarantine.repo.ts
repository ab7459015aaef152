import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';

/** A stream record set aside after the handler failed on it, with what it was about and why. */
export interface QuarantinedRecord {
  eventId: string;
  sequenceNumber: string;
  eventName: string;
  /** The changed item's type and id (`listing`/`run` …), when its image could be read. */
  itemType?: string;
  itemId?: string;
  error: string;
  attempts: number;
  at: string;
}

export class StreamQuarantineRepo {
  constructor(private readonly table: Table) {}

  async add(record: QuarantinedRecord): Promise<void> {
    await this.table.put({ ...keys.streamQuarantine(record.eventId), type: 'stream_quarantine', ...record });
  }

  async list(cursor?: string, limit?: number): Promise<Page<QuarantinedRecord>> {
    const page = await this.table.query<QuarantinedRecord>({
      partition: keys.streamQuarantinePartition(),
      cursor,
      limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
