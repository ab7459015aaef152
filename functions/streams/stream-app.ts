import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Deps } from '../api/deps.ts';
import { MATCHING_FIELDS } from '../contract/listing-kinds.ts';
import { applyListingTotalsRecord } from '../listings/list-totals-commands.ts';

import { matchListing } from '../matches/live-matching.ts';
import type { MatchingRun } from '../matches/matching-run.ts';
import { executeRun } from '../matches/run-matching.ts';
import { notifyFromRecord } from '../notifications/notification-commands.ts';
import { stripKeys } from '../shared/db/table.ts';
import { isTransient } from '../shared/transient.ts';

/**
 * What the table's stream drives: the list totals (functions/listings/list-totals-commands.ts), live matching when a listing is posted or changes in a way that
 * matters to matching, and queued matching runs. Every effect is idempotent, so redelivery is
 * harmless; how failures are isolated is described at createStreamHandler.
 */

function image(record: DynamoDBRecord, which: 'NewImage' | 'OldImage'): Record<string, unknown> | undefined {
  const raw = record.dynamodb?.[which];
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

/** A listing change that could change its matches (not e.g. a note edit or a remaining decrease). */
export function mattersToMatching(
  oldImage: Record<string, unknown> | undefined,
  newImage: Record<string, unknown>,
): boolean {
  if (newImage.status !== 'open') return false;
  if (!oldImage) return true;
  return MATCHING_FIELDS.some((field) => {
    if (field === 'remaining') return Number(newImage.remaining) > Number(oldImage.remaining);
    return JSON.stringify(newImage[field]) !== JSON.stringify(oldImage[field]);
  });
}

export async function handleRecord(deps: Deps, record: DynamoDBRecord): Promise<void> {
  // 供应清单/需求清单 totals: exactly once per listing version, whatever the order (issue 11).
  await applyListingTotalsRecord(deps, record);
  if (record.eventName === 'REMOVE') return;
  // Notifications (issue 13): an inbox entry or a registration answered, told to the organisation's users.
  await notifyFromRecord(deps, record);
  const next = image(record, 'NewImage');
  if (!next) return;
  if (next.type === 'listing') {
    if (!mattersToMatching(image(record, 'OldImage'), next)) return;
    const current = await deps.listings.get(String(next.id)); // act on the latest state, not a stale image
    if (current) await matchListing(deps, current);
    return;
  }
  if (next.type === 'match') {
    // A lapsed proposal frees what it held on both listings: match them again.
    if (next.status !== 'expired' || image(record, 'OldImage')?.status === 'expired') return;
    for (const listingId of [next.offerListingId, next.needListingId]) {
      const current = await deps.listings.get(String(listingId));
      if (current) await matchListing(deps, current);
    }
    return;
  }
  if (next.type === 'run' && next.status === 'queued') {
    await executeRun(deps, stripKeys(next) as unknown as MatchingRun);
  }
}

/** How often a record is tried in one invocation before it is judged (set aside or retried later). */
export const RECORD_ATTEMPTS = 3;

/** Whether a failure is the infrastructure's (retry the batch) or the record's own (set it aside). */
export { isTransient };

function log(level: 'warn' | 'error', message: string, fields: Record<string, unknown>): void {
  console[level](JSON.stringify({ level, message, ...fields }));
}

function describeItem(record: DynamoDBRecord): { itemType?: string; itemId?: string } {
  try {
    const item = image(record, 'NewImage') ?? image(record, 'OldImage');
    return {
      ...(typeof item?.type === 'string' ? { itemType: item.type } : {}),
      ...(typeof item?.id === 'string' ? { itemId: item.id } : {}),
    };
  } catch {
    return {};
  }
}

type RecordHandler = (deps: Deps, record: DynamoDBRecord) => Promise<unknown>;

/** Tries a record up to RECORD_ATTEMPTS times; the last error when every attempt failed. */
async function attempt(deps: Deps, record: DynamoDBRecord, handle: RecordHandler): Promise<unknown> {
  let last: unknown;
  for (let i = 0; i < RECORD_ATTEMPTS; i++) {
    try {
      await handle(deps, record);
      return undefined;
    } catch (error) {
      last = error ?? new Error('unknown failure');
      if (i + 1 < RECORD_ATTEMPTS) await new Promise((r) => setTimeout(r, 50 * 2 ** i));
    }
  }
  return last;
}

/**
 * Records are handled in order, each tried a few times. One that keeps failing for a reason of its
 * own is set aside — a quarantine item an operator lists (`GET /api/admin/stream-quarantine`) and
 * an error log line (alarmed in AWS) — and the batch goes on, so one bad listing never stops
 * matching for everyone behind it. A failure of the infrastructure (or of the quarantine write
 * itself) reports that record as the batch's first failure, so Lambda retries from there (and,
 * bisecting, finally sends what still fails to the on-failure queue). `handle` is what a record
 * drives (every effect by default; the local stack without live matching passes the totals alone).
 */
export function createStreamHandler(getDeps: () => Deps, handle: RecordHandler = handleRecord) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const deps = getDeps();
    for (const record of event.Records) {
      const error = await attempt(deps, record, handle);
      if (error === undefined) continue;
      const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
      const fields = {
        eventID: record.eventID,
        sequenceNumber,
        ...describeItem(record),
        error: String(error),
      };
      if (isTransient(error)) {
        log('error', 'stream record failed; retrying the batch from it', fields);
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
      try {
        await deps.streamQuarantine.add({
          eventId: record.eventID ?? sequenceNumber,
          sequenceNumber,
          eventName: record.eventName ?? '',
          ...describeItem(record),
          error: String(error).slice(0, 1000),
          attempts: RECORD_ATTEMPTS,
          at: deps.clock.now().toISOString(),
        });
      } catch (quarantineError) {
        log('error', 'stream record failed and could not be quarantined; retrying the batch from it', {
          ...fields,
          quarantineError: String(quarantineError),
        });
        return { batchItemFailures: [{ itemIdentifier: sequenceNumber }] };
      }
      log('error', 'stream record quarantined', fields);
    }
    return { batchItemFailures: [] };
  };
}
