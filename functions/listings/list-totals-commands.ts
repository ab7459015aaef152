import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Deps } from '../api/deps.ts';
import { isGoodsKind } from '../contract/listing-kinds.ts';
import type { ApplyOutcome } from './list-totals.repo.ts';
import { REMOVED_VERSION, totalsStateOf } from './list-totals.ts';

function image(record: DynamoDBRecord, which: 'NewImage' | 'OldImage'): Record<string, unknown> | undefined {
  const raw = record.dynamodb?.[which];
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

const isGoodsListing = (item: Record<string, unknown> | undefined): item is Record<string, unknown> =>
  item?.type === 'listing' && isGoodsKind(item.kind);

/**
 * The list totals' stream consumer, one entry: a DynamoDB Streams record of a goods listing (supply,
 * demand) moves the 供应清单/需求清单 totals from the listing's last applied contribution to the one
 * of the record's version — once, whatever the order or the number of deliveries (see
 * ListTotalsRepo.apply). A removed listing contributes nothing from then on. Every other record is
 * not this consumer's (undefined).
 */
export async function applyListingTotalsRecord(
  deps: Deps,
  record: DynamoDBRecord,
): Promise<ApplyOutcome | undefined> {
  if (record.eventName === 'REMOVE') {
    const old = image(record, 'OldImage');
    if (!isGoodsListing(old) || typeof old.id !== 'string') return undefined;
    return deps.listTotals.apply(
      { listingId: old.id, version: REMOVED_VERSION },
      { province: typeof old.adcode === 'string' ? old.adcode.slice(0, 2) : undefined },
    );
  }
  const next = image(record, 'NewImage');
  if (!isGoodsListing(next)) return undefined;
  const state = totalsStateOf(next);
  if (!state) throw new Error('a listing image without an id or a version');
  return deps.listTotals.apply(state, {
    province: typeof next.adcode === 'string' ? next.adcode.slice(0, 2) : undefined,
  });
}
