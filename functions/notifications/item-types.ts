/**
 * The `type` of the items notifications write (pure constants: the stack's stream filters name them,
 * so the stream Lambda is not invoked for the consumer's own writes, and the sender is invoked for
 * new outbox messages only).
 */
export const NOTIFICATION_ITEM_TYPES = {
  notification: 'user_notification',
  unread: 'unread_count',
  preferences: 'notification_preferences',
  outbox: 'outbox',
} as const;
