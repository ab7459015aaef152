import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * Locally, what AWS's event source mapping does: read the table's stream on DynamoDB Local and
 * hand the stream Lambda handler the same event shape it gets in AWS, batch by batch. Records a
 * batch reports as failed are retried (from the first failure), like `ReportBatchItemFailures`.
 */
export interface StreamPoller {
  stop(): Promise<void>;
  /** Resolves when everything written so far has been handed to the handler. */
  drain(timeoutMs?: number): Promise<void>;
}

export function startStreamPoller(options: {
  endpoint: string;
  streamArn: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined | void>;
  intervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}): StreamPoller {
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const iterators = new Map<string, string | undefined>(); // shardId → iterator (undefined: closed)
  let running = true;
  /** Counts polls started, and the last started poll that found nothing. */
  let pollsStarted = 0;
  let lastEmptyPoll = -1;
  let loop: Promise<void> | undefined;

  async function refreshShards(): Promise<void> {
    const described = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn }));
    for (const shard of described.StreamDescription?.Shards ?? []) {
      if (!shard.ShardId || iterators.has(shard.ShardId)) continue;
      const it = await client.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shard.ShardId,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      iterators.set(shard.ShardId, it.ShardIterator);
    }
  }

  function toLambdaRecord(record: _Record): DynamoDBRecord {
    return {
      eventID: record.eventID,
      eventName: record.eventName as DynamoDBRecord['eventName'],
      eventVersion: record.eventVersion ?? '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: record.awsRegion ?? 'local',
      eventSourceARN: options.streamArn,
      dynamodb: record.dynamodb as DynamoDBRecord['dynamodb'],
    };
  }

  async function deliver(records: _Record[]): Promise<void> {
    const batchSize = options.batchSize ?? 100;
    for (let i = 0; i < records.length; i += batchSize) {
      let batch = records.slice(i, i + batchSize).map(toLambdaRecord);
      for (let attempt = 0; attempt < 5 && batch.length > 0; attempt++) {
        const response = await options.handler({ Records: batch });
        const failed = response?.batchItemFailures?.[0]?.itemIdentifier;
        if (!failed) break;
        const from = batch.findIndex((r) => r.dynamodb?.SequenceNumber === failed);
        batch = from >= 0 ? batch.slice(from) : [];
        await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      }
    }
  }

  async function pollOnce(): Promise<boolean> {
    await refreshShards();
    let any = false;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      iterators.set(shardId, out.NextShardIterator);
      if (out.Records && out.Records.length > 0) {
        any = true;
        await deliver(out.Records);
      }
    }
    return any;
  }

  loop = (async () => {
    while (running) {
      const generation = ++pollsStarted;
      try {
        const any = await pollOnce();
        if (!any) lastEmptyPoll = generation;
      } catch (error) {
        options.onError?.(error);
      }
      if (running) await new Promise((r) => setTimeout(r, options.intervalMs ?? 250));
    }
  })();

  return {
    async stop() {
      running = false;
      await loop;
      client.destroy();
    },
    // waits for a state (a poll started after the call found nothing); the bound is only a safety
    // net for a stuck handler, generous because demo data on a loaded machine takes a while
    async drain(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      const after = pollsStarted; // a poll that starts after this call and finds nothing
      while (lastEmptyPoll <= after && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      if (lastEmptyPoll <= after) throw new Error('stream poller did not drain in time');
    },
  };
}
