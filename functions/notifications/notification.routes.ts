import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { notificationPreferencesInput } from '../contract/user-notification.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import {
  markAllRead,
  markRead,
  myNotifications,
  myPreferences,
  savePreferences,
} from './notification-commands.ts';

/** The signed-in user's notifications and preferences (mounted at /api/me): nobody else's, ever. */
export const notificationRoutes = new Hono<AppEnv>()
  .get(
    '/notifications',
    describe({
      operationId: 'myNotifications',
      summary: 'My notifications, newest first, with the number still unread',
      tags: ['notifications'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(await myNotifications(c.get('deps'), principalOf(c), q.cursor, q.limit));
    },
  )
  .get(
    '/notifications/unread',
    describe({
      operationId: 'unreadNotifications',
      summary: 'How many of my notifications are unread (one read of a counter)',
      tags: ['notifications'],
      auth: 'user',
    }),
    async (c) => c.json({ unread: await c.get('deps').notifications.unreadCount(principalOf(c).userId) }),
  )
  .post(
    '/notifications/read-all',
    describe({
      operationId: 'markAllNotificationsRead',
      summary: 'Mark all my notifications read',
      tags: ['notifications'],
      auth: 'user',
    }),
    async (c) => c.json(await markAllRead(c.get('deps'), principalOf(c))),
  )
  .post(
    '/notifications/:notificationId/read',
    describe({
      operationId: 'markNotificationRead',
      summary: 'Mark one of my notifications read (404 for anyone else’s)',
      tags: ['notifications'],
      auth: 'user',
    }),
    params(z.strictObject({ notificationId: id })),
    async (c) => c.json(await markRead(c.get('deps'), principalOf(c), c.req.valid('param').notificationId)),
  )
  .get(
    '/notification-preferences',
    describe({
      operationId: 'getNotificationPreferences',
      summary: 'Which notifications I also get by e-mail and SMS, the number and the language',
      tags: ['notifications'],
      auth: 'user',
    }),
    async (c) => c.json(await myPreferences(c.get('deps'), principalOf(c))),
  )
  .put(
    '/notification-preferences',
    describe({
      operationId: 'saveNotificationPreferences',
      summary: 'Save my notification preferences (every kind; a mobile number when any goes by SMS)',
      tags: ['notifications'],
      auth: 'user',
    }),
    jsonBody(notificationPreferencesInput),
    async (c) => c.json(await savePreferences(c.get('deps'), principalOf(c), c.req.valid('json'))),
  );
