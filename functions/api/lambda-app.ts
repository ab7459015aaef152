import { handle } from 'hono/aws-lambda';
import { systemClock } from '../shared/clock.ts';
import { readConfig } from '../shared/config.ts';
import { createApp, type RouteModule } from './app.ts';
import { type AwsAdapters, buildDeps, type Deps } from './deps.ts';

/**
 * One request-path Lambda: the app of its route modules, its configuration read and checked at
 * init (a missing or malformed setting fails the cold start, naming it), its dependencies built on
 * the first request. `aws` are the clients of other AWS services this function alone is given.
 */
export function lambdaApp(modules: readonly RouteModule[], aws: AwsAdapters = {}) {
  const config = readConfig();
  let deps: Deps | undefined;
  const app = createApp(() => {
    deps ??= buildDeps(config, systemClock, aws);
    return deps;
  }, modules);
  return { app, handler: handle(app) };
}
