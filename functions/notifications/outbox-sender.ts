import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Clock } from '../shared/clock.ts';
import { isTransient } from '../shared/transient.ts';
import { NOTIFICATION_ITEM_TYPES } from './item-types.ts';
import type { OutboxRepo } from './outbox.repo.ts';
import type { Transport } from './transport.ts';

export interface SenderDeps {
  readonly outbox: OutboxRepo;
  readonly clock: Clock;
}

/** The outbox message a stream record adds, if it is one (only new ones: status changes are ours). */
export function outboxIdOf(record: DynamoDBRecord): string | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const raw = record.dynamodb?.NewImage;
  if (!raw) return undefined;
  const item = unmarshall(raw as Record<string, AttributeValue>);
  return item.type === NOTIFICATION_ITEM_TYPES.outbox && typeof item.id === 'string' ? item.id : undefined;
}

/**
 * Sends the message a stream record added: claimed first (a redelivered record finds it sent or held
 * and sends nothing), then handed to the transport. A provider that is down gives the message back
 * and the error goes up (the batch is retried from this record); a refusal marks it failed.
 */
export async function deliverOutboxRecord(
  deps: SenderDeps,
  record: DynamoDBRecord,
  transport: Transport,
): Promise<'sent' | 'failed' | 'skipped'> {
  const id = outboxIdOf(record);
  if (!id) return 'skipped';
  if (!(await deps.outbox.claim(id, deps.clock.now().toISOString()))) return 'skipped';
  const message = await deps.outbox.get(id);
  if (!message) return 'skipped';
  try {
    const { providerId } = await transport.send(message);
    await deps.outbox.markSent(id, providerId, deps.clock.now().toISOString());
    return 'sent';
  } catch (error) {
    if (isTransient(error)) {
      await deps.outbox.release(id);
      throw error;
    }
    await deps.outbox.markFailed(id, String(error));
    console.error(
      JSON.stringify({ level: 'error', message: 'notification not sent', id, error: String(error) }),
    );
    return 'failed';
  }
}

/** The sender Lambda's batch: in order; a transient failure retries the batch from that record. */
export function createSenderHandler(getDeps: () => SenderDeps, transport: () => Transport) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const deps = getDeps();
    for (const record of event.Records) {
      try {
        await deliverOutboxRecord(deps, record, transport());
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'error',
            message: 'send failed; retrying the batch from it',
            error: String(error),
          }),
        );
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
