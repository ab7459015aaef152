import { describe, expect, it } from 'vitest';
import { expireListings } from '../../functions/listings/expire-listings.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

describe('the expiry sweep', () => {
  it('closes open listings whose window has ended as expired and leaves the others open', async () => {
    // Arrange
    const clock = fixedClock('2026-03-01T08:00:00Z');
    const ctx = await freshTable({ clock });
    const org = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    const api = apiClient(ctx.app, { token: org.token });
    const ending = await api.post<{ id: string }>(
      '/api/listings',
      supplyBody({ availableFrom: '2026-03-01', availableUntil: '2026-03-10' }),
    );
    const lasting = await api.post<{ id: string }>(
      '/api/listings',
      supplyBody({ availableFrom: '2026-03-01', availableUntil: '2026-06-30' }),
    );

    // Act
    clock.set('2026-03-11T00:00:01Z');
    const result = await expireListings(ctx.deps);

    // Assert
    expect(result.expired).toBe(1);
    expect(await ctx.deps.listings.get(ending.body.id)).toMatchObject({
      status: 'closed',
      closedReason: 'expired',
    });
    expect(await ctx.deps.listings.get(lasting.body.id)).toMatchObject({ status: 'open' });
    const again = await expireListings(ctx.deps);
    expect(again.expired).toBe(0);
  }, 60_000);
});
