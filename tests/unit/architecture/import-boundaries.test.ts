import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import directions the code base keeps (see README "Adding a module"):
 *  - the web imports from the server side only the browser-safe contract, functions/contract/**;
 *  - the contract imports only itself and zod;
 *  - domain code imports neither the AWS SDK nor Hono: only adapters do (routes, repositories,
 *    commands, the API and stream entry points, the table layer, local tooling).
 * Type-only imports count too: a type from elsewhere is a rule or a shape copied by reference.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const ADAPTER_PATTERNS = [
  /^functions\/(api|local|streams|maintenance|shared\/db)\//,
  /\.routes\.ts$/,
  /\.repo\.ts$/,
  /-commands\.ts$/,
  /^functions\/auth\/identity-cognito\.ts$/,
  // storage adapters named after the service they speak to (e.g. deals/file-store-s3.ts)
  /-s3\.ts$/,
  /^functions\/shared\/(idempotency|openapi|validation)\.ts$/,
  // the notifications sender Lambda: its entry point, its stream loop and the SES / SMS adapter
  /^functions\/notifications\/(sender-handler|outbox-sender|transport-aws)\.ts$/,
];
const SERVER_ONLY_PACKAGES = /^(@aws-sdk\/|hono$|hono\/|@hono\/)/;
const CONTRACT_PACKAGES = /^zod(\/mini)?$/;

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module specifier a file names: static and dynamic imports, re-exports. */
function specifiersOf(source: string): string[] {
  const found: string[] = [];
  const pattern =
    /(?:^|[\s;])(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|(?:^|[\s;(])import\s*\(\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s+['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(pattern)) found.push((m[1] ?? m[2] ?? m[3])!);
  return found;
}

/** Repo-relative path of a relative specifier, or the bare package name. */
function target(file: string, specifier: string): { path?: string; pkg?: string } {
  if (!specifier.startsWith('.')) return { pkg: specifier };
  return { path: relative(ROOT, resolve(ROOT, dirname(file), specifier)) };
}

function webViolations(file: string, source: string): string[] {
  return specifiersOf(source).flatMap((s) => {
    const { path, pkg } = target(file, s);
    if (pkg) return SERVER_ONLY_PACKAGES.test(pkg) || pkg.startsWith('node:') ? [`${file} → ${s}`] : [];
    if (path!.startsWith('web/') || path!.startsWith('functions/contract/')) return [];
    return [`${file} → ${s}`];
  });
}

function contractViolations(file: string, source: string): string[] {
  return specifiersOf(source).flatMap((s) => {
    const { path, pkg } = target(file, s);
    if (pkg) return CONTRACT_PACKAGES.test(pkg) ? [] : [`${file} → ${s}`];
    return path!.startsWith('functions/contract/') ? [] : [`${file} → ${s}`];
  });
}

function domainViolations(file: string, source: string): string[] {
  if (ADAPTER_PATTERNS.some((p) => p.test(file))) return [];
  return specifiersOf(source)
    .filter((s) => SERVER_ONLY_PACKAGES.test(s))
    .map((s) => `${file} → ${s}`);
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

describe('import boundaries', () => {
  it('the web imports from the server side only functions/contract/**', () => {
    const violations = filesUnder('web/src').flatMap((f) => webViolations(f, read(f)));
    expect(violations).toEqual([]);
  });

  it('the contract imports only itself and zod, so the browser can load all of it', () => {
    const violations = filesUnder('functions/contract').flatMap((f) => contractViolations(f, read(f)));
    expect(violations).toEqual([]);
  });

  it('domain code imports neither the AWS SDK nor Hono', () => {
    const violations = filesUnder('functions').flatMap((f) => domainViolations(f, read(f)));
    expect(violations).toEqual([]);
  });

  it('catches each kind of violation (so the checks above can fail)', () => {
    const web = [
      "import type { Listing } from '../../functions/listings/listing.ts';",
      "export { x } from '../../functions/shared/db/table.ts';",
      "const m = await import('../../functions/regions/regions.ts');",
      "import '../../infra/app.ts';",
      "import { Hono } from 'hono';",
    ].join('\n');
    expect(webViolations('web/src/x.ts', web)).toHaveLength(5);
    expect(
      webViolations('web/src/x.ts', "import type { Listing } from '../../functions/contract/listing.ts';"),
    ).toEqual([]);
    expect(
      contractViolations('functions/contract/x.ts', "import { isValidAdcode } from '../regions/regions.ts';"),
    ).toHaveLength(1);
    expect(
      contractViolations('functions/contract/x.ts', "import { z } from 'zod/mini';\nimport './y.ts';"),
    ).toEqual([]);
    expect(
      domainViolations('functions/listings/listing-rules.ts', "import type { Context } from 'hono';"),
    ).toHaveLength(1);
    expect(
      domainViolations('functions/matching/x.ts', "import { Q } from '@aws-sdk/client-dynamodb';"),
    ).toHaveLength(1);
    expect(
      domainViolations('functions/listings/listing.repo.ts', "import { Q } from '@aws-sdk/client-dynamodb';"),
    ).toEqual([]);
  });
});
