import { createStreamHandler } from '../../functions/streams/stream-app.ts';
import { streamRecords } from './stream-records.ts';
import type { freshTable } from './test-table.ts';

/**
 * Hands the stream handler every record DynamoDB Streams holds for the test table so far (what the
 * stream poller does under `npm start`, and the event source mapping in AWS): the list totals, live
 * matching. Records handed over before are handed over again, which the handler must shrug off.
 */
export async function applyStream(ctx: Awaited<ReturnType<typeof freshTable>>): Promise<void> {
  const records = await streamRecords(ctx.endpoint, ctx.tableName, ctx.deps.table.client);
  const response = await createStreamHandler(() => ctx.deps)({ Records: records });
  if (response.batchItemFailures.length > 0) {
    throw new Error(`stream records failed: ${JSON.stringify(response.batchItemFailures)}`);
  }
}
