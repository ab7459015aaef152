import { beforeAll, describe, expect, it } from 'vitest';
import type { Listing } from '../../functions/contract/listing.ts';
import type { ListingTerms } from '../../functions/contract/match-terms.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { factOfChange } from '../../functions/notifications/notification-facts.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import {
  demandBody,
  inDays,
  labourOfferBody,
  labourRequestBody,
  supplyBody,
} from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Bait and switch (issue 12): an acceptance records the terms of both listings; a material change
 * to either voids the acceptances (both sides told) and a confirmation holds only on the terms
 * accepted, also when an edit races it.
 */

type View = Match & {
  currentTerms?: { offer: ListingTerms; need: ListingTerms };
  error?: { code: string; message: string; fields?: { field: string }[] };
};
type Inbox = { items: { event: string; matchId: string; changedFields?: string[] }[] };

const SAND_SUPPLY = {
  specId: 'sand-natural-medium',
  quantity: 5000,
  unitPrice: 80,
  adcode: '350403',
  deliveryRadiusKm: 300,
};
const SAND_DEMAND = { specId: 'sand-natural-medium', quantity: 3000, ceilingPrice: 90 };

/** A new value for each material field of each kind, and edits that change nothing material. */
const MATERIAL_EDITS: Record<Listing['kind'], [string, Record<string, unknown>][]> = {
  supply: [
    ['specId', { specId: 'sand-manufactured-medium' }],
    ['quantity', { quantity: 6000 }],
    ['unitPrice', { unitPrice: 81 }],
    ['minOrder', { minOrder: 100 }],
    ['adcode', { adcode: '350400' }],
    ['address', { address: '三明市三元区新码头' }],
    ['lat', { lat: 26.2, lng: 117.6 }],
    ['deliveryRadiusKm', { deliveryRadiusKm: 400 }],
    ['availableFrom', { availableFrom: inDays(1) }],
    ['availableUntil', { availableUntil: inDays(50) }],
  ],
  demand: [
    ['specId', { specId: 'sand-manufactured-medium' }],
    ['quantity', { quantity: 3500 }],
    ['ceilingPrice', { ceilingPrice: 95 }],
    ['acceptsSubstitutes', { acceptsSubstitutes: true }],
    ['adcode', { adcode: '350103' }],
    ['address', { address: '福州市鼓楼区新工地' }],
    ['lng', { lat: 26.1, lng: 119.3 }],
    ['deliverFrom', { deliverFrom: inDays(1) }],
    ['neededBy', { neededBy: inDays(20) }],
  ],
  labour_offer: [
    ['skillId', { skillId: 'general-worker' }],
    ['headcount', { headcount: 41 }],
    ['dailyWage', { dailyWage: 250 }],
    ['certificates', { certificates: ['special-operation-electrician'] }],
    ['needsHousing', { needsHousing: false }],
    ['needsTransport', { needsTransport: false }],
    ['adcode', { adcode: '350583' }],
    ['commuteRadiusKm', { commuteRadiusKm: 1400 }],
    ['from', { from: inDays(1) }],
    ['until', { until: inDays(50) }],
  ],
  labour_request: [
    ['skillId', { skillId: 'general-worker' }],
    ['headcount', { headcount: 31 }],
    ['dailyWage', { dailyWage: 270 }],
    ['certificatesRequired', { certificatesRequired: ['special-operation-electrician'] }],
    ['housingProvided', { housingProvided: false }],
    ['transportProvided', { transportProvided: true }],
    ['minOverlapDays', { minOverlapDays: 5 }],
    ['adcode', { adcode: '370113' }],
    ['from', { from: inDays(1) }],
    ['until', { until: inDays(40) }],
  ],
};
const NON_MATERIAL_EDITS: Record<Listing['kind'], Record<string, unknown>[]> = {
  supply: [
    { note: '周末也可提货' },
    { contact: { name: '陈工', phone: '13905989999' } },
    { stockOnHand: 800 },
  ],
  demand: [{ note: '请提前一天联系' }, { projectName: '福州测试项目（二期）' }, { keyProject: false }],
  labour_offer: [{ note: '可随时面试' }],
  labour_request: [{ contact: { name: '赵工', phone: '15305319999' } }],
};

