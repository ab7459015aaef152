import type { OutboxMessage } from '../contract/user-notification.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, stripKeys, type Table } from '../shared/db/table.ts';

/**
 * The sender's side of the outbox: a message is claimed (pending → sending) by one conditional
 * write before it is sent, so a redelivered stream record never sends it twice; then it is marked
 * sent with the provider's id, or failed with the reason, or released for a retry.
 */
export class OutboxRepo {
  constructor(private readonly table: Table) {}

  async get(messageId: string): Promise<OutboxMessage | undefined> {
    const item = await this.table.get<OutboxMessage>(keys.outboxMessage(messageId));
    return item ? stripKeys(item) : undefined;
  }

  /** True when this caller now holds the message; false when it is not pending (sent or held). */
  async claim(messageId: string, at: string): Promise<boolean> {
    try {
      await this.table.update(
        keys.outboxMessage(messageId),
        {
          expression: 'SET #status = :sending, claimedAt = :at',
          names: { '#status': 'status' },
          values: { ':sending': 'sending', ':at': at },
        },
        { expression: '#status = :pending', values: { ':pending': 'pending' } },
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionFailed) return false;
      throw error;
    }
  }

  async markSent(messageId: string, providerId: string, at: string): Promise<void> {
    await this.table.update(
      keys.outboxMessage(messageId),
      {
        expression: 'SET #status = :sent, sentAt = :at, providerId = :provider',
        names: { '#status': 'status' },
        values: { ':sent': 'sent', ':at': at, ':provider': providerId },
      },
      { expression: '#status = :sending', values: { ':sending': 'sending' } },
    );
  }

  async markFailed(messageId: string, error: string): Promise<void> {
    await this.table.update(
      keys.outboxMessage(messageId),
      {
        expression: 'SET #status = :failed, #error = :error',
        names: { '#status': 'status', '#error': 'error' },
        values: { ':failed': 'failed', ':error': error.slice(0, 1000) },
      },
      { expression: '#status = :sending', values: { ':sending': 'sending' } },
    );
  }

  /** Gives the message back (the provider was unavailable): the stream's retry sends it. */
  async release(messageId: string): Promise<void> {
    await this.table.update(
      keys.outboxMessage(messageId),
      {
        expression: 'SET #status = :pending REMOVE claimedAt',
        names: { '#status': 'status' },
        values: { ':pending': 'pending' },
      },
      { expression: '#status = :sending', values: { ':sending': 'sending' } },
    );
  }
}
