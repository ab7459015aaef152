import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { AuditEntry } from './audit.ts';

export class AuditRepo {
  constructor(private readonly table: Table) {}

  /** The transaction item that records the entry alongside the change it describes. */
  item(entry: AuditEntry): TransactWriteItem {
    return this.table.putItem({
      ...keys.audit(entry.entity, entry.entityId, entry.at, entry.id),
      ...keys.auditByDay(entry.at.slice(0, 10), entry.at, entry.id),
      type: 'audit',
      ...entry,
    });
  }

  async forEntity(
    entity: string,
    entityId: string,
    cursor?: string,
    limit?: number,
  ): Promise<Page<AuditEntry>> {
    const page = await this.table.query<AuditEntry>({
      partition: keys.auditEntityPartition(entity, entityId),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  async forDay(day: string, cursor?: string, limit?: number): Promise<Page<AuditEntry>> {
    const page = await this.table.query<AuditEntry>({
      index: 'gsi1',
      partition: keys.auditDayPartition(day),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
