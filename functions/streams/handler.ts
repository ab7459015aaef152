import { buildDeps, type Deps } from '../api/deps.ts';
import { readConfig } from '../shared/config.ts';
import { createStreamHandler } from './stream-app.ts';

/** Read and checked at init: a missing or malformed setting fails the cold start, naming it. */
const config = readConfig();

let deps: Deps | undefined;

export const handler = createStreamHandler(() => {
  deps ??= buildDeps(config);
  return deps;
});
