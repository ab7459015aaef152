import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import * as esbuild from 'esbuild';
import { createLocalServerApp } from '../../functions/local/web-server.ts';
import { esbuildOptionsFor, LAMBDA_ENTRIES, LAMBDA_NODE_OPTIONS } from '../../infra/lambda-bundling.ts';
import { launchBrowser } from '../setup/browser.ts';
import { ensureWebBuilt } from '../setup/build-web.ts';

/**
 * `npm run bench:cold`: every Lambda bundle built exactly as the stack builds it
 * (infra/lambda-bundling.ts), and in the same run the floor app (tests/bench/cold-floor.ts: Hono +
 * @aws-sdk/client-dynamodb) with the same options. Per bundle: KB on disk (index.js, without its
 * external source map) and module-init ms — the median over fresh Node processes of `require()`ing
 * it, with the environment Lambda gives it (NODE_OPTIONS included), wall time and, beside it, the
 * CPU time of the same runs (which a busy neighbour on a shared machine disturbs less). Runs of the
 * bundles are interleaved so that a busy machine slows them alike. The `cold:` line's api_* are the
 * largest bundle and the slowest init of the request-path functions (the API is several Lambdas
 * behind one HTTP API). Then the web's first load: the gzip KB of
 * everything the sign-in page fetches in Chromium.
 *
 *   npm run bench:cold [-- --runs 9]
 */
const ROOT = resolve(import.meta.dirname, '../..');
const runsArg = process.argv.indexOf('--runs');
const RUNS = Math.max(7, runsArg > 0 ? Number(process.argv[runsArg + 1]) : 9);

/** The functions that answer the API's JSON routes (not spreadsheets, stream or schedule). */
const REQUEST_PATH = ['api', 'market', 'events', 'dealFiles'] satisfies (keyof typeof LAMBDA_ENTRIES)[];

const out = mkdtempSync(join(tmpdir(), 'gongxu-cold-'));
const bundles: Record<string, string> = {};
const targets: [string, string][] = [
  ...Object.entries(LAMBDA_ENTRIES),
  ['floor', 'tests/bench/cold-floor.ts'],
];
for (const [name, entry] of targets) {
  const outfile = join(out, name, 'index.js');
  await esbuild.build({ ...esbuildOptionsFor(join(ROOT, entry), outfile), logLevel: 'error' });
  bundles[name] = outfile;
}

/** The environment the stack gives a function (values are placeholders; init reads none of them). */
const lambdaEnv = {
  PATH: process.env.PATH,
  AWS_REGION: 'ap-east-1',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  STAGE: 'bench',
  TABLE_NAME: 'Gongxu-bench',
  AUTH_MODE: 'cognito',
  COGNITO_USER_POOL_ID: 'ap-east-1_bench',
  COGNITO_CLIENT_ID: 'bench',
  WEB_ORIGINS: '',
  ...(LAMBDA_NODE_OPTIONS ? { NODE_OPTIONS: LAMBDA_NODE_OPTIONS } : {}),
};
const probe =
  'const {performance}=require("node:perf_hooks");const t=performance.now();const c=process.cpuUsage();' +
  'require(process.argv[1]);const d=process.cpuUsage(c);' +
  'process.stdout.write(String(performance.now()-t)+" "+String((d.user+d.system)/1000));';

/** Wall and CPU ms of one fresh process's `require()` of the bundle. */
function initMs(bundle: string): { wall: number; cpu: number } {
  const run = spawnSync(process.execPath, ['-e', probe, bundle], { env: lambdaEnv, encoding: 'utf8' });
  const [wall, cpu] = run.stdout.split(' ').map(Number) as [number, number];
  if (run.status !== 0 || !Number.isFinite(wall) || !Number.isFinite(cpu)) {
    throw new Error(`init of ${bundle} failed: ${run.stderr}`);
  }
  return { wall, cpu };
}

const samples: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
/** CPU time of the same runs: what a busy neighbour on this shared machine disturbs least. */
const cpuSamples: Record<string, number[]> = Object.fromEntries(Object.keys(bundles).map((n) => [n, []]));
for (let i = 0; i < RUNS; i++) {
  for (const [name, bundle] of Object.entries(bundles)) {
    const { wall, cpu } = initMs(bundle);
    samples[name]!.push(wall);
    cpuSamples[name]!.push(cpu);
  }
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (name: string) => statSync(bundles[name]!).size / 1024;
const floorKb = kb('floor');
const floorMs = median(samples.floor!);

console.log(
  `bundles built with infra/lambda-bundling.ts into ${out}; init = median of ${RUNS} fresh processes`,
);
const floorCpu = median(cpuSamples.floor!);
console.log(
  'function     bundle_kb  init_ms  kb_vs_floor  init_vs_floor  init_cpu_ms  cpu_vs_floor  request_path',
);
for (const name of Object.keys(bundles)) {
  const ms = median(samples[name]!);
  console.log(
    `${name.padEnd(12)} ${kb(name).toFixed(0).padStart(9)} ${ms.toFixed(1).padStart(8)} ${(kb(name) / floorKb).toFixed(2).padStart(12)} ${(ms / floorMs).toFixed(2).padStart(14)} ${median(cpuSamples[name]!).toFixed(1).padStart(12)} ${(median(cpuSamples[name]!) / floorCpu).toFixed(2).padStart(13)}  ${(REQUEST_PATH as string[]).includes(name) ? 'yes' : ''}`,
  );
}

// --- The web's first load: what the sign-in page fetches -----------------------------------------
const webDist = await ensureWebBuilt();
const server = serve({
  fetch: createLocalServerApp({ fetch: () => new Response('{}', { status: 503 }) }, webDist).fetch,
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await launchBrowser();
const fetched = new Map<string, number>();
try {
  const page = await browser.newPage();
  page.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== base || url.pathname.startsWith('/api')) return;
    const path = url.pathname === '/sign-in' || url.pathname === '/' ? 'index.html' : url.pathname.slice(1);
    try {
      fetched.set(url.pathname, gzipSync(readFileSync(join(webDist, path)), { level: 9 }).length);
    } catch {
      // not a file of the bundle
    }
  });
  await page.goto(`${base}/sign-in`, { waitUntil: 'networkidle' });
} finally {
  await browser.close();
  server.close();
}
const webKb = [...fetched.values()].reduce((a, b) => a + b, 0) / 1024;
console.log(
  `web first load (/sign-in): ${fetched.size} files, ${webKb.toFixed(1)} KB gzip (${[...fetched.keys()].join(', ')})`,
);

// The API is several request-path functions behind one HTTP API (API Gateway routes by path); the
// cold line reports the largest bundle and the slowest init among them (the sheets function, which
// API Gateway sends only spreadsheet uploads/exports and the OpenAPI document, is reported above).
const apiKb = Math.max(...REQUEST_PATH.map(kb));
const apiMs = Math.max(...REQUEST_PATH.map((name) => median(samples[name]!)));
const ratio = Math.max(apiKb / floorKb, apiMs / floorMs);
console.log(
  `cold: api_kb=${apiKb.toFixed(0)} api_init_ms=${apiMs.toFixed(1)} floor_kb=${floorKb.toFixed(0)} floor_init_ms=${floorMs.toFixed(1)} ratio=${ratio.toFixed(2)}`,
);
