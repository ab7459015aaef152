import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config.ts';

/**
 * In-flight requests per process against DynamoDB Local. Its lock manager gives up ("timed out …
 * waiting for a lock. This request will succeed in actual DynamoDB API", a 500) when dozens of
 * writers queue for one item, which real DynamoDB never does; 200 racing writers still race here,
 * a dozen at a time. Against AWS the SDK's own default applies.
 */
const LOCAL_MAX_SOCKETS = 12;

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
            requestHandler: { httpAgent: { maxSockets: LOCAL_MAX_SOCKETS } },
          }
        : {}),
      maxAttempts: 5,
    });
    clients.set(cacheKey, client);
  }
  return client;
}
