import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { AuditRepo } from '../audit/audit.repo.ts';
import type { AuditEntry } from '../audit/audit.ts';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { MatchEvent } from './event.ts';
import type { Registration } from './registration.ts';

/** Events, their series and their registrations. Every list is one Query, paged by cursor. */
export class EventRepo {
  constructor(
    private readonly table: Table,
    private readonly audit: AuditRepo,
  ) {}

  private record(event: MatchEvent) {
    return {
      ...keys.event(event.id),
      ...keys.eventIndexes({ ...event, listed: event.status !== 'draft' }),
      type: 'event',
      ...event,
    };
  }

  putItem(event: MatchEvent, expectedVersion?: number): TransactWriteItem {
    return this.table.putItem(
      this.record(event),
      expectedVersion === undefined
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async create(event: MatchEvent, entry: AuditEntry, extra: TransactWriteItem[] = []): Promise<void> {
    await this.table.transact([this.putItem(event), ...extra, this.audit.item(entry)]);
  }

  /** Writes a new version if nobody wrote since `expectedVersion` (counters bump it too). */
  async save(event: MatchEvent, expectedVersion: number, entry: AuditEntry): Promise<void> {
    await this.table.transact([this.putItem(event, expectedVersion), this.audit.item(entry)]);
  }

  async get(eventId: string): Promise<MatchEvent | undefined> {
    const item = await this.table.get<MatchEvent>(keys.event(eventId));
    return item ? stripKeys(item) : undefined;
  }

  /**
   * Moves the event's counters. `approved: +1` is conditioned on the event being published and
   * below capacity — the one place capacity is enforced, inside the approving transaction.
   */
  counterItem(eventId: string, change: { approved?: number; registrations?: number }): TransactWriteItem {
    const approved = change.approved ?? 0;
    const registrations = change.registrations ?? 0;
    return this.table.updateItem(
      keys.event(eventId),
      {
        expression:
          'SET approvedCount = approvedCount + :a, registrationCount = registrationCount + :r, version = version + :one',
        values: { ':a': approved, ':r': registrations, ':one': 1 },
      },
      approved > 0
        ? {
            expression: '#status = :published AND approvedCount < #capacity',
            names: { '#status': 'status', '#capacity': 'capacity' },
            values: { ':published': 'published' },
          }
        : { expression: 'attribute_exists(pk)' },
    );
  }

  /** Records the schedule's state on the event (for lists and the event page). */
  scheduleStatusItem(eventId: string, status: 'draft' | 'published'): TransactWriteItem {
    return this.table.updateItem(
      keys.event(eventId),
      {
        expression: 'SET scheduleStatus = :s, version = version + :one',
        values: { ':s': status, ':one': 1 },
      },
      { expression: 'attribute_exists(pk)' },
    );
  }

  /** An organizer's events by first day; `month` (YYYY-MM) narrows to one month. */
  async listByOrganizer(
    orgId: string,
    filter: { month?: string; cursor?: string; limit?: number },
  ): Promise<Page<MatchEvent>> {
    const page = await this.table.query<MatchEvent>({
      index: 'gsi1',
      partition: keys.organizerEventsPartition(orgId),
      prefix: filter.month,
      cursor: filter.cursor,
      limit: filter.limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** Published (and past) events of a month in a region (province, city or county prefix). */
  async listByMonth(
    month: string,
    regionPrefix: string,
    filter: { cursor?: string; limit?: number },
  ): Promise<Page<MatchEvent>> {
    const page = await this.table.query<MatchEvent>({
      index: 'gsi2',
      partition: keys.eventsByMonthPartition(month, regionPrefix.slice(0, 2)),
      prefix: regionPrefix,
      cursor: filter.cursor,
      limit: filter.limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** Every published (or past) event of a month in a region, page after page (dashboards). */
  async allByMonth(month: string, regionPrefix: string, max = 5_000): Promise<MatchEvent[]> {
    const items = await this.table.queryEvery<MatchEvent>(
      {
        index: 'gsi2',
        partition: keys.eventsByMonthPartition(month, regionPrefix.slice(0, 2)),
        prefix: regionPrefix,
      },
      max,
    );
    return items.map(stripKeys);
  }

  async listSeries(seriesId: string, filter: { cursor?: string; limit?: number }): Promise<Page<MatchEvent>> {
    const page = await this.table.query<MatchEvent>({
      index: 'gsi3',
      partition: keys.seriesPartition(seriesId),
      cursor: filter.cursor,
      limit: filter.limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  async allSeries(seriesId: string): Promise<MatchEvent[]> {
    const items = await this.table.queryEvery<MatchEvent>(
      { index: 'gsi3', partition: keys.seriesPartition(seriesId) },
      1_000,
    );
    return items.map(stripKeys);
  }

  // ── registrations ────────────────────────────────────────────────────────────────────────

  private registrationRecord(r: Registration, startDate: string) {
    return {
      ...keys.registration(r.eventId, r.id),
      ...keys.registrationByOrg(r.orgId, startDate, r.eventId),
      type: 'registration',
      ...r,
    };
  }

  registrationItem(r: Registration, startDate: string, expectedVersion?: number): TransactWriteItem {
    return this.table.putItem(
      this.registrationRecord(r, startDate),
      expectedVersion === undefined
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async getRegistration(eventId: string, registrationId: string): Promise<Registration | undefined> {
    const item = await this.table.get<Registration>(keys.registration(eventId, registrationId));
    return item ? stripKeys(item) : undefined;
  }

  async listRegistrations(
    eventId: string,
    filter: { cursor?: string; limit?: number },
  ): Promise<Page<Registration>> {
    const page = await this.table.query<Registration>({
      partition: keys.eventPartition(eventId),
      prefix: keys.registrationPrefix(),
      cursor: filter.cursor,
      limit: filter.limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** Every registration of an event (bounded by the event's capacity and applications). */
  async allRegistrations(eventId: string): Promise<Registration[]> {
    const items = await this.table.queryEvery<Registration>(
      { partition: keys.eventPartition(eventId), prefix: keys.registrationPrefix() },
      20_000,
    );
    return items.map(stripKeys);
  }

  /** An organisation's registrations, newest event first. */
  async listByOrg(orgId: string, filter: { cursor?: string; limit?: number }): Promise<Page<Registration>> {
    const page = await this.table.query<Registration>({
      index: 'gsi1',
      partition: keys.orgRegistrationsPartition(orgId),
      cursor: filter.cursor,
      limit: filter.limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }
}
