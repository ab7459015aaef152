import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

/**
 * One DynamoDB Local (in memory) per test worker; each suite makes its own fresh table
 * (tests/setup/test-table.ts) on its worker's instance (tests/setup/dynamo-endpoint.ts).
 * DynamoDB Local keeps all tables of an instance in one SQLite database, so a 200-way race in one
 * worker and a browser journey in the other would otherwise queue behind each other's locks:
 * separate instances keep each suite's timing its own. ~2 s each, started side by side.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** The first instance (kept for suites that read it directly). */
    dynamoEndpoint: string;
    /** One instance per worker, indexed by VITEST_POOL_ID − 1. */
    dynamoEndpoints: string[];
  }
}

export default async function setup(project: TestProject) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const instances = await Promise.all(
    Array.from({ length: workers }, () => startDynamoDbLocal({ dataDir: null })),
  );
  project.provide('dynamoEndpoint', instances[0]!.endpoint);
  project.provide(
    'dynamoEndpoints',
    instances.map((i) => i.endpoint),
  );
  return async () => {
    await Promise.all(instances.map((i) => i.stop()));
  };
}
