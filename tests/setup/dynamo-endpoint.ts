import { inject } from 'vitest';

/** This worker's DynamoDB Local (global-setup.ts starts one per worker). */
export function testDynamoEndpoint(): string {
  const endpoints = inject('dynamoEndpoints');
  const pool = Number(process.env.VITEST_POOL_ID ?? 1);
  return endpoints[(Math.max(1, pool) - 1) % endpoints.length]!;
}
