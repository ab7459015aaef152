import { BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import type { ItemKey } from './keys.ts';
import { type Item, type Table, toAttributes } from './table.ts';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Unconditional puts and deletes in batches of 25 (BatchWriteItem), `concurrency` batches in flight,
 * unprocessed items retried with backoff until every one is written. For bulk maintenance only (the
 * totals rebuild, run by an operator's command, and benches): there are no conditions, so nothing
 * here may race a user's write, and no Lambda imports it (their roles have no batch grant).
 */
export async function batchWrite(
  table: Table,
  requests: readonly ({ put: Item & ItemKey } | { delete: ItemKey })[],
  concurrency = 4,
): Promise<void> {
  const batches: (typeof requests)[] = [];
  for (let i = 0; i < requests.length; i += 25) batches.push(requests.slice(i, i + 25));
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++]!;
      let pending = batch.map((r) =>
        'put' in r
          ? { PutRequest: { Item: toAttributes(r.put) } }
          : { DeleteRequest: { Key: toAttributes({ ...r.delete }) } },
      );
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await sleep(Math.min(1000, 20 * 2 ** attempt));
        const out = await table.client.send(
          new BatchWriteItemCommand({ RequestItems: { [table.name]: pending } }),
        );
        pending = (out.UnprocessedItems?.[table.name] ?? []) as typeof pending;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}
