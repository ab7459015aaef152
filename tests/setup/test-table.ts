import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildDeps, type Deps } from '../../functions/api/deps.ts';
import { createFullApp } from '../../functions/api/sheet-modules.ts';
import { type Clock, systemClock } from '../../functions/shared/clock.ts';
import { type Config, readConfig } from '../../functions/shared/config.ts';
import { dynamoClient } from '../../functions/shared/db/client.ts';
import { ensureTable } from '../../functions/shared/db/create-table.ts';
import { testDynamoEndpoint } from './dynamo-endpoint.ts';

/** A fresh table on the run's DynamoDB Local, with the app wired to it. */
export async function freshTable(options: { clock?: Clock; config?: Partial<Config> } = {}) {
  const endpoint = testDynamoEndpoint();
  const tableName = `test-${randomUUID()}`;
  const config: Config = {
    ...readConfig({ AUTH_MODE: 'local', TABLE_NAME: tableName }),
    dynamoEndpoint: endpoint,
    region: 'local',
    filesDir: join(tmpdir(), 'gongxu-test-files', tableName),
    ...options.config,
  };
  await ensureTable(dynamoClient(config), tableName);
  const deps: Deps = buildDeps(config, options.clock ?? systemClock);
  const app = createFullApp(() => deps);
  return { deps, app, config, endpoint, tableName };
}
