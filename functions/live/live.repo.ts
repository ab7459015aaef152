import { randomBytes } from 'node:crypto';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, stripKeys, type Table } from '../shared/db/table.ts';
import type { CheckIn, CheckInToken, LiveChange } from './live.ts';

/** 24 random bytes, base64url: 32 characters, unguessable. */
export function newLiveToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Check-ins, tokens and the live change log of events. */
export class LiveRepo {
  constructor(private readonly table: Table) {}

  async checkIns(eventId: string): Promise<CheckIn[]> {
    const items = await this.table.queryEvery<CheckIn>(
      { partition: keys.eventPartition(eventId), prefix: keys.checkInPrefix() },
      10_000,
    );
    return items.map(stripKeys);
  }

  /** One organisation's check-in at the event, if it has checked in (one GetItem). */
  async checkInOf(eventId: string, orgId: string): Promise<CheckIn | undefined> {
    const item = await this.table.get<CheckIn>(keys.checkIn(eventId, orgId));
    return item ? stripKeys(item) : undefined;
  }

  /** Records a check-in once; false when the organisation was already checked in. */
  async checkIn(c: CheckIn): Promise<boolean> {
    try {
      await this.table.put(
        { ...keys.checkIn(c.eventId, c.orgId), type: 'check-in', ...c },
        { expression: 'attribute_not_exists(pk)' },
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionFailed) return false;
      throw error;
    }
  }

  async checkInTokens(eventId: string): Promise<CheckInToken[]> {
    const items = await this.table.queryEvery<CheckInToken>(
      { partition: keys.eventPartition(eventId), prefix: keys.checkInTokenPrefix() },
      10_000,
    );
    return items.map(stripKeys);
  }

  async checkInToken(token: string): Promise<CheckInToken | undefined> {
    const item = await this.table.get<CheckInToken>(keys.checkInToken(token));
    return item ? stripKeys(item) : undefined;
  }

  /**
   * Issues an organisation's check-in token once (both items in one transaction): the token issued,
   * or undefined when another call issued one first.
   */
  async issueCheckInToken(eventId: string, orgId: string, orgName: string): Promise<string | undefined> {
    const t: CheckInToken = { token: newLiveToken(), eventId, orgId, orgName };
    try {
      await this.table.transact([
        this.table.putItem(
          { ...keys.checkInTokenOfOrg(eventId, orgId), type: 'check-in-token', ...t },
          { expression: 'attribute_not_exists(pk)' },
        ),
        this.table.putItem(
          { ...keys.checkInToken(t.token), type: 'check-in-token', ...t },
          { expression: 'attribute_not_exists(pk)' },
        ),
      ]);
      return t.token;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error; // issued meanwhile by another call
      return undefined;
    }
  }

  /** The organisation's check-in token at the event, issued now if it has none yet. */
  async ensureCheckInToken(eventId: string, orgId: string, orgName: string): Promise<string> {
    const read = async () =>
      (await this.table.get<CheckInToken>(keys.checkInTokenOfOrg(eventId, orgId)))?.token;
    return (await read()) ?? (await this.issueCheckInToken(eventId, orgId, orgName)) ?? (await read())!;
  }

  async dashboardTokenOf(eventId: string): Promise<string | undefined> {
    return (await this.table.get<{ token: string }>(keys.dashboardTokenOfEvent(eventId)))?.token;
  }

  async dashboardEvent(token: string): Promise<string | undefined> {
    return (await this.table.get<{ eventId: string }>(keys.dashboardToken(token)))?.eventId;
  }

  /** The event's dashboard token, issued on first use. */
  async ensureDashboardToken(eventId: string): Promise<string> {
    const existing = await this.dashboardTokenOf(eventId);
    if (existing) return existing;
    const token = newLiveToken();
    try {
      await this.table.transact([
        this.table.putItem(
          { ...keys.dashboardTokenOfEvent(eventId), type: 'dashboard-token', token, eventId },
          { expression: 'attribute_not_exists(pk)' },
        ),
        this.table.putItem(
          { ...keys.dashboardToken(token), type: 'dashboard-token', token, eventId },
          { expression: 'attribute_not_exists(pk)' },
        ),
      ]);
      return token;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      return (await this.dashboardTokenOf(eventId))!;
    }
  }

  changeItem(c: LiveChange) {
    return this.table.putItem({ ...keys.liveChange(c.eventId, c.id), type: 'live-change', ...c });
  }

  /** The newest live changes first. */
  async recentChanges(eventId: string, limit = 20): Promise<LiveChange[]> {
    const page = await this.table.query<LiveChange>({
      partition: keys.eventPartition(eventId),
      prefix: keys.liveChangePrefix(),
      newestFirst: true,
      limit,
    });
    return page.items.map(stripKeys);
  }
}
