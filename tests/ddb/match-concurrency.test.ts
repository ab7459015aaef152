import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../functions/audit/audit.ts';
import type { Principal } from '../../functions/auth/principal.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import type { Match } from '../../functions/matches/match.ts';
import { acceptMatch, proposeMatch } from '../../functions/matches/match-commands.ts';
import { matchIdFor } from '../../functions/matches/proposals.ts';
import { AppError } from '../../functions/shared/errors.ts';
import { newId } from '../../functions/shared/ids.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/** Nothing oversold: many accepts racing for one supply never take more than it holds. */
describe('confirming matches concurrently', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    ctx = await freshTable();
  });

  async function post(
    orgId: string,
    orgName: string,
    userId: string,
    input: Parameters<typeof buildListing>[1],
  ) {
    const now = new Date().toISOString();
    const listing = buildListing(baseCatalogue, input, { orgId, orgName, userId }, now);
    await ctx.deps.listings.create(
      listing,
      auditEntry({ userId, orgId }, 'listing', listing.id, 'post', now, newId()),
    );
    return listing;
  }

  function proposal(offer: Listing, need: Listing, quantity: number): Match {
    const now = new Date().toISOString();
    return {
      id: matchIdFor(offer.id, need.id),
      kind: 'goods',
      offerListingId: offer.id,
      offerOrgId: offer.orgId,
      offerOrgName: offer.orgName,
      needListingId: need.id,
      needOrgId: need.orgId,
      needOrgName: need.orgName,
      offerItem: 'rebar-hrb400e-25',
      needItem: 'rebar-hrb400e-25',
      quantity,
      unit: 't',
      distanceKm: 150,
      crossProvince: false,
      substitute: false,
      reasons: [],
      status: 'proposed',
      source: 'test',
      proposedAt: now,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      updatedAt: now,
      version: 1,
    };
  }

  it('confirms exactly what the supply holds across 200 racing accepts, refusing the rest with 409', async () => {
    // Arrange: one supply of 1,000 t; 200 demands of 10 t each, all already accepted by the builder.
    const steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    const site = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    const steelPrincipal: Principal = {
      userId: steel.user.id,
      email: steel.user.email,
      orgId: steel.org.id,
      orgRole: 'org_admin',
      platformRoles: [],
    };
    const sitePrincipal: Principal = {
      userId: site.user.id,
      email: site.user.email,
      orgId: site.org.id,
      orgRole: 'org_admin',
      platformRoles: [],
    };
    const supply = await post(
      steel.org.id,
      steel.org.name,
      steel.user.id,
      supplyBody({ quantity: 1000 }) as never,
    );
    // Arranged ten at a time: the race under test is the confirmations below, not the setup.
    const matches: Match[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const arranged = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const need = await post(
            site.org.id,
            site.org.name,
            site.user.id,
            demandBody({ quantity: 10 }) as never,
          );
          const match = proposal(supply, need, 10);
          await proposeMatch(ctx.deps, match, sitePrincipal);
          await acceptMatch(ctx.deps, sitePrincipal, match.id);
          return match;
        }),
      );
      matches.push(...arranged);
    }

    // Act: the supplier confirms all 200 at once.
    const outcomes = await Promise.allSettled(
      matches.map((m) => acceptMatch(ctx.deps, steelPrincipal, m.id)),
    );

    // Assert
    const confirmed = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refused = outcomes.filter((o) => o.status === 'rejected');
    for (const r of refused) {
      const reason = (r as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).status).toBe(409);
    }
    // Exactly what the supply holds is confirmed: no oversell, and no accept lost to timing alone.
    expect(confirmed).toBe(100);
    expect(refused).toHaveLength(100);
    const after = await ctx.deps.listings.get(supply.id);
    expect(after!.remaining).toBe(0);
    const stored = await ctx.deps.matches.forListing(supply.id, 'offer');
    expect(stored.filter((m) => m.status === 'confirmed')).toHaveLength(100);
  }, 240_000);
});
