import { buildDeps, type Deps } from '../api/deps.ts';
import { readConfig } from '../shared/config.ts';
import { createStreamHandler } from './stream-app.ts';

let deps: Deps | undefined;

export const handler = createStreamHandler(() => {
  deps ??= buildDeps(readConfig());
  return deps;
});
