import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Builds web/dist once per test run, for every suite that serves it (test files run in several
 * workers, so a lock folder keeps two builds from writing web/dist at once). A bundle newer than
 * everything it is built from is reused.
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const WEB_DIST = join(ROOT, 'web/dist');
const BUILT = join(WEB_DIST, 'index.html');
const SOURCES = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'functions',
  'package-lock.json',
];
const LOCK = join(ROOT, 'node_modules/.cache/gongxu-web-build.lock');
const LOCK_STALE_MS = 5 * 60_000;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const sources = SOURCES.map((p) => join(ROOT, p)).filter((p) => existsSync(p));
  return Math.max(...sources.map(newestMtime)) > statSync(BUILT).mtimeMs;
}

function tryLock(): boolean {
  mkdirSync(join(LOCK, '..'), { recursive: true });
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    // someone holds it; take it over only if its holder died long ago
    if (Date.now() - statSync(LOCK).mtimeMs > LOCK_STALE_MS) {
      rmSync(LOCK, { recursive: true, force: true });
      return tryLock();
    }
    return false;
  }
}

function runViteBuild(): Promise<void> {
  return new Promise((resolveBuild, reject) => {
    const child = spawn(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', 'web', '--logLevel', 'warn'],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: 'production' },
        stdio: ['ignore', 'inherit', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveBuild() : reject(new Error(`vite build web failed (exit ${code}):\n${stderr}`)),
    );
  });
}

let pending: Promise<string> | undefined;

/** Resolves to web/dist once it holds a bundle built from the current sources. */
export function ensureWebBuilt(): Promise<string> {
  pending ??= (async () => {
    for (;;) {
      if (tryLock()) {
        try {
          if (isStale()) await runViteBuild();
        } finally {
          rmSync(LOCK, { recursive: true, force: true });
        }
        return WEB_DIST;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return pending;
}
