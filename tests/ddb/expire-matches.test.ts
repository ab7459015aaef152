import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../functions/listings/listing.ts';
import { expireMatches } from '../../functions/matches/expire-matches.ts';
import { matchListing } from '../../functions/matches/live-matching.ts';
import { MATCH_PROPOSAL_TTL_DAYS } from '../../functions/matches/match.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { handleRecord } from '../../functions/streams/stream-app.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

const DAY = 86_400_000;

/** A supply whose only proposal went to a far project and lapsed unanswered. */
async function lapsedProposal() {
  const clock = fixedClock(new Date().toISOString());
  const ctx = await freshTable({ clock });
  const steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
  const far = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
  const near = await makeOrg(ctx.deps, { creditCode: '913508007384629572', kinds: ['builder'] });
  const supply = (
    await apiClient(ctx.app, { token: steel.token }).post<Listing>(
      '/api/listings',
      supplyBody({ quantity: 400, adcode: '350403', availableUntil: inDays(90) }),
    )
  ).body;
  const farDemand = (
    await apiClient(ctx.app, { token: far.token }).post<Listing>(
      '/api/listings',
      demandBody({ quantity: 400, adcode: '350102', neededBy: inDays(90) }),
    )
  ).body;
  expect(await matchListing(ctx.deps, supply)).toBe(1);
  const [first] = await ctx.deps.matches.forListing(supply.id, 'offer');
  // Posted now (tokens last a day); live matching for it runs only once the proposal has lapsed.
  const nearDemand = (
    await apiClient(ctx.app, { token: near.token }).post<Listing>(
      '/api/listings',
      demandBody({ quantity: 400, adcode: '350403', neededBy: inDays(90) }),
    )
  ).body;
  clock.advance((MATCH_PROPOSAL_TTL_DAYS + 1) * DAY);
  return { ctx, clock, supply, farDemand, nearDemand, first: first! };
}

describe('lapsed proposals', () => {
  it('tie up nothing: live matching proposes a lapsed supply to a new demand before any sweep ran', async () => {
    // Arrange
    const { ctx, supply, nearDemand } = await lapsedProposal();

    // Act
    const created = await matchListing(ctx.deps, nearDemand);

    // Assert
    expect(created).toBe(1);
    const offers = await ctx.deps.matches.forListing(supply.id, 'offer');
    expect(offers.find((m) => m.needListingId === nearDemand.id)).toMatchObject({
      status: 'proposed',
      quantity: 400,
    });
  }, 60_000);

  it('are expired by the sweep from the open-match index, once', async () => {
    // Arrange
    const { ctx, first } = await lapsedProposal();

    // Act
    const result = await expireMatches(ctx.deps);
    const again = await expireMatches(ctx.deps);

    // Assert
    expect(result).toEqual({ checked: 1, expired: 1 });
    expect(await ctx.deps.matches.get(first.id)).toMatchObject({ status: 'expired' });
    expect(again).toEqual({ checked: 0, expired: 0 });
  }, 60_000);

  it('leave open proposals that have not lapsed to the sweep untouched', async () => {
    // Arrange
    const { ctx, clock, first } = await lapsedProposal();
    clock.advance(-(MATCH_PROPOSAL_TTL_DAYS * DAY));

    // Act
    const result = await expireMatches(ctx.deps);

    // Assert
    expect(result.expired).toBe(0);
    expect(await ctx.deps.matches.get(first.id)).toMatchObject({ status: 'proposed' });
  }, 60_000);

  it('set live matching going again for both listings when the stream sees the lapse', async () => {
    // Arrange
    const { ctx, supply, first, nearDemand } = await lapsedProposal();
    await expireMatches(ctx.deps);
    const expired = (await ctx.deps.matches.get(first.id))!;
    const record: DynamoDBRecord = {
      eventName: 'MODIFY',
      dynamodb: {
        OldImage: marshall({ ...first, type: 'match' }) as never,
        NewImage: marshall({ ...expired, type: 'match' }) as never,
      },
    };

    // Act
    await handleRecord(ctx.deps, record);

    // Assert
    const offers = await ctx.deps.matches.forListing(supply.id, 'offer');
    expect(offers.find((m) => m.needListingId === nearDemand.id)?.status).toBe('proposed');
  }, 60_000);
});
