import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-data.ts';
import { JavaCompilerMissingError, JavaMissingError } from './dynamodb-local.ts';
import { startLocalStack } from './stack.ts';

/** `npm start`: build the web if needed, start everything, print where to go, stop cleanly on Ctrl-C. */

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function buildWebIfStale(): void {
  const built = 'web/dist/index.html';
  const sources = ['web/src', 'web/index.html', 'functions'].filter(existsSync);
  const stale = !existsSync(built) || Math.max(...sources.map(newestMtime)) > statSync(built).mtimeMs;
  if (!stale) return;
  console.log('Building the web bundle…');
  const result = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', 'web', '--logLevel', 'warn'],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('The web build failed (see above).');
}

async function main(): Promise<void> {
  // Node 20 is supported here; the SDK's notice about its 2027 releases is not for our users.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (process.env.GONGXU_SKIP_WEB_BUILD !== '1') buildWebIfStale();
  const port = Number(process.env.PORT ?? 8787);
  const stack = await startLocalStack({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dataDir: process.env.GONGXU_DATA_DIR ?? '.data/dynamodb',
    keyFile: process.env.GONGXU_KEY_FILE || undefined,
    seedDemo: process.env.GONGXU_DEMO !== '0',
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`\nGongxu 供需 is running at ${stack.url}\n`);
  console.log(`  API health: ${stack.url}/api/health   OpenAPI: ${stack.url}/api/openapi.json`);
  console.log(`  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(28)} ${user.label}`);
  console.log('\nPress Ctrl-C to stop.');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError || error instanceof JavaCompilerMissingError)
    console.error(error.message);
  else console.error(error);
  process.exit(1);
});
