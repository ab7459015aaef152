import { describe, expect, it } from 'vitest';
import { MAX_FAILURES_PER_EMAIL, WINDOW_SECONDS } from '../../functions/auth/sign-in-throttle.repo.ts';
import type { Clock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/** A clock the test moves. */
function movableClock(start: Date): Clock & { set(at: Date): void } {
  let now = start;
  return { now: () => now, set: (at) => (now = at) };
}

describe('sign-in throttling', () => {
  it('checks at most the limit of 40 wrong passwords sent in parallel; the rest get 429', async () => {
    // Arrange
    const ctx = await freshTable();
    const { user } = await makeOrg(ctx.deps);
    const api = apiClient(ctx.app);

    // Act
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        api.post('/api/auth/sign-in', { email: user.email, password: `wrong-password-${i}` }),
      ),
    );

    // Assert
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILURES_PER_EMAIL);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(40 - MAX_FAILURES_PER_EMAIL);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  }, 120_000); // ten scrypt checks and 80 counter writes at once: slow on a busy 2-core machine

  it('refuses a burst that straddles the edge of a 15-minute bucket (the window slides)', async () => {
    // Arrange: ten failures in the last second of one bucket…
    const bucketEnd = Math.ceil(Date.now() / 1000 / WINDOW_SECONDS) * WINDOW_SECONDS;
    const clock = movableClock(new Date((bucketEnd - 1) * 1000));
    const ctx = await freshTable({ clock });
    const { user } = await makeOrg(ctx.deps);
    const api = apiClient(ctx.app);
    for (let i = 0; i < 10; i++)
      await api.post('/api/auth/sign-in', { email: user.email, password: 'wrong-pass-1' });

    // Act: …and the right password one second later, in the next bucket.
    clock.set(new Date((bucketEnd + 1) * 1000));
    const straddling = await api.post('/api/auth/sign-in', { email: user.email, password: PASSWORD });
    clock.set(new Date((bucketEnd + WINDOW_SECONDS + 1) * 1000));
    const later = await api.post('/api/auth/sign-in', { email: user.email, password: PASSWORD });

    // Assert
    expect(straddling.status).toBe(429);
    expect(later.status).toBe(200);
  }, 120_000);

  it('does not hold successful sign-ins against the allowance', async () => {
    // Arrange
    const ctx = await freshTable();
    const { user } = await makeOrg(ctx.deps);
    const api = apiClient(ctx.app);

    // Act
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await api.post('/api/auth/sign-in', { email: user.email, password: PASSWORD })).status);
    }

    // Assert
    expect(statuses.every((s) => s === 200)).toBe(true);
  }, 120_000);
});
