import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.ts';

/** One DynamoDB client per process (reused across Lambda invocations). */
const clients = new Map<string, DynamoDBClient>();

export function dynamoClient(config: Pick<Config, 'region' | 'dynamoEndpoint'>): DynamoDBClient {
  const cacheKey = `${config.region}|${config.dynamoEndpoint ?? ''}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = new DynamoDBClient({
      region: config.region,
      ...(config.dynamoEndpoint
        ? {
            endpoint: config.dynamoEndpoint,
            // DynamoDB Local accepts any credentials; never used against AWS.
            credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
          }
        : {}),
      maxAttempts: 5,
    });
    clients.set(cacheKey, client);
  }
  return client;
}
