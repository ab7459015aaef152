import type { Clock } from '../shared/clock.ts';
import { keys } from '../shared/db/keys.ts';
import type { Table } from '../shared/db/table.ts';
import { RateLimitError } from '../shared/errors.ts';

/**
 * Sign-in attempts per email and per client address over a sliding 15-minute window, in the table
 * (so every Lambda instance sees the same count).
 *
 * An attempt is counted atomically BEFORE its password is checked (an ADD that returns the new
 * count, so parallel attempts each get their own number): only attempts within the limit go on to
 * the password check, the others get 429 and are taken back out of the count. The window slides:
 * the count is this 15-minute bucket plus the previous bucket weighted by how much of it still lies
 * within the last 15 minutes, so a burst cannot straddle a bucket edge. A successful sign-in is
 * taken out too, so only failures (and attempts in flight) use up the allowance.
 */
export const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_EMAIL = 10;
export const MAX_FAILURES_PER_ADDRESS = 50;

interface Counter {
  readonly key: ReturnType<typeof keys.rateWindow>;
  readonly previous: ReturnType<typeof keys.rateWindow>;
  readonly limit: number;
}

/** An admitted attempt: forgive it when the password was right. */
export interface Admission {
  forgive(): Promise<void>;
}

export class SignInThrottle {
  constructor(
    private readonly table: Table,
    private readonly clock: Clock,
  ) {}

  private counters(
    email: string,
    address: string,
  ): { counters: Counter[]; elapsed: number; retryAfter: number } {
    const now = this.clock.now().getTime() / 1000;
    const start = Math.floor(now / WINDOW_SECONDS) * WINDOW_SECONDS;
    const counter = (scope: string, subject: string, limit: number): Counter => ({
      key: keys.rateWindow(scope, subject, start),
      previous: keys.rateWindow(scope, subject, start - WINDOW_SECONDS),
      limit,
    });
    return {
      counters: [
        counter('signin-email', email, MAX_FAILURES_PER_EMAIL),
        counter('signin-addr', address, MAX_FAILURES_PER_ADDRESS),
      ],
      elapsed: (now - start) / WINDOW_SECONDS,
      retryAfter: Math.max(1, Math.ceil(start + WINDOW_SECONDS - now)),
    };
  }

  private async add(key: Counter['key'], delta: number): Promise<number> {
    const expiresAt = Number(key.sk) + WINDOW_SECONDS * 3;
    const item = await this.table.update<{ attempts: number }>(key, {
      expression: 'ADD attempts :delta SET expiresAt = :exp',
      values: { ':delta': delta, ':exp': expiresAt },
    });
    return item.attempts;
  }

  /** Counts the attempt, then refuses it (429) if it is over the limit; call before checking the password. */
  async admit(email: string, address: string): Promise<Admission> {
    const { counters, elapsed, retryAfter } = this.counters(email, address);
    const verdicts = await Promise.all(
      counters.map(async (counter) => {
        const [count, previous] = await Promise.all([
          this.add(counter.key, 1),
          this.table.get<{ attempts?: number }>(counter.previous),
        ]);
        const carried = Math.ceil((previous?.attempts ?? 0) * (1 - elapsed));
        return carried + count <= counter.limit;
      }),
    );
    const takeBack = () => Promise.all(counters.map((counter) => this.add(counter.key, -1))).then(() => {});
    if (verdicts.some((ok) => !ok)) {
      await takeBack();
      throw new RateLimitError(retryAfter);
    }
    return { forgive: takeBack };
  }
}
