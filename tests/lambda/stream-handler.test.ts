import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStreamHandler } from '../../functions/streams/stream-app.ts';
import { apiClient } from '../setup/api-client.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/** The records DynamoDB Streams really produced for the table, in the shape Lambda receives. */
async function streamRecords(
  endpoint: string,
  tableName: string,
  client: DynamoDBClient,
): Promise<DynamoDBRecord[]> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = described.Table!.LatestStreamArn!;
  const streams = new DynamoDBStreamsClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
  });
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const records: DynamoDBRecord[] = [];
  for (const shard of StreamDescription!.Shards!) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({
          StreamArn: streamArn,
          ShardId: shard.ShardId!,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      )
    ).ShardIterator;
    for (let i = 0; i < 20 && iterator; i++) {
      const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const r of out.Records ?? []) {
        records.push({
          eventID: r.eventID,
          eventName: r.eventName as DynamoDBRecord['eventName'],
          eventVersion: r.eventVersion,
          eventSource: 'aws:dynamodb',
          awsRegion: 'cn-north-1',
          eventSourceARN: streamArn,
          dynamodb: r.dynamodb as DynamoDBRecord['dynamodb'],
        });
      }
      if (!out.Records?.length) break;
      iterator = out.NextShardIterator;
    }
  }
  streams.destroy();
  return records;
}

describe('stream handler (DynamoDB Streams → live matching)', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let records: DynamoDBRecord[];
  let builderToken: string;
  let demandId: string;

  beforeAll(async () => {
    ctx = await freshTable();
    const steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    const steel2 = await makeOrg(ctx.deps, { creditCode: '913508007384629572', adcode: '350802' });
    const builder = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    builderToken = builder.token;
    await apiClient(ctx.app, { token: steel.token }).post(
      '/api/listings',
      supplyBody({ quantity: 400, adcode: '350403' }),
    );
    await apiClient(ctx.app, { token: steel2.token }).post(
      '/api/listings',
      supplyBody({ quantity: 500, adcode: '350802' }),
    );
    const demand = await apiClient(ctx.app, { token: builder.token }).post<{ id: string }>(
      '/api/listings',
      demandBody({ quantity: 800, adcode: '350102' }),
    );
    demandId = demand.body.id;
    records = (await streamRecords(testDynamoEndpoint(), ctx.tableName, ctx.deps.table.client)).filter(
      (r) => r.dynamodb?.NewImage?.type?.S === 'listing',
    );
  });

  it('draws proposals for a demand too large for one supplier from two suppliers, each with its reasons', async () => {
    const handler = createStreamHandler(() => ctx.deps);
    const response = await handler({ Records: records });
    expect(response.batchItemFailures).toEqual([]);
    const matches = await ctx.deps.matches.forListing(demandId, 'need');
    expect(new Set(matches.map((m) => m.offerOrgId)).size).toBe(2);
    expect(matches.reduce((s, m) => s + m.quantity, 0)).toBe(800); // nobody is promised more than it needs
    expect(Math.max(...matches.map((m) => m.quantity))).toBeLessThanOrEqual(500);
    expect(matches.every((m) => m.reasons.some((r) => r.code === 'distance'))).toBe(true);
  });

  it('creates nothing twice when the batch is redelivered three times out of order', async () => {
    const handler = createStreamHandler(() => ctx.deps);
    const before = await ctx.deps.matches.forListing(demandId, 'need');
    const inbox = await apiClient(ctx.app, { token: builderToken }).get<{ items: unknown[] }>(
      '/api/inbox?limit=100',
    );
    for (let round = 0; round < 3; round++) {
      const shuffled = [...records].reverse();
      await handler({ Records: round % 2 === 0 ? shuffled : records });
    }
    const after = await ctx.deps.matches.forListing(demandId, 'need');
    const inboxAfter = await apiClient(ctx.app, { token: builderToken }).get<{ items: unknown[] }>(
      '/api/inbox?limit=100',
    );
    expect(after.map((m) => m.id).sort()).toEqual(before.map((m) => m.id).sort());
    expect(inboxAfter.body.items.length).toBe(inbox.body.items.length);
  });

  it('reports the failing record so the rest of the batch is retried', async () => {
    const handler = createStreamHandler(() => {
      throw new Error('database unavailable');
    });
    const response = await handler({ Records: records.slice(0, 2) }).catch(() => ({
      batchItemFailures: [{ itemIdentifier: 'threw' }],
    }));
    expect(response.batchItemFailures.length).toBe(1);
  });
});
