import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import {
  type NotificationPreferences,
  type OutboxMessage,
  type UserNotification,
  withDefaults,
} from '../contract/user-notification.ts';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import { NOTIFICATION_ITEM_TYPES } from './item-types.ts';

/** A user's notifications, the count of unread ones, their preferences, and the outbox of sends. */
export class NotificationRepo {
  constructor(private readonly table: Table) {}

  // ── notifications ─────────────────────────────────────────────────────────────────────────

  /** Adds the notification unless it is there already (a redelivered fact). */
  notificationItem(n: UserNotification): TransactWriteItem {
    return this.table.putItem(
      { ...keys.userNotification(n.userId, n.id), type: NOTIFICATION_ITEM_TYPES.notification, ...n },
      { expression: 'attribute_not_exists(pk)' },
    );
  }

  /** The unread count moves by `delta`, never below zero. */
  unreadItem(userId: string, delta: number): TransactWriteItem {
    return this.table.updateItem(
      keys.unreadNotifications(userId),
      {
        expression: 'SET #type = :type ADD unread :delta',
        names: { '#type': 'type' },
        values: { ':type': NOTIFICATION_ITEM_TYPES.unread, ':delta': delta },
      },
      delta < 0 ? { expression: 'unread >= :least', values: { ':least': -delta } } : undefined,
    );
  }

  /** Marks one notification read (only if it is there and unread). */
  readItem(userId: string, notificationId: string, at: string): TransactWriteItem {
    return this.table.updateItem(
      keys.userNotification(userId, notificationId),
      { expression: 'SET readAt = :at', values: { ':at': at } },
      { expression: 'attribute_exists(pk) AND attribute_not_exists(readAt)' },
    );
  }

  async get(userId: string, notificationId: string): Promise<UserNotification | undefined> {
    const item = await this.table.get<UserNotification>(keys.userNotification(userId, notificationId));
    return item ? stripKeys(item) : undefined;
  }

  async list(userId: string, cursor?: string, limit?: number): Promise<Page<UserNotification>> {
    const page = await this.table.query<UserNotification>({
      partition: keys.userNotificationsPartition(userId),
      prefix: keys.userNotificationPrefix(),
      cursor,
      limit,
      newestFirst: true,
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  /** One page of the unread ones, newest first (a filter on the user's own partition). */
  async unreadPage(userId: string, cursor?: string): Promise<Page<UserNotification>> {
    const page = await this.table.query<UserNotification>({
      partition: keys.userNotificationsPartition(userId),
      prefix: keys.userNotificationPrefix(),
      cursor,
      limit: 100,
      newestFirst: true,
      filter: { expression: 'attribute_not_exists(readAt)' },
    });
    return { ...page, items: page.items.map(stripKeys) };
  }

  async unreadCount(userId: string): Promise<number> {
    const item = await this.table.get<{ unread?: number }>(keys.unreadNotifications(userId));
    return Math.max(0, Number(item?.unread ?? 0));
  }

  // ── preferences ───────────────────────────────────────────────────────────────────────────

  async preferences(userId: string): Promise<NotificationPreferences> {
    const item = await this.table.get<NotificationPreferences>(keys.notificationPreferences(userId));
    return withDefaults(item ? stripKeys(item) : undefined);
  }

  /** Saves over the version read (0: none saved yet); someone else's save in between fails it. */
  async savePreferences(
    userId: string,
    prefs: NotificationPreferences,
    expectedVersion: number,
  ): Promise<void> {
    await this.table.put(
      {
        ...keys.notificationPreferences(userId),
        type: NOTIFICATION_ITEM_TYPES.preferences,
        userId,
        ...prefs,
      },
      expectedVersion === 0
        ? { expression: 'attribute_not_exists(pk)' }
        : { expression: 'version = :v', values: { ':v': expectedVersion } },
    );
  }

  // ── outbox ────────────────────────────────────────────────────────────────────────────────

  outboxItem(m: OutboxMessage): TransactWriteItem {
    return this.table.putItem(
      { ...keys.outboxMessage(m.id), type: NOTIFICATION_ITEM_TYPES.outbox, ...m },
      { expression: 'attribute_not_exists(pk)' },
    );
  }
}
