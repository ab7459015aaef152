import { buildDeps, type Deps } from '../api/deps.ts';
import { expireListings } from '../listings/expire-listings.ts';
import { readConfig } from '../shared/config.ts';

let deps: Deps | undefined;

/** Scheduled maintenance (EventBridge, daily): close listings whose window has ended. */
export const handler = async (): Promise<{ checked: number; expired: number }> => {
  deps ??= buildDeps(readConfig());
  const result = await expireListings(deps);
  console.log(JSON.stringify({ level: 'info', message: 'expiry sweep', ...result }));
  return result;
};
