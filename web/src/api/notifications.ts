import { query } from '@solidjs/router';
import type {
  NotificationKind,
  NotificationPreferences,
  UserNotification,
} from '../../../functions/contract/user-notification.ts';
import { NOTIFICATION_KINDS } from '../../../functions/contract/user-notification.ts';
import { api } from './client.ts';

/** The signed-in user's notifications (newest first, with the unread count) and preferences. */
export type { NotificationKind, NotificationPreferences, UserNotification };
export { NOTIFICATION_KINDS };

export interface NotificationsPage {
  items: UserNotification[];
  unread: number;
  nextCursor?: string;
}

export const fetchNotifications = (cursor?: string, limit = 20): Promise<NotificationsPage> =>
  api.get<NotificationsPage>('/me/notifications', { query: { cursor, limit } });
export const getNotifications = query((cursor?: string) => fetchNotifications(cursor), 'myNotifications');
export const getUnread = query(
  () => api.get<{ unread: number }>('/me/notifications/unread'),
  'unreadNotifications',
);

export const markNotificationRead = (id: string) =>
  api.post<UserNotification>(`/me/notifications/${id}/read`, undefined);
export const markAllNotificationsRead = () =>
  api.post<{ marked: number; unread: number }>('/me/notifications/read-all', undefined);

export const getPreferences = query(
  () => api.get<NotificationPreferences>('/me/notification-preferences'),
  'notificationPreferences',
);
export const savePreferences = (body: {
  kinds: NotificationPreferences['kinds'];
  mobile?: string;
  lang: 'zh' | 'en';
  version: number;
}) => api.put<NotificationPreferences>('/me/notification-preferences', body);
