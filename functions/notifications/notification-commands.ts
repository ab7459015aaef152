import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import type { User } from '../contract/user.ts';
import {
  type NotificationPreferences,
  type NotificationPreferencesInput,
  type OutboxMessage,
  type UserNotification,
  withDefaults,
} from '../contract/user-notification.ts';
import type { Page } from '../shared/db/paging.ts';
import { ConditionFailed } from '../shared/db/table.ts';
import { ConflictError, NotFoundError } from '../shared/errors.ts';
import { derivedId, newId } from '../shared/ids.ts';
import { factOfChange, type NotificationFact, renderFact, smsText } from './notification-facts.ts';

/** Users of one organisation told of one fact; past this the fact is refused (422), never half-told. */
const MAX_RECIPIENTS = 1_000;

function image(record: DynamoDBRecord, which: 'NewImage' | 'OldImage'): Record<string, unknown> | undefined {
  const raw = record.dynamodb?.[which];
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/**
 * The notification's id: the fact's time first (ULID time, so a user's list is newest first in key
 * order), then a digest of the fact and the user — the same record always lands on the same item.
 */
export function notificationIdFor(fact: NotificationFact, userId: string): string {
  const time = newId(Date.parse(fact.at) || 0).slice(0, 10);
  return derivedId(`${time}${'0'.repeat(16)}`, `${fact.sourceId}|${userId}`);
}

/** Everything one user gets for one fact: the inbox entry, and an outbox message per chosen channel. */
export function notificationFor(
  fact: NotificationFact,
  user: Pick<User, 'id' | 'orgId' | 'email'>,
  prefs: NotificationPreferences,
  publicUrl: string,
): { notification: UserNotification; outbox: OutboxMessage[] } {
  const id = notificationIdFor(fact, user.id);
  const inApp = renderFact(fact, '');
  const notification: UserNotification = {
    id,
    userId: user.id,
    orgId: user.orgId,
    kind: fact.kind,
    sourceId: fact.sourceId,
    subject: inApp.subject,
    body: inApp.body,
    link: fact.link,
    at: fact.at,
  };
  const choice = prefs.kinds[fact.kind];
  const lang = prefs.lang;
  const outbox: OutboxMessage[] = [];
  const base = {
    notificationId: id,
    userId: user.id,
    kind: fact.kind,
    lang,
    status: 'pending',
    createdAt: fact.at,
  } as const;
  if (choice.email && user.email) {
    const mail = renderFact(fact, publicUrl);
    outbox.push({
      ...base,
      id: `${id}-E`,
      channel: 'email',
      to: user.email,
      subject: mail.subject[lang],
      text: mail.body[lang],
    });
  }
  if (choice.sms && prefs.mobile) {
    const text = smsText(fact, publicUrl, lang);
    outbox.push({
      ...base,
      id: `${id}-S`,
      channel: 'sms',
      to: `+86${prefs.mobile}`,
      subject: inApp.subject[lang],
      text,
    });
  }
  return { notification, outbox };
}

/**
 * The stream's notifications consumer: the fact a record shows (if any) told to every active user of
 * the organisation, each in one transaction — the notification (only if new), the unread count and
 * the outbox messages their preferences ask for. A redelivered or reordered record finds the
 * notification there and writes nothing (the whole transaction fails its condition).
 */
export async function notifyFromRecord(deps: Deps, record: DynamoDBRecord): Promise<number> {
  if (record.eventName === 'REMOVE') return 0;
  const fact = factOfChange(
    image(record, 'OldImage'),
    image(record, 'NewImage'),
    await deps.catalogue.current(),
  );
  if (!fact) return 0;
  let written = 0;
  for (const user of await usersOf(deps, fact.orgId)) {
    if (user.disabled) continue;
    const prefs = await deps.notifications.preferences(user.id);
    const { notification, outbox } = notificationFor(fact, user, prefs, deps.config.publicUrl);
    try {
      await deps.table.transact([
        deps.notifications.notificationItem(notification),
        deps.notifications.unreadItem(user.id, 1),
        ...outbox.map((m) => deps.notifications.outboxItem(m)),
      ]);
      written++;
    } catch (error) {
      if (error instanceof ConditionFailed) continue; // told already (a redelivered record)
      throw error;
    }
  }
  return written;
}

async function usersOf(deps: Deps, orgId: string): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.users.listByOrg(orgId, cursor, 100);
    users.push(...page.items);
    cursor = page.nextCursor;
    if (users.length > MAX_RECIPIENTS) throw new Error(`more than ${MAX_RECIPIENTS} users in ${orgId}`);
  } while (cursor);
  return users;
}

// ── the signed-in user's own ───────────────────────────────────────────────────────────────

export async function myNotifications(
  deps: Deps,
  principal: Principal,
  cursor?: string,
  limit?: number,
): Promise<Page<UserNotification> & { unread: number }> {
  const [page, unread] = await Promise.all([
    deps.notifications.list(principal.userId, cursor, limit),
    deps.notifications.unreadCount(principal.userId),
  ]);
  return { ...page, unread };
}

/** Marks one of the caller's notifications read; someone else's is a 404 (it is not in their list). */
export async function markRead(
  deps: Deps,
  principal: Principal,
  notificationId: string,
): Promise<UserNotification> {
  const existing = await deps.notifications.get(principal.userId, notificationId);
  if (!existing) throw new NotFoundError();
  if (existing.readAt) return existing;
  const at = deps.clock.now().toISOString();
  try {
    await deps.table.transact([
      deps.notifications.readItem(principal.userId, notificationId, at),
      deps.notifications.unreadItem(principal.userId, -1),
    ]);
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    // read meanwhile (another tab): the count moved with it
    return (await deps.notifications.get(principal.userId, notificationId)) ?? existing;
  }
  return { ...existing, readAt: at };
}

/** Marks every unread notification of the caller read, page by page, each page in one transaction. */
export async function markAllRead(
  deps: Deps,
  principal: Principal,
): Promise<{ marked: number; unread: number }> {
  const at = deps.clock.now().toISOString();
  let marked = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.notifications.unreadPage(principal.userId, cursor);
    cursor = page.nextCursor;
    for (let i = 0; i < page.items.length; i += 99) {
      const chunk = page.items.slice(i, i + 99);
      try {
        await deps.table.transact([
          ...chunk.map((n) => deps.notifications.readItem(principal.userId, n.id, at)),
          deps.notifications.unreadItem(principal.userId, -chunk.length),
        ]);
        marked += chunk.length;
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
        // one was read meanwhile: mark the rest one by one
        for (const n of chunk) {
          const done = await markRead(deps, principal, n.id);
          if (done.readAt === at) marked++;
        }
      }
    }
  } while (cursor);
  return { marked, unread: await deps.notifications.unreadCount(principal.userId) };
}

export async function myPreferences(deps: Deps, principal: Principal): Promise<NotificationPreferences> {
  return deps.notifications.preferences(principal.userId);
}

export async function savePreferences(
  deps: Deps,
  principal: Principal,
  input: NotificationPreferencesInput,
): Promise<NotificationPreferences> {
  const next = withDefaults({
    kinds: input.kinds,
    lang: input.lang,
    ...(input.mobile ? { mobile: input.mobile } : {}),
    updatedAt: deps.clock.now().toISOString(),
    version: input.version + 1,
  });
  try {
    await deps.notifications.savePreferences(principal.userId, next, input.version);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new ConflictError();
    throw error;
  }
  return next;
}
