import * as z from 'zod/mini';
import type { Message } from './messages.ts';

/**
 * Notifications to people (issue 13): what a user is told, where, and what they chose to receive.
 * The facts are the organisation's inbox entries (functions/contract/notification.ts, written in the
 * transaction of the change) and registration answers; the stream turns each into one notification
 * per user of the organisation concerned (functions/notifications/).
 */

/** What a user can be told about, in the order the preferences page lists them. */
export const NOTIFICATION_KINDS = [
  'match_proposed',
  'match_accepted',
  'match_confirmed',
  'match_declined',
  'match_expired',
  'match_cancelled',
  'match_acceptance_voided',
  'registration_approved',
  'registration_refused',
  'meeting_moved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Channels beyond the in-app inbox, which always receives everything. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export interface ChannelChoice {
  email: boolean;
  sms: boolean;
}

export interface NotificationPreferences {
  /** Per kind, whether it also goes by e-mail and by SMS (the inbox always has it). */
  kinds: Record<NotificationKind, ChannelChoice>;
  /** The mainland mobile number SMS go to (11 digits); needed when any kind goes by SMS. */
  mobile?: string;
  /** The language of e-mails and SMS. */
  lang: 'zh' | 'en';
  updatedAt?: string;
  version: number;
}

/**
 * Defaults: everything by e-mail (the address the user signs in with), nothing by SMS (it costs, and
 * needs a number the user gives), in Chinese.
 */
export function defaultPreferences(): NotificationPreferences {
  const kinds = {} as Record<NotificationKind, ChannelChoice>;
  for (const kind of NOTIFICATION_KINDS) kinds[kind] = { email: true, sms: false };
  return { kinds, lang: 'zh', version: 0 };
}

/** Stored preferences completed with the defaults for kinds added since they were saved. */
export function withDefaults(stored: Partial<NotificationPreferences> | undefined): NotificationPreferences {
  const base = defaultPreferences();
  if (!stored) return base;
  const kinds = { ...base.kinds };
  for (const kind of NOTIFICATION_KINDS) {
    const choice = stored.kinds?.[kind];
    if (choice) kinds[kind] = { email: choice.email === true, sms: choice.sms === true };
  }
  return {
    kinds,
    lang: stored.lang === 'en' ? 'en' : 'zh',
    version: stored.version ?? 0,
    ...(stored.mobile ? { mobile: stored.mobile } : {}),
    ...(stored.updatedAt ? { updatedAt: stored.updatedAt } : {}),
  };
}

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

const channelChoice = z.strictObject({ email: z.boolean(), sms: z.boolean() });

/** `PUT /api/me/notification-preferences`: the whole choice (every kind), the number, the language. */
export const notificationPreferencesInput = z
  .strictObject({
    kinds: z.strictObject(
      Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, channelChoice])) as Record<
        NotificationKind,
        typeof channelChoice
      >,
    ),
    mobile: z.optional(
      z.string().check(z.maxLength(32), z.regex(MOBILE_PATTERN, { message: 'field.mobile' })),
    ),
    lang: z.enum(['zh', 'en']),
    /** The version read (optimistic locking): a save over someone else's is a 409. */
    version: z.number().check(z.int(), z.gte(0), z.lte(1_000_000)),
  })
  .check(
    z.superRefine((value, ctx) => {
      const wantsSms = NOTIFICATION_KINDS.some((kind) => value.kinds[kind].sms);
      if (wantsSms && !value.mobile) {
        ctx.issues.push({ code: 'custom', message: 'field.mobile_for_sms', input: value, path: ['mobile'] });
      }
    }),
  );
export type NotificationPreferencesInput = z.output<typeof notificationPreferencesInput>;

/** A notification as the signed-in user reads it: its words in both languages and where it leads. */
export interface UserNotification {
  /** Time-ordered and derived from the fact it tells of, so a redelivered fact lands on the same one. */
  id: string;
  userId: string;
  orgId: string;
  kind: NotificationKind;
  /** The fact: the organisation's inbox entry or the registration (id and version). */
  sourceId: string;
  subject: Message;
  body: Message;
  /** Path in the web app (`/matches/…`, `/events/…/agenda`). */
  link: string;
  at: string;
  readAt?: string;
}

/** An e-mail or SMS waiting to be, or already, sent. */
export interface OutboxMessage {
  id: string;
  notificationId: string;
  userId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  /** The e-mail address or the mobile number in E.164 (`+8613905981234`). */
  to: string;
  lang: 'zh' | 'en';
  subject: string;
  text: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  createdAt: string;
  sentAt?: string;
  /** The provider's message id (SES, End User Messaging SMS, or the local file's name). */
  providerId?: string;
  error?: string;
}
