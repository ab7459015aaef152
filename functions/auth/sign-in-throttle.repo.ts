import type { Clock } from '../shared/clock.ts';
import { keys } from '../shared/db/keys.ts';
import type { Table } from '../shared/db/table.ts';
import { RateLimitError } from '../shared/errors.ts';

/**
 * Failed sign-ins counted per email and per client address in fixed 15-minute windows, in the
 * table (so every Lambda instance sees the same count). Past the limit: 429 until the window ends.
 */
export const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

export class SignInThrottle {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  private window(): { start: number; retryAfter: number } {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const start = now - (now % WINDOW_SECONDS);
    return { start, retryAfter: start + WINDOW_SECONDS - now };
  }

  async check(email: string, address: string): Promise<void> {
    const { start, retryAfter } = this.window();
    const [byEmail, byAddress] = await Promise.all([
      this.table.get<{ failures: number }>(keys.rateWindow('signin-email', email, start)),
      this.table.get<{ failures: number }>(keys.rateWindow('signin-addr', address, start)),
    ]);
    if (
      (byEmail?.failures ?? 0) >= MAX_FAILURES_PER_EMAIL ||
      (byAddress?.failures ?? 0) >= MAX_FAILURES_PER_ADDRESS
    ) {
      throw new RateLimitError(retryAfter);
    }
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const { start } = this.window();
    const expiresAt = start + WINDOW_SECONDS * 3;
    await Promise.all(
      [keys.rateWindow('signin-email', email, start), keys.rateWindow('signin-addr', address, start)].map(
        (key) =>
          this.table.update(key, {
            expression: 'ADD failures :one SET expiresAt = :exp',
            values: { ':one': 1, ':exp': expiresAt },
          }),
      ),
    );
  }
}
