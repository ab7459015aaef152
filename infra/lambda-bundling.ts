import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';

/**
 * How every Lambda is bundled, in one place: infra/api.ts passes {@link LAMBDA_BUNDLING} to each
 * NodejsFunction, and `npm run bench:cold` builds the same bundles with {@link esbuildOptionsFor}
 * (the same translation aws-cdk-lib's NodejsFunction makes into esbuild flags), so what is measured
 * is what is deployed.
 *
 * - `mainFields: module, main`: packages' ES module builds, which esbuild can tree-shake (the AWS SDK's
 *   CommonJS builds pull in every command of a client);
 * - `--charset=utf8`: Chinese text (the catalogue, messages) as UTF-8, not `\uXXXX` escapes;
 * - source maps are written next to the bundle for reading stack traces offline, but not enabled at
 *   run time: `--enable-source-maps` makes Node parse the map on every cold start.
 */
export const LAMBDA_BUNDLING = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: 'node24',
  // Bundle the AWS SDK too: the versions in package-lock.json, not whatever the runtime ships.
  externalModules: [],
  mainFields: ['module', 'main'],
  esbuildArgs: { '--charset': 'utf8' },
} as const satisfies BundlingOptions;

/** NODE_OPTIONS of every Lambda (none: see above). */
export const LAMBDA_NODE_OPTIONS: string | undefined = undefined;

/** The Lambda entry points, by function. */
export const LAMBDA_ENTRIES = {
  api: 'functions/api/handler.ts',
  market: 'functions/api/market-handler.ts',
  events: 'functions/api/events-handler.ts',
  dealFiles: 'functions/api/deal-files-handler.ts',
  sheets: 'functions/api/sheets-handler.ts',
  stream: 'functions/streams/handler.ts',
  maintenance: 'functions/maintenance/handler.ts',
  /** Notifications: e-mail and SMS from the outbox (infra/notify.ts). */
  sender: 'functions/notifications/sender-handler.ts',
} as const;

/** The esbuild options NodejsFunction derives from {@link LAMBDA_BUNDLING} (CommonJS, `index.js`). */
export function esbuildOptionsFor(entry: string, outfile: string): BuildOptions {
  const b = LAMBDA_BUNDLING;
  return {
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: b.target,
    outfile,
    minify: b.minify,
    sourcemap: b.sourceMap,
    sourcesContent: b.sourcesContent,
    external: [...b.externalModules],
    mainFields: [...b.mainFields],
    charset: b.esbuildArgs['--charset'],
  };
}
