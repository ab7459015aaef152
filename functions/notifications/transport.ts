import type { OutboxMessage } from '../contract/user-notification.ts';

/**
 * Where e-mails and SMS go: SES and End User Messaging SMS in AWS (aws-transport.ts), files under
 * `.data/outbox/` locally (local-outbox.ts). A failure the provider will not get over (a refused
 * address, a channel not configured) is a {@link PermanentSendError}; anything else is retried.
 */
export interface Transport {
  send(message: OutboxMessage): Promise<{ providerId: string }>;
}

export class PermanentSendError extends Error {
  override readonly name = 'PermanentSendError';
}
