import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../functions/audit/audit.ts';
import type { Principal } from '../../functions/auth/principal.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import type { Deal } from '../../functions/deals/deal.ts';
import { confirmDeal, recordDeal } from '../../functions/deals/deal-commands.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import { acceptMatch, proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { AppError } from '../../functions/shared/errors.ts';
import { newId } from '../../functions/shared/ids.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Never below zero: 200 contracts racing to be confirmed on one supply take exactly what it holds,
 * and each match's reservation is counted once (turned into its contract, not drawn again).
 */
describe('confirming contracts concurrently', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    ctx = await freshTable();
  });

  const principalOf = (made: Awaited<ReturnType<typeof makeOrg>>): Principal => ({
    userId: made.user.id,
    email: made.user.email,
    orgId: made.org.id,
    orgRole: 'org_admin',
    platformRoles: [],
  });

  async function post(owner: Awaited<ReturnType<typeof makeOrg>>, input: unknown): Promise<Listing> {
    const now = new Date().toISOString();
    const listing = buildListing(
      baseCatalogue,
      input as Parameters<typeof buildListing>[1],
      { orgId: owner.org.id, orgName: owner.org.name, userId: owner.user.id },
      now,
    );
    await ctx.deps.listings.create(
      listing,
      auditEntry({ userId: owner.user.id, orgId: owner.org.id }, 'listing', listing.id, 'post', now, newId()),
    );
    return listing;
  }

  /** Runs `work` over `items` with at most `width` at a time (setup only; the race itself is all at once). */
  async function inBatches<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += width)
      out.push(...(await Promise.all(items.slice(i, i + width).map(work))));
    return out;
  }

  it('confirms exactly the contracts the supply can hold across 200 racing confirmations, and remaining ends at the exact figure', async () => {
    // Arrange: a supply of 1,000 t; 200 demands of 10 t; 200 matches of 1 t, confirmed (the supply
    // keeps 800 t); on each match the supplier records a contract for 10 t, which needs 9 t more.
    const steel = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: 61_001 }) });
    const site = await makeOrg(ctx.deps, {
      creditCode: makeCreditCode({ seed: 61_002 }),
      kinds: ['builder'],
    });
    const [steelP, siteP] = [principalOf(steel), principalOf(site)];
    const supply = await post(steel, supplyBody({ quantity: 1000 }));
    const deals: Deal[] = await inBatches([...Array(200).keys()], 20, async () => {
      const need = await post(site, demandBody({ quantity: 10 }));
      const match = proposedMatch(
        {
          kind: 'goods',
          offer: supply,
          need,
          offerItem: 'rebar-hrb400e-25',
          needItem: 'rebar-hrb400e-25',
          quantity: 1,
          unit: 't',
          distanceKm: 150,
          crossProvince: false,
          substitute: false,
          reasons: [],
        },
        new Date().toISOString(),
        'test',
      );
      await proposeMatch(ctx.deps, match, siteP);
      await acceptMatch(ctx.deps, siteP, match.id);
      await acceptMatch(ctx.deps, steelP, match.id);
      return await recordDeal(ctx.deps, steelP, {
        matchId: match.id,
        document: 'contract',
        quantity: 10,
        unitPrice: '3950',
        deliveryFrom: today,
        deliveryUntil: inDays(30),
        deliveryAdcode: '350102',
      });
    });
    expect((await ctx.deps.listings.get(supply.id))!.remaining).toBe(800);

    // Act: the builder confirms all 200 at once.
    const outcomes = await Promise.allSettled(deals.map((d) => confirmDeal(ctx.deps, siteP, d.id)));

    // Assert: 800 t left for 9 t each: exactly 88 contracts, 8 t left over, every refusal a 409 naming the supply.
    const confirmed = outcomes.filter((o) => o.status === 'fulfilled').length;
    const refusals = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    expect(confirmed).toBe(88);
    for (const reason of refusals) {
      expect(reason).toBeInstanceOf(AppError);
      expect((reason as AppError).status).toBe(409);
      expect((reason as AppError).key).toBe('deal_short_offer');
    }
    expect((await ctx.deps.listings.get(supply.id))!.remaining).toBe(8);
    const stored = await Promise.all(deals.map((d) => ctx.deps.deals.get(d.id)));
    expect(stored.filter((d) => d?.status === 'contract').length).toBe(88);
    expect(stored.filter((d) => d?.status === 'contract_proposed').length).toBe(112);
    const matches = await Promise.all(deals.map((d) => ctx.deps.matches.get(d.matchId!)));
    expect(matches.filter((m) => m?.contractDealId !== undefined).length).toBe(88);
    // Each contracted demand: 10 − 1 (match) − 9 (contract) = 0; the others keep 9.
    const needs = await Promise.all(deals.map((d) => ctx.deps.listings.get(d.needListingId)));
    expect(needs.filter((l) => l?.remaining === 0).length).toBe(88);
    expect(needs.filter((l) => l?.remaining === 9).length).toBe(112);
  }, 300_000);
});
