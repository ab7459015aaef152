import type { Deps } from '../api/deps.ts';
import { expireMatchIfDue } from './match-commands.ts';

/**
 * The match expiry sweep: lapses open proposals past their expiry. Open matches sit in a sparse
 * index ordered by expiry (keys.matchIndexes), so this is one Query from the oldest to now, never a
 * scan. Each lapse is a conditional write: a proposal answered meanwhile is left alone. The stream
 * sees each lapse and runs live matching again for both listings (functions/streams/stream-app.ts).
 */
export async function expireMatches(deps: Deps, max = 10_000): Promise<{ checked: number; expired: number }> {
  const now = deps.clock.now().toISOString();
  let checked = 0;
  let expired = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.matches.lapsed(now, cursor, 100);
    for (const match of page.items) {
      checked += 1;
      if ((await expireMatchIfDue(deps, match)).status === 'expired') expired += 1;
    }
    cursor = page.nextCursor;
  } while (cursor && checked < max);
  return { checked, expired };
}