describe('bait and switch: acceptances hold only on the terms accepted', () => {
  const clock = fixedClock(new Date().toISOString());
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let supplier: Awaited<ReturnType<typeof makeOrg>>;
  let builder: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable({ clock });
    supplier = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    builder = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
  });

  const as = (who: { token: string }) => apiClient(ctx.app, { token: who.token, lang: 'en' });

  async function pair(goods: boolean, offerOverrides = {}, needOverrides = {}) {
    const offer = (
      await as(supplier).post<Listing>(
        '/api/listings',
        goods ? supplyBody({ ...SAND_SUPPLY, ...offerOverrides }) : labourOfferBody(offerOverrides),
      )
    ).body;
    const need = (
      await as(builder).post<Listing>(
        '/api/listings',
        goods ? demandBody({ ...SAND_DEMAND, ...needOverrides }) : labourRequestBody(needOverrides),
      )
    ).body;
    expect(offer.id, JSON.stringify(offer)).toBeTruthy();
    expect(need.id, JSON.stringify(need)).toBeTruthy();
    const match = proposedMatch(
      {
        kind: goods ? 'goods' : 'labour',
        offer,
        need,
        offerItem: goods ? 'sand-natural-medium' : 'sewing-operator',
        needItem: goods ? 'sand-natural-medium' : 'sewing-operator',
        quantity: goods ? 1000 : 10,
        unit: goods ? 't' : 'person',
        distanceKm: 180,
        crossProvince: !goods,
        substitute: false,
        reasons: [],
      },
      clock.now().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    return { offer, need, matchId: match.id };
  }

  it('voids the buyer’s acceptance when the supplier switches river sand at 80 for masks at 99,999 elsewhere, and tells both', async () => {
    // Arrange: the buyer accepts river sand at 80 CNY/t from Sanming
    const { offer, matchId } = await pair(true);
    const accepted = await as(builder).post<View>(`/api/matches/${matchId}/accept`);
    expect(accepted.body.status).toBe('accepted_by_need');
    expect(accepted.body.acceptances?.need?.offer.values).toMatchObject({
      specId: 'sand-natural-medium',
      unitPrice: 80,
      unit: 't',
      adcode: '350403',
      quantity: 5000,
    });

    // Act: the supplier switches its listing, then "confirms"
    const switched = await as(supplier).patch<Listing>(`/api/listings/${offer.id}`, {
      specId: 'mask-surgical-yy0469',
      unitPrice: 99_999,
      adcode: '370112',
    });
    const confirm = await as(supplier).post<View>(`/api/matches/${matchId}/accept`);

    // Assert: the match never says confirmed on terms the buyer never saw
    expect(switched.status).toBe(200);
    expect(confirm.status).toBe(200);
    expect(confirm.body.status).toBe('accepted_by_offer');
    const match = (await as(builder).get<View>(`/api/matches/${matchId}`)).body;
    expect(match.status).toBe('accepted_by_offer');
    expect(match.acceptances?.need).toBeUndefined();
    expect(match.acceptances?.offer?.offer.values).toMatchObject({
      specId: 'mask-surgical-yy0469',
      unitPrice: 99_999,
    });
    expect(match.voided).toHaveLength(1);
    expect(match.voided?.[0]).toMatchObject({ changedSide: 'offer', listingId: offer.id, sides: ['need'] });
    expect(match.voided?.[0]?.fields).toEqual(
      expect.arrayContaining(['specId', 'category', 'unit', 'unitPrice', 'adcode']),
    );
    expect(match.currentTerms?.offer.values).toMatchObject({ unitPrice: 99_999, adcode: '370112' });
    for (const side of [supplier, builder]) {
      const inbox = (await as(side).get<Inbox>('/api/inbox?limit=100')).body;
      const voided = inbox.items.find((n) => n.matchId === matchId && n.event === 'acceptance_voided');
      expect(voided?.changedFields).toEqual(expect.arrayContaining(['unitPrice', 'specId']));
      // ... and each side's people are told (the notifications module turns the entry into one).
      const fact = factOfChange(
        undefined,
        { type: 'notification', ...voided },
        await ctx.deps.catalogue.current(),
      );
      expect(fact).toMatchObject({ kind: 'match_acceptance_voided', link: `/matches/${matchId}` });
    }
    expect((await ctx.deps.listings.get(offer.id))?.remaining).toBe(5000);
  });

  for (const kind of ['supply', 'demand', 'labour_offer', 'labour_request'] as const) {
    const goods = kind === 'supply' || kind === 'demand';
    const offerSide = kind === 'supply' || kind === 'labour_offer';
    for (const [field, patch] of MATERIAL_EDITS[kind]) {
      it(`voids the other side's acceptance when a ${kind} changes ${field}`, async () => {
        const { offer, need, matchId } = await pair(goods);
        const [editor, other, listing] = offerSide ? [supplier, builder, offer] : [builder, supplier, need];
        expect((await as(other).post<View>(`/api/matches/${matchId}/accept`)).status).toBe(200);

        const edited = await as(editor).patch<{ error?: unknown }>(`/api/listings/${listing.id}`, patch);

        expect(edited.status, JSON.stringify(edited.body.error)).toBe(200);
        const match = (await as(other).get<View>(`/api/matches/${matchId}`)).body;
        expect(match.status).toBe('proposed');
        expect(match.voided?.at(-1)?.fields).toContain(field);
        // Accepting again after the change is a first acceptance, not a confirmation.
        const again = await as(editor).post<View>(`/api/matches/${matchId}/accept`);
        expect(again.body.status).toBe(offerSide ? 'accepted_by_offer' : 'accepted_by_need');
      });
    }
    it(`keeps the acceptance when a ${kind} changes nothing material`, async () => {
      const { offer, need, matchId } = await pair(goods);
      const [editor, other, listing] = offerSide ? [supplier, builder, offer] : [builder, supplier, need];
      expect((await as(other).post<View>(`/api/matches/${matchId}/accept`)).status).toBe(200);

      for (const patch of NON_MATERIAL_EDITS[kind]) {
        const edited = await as(editor).patch<View>(`/api/listings/${listing.id}`, patch);
        expect(edited.status, JSON.stringify(edited.body.error)).toBe(200);
      }
      const confirmed = await as(editor).post<View>(`/api/matches/${matchId}/accept`);

      expect(confirmed.body.status).toBe('confirmed');
      expect(confirmed.body.voided).toBeUndefined();
    });
  }

  it('shows an organizer following the match the accepted terms without the prices, and strangers nothing', async () => {
    // Arrange
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const stranger = await makeOrg(ctx.deps, { creditCode: '913508007384629572' });
    const { matchId } = await pair(true);
    await as(builder).post(`/api/matches/${matchId}/accept`);

    // Act
    const followed = await as(organizer).get<View>(`/api/matches/${matchId}`);
    const sideView = await as(supplier).get<View>(`/api/matches/${matchId}`);
    const peek = await as(stranger).get<View>(`/api/matches/${matchId}`);

    // Assert
    expect(followed.status).toBe(200);
    const accepted = followed.body.acceptances?.need;
    expect(accepted?.offer.values).toMatchObject({ specId: 'sand-natural-medium', quantity: 5000 });
    expect(accepted?.offer.values.unitPrice).toBeUndefined();
    expect(accepted?.need.values.ceilingPrice).toBeUndefined();
    expect(followed.body.currentTerms?.offer.values.unitPrice).toBeUndefined();
    expect(sideView.body.acceptances?.need?.offer.values.unitPrice).toBe(80);
    expect(sideView.body.currentTerms?.need.values.ceilingPrice).toBe(90);
    expect(peek.status).toBe(404);
  });

  it('refuses an acceptance on terms the caller did not see, naming the listing that changed', async () => {
    const { offer, matchId } = await pair(true);
    const seen = (await as(builder).get<View>(`/api/matches/${matchId}`)).body.currentTerms!;
    await as(supplier).patch(`/api/listings/${offer.id}`, { unitPrice: 120 });

    const refused = await as(builder).post<View>(
      `/api/matches/${matchId}/accept?offerTermsVersion=${seen.offer.termsVersion}&needTermsVersion=${seen.need.termsVersion}`,
    );

    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('terms_changed');
    expect(refused.body.error?.fields?.[0]?.field).toBe('offerListingId');
    expect(refused.body.error?.message).toContain('offering side');
    expect((await as(builder).get<View>(`/api/matches/${matchId}`)).body.status).toBe('proposed');
  });

  it('never confirms on changed terms when an edit races the confirmation', async () => {
    for (let round = 0; round < 12; round++) {
      const { offer, matchId } = await pair(true);
      expect((await as(builder).post<View>(`/api/matches/${matchId}/accept`)).status).toBe(200);

      const [edit, confirm] = await Promise.all([
        as(supplier).patch<Listing>(`/api/listings/${offer.id}`, { unitPrice: 99_999 }),
        as(supplier).post<View>(`/api/matches/${matchId}/accept`),
      ]);

      expect([200, 409]).toContain(edit.status);
      expect([200, 409]).toContain(confirm.status);
      const match = (await ctx.deps.matches.get(matchId))!;
      const listing = (await ctx.deps.listings.get(offer.id))!;
      if (match.status === 'confirmed') {
        // Confirmed on the terms the buyer accepted: both acceptances name the same, first, terms.
        expect(match.acceptances?.need?.offer.values.unitPrice).toBe(80);
        expect(match.acceptances?.offer?.offer.termsVersion).toBe(
          match.acceptances?.need?.offer.termsVersion,
        );
        expect(listing.remaining).toBe(4000);
      } else {
        expect(edit.status).toBe(200);
        expect(listing.kind === 'supply' && listing.unitPrice).toBe(99_999);
        expect(listing.remaining).toBe(5000);
        expect(match.acceptances?.need).toBeUndefined();
      }
    }
  });
});
