import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Deps } from '../api/deps.ts';
import { refreshCatalogue } from '../catalogue/catalogue-refresh.ts';

import { matchListing } from '../matches/live-matching.ts';
import type { MatchingRun } from '../matches/matching-run.ts';
import { executeRun } from '../matches/run-matching.ts';
import { stripKeys } from '../shared/db/table.ts';

/**
 * What the table's stream drives: live matching when a listing is posted or changes in a way that
 * matters to matching, and queued matching runs. Records are handled in order; on a failure the
 * batch reports that record (and so everything after it) for retry, as ReportBatchItemFailures
 * expects. Every effect is idempotent, so redelivery is harmless.
 */
const MATCHING_FIELDS = [
  'status',
  'remaining',
  'specId',
  'skillId',
  'adcode',
  'lat',
  'lng',
  'deliveryRadiusKm',
  'commuteRadiusKm',
  'availableFrom',
  'availableUntil',
  'deliverFrom',
  'neededBy',
  'from',
  'until',
  'unitPrice',
  'ceilingPrice',
  'acceptsSubstitutes',
  'certificates',
  'certificatesRequired',
];

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
  if (record.eventName === 'REMOVE') return;
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

export function createStreamHandler(getDeps: () => Deps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const deps = getDeps();
    await refreshCatalogue(deps);
    for (const record of event.Records) {
      try {
        await handleRecord(deps, record);
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'error',
            message: 'stream record failed',
            eventID: record.eventID,
            error: String(error),
          }),
        );
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}
