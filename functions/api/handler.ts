import { handle } from 'hono/aws-lambda';
import { readConfig } from '../shared/config.ts';
import { createApp } from './app.ts';
import { buildDeps, type Deps } from './deps.ts';

let deps: Deps | undefined;
export const app = createApp(() => {
  deps ??= buildDeps(readConfig());
  return deps;
});

export const handler = handle(app);
