import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  NOTIFICATION_KINDS,
  type NotificationPreferences,
  type UserNotification,
} from '../../functions/contract/user-notification.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { LocalOutboxTransport, readLocalOutbox } from '../../functions/notifications/local-outbox.ts';
import { OutboxRepo } from '../../functions/notifications/outbox.repo.ts';
import { deliverOutboxRecord } from '../../functions/notifications/outbox-sender.ts';
import { systemClock } from '../../functions/shared/clock.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { createStreamHandler } from '../../functions/streams/stream-app.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { streamRecords } from '../setup/stream-records.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Notifications end to end on DynamoDB Local: a match's change → the organisation's inbox entry (in
 * the change's transaction) → the table's real stream records → the notifications consumer (one
 * notification per user, an outbox message per chosen channel) → the sender → the local outbox's
 * files. Redelivered and reordered records write nothing twice; nobody reads or marks another's.
 */

type Notifications = { items: UserNotification[]; unread: number; nextCursor?: string };
type ErrorBody = { error: { code: string; fields?: { field: string; code: string; message: string }[] } };

const PUBLIC_URL = 'https://gongxu.example.cn';

describe('notifications', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let site: Awaited<ReturnType<typeof makeOrg>>;
  let stranger: Awaited<ReturnType<typeof makeOrg>>;
  let steelMemberToken: string;
  let steelMemberEmail: string;
  let outboxDir: string;
  let matchId: string;

  /** Every stream record so far, through the stream handler (in the given order) and then the sender. */
  async function drain(order: 'as-is' | 'reversed' = 'as-is'): Promise<DynamoDBRecord[]> {
    const records = await streamRecords(ctx.endpoint, ctx.tableName, ctx.deps.table.client);
    const ordered = order === 'reversed' ? [...records].reverse() : records;
    const result = await createStreamHandler(() => ctx.deps)({ Records: ordered });
    expect(result.batchItemFailures).toEqual([]);
    // the handler's own writes (notifications, outbox) are records too: read again for the sender
    const withOutbox = await streamRecords(ctx.endpoint, ctx.tableName, ctx.deps.table.client);
    const transport = new LocalOutboxTransport(outboxDir);
    const sender = { outbox: new OutboxRepo(ctx.deps.table), clock: systemClock };
    for (const record of order === 'reversed' ? [...withOutbox].reverse() : withOutbox) {
      await deliverOutboxRecord(sender, record, transport);
    }
    return withOutbox;
  }

  const as = (token: string, lang: 'zh' | 'en' = 'zh') => apiClient(ctx.app, { token, lang });

  beforeAll(async () => {
    ctx = await freshTable({ config: { publicUrl: PUBLIC_URL } });
    outboxDir = mkdtempSync(join(tmpdir(), 'gongxu-outbox-test-'));
    steel = await makeOrg(ctx.deps, {
      creditCode: '913504001581427114',
      adcode: '350403',
      name: '三明测试钢铁',
    });
    site = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder'],
      name: '福州测试建工',
    });
    stranger = await makeOrg(ctx.deps, { creditCode: '913508007384629572' });
    steelMemberEmail = `steel-member-${Date.now()}@example.cn`;
    const added = await as(steel.token).post(`/api/orgs/${steel.org.id}/users`, {
      name: '李业务',
      email: steelMemberEmail,
      password: PASSWORD,
      orgRole: 'member',
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const signIn = await apiClient(ctx.app).post<{ token: string }>('/api/auth/sign-in', {
      email: steelMemberEmail,
      password: PASSWORD,
    });
    steelMemberToken = signIn.body.token;

    const supply = (await as(steel.token).post<Listing>('/api/listings', supplyBody({ quantity: 1000 })))
      .body;
    const demand = (await as(site.token).post<Listing>('/api/listings', demandBody({ quantity: 600 }))).body;
    const now = new Date().toISOString();
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 600,
        unit: 't',
        distanceKm: 184.7,
        crossProvince: false,
        substitute: false,
        reasons: [{ code: 'distance', distanceKm: 184.7, radiusKm: 300 }],
      },
      now,
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    matchId = match.id;
  });

  it('tells every user of both sides of a new proposal, in both languages, with product, quantity, counterpart and link', async () => {
    // Act
    await drain();

    // Assert: both steel users and the site's admin, nobody else
    const steelAdmin = await as(steel.token).get<Notifications>('/api/me/notifications');
    const steelMember = await as(steelMemberToken).get<Notifications>('/api/me/notifications');
    const siteAdmin = await as(site.token).get<Notifications>('/api/me/notifications');
    const outsider = await as(stranger.token).get<Notifications>('/api/me/notifications');
    for (const response of [steelAdmin, steelMember, siteAdmin]) {
      expect(response.status).toBe(200);
      expect(response.body.unread).toBe(1);
      expect(response.body.items.map((n) => n.kind)).toEqual(['match_proposed']);
      expect(response.body.items[0]!.link).toBe(`/matches/${matchId}`);
    }
    expect(outsider.body).toEqual({ items: [], unread: 0 });
    const toSteel = steelAdmin.body.items[0]!;
    expect(toSteel.subject.zh).toBe('新的供需匹配：热轧带肋钢筋（螺纹钢）HRB400E Φ25 600 吨（福州测试建工）');
    expect(toSteel.subject.en).toBe(
      'New match proposed: Hot-rolled ribbed bar (rebar) HRB400E Ø25 mm, 600 t (福州测试建工)',
    );
    expect(toSteel.body.zh).toContain(`/matches/${matchId}`);
    expect(siteAdmin.body.items[0]!.subject.zh).toContain('三明测试钢铁');
  });

  it('writes each user’s e-mail to the local outbox with the site’s link, and nothing twice when the stream redelivers, even reversed', async () => {
    // Arrange: what the first delivery wrote
    const before = await readLocalOutbox(outboxDir);
    expect(before.map((e) => e.to).sort()).toEqual(
      [steel.user.email, steelMemberEmail, site.user.email].sort(),
    );
    const mail = before.find((e) => e.to === steelMemberEmail)!;
    expect(mail.channel).toBe('email');
    expect(mail.subject).toContain('新的供需匹配');
    expect(mail.text).toContain(`${PUBLIC_URL}/matches/${matchId}`);
    const files = readdirSync(outboxDir).sort();

    // Act: the same records again, then all of them in reverse order
    await drain();
    await drain('reversed');

    // Assert
    expect(readdirSync(outboxDir).sort()).toEqual(files);
    const again = await as(steel.token).get<Notifications>('/api/me/notifications');
    expect(again.body.items).toHaveLength(1);
    expect(again.body.unread).toBe(1);
    const sent = await ctx.deps.table.query({ partition: keys.userNotificationsPartition(steel.user.id) });
    expect(sent.items.filter((i) => i.type === 'user_notification')).toHaveLength(1);
  });

  it('honours preferences: a user who opts out of e-mail and into SMS gets the SMS and no e-mail; the actor’s side is not told of its own acceptance', async () => {
    // Arrange: the steel member takes acceptances by SMS only
    const current = await as(steelMemberToken).get<NotificationPreferences>(
      '/api/me/notification-preferences',
    );
    expect(current.body.kinds.match_accepted).toEqual({ email: true, sms: false });
    const kinds = { ...current.body.kinds, match_accepted: { email: false, sms: true } };
    const saved = await as(steelMemberToken).put<NotificationPreferences>(
      '/api/me/notification-preferences',
      {
        kinds,
        mobile: '13905981234',
        lang: 'en',
        version: current.body.version,
      },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const filesBefore = new Set(readdirSync(outboxDir));

    // Act: the site accepts
    const accepted = await as(site.token).post(`/api/matches/${matchId}/accept`);
    expect(accepted.status).toBe(200);
    await drain();

    // Assert
    const added = (await readLocalOutbox(outboxDir)).filter((e) => !filesBefore.has(e.name));
    expect(added.map((e) => `${e.channel}:${e.to}`).sort()).toEqual(
      [`email:${steel.user.email}`, 'sms:+8613905981234'].sort(),
    );
    const sms = added.find((e) => e.channel === 'sms')!;
    expect(sms.text).toBe(
      `[Gongxu] 福州测试建工 accepted the match: Hot-rolled ribbed bar (rebar) HRB400E Ø25 mm, 600 t ${PUBLIC_URL}/matches/${matchId}`,
    );
    const siteInbox = await as(site.token).get<Notifications>('/api/me/notifications');
    expect(siteInbox.body.items.map((n) => n.kind)).toEqual(['match_proposed']);
    const memberInbox = await as(steelMemberToken).get<Notifications>('/api/me/notifications');
    expect(memberInbox.body.items.map((n) => n.kind)).toEqual(['match_accepted', 'match_proposed']);
    expect(memberInbox.body.unread).toBe(2);
  });

  it('refuses bad preferences naming the field and the reason in the user’s language, and changes nothing', async () => {
    // Arrange
    const before = await as(steel.token).get<NotificationPreferences>('/api/me/notification-preferences');
    const valid = { kinds: before.body.kinds, lang: 'zh', version: before.body.version };
    const smsWithoutNumber = {
      ...valid,
      kinds: { ...before.body.kinds, match_proposed: { email: true, sms: true } },
    };

    // Act
    const noNumber = await as(steel.token).put<ErrorBody>(
      '/api/me/notification-preferences',
      smsWithoutNumber,
    );
    const badNumber = await as(steel.token, 'en').put<ErrorBody>('/api/me/notification-preferences', {
      ...smsWithoutNumber,
      mobile: '0591-1234567',
    });
    const unknownKind = await as(steel.token).put<ErrorBody>('/api/me/notification-preferences', {
      ...valid,
      kinds: { ...before.body.kinds, fax: { email: true, sms: false } },
    });
    const missingKind = await as(steel.token).put<ErrorBody>('/api/me/notification-preferences', {
      ...valid,
      kinds: { match_proposed: { email: true, sms: false } },
    });
    const stale = await as(steel.token).put<ErrorBody>('/api/me/notification-preferences', {
      ...valid,
      version: before.body.version + 5,
    });

    // Assert
    expect(noNumber.status).toBe(400);
    expect(noNumber.body.error.fields).toEqual([
      expect.objectContaining({ field: 'mobile', message: '选择短信通知时须填写手机号码' }),
    ]);
    expect(badNumber.status).toBe(400);
    expect(badNumber.body.error.fields).toEqual([
      expect.objectContaining({ field: 'mobile', message: 'must be an 11-digit mainland mobile number' }),
    ]);
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.error.fields?.[0]?.field).toBe('kinds');
    expect(missingKind.status).toBe(400);
    expect(missingKind.body.error.fields?.map((f) => f.field)).toContain('kinds.match_accepted');
    expect(stale.status).toBe(409);
    const after = await as(steel.token).get<NotificationPreferences>('/api/me/notification-preferences');
    expect(after.body).toEqual(before.body);
    expect(Object.keys(after.body.kinds)).toEqual([...NOTIFICATION_KINDS]);
  });

  it('lets nobody read or mark another user’s notifications, and keeps the unread count exact', async () => {
    // Arrange
    const mine = (await as(steelMemberToken).get<Notifications>('/api/me/notifications')).body;
    const theirs = (await as(site.token).get<Notifications>('/api/me/notifications')).body.items[0]!;

    // Act
    const foreign = await as(steelMemberToken).post(`/api/me/notifications/${theirs.id}/read`);
    const anonymous = await apiClient(ctx.app).get('/api/me/notifications');
    const one = await as(steelMemberToken).post<UserNotification>(
      `/api/me/notifications/${mine.items[1]!.id}/read`,
    );
    const twice = await as(steelMemberToken).post<UserNotification>(
      `/api/me/notifications/${mine.items[1]!.id}/read`,
    );
    const afterOne = await as(steelMemberToken).get<{ unread: number }>('/api/me/notifications/unread');
    const all = await as(steelMemberToken).post<{ marked: number; unread: number }>(
      '/api/me/notifications/read-all',
    );
    const allAgain = await as(steelMemberToken).post<{ marked: number; unread: number }>(
      '/api/me/notifications/read-all',
    );

    // Assert
    expect(foreign.status).toBe(404);
    expect(anonymous.status).toBe(401);
    expect((await as(site.token).get<Notifications>('/api/me/notifications')).body.unread).toBe(1);
    expect(one.status).toBe(200);
    expect(one.body.readAt).toBeTruthy();
    expect(twice.body.readAt).toBe(one.body.readAt);
    expect(afterOne.body.unread).toBe(1);
    expect(all.body).toEqual({ marked: 1, unread: 0 });
    expect(allAgain.body).toEqual({ marked: 0, unread: 0 });
    const list = (await as(steelMemberToken).get<Notifications>('/api/me/notifications')).body;
    expect(list.items.every((n) => n.readAt)).toBe(true);
  });

  it('pages a user’s notifications newest first, following the cursor to the end', async () => {
    // Act
    const first = await as(steelMemberToken).get<Notifications>('/api/me/notifications?limit=1');
    const second = await as(steelMemberToken).get<Notifications>(
      `/api/me/notifications?limit=1&cursor=${first.body.nextCursor}`,
    );

    // Assert
    expect(first.body.items.map((n) => n.kind)).toEqual(['match_accepted']);
    expect(second.body.items.map((n) => n.kind)).toEqual(['match_proposed']);
  });
});
