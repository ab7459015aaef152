import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { Meeting, Schedule } from './meeting.ts';
import type { MeetingRequest } from './meeting-request.ts';

/** Meeting requests, meetings, the schedule record and the event's match links. */
export class MeetingRepo {
  constructor(private readonly table: Table) {}

  // ── meeting requests ─────────────────────────────────────────────────────────────────────

  requestItem(r: MeetingRequest, expectedVersion?: number): TransactWriteItem {
    return this.table.putItem(
      {
        ...keys.meetingRequest(r.eventId, r.id),
        ...keys.meetingRequestIndexes(r),
        type: 'meeting-request',
        ...r,
      },
      expectedVersion === undefined
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async getRequest(eventId: string, requestId: string): Promise<MeetingRequest | undefined> {
    const item = await this.table.get<MeetingRequest>(keys.meetingRequest(eventId, requestId));
    return item ? stripKeys(item) : undefined;
  }

  /** Requests an organisation made (`from`) or received (`to`) at an event: one Query each. */
  async requestsOf(eventId: string, orgId: string, direction: 'from' | 'to'): Promise<MeetingRequest[]> {
    const items = await this.table.queryEvery<MeetingRequest>(
      {
        index: direction === 'from' ? 'gsi1' : 'gsi2',
        partition: keys.orgMeetingRequestsPartition(eventId, orgId),
      },
      5_000,
    );
    return items.map(stripKeys);
  }

  /** Every request made at an event (the organizer's view; also what the schedule reads). */
  async allRequests(eventId: string): Promise<MeetingRequest[]> {
    const items = await this.table.queryEvery<MeetingRequest>(
      { partition: keys.eventPartition(eventId), prefix: keys.meetingRequestPrefix() },
      50_000,
    );
    return items.map(stripKeys);
  }

  async listRequests(
    eventId: string,
    filter: { cursor?: string; limit?: number },
  ): Promise<Page<MeetingRequest>> {
    const page = await this.table.query<MeetingRequest>({
      partition: keys.eventPartition(eventId),
      prefix: keys.meetingRequestPrefix(),
      cursor: filter.cursor,
      limit: filter.limit,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  // ── meetings and the schedule ────────────────────────────────────────────────────────────

  meetingItem(m: Meeting): TransactWriteItem {
    return this.table.putItem({
      ...keys.meeting(m.eventId, m.id),
      ...keys.meetingIndexes(m),
      type: 'meeting',
      ...m,
    });
  }

  async getMeeting(eventId: string, meetingId: string): Promise<Meeting | undefined> {
    const item = await this.table.get<Meeting>(keys.meeting(eventId, meetingId));
    return item ? stripKeys(item) : undefined;
  }

  /** Every meeting of an event (one Query, followed to the end). */
  async allMeetings(eventId: string): Promise<Meeting[]> {
    const items = await this.table.queryEvery<Meeting>(
      { partition: keys.eventPartition(eventId), prefix: keys.meetingPrefix() },
      100_000,
    );
    return items.map(stripKeys);
  }

  /** An organisation's meetings at an event in slot order: as the offering side, then the needing side. */
  async agenda(eventId: string, orgId: string): Promise<Meeting[]> {
    const [asOffer, asNeed] = await Promise.all(
      (['gsi1', 'gsi2'] as const).map((index) =>
        this.table.queryEvery<Meeting>({ index, partition: keys.agendaPartition(eventId, orgId) }, 5_000),
      ),
    );
    return [...asOffer!, ...asNeed!].map(stripKeys).sort((a, b) => a.slot - b.slot || a.table - b.table);
  }

  scheduleItem(s: Schedule, expectedVersion?: number): TransactWriteItem {
    return this.table.putItem(
      { ...keys.schedule(s.eventId), type: 'schedule', ...s },
      expectedVersion === undefined
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  async getSchedule(eventId: string): Promise<Schedule | undefined> {
    const item = await this.table.get<Schedule>(keys.schedule(eventId));
    return item ? stripKeys(item) : undefined;
  }

  /** Writes items in transactions of up to 100 (each all-or-nothing). */
  async writeAll(items: TransactWriteItem[]): Promise<void> {
    for (let i = 0; i < items.length; i += 100) await this.table.transact(items.slice(i, i + 100));
  }

  // ── the event's matches ──────────────────────────────────────────────────────────────────

  eventMatchItem(eventId: string, matchId: string): TransactWriteItem {
    return this.table.putItem({
      ...keys.eventMatch(eventId, matchId),
      type: 'event-match',
      eventId,
      matchId,
    });
  }

  async eventMatchIds(eventId: string): Promise<string[]> {
    const items = await this.table.queryEvery<{ matchId: string }>(
      { partition: keys.eventPartition(eventId), prefix: keys.eventMatchPrefix() },
      50_000,
    );
    return items.map((i) => i.matchId);
  }
}
