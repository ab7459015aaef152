import { parseArgs } from 'node:util';
import { buildDeps } from '../api/deps.ts';
import { RebuildRunningError, rebuildListTotals } from '../listings/list-totals-rebuild.ts';
import { readConfig } from '../shared/config.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';

/**
 * `npm run rebuild:totals`: recomputes the 供应清单/需求清单 totals from the listings and replaces them
 * (functions/listings/list-totals-rebuild.ts). It reads listings by paged Queries of each province's
 * gsi3 partitions, never a Scan, and runs while the stream consumer keeps going (changes made
 * meanwhile wait and are replayed at the end).
 *
 *   npm run rebuild:totals                          # npm start stopped: opens .data/ itself
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:PORT npm run rebuild:totals   # npm start running (its printed endpoint)
 *   TABLE_NAME=<table> AWS_REGION=<region> npm run rebuild:totals -- --aws   # the deployed table
 *
 * Options: --settle-ms N (wait for the indexes after marking; default 5000 with --aws, else 0),
 * --resume (take over a rebuild that was interrupted).
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const { values } = parseArgs({
    options: {
      aws: { type: 'boolean', default: false },
      'settle-ms': { type: 'string' },
      resume: { type: 'boolean', default: false },
    },
  });
  let dynamo: RunningDynamoDb | undefined;
  let config = readConfig(process.env);
  if (!values.aws && !config.dynamoEndpoint) {
    dynamo = await startDynamoDbLocal({ dataDir: process.env.GONGXU_DATA_DIR ?? '.data/dynamodb' });
    config = { ...config, dynamoEndpoint: dynamo.endpoint, region: 'local' };
  } else if (!values.aws) {
    config = { ...config, region: 'local' };
  }
  const settleMs = Number(values['settle-ms'] ?? (values.aws ? 5000 : 0));
  if (!Number.isInteger(settleMs) || settleMs < 0) throw new Error('--settle-ms takes a whole number of ms');
  try {
    const deps = buildDeps(config);
    console.log(`Rebuilding the list totals of table ${config.tableName}…`);
    const report = await rebuildListTotals(deps, {
      settleMs,
      resume: values.resume,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `rebuild: provinces=${report.provinces} listings=${report.listings} totals=${report.totalsWritten} ` +
        `removed=${report.totalsDeleted} replayed=${report.replayed} ms=${report.ms}`,
    );
  } catch (error) {
    if (error instanceof RebuildRunningError) {
      console.error(error.message);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await dynamo?.stop();
  }
}

await main();
