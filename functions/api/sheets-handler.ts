import { handle } from 'hono/aws-lambda';
import { readConfig } from '../shared/config.ts';
import type { Deps } from './deps.ts';
import { buildDeps } from './deps.ts';
import { createFullApp } from './sheet-modules.ts';

/** Read and checked at init: a missing or malformed setting fails the cold start, naming it. */
const config = readConfig();

/**
 * The sheets Lambda: the complete app, of which API Gateway sends it only the spreadsheet routes
 * (imports, templates, exports) and the OpenAPI document. Parsing runs inline: a slow file holds
 * up only this function's own instance, never the API's.
 */
let deps: Deps | undefined;
export const app = createFullApp(() => {
  deps ??= buildDeps(config);
  return deps;
});

export const handler = handle(app);
