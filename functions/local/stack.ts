import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import type { DynamoDBRecord } from 'aws-lambda';
import { buildDeps, type Deps } from '../api/deps.ts';
import { createFullApp } from '../api/sheet-modules.ts';
import { applyListingTotalsRecord } from '../listings/list-totals-commands.ts';
import { ListTotalsRebuildRepo } from '../listings/list-totals-rebuild.repo.ts';
import { rebuildListTotals } from '../listings/list-totals-rebuild.ts';
import { runMaintenance } from '../maintenance/sweep.ts';
import { LocalOutboxTransport } from '../notifications/local-outbox.ts';
import { OutboxRepo } from '../notifications/outbox.repo.ts';
import { deliverOutboxRecord } from '../notifications/outbox-sender.ts';
import type { Clock } from '../shared/clock.ts';
import { readConfig } from '../shared/config.ts';
import { dynamoClient } from '../shared/db/client.ts';
import { ensureTable } from '../shared/db/create-table.ts';
import { keys } from '../shared/db/keys.ts';
import { createStreamHandler, handleRecord } from '../streams/stream-app.ts';
import { seedDemoData } from './demo-data.ts';
import { type RunningDynamoDb, startDynamoDbLocal } from './dynamodb-local.ts';
import { localOutboxRoutes } from './outbox-page.ts';
import { workerSheetIO } from './sheet-worker-io.ts';
import { type StreamPoller, startStreamPoller } from './stream-poller.ts';
import { createLocalServerApp } from './web-server.ts';

export interface LocalStackOptions {
  /** HTTP port for the API and web; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Folder for DynamoDB Local's data; null keeps it in memory. */
  dataDir?: string | null;
  /**
   * File for the local signing key (0600, outside the database). Default: `signing-key.json` in
   * dataDir; with no dataDir, a key for this process only.
   */
  keyFile?: string;
  /** Run the listing-expiry sweep at start and hourly. Default true. */
  sweepExpiry?: boolean;
  /**
   * Run everything the stream drives (live matching, matching runs). Default true. When false, the
   * stream poller still keeps the 供应清单/需求清单 totals, which are part of the data.
   */
  streams?: boolean;
  /** Use an already running DynamoDB (tests share one); otherwise one is started. */
  dynamoEndpoint?: string;
  tableName?: string;
  seedDemo?: boolean;
  webDist?: string;
  log?: (line: string) => void;
  /** The app's clock (default: the system's); tests move it to an event's day. */
  clock?: Clock;
  /**
   * Where e-mails and SMS are written instead of being sent (default: `outbox` next to dataDir,
   * `.data/outbox`; in memory: a temporary folder). Listed at `/_local/outbox`.
   */
  outboxDir?: string;
}

export interface LocalStack {
  url: string;
  dynamoEndpoint: string;
  tableName: string;
  /** The folder of the local outbox (e-mails and SMS written instead of sent). */
  outboxDir: string;
  /** Waits until every change so far has reached the stream handler (tests). */
  drainStreams(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The whole of Gongxu on one machine: DynamoDB Local, the table from infra/table-schema.ts, the
 * Hono API on @hono/node-server under /api, and the web bundle on the same origin.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => {});
  let dynamo: RunningDynamoDb | undefined;
  if (!options.dynamoEndpoint) {
    dynamo = await startDynamoDbLocal({ dataDir: options.dataDir === undefined ? null : options.dataDir });
  }
  const endpoint = options.dynamoEndpoint ?? dynamo!.endpoint;
  log(`DynamoDB Local at ${endpoint}`);
  const tableName = options.tableName ?? 'Gongxu-local';
  const config = {
    ...readConfig({ ...process.env, AUTH_MODE: 'local', TABLE_NAME: tableName }),
    dynamoEndpoint: endpoint,
    region: 'local',
    authMode: 'local' as const,
    localKeyFile:
      options.keyFile ?? (options.dataDir ? join(resolve(options.dataDir), 'signing-key.json') : undefined),
  };
  const { created, streamArn } = await ensureTable(dynamoClient(config), tableName);
  log(created ? `Created table ${tableName}` : `Table ${tableName} is there`);
  // Spreadsheets are parsed on a worker thread: the one local process keeps answering meanwhile.
  const sheets = workerSheetIO();
  let deps: Deps = { ...buildDeps(config, options.clock), sheets };
  const outboxDir =
    options.outboxDir ??
    (options.dataDir
      ? join(resolve(options.dataDir), '..', 'outbox')
      : mkdtempSync(join(tmpdir(), 'gongxu-outbox-')));
  const outbox = new LocalOutboxTransport(outboxDir, (line) => log(line));
  const sender = { outbox: new OutboxRepo(deps.table), clock: deps.clock };
  // The stream drives everything, then what AWS's sender Lambda does: the outbox's messages, to files.
  const everything = async (d: Deps, record: DynamoDBRecord) => {
    await handleRecord(d, record);
    await deliverOutboxRecord(sender, record, outbox);
  };
  // Older versions kept the signing key in the table, where any database reader could take it.
  await deps.table.delete(keys.legacyLocalSigningKey());
  // A new table's totals start empty and follow the stream; an older .data/ gets them built once.
  const totalsBuild = new ListTotalsRebuildRepo(deps.table, deps.listTotals);
  if (created) await totalsBuild.markBuilt(new Date().toISOString());
  else if (!(await totalsBuild.isBuilt())) {
    const report = await rebuildListTotals(deps);
    log(`Built the list totals (${report.listings} listings, ${report.ms} ms)`);
  }
  if (options.seedDemo) {
    const seeded = await seedDemoData(deps);
    log(seeded ? 'Loaded demo data' : 'Demo data already loaded');
  }
  let poller: StreamPoller | undefined;
  if (streamArn) {
    poller = startStreamPoller({
      endpoint,
      streamArn,
      handler:
        options.streams !== false
          ? createStreamHandler(() => deps, everything)
          : createStreamHandler(() => deps, applyListingTotalsRecord),
      onError: (error) => log(`stream poller: ${String(error)}`),
    });
  }
  // What EventBridge does daily in AWS: close listings whose window ended and lapse proposals past
  // their expiry (now, then hourly).
  const sweep = () => runMaintenance(deps).catch((error: unknown) => log(`expiry sweep: ${String(error)}`));
  if (options.sweepExpiry !== false) void sweep();
  const sweepTimer = options.sweepExpiry !== false ? setInterval(sweep, 3_600_000) : undefined;
  sweepTimer?.unref();
  const api = createFullApp(() => deps);
  const app = createLocalServerApp(api, options.webDist ?? 'web/dist', localOutboxRoutes(outboxDir));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: options.host ?? '127.0.0.1' },
      () => resolve(s),
    );
  });
  const address = server.address() as AddressInfo;
  const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;
  // Links in e-mails and SMS lead to this server; the console's hint to the outbox page.
  deps = { ...deps, config: { ...deps.config, publicUrl: deps.config.publicUrl || url } };
  outbox.setListUrl(`${url}/_local/outbox`);
  return {
    url,
    dynamoEndpoint: endpoint,
    tableName,
    outboxDir,
    async drainStreams() {
      await poller?.drain();
    },
    async stop() {
      if (sweepTimer) clearInterval(sweepTimer);
      await poller?.stop();
      await sheets.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await dynamo?.stop();
    },
  };
}
