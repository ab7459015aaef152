import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** The records DynamoDB Streams really produced for the table, in the shape Lambda receives. */
export async function streamRecords(
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
