import { buildDeps, type Deps } from '../api/deps.ts';
import { readConfig } from '../shared/config.ts';
import { runMaintenance } from './sweep.ts';

/** Read and checked at init: a missing or malformed setting fails the cold start, naming it. */
const config = readConfig();

let deps: Deps | undefined;

/** Scheduled maintenance (EventBridge, daily): expire listings whose window ended and lapsed proposals. */
export const handler = async () => {
  deps ??= buildDeps(config);
  const result = await runMaintenance(deps);
  console.log(JSON.stringify({ level: 'info', message: 'expiry sweep', ...result }));
  return result;
};
