import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { TABLE_SCHEMA } from '../../../infra/table-schema.ts';

/** CreateTable input derived from THE schema (infra/table-schema.ts), as the CDK stack derives its own. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { primaryKey, globalSecondaryIndexes } = TABLE_SCHEMA;
  const attributeNames = [
    primaryKey.partitionKey,
    primaryKey.sortKey,
    ...globalSecondaryIndexes.flatMap((g) => [g.partitionKey, g.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: attributeNames.map((name) => ({
      AttributeName: name,
      AttributeType: TABLE_SCHEMA.attributeType,
    })),
    KeySchema: [
      { AttributeName: primaryKey.partitionKey, KeyType: 'HASH' },
      { AttributeName: primaryKey.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: globalSecondaryIndexes.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: TABLE_SCHEMA.streamViewType },
  };
}

/** Creates the table if it is missing (idempotent: safe on every start). Returns its stream ARN. */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ created: boolean; streamArn?: string }> {
  let created = false;
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    created = true;
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  if (created) {
    await client
      .send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
        }),
      )
      .catch(() => undefined);
  }
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return { created, streamArn: described.Table?.LatestStreamArn };
}
