import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../functions/deals/deal.ts';
import { MAX_DEAL_FILE_BYTES } from '../../functions/deals/deal-file.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type DealBody = Deal & {
  actions: string[];
  error?: { code: string; fields?: { field: string; code: string }[] };
};

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

const terms = (overrides: Record<string, unknown> = {}) => ({
  quantity: 100,
  unitPrice: '3987.65',
  deliveryFrom: today,
  deliveryUntil: inDays(20),
  deliveryAdcode: '350102',
  deliveryAddress: '福州市鼓楼区测试工地',
  ...overrides,
});

describe('deals', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let site: Awaited<ReturnType<typeof makeOrg>>;
  let stranger: Awaited<ReturnType<typeof makeOrg>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let farOrganizer: Awaited<ReturnType<typeof makeOrg>>;
  let seed = 91_000;

  beforeAll(async () => {
    ctx = await freshTable();
    steel = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), adcode: '350403' });
    site = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }), kinds: ['builder'] });
    stranger = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: ++seed }) });
    organizer = await makeOrg(ctx.deps, {
      name: '福建省工业和信息化厅',
      kinds: ['organizer'],
      adcode: '350102',
      creditCode: makeCreditCode({ seed: ++seed, authority: '1', category: '1', region: '350000' }),
      platformRoles: ['organizer'],
    });
    farOrganizer = await makeOrg(ctx.deps, {
      name: '山东省工业和信息化厅',
      kinds: ['organizer'],
      adcode: '370102',
      creditCode: makeCreditCode({ seed: ++seed, authority: '1', category: '1', region: '370000' }),
      platformRoles: ['organizer'],
    });
  });

  const as = (who: { token: string }) => apiClient(ctx.app, { token: who.token });

  async function listings(supplyQty = 1000, demandQty = 600) {
    const supply = (await as(steel).post<Listing>('/api/listings', supplyBody({ quantity: supplyQty }))).body;
    const demand = (await as(site).post<Listing>('/api/listings', demandBody({ quantity: demandQty }))).body;
    return { supply, demand };
  }

  /** A supply and a demand with a match both sides accepted (the match reserves `matchQty`). */
  async function confirmedMatch(supplyQty = 1000, demandQty = 600, matchQty = 100) {
    const { supply, demand } = await listings(supplyQty, demandQty);
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: matchQty,
        unit: 't',
        distanceKm: 184.7,
        crossProvince: false,
        substitute: false,
        reasons: [],
      },
      new Date().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, match, { userId: 'test', orgId: 'system' });
    expect((await as(site).post(`/api/matches/${match.id}/accept`)).status).toBe(200);
    expect((await as(steel).post<Match>(`/api/matches/${match.id}/accept`)).body.status).toBe('confirmed');
    return { supply, demand, match };
  }

  const remaining = async (listingId: string) => (await ctx.deps.listings.get(listingId))!.remaining;

  it('records a letter of intent that the other side confirms, drawing nothing down', async () => {
    // Arrange
    const { supply, demand, match } = await confirmedMatch();

    // Act
    const recorded = await as(site).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    const confirmed = await as(steel).post<DealBody>(`/api/deals/${recorded.body.id}/confirm`);

    // Assert
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      status: 'intent_proposed',
      document: 'intent',
      recordedAs: 'need',
      offerOrgId: steel.org.id,
      needOrgId: site.org.id,
      specId: 'rebar-hrb400e-25',
      category: 'steel',
      unit: 't',
      unitPrice: '3987.65',
      unitPriceFen: 398765,
      amountFen: 39876500,
    });
    expect(recorded.body.actions).toEqual(['withdraw']);
    expect(confirmed.body.status).toBe('intent');
    expect(confirmed.body.actions).toEqual(['proposeContract', 'cancelIntent']);
    expect([await remaining(supply.id), await remaining(demand.id)]).toEqual([900, 500]);
  });

  it('works the amount out exactly in fen and rounds half up once (12.345 t × 3987.65 = 49227.54)', async () => {
    // Arrange
    const { match } = await confirmedMatch();

    // Act
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms({ quantity: 12.345, unitPrice: 3987.65 }),
    });

    // Assert: 12.345 × 398765 fen = 4922753.925 fen → 4922754 fen; floats would give 4922753.924999999.
    expect(recorded.body.amountFen).toBe(4922754);
    expect(recorded.body.unitPrice).toBe('3987.65');
  });

  it("turns the match's reservation into the contract: only the difference is drawn, and the match cannot be cancelled after", async () => {
    // Arrange: the match reserved 100 t on both listings (remaining 900 and 500).
    const { supply, demand, match } = await confirmedMatch(1000, 600, 100);
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms({ quantity: 150 }),
    });

    // Act
    const confirmed = await as(site).post<DealBody>(`/api/deals/${recorded.body.id}/confirm`);
    const cancel = await as(site).post<{ error: { code: string } }>(`/api/matches/${match.id}/cancel`);

    // Assert: 150 t in all, not 250.
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'contract', drawnQuantity: 150, reservationUsed: 100 });
    expect([await remaining(supply.id), await remaining(demand.id)]).toEqual([850, 450]);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('match_has_contract');
    expect((await ctx.deps.matches.get(match.id))?.contractDealId).toBe(recorded.body.id);
  });

  it('gives back what a smaller contract does not use of the reservation', async () => {
    // Arrange
    const { supply, demand, match } = await confirmedMatch(1000, 600, 100);
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms({ quantity: 60.5 }),
    });

    // Act
    await as(site).post(`/api/deals/${recorded.body.id}/confirm`);

    // Assert
    expect([await remaining(supply.id), await remaining(demand.id)]).toEqual([939.5, 539.5]);
  });

  it('draws a second contract on the same match in full (the reservation was used once)', async () => {
    // Arrange
    const { supply, match } = await confirmedMatch(1000, 600, 100);
    for (const quantity of [100, 40]) {
      const recorded = await as(steel).post<DealBody>('/api/deals', {
        matchId: match.id,
        document: 'contract',
        ...terms({ quantity }),
      });
      // Act
      const confirmed = await as(site).post<DealBody>(`/api/deals/${recorded.body.id}/confirm`);
      expect(confirmed.status).toBe(200);
    }

    // Assert: 100 from the reservation, 40 more.
    expect(await remaining(supply.id)).toBe(860);
  });

  it('refuses to confirm a contract beyond what remains, naming the side, and changes nothing', async () => {
    // Arrange: the demand has 600, the match reserved 100, a contract for 700 needs 600 more of it.
    const { supply, demand, match } = await confirmedMatch(5000, 600, 100);
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms({ quantity: 700 }),
    });

    // Act
    const refused = await as(site).post<DealBody>(`/api/deals/${recorded.body.id}/confirm`, undefined, {
      lang: 'en',
    });

    // Assert
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('deal_short_need');
    expect(refused.body.error?.fields?.[0]?.field).toBe('needListingId');
    expect((await as(steel).get<DealBody>(`/api/deals/${recorded.body.id}`)).body.status).toBe(
      'contract_proposed',
    );
    expect([await remaining(supply.id), await remaining(demand.id)]).toEqual([4900, 500]);
    expect((await ctx.deps.matches.get(match.id))?.contractDealId).toBeUndefined();
  });

  it('only records deals on confirmed matches, by their sides', async () => {
    // Arrange
    const { supply, demand } = await listings();
    const open = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 50,
        unit: 't',
        distanceKm: 10,
        crossProvince: false,
        substitute: false,
        reasons: [],
      },
      new Date().toISOString(),
      'test',
    );
    await proposeMatch(ctx.deps, open, { userId: 'test', orgId: 'system' });
    const { match } = await confirmedMatch();

    // Act
    const unconfirmed = await as(steel).post<DealBody>('/api/deals', {
      matchId: open.id,
      document: 'intent',
      ...terms(),
    });
    const byStranger = await as(stranger).post('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    const byFarOrganizer = await as(farOrganizer).post('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });

    // Assert
    expect(unconfirmed.status).toBe(409);
    expect(unconfirmed.body.error?.code).toBe('deal_needs_confirmed_match');
    expect(byStranger.status).toBe(404);
    expect(byFarOrganizer.status).toBe(404);
  });

  it('refuses bad terms field by field in both languages', async () => {
    // Arrange
    const { match, supply, demand } = await confirmedMatch();
    type Refusal = {
      error: { fields: { field: string; code: string; messages: { zh: string; en: string } }[] };
    };
    const codes = (r: { body: Refusal }) =>
      Object.fromEntries(r.body.error.fields.map((f) => [f.field, f.code]));

    // Act
    const badValues = await as(steel).post<Refusal>('/api/deals', {
      matchId: match.id,
      document: 'lease',
      ...terms({ quantity: 1.2345, unitPrice: '3.999' }),
    });
    const badCombination = await as(steel).post<Refusal>('/api/deals', {
      matchId: match.id,
      offerListingId: supply.id,
      needListingId: demand.id,
      document: 'intent',
      ...terms({ deliveryUntil: '2000-01-01' }),
    });

    // Assert
    expect([badValues.status, badCombination.status]).toEqual([400, 400]);
    expect(codes(badValues)).toMatchObject({
      document: 'invalid_value',
      quantity: 'quantity_precision',
      unitPrice: 'money',
    });
    expect(codes(badCombination)).toMatchObject({
      deliveryUntil: 'date_order',
      offerListingId: 'match_or_listings',
    });
    for (const f of badValues.body.error.fields) expect(f.messages.en.length).toBeGreaterThan(0);
  });

  it('takes a disputed deal back to its recorder, who revises it for the other side to confirm', async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms(),
    });
    const id = recorded.body.id;

    // Act
    const ownConfirm = await as(steel).post(`/api/deals/${id}/confirm`);
    const disputed = await as(site).post<DealBody>(`/api/deals/${id}/dispute`, {
      reason: '单价应为 3900 元',
    });
    const counterpartRevise = await as(site).post(`/api/deals/${id}/revise`, { unitPrice: '3900' });
    const revised = await as(steel).post<DealBody>(`/api/deals/${id}/revise`, { unitPrice: '3900' });
    const confirmed = await as(site).post<DealBody>(`/api/deals/${id}/confirm`);
    const again = await as(site).post<{ error: { code: string; message: string } }>(
      `/api/deals/${id}/confirm`,
    );

    // Assert
    expect(ownConfirm.status).toBe(403);
    expect(disputed.body).toMatchObject({ status: 'disputed', disputeReason: '单价应为 3900 元' });
    expect(counterpartRevise.status).toBe(403);
    expect(revised.body).toMatchObject({
      status: 'contract_proposed',
      unitPrice: '3900.00',
      amountFen: 39000000,
    });
    expect(revised.body.disputeReason).toBeUndefined();
    expect(confirmed.body.status).toBe('contract');
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
  });

  it('turns a confirmed intent into a contract proposed by either side and confirmed by the other, then delivered', async () => {
    // Arrange
    const { supply, match } = await confirmedMatch(1000, 600, 100);
    const intent = await as(site).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    await as(steel).post(`/api/deals/${intent.body.id}/confirm`);

    // Act: the side that had confirmed the intent now proposes the contract, for 120 t.
    const proposed = await as(steel).post<DealBody>(`/api/deals/${intent.body.id}/contract`, {
      quantity: 120,
    });
    const byProposer = await as(steel).post(`/api/deals/${intent.body.id}/confirm`);
    const signed = await as(site).post<DealBody>(`/api/deals/${intent.body.id}/confirm`);
    const delivered = await as(site).post<DealBody>(`/api/deals/${intent.body.id}/deliver`);

    // Assert
    expect(proposed.body).toMatchObject({
      status: 'contract_proposed',
      document: 'contract',
      recordedAs: 'offer',
    });
    expect(byProposer.status).toBe(403);
    expect(signed.body).toMatchObject({ status: 'contract', drawnQuantity: 120, reservationUsed: 100 });
    expect(delivered.body.status).toBe('delivered');
    expect(await remaining(supply.id)).toBe(880);
  });

  it('lets the recorder withdraw an unconfirmed deal, and not the other side', async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const recorded = await as(site).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });

    // Act
    const byOther = await as(steel).post(`/api/deals/${recorded.body.id}/withdraw`);
    const byRecorder = await as(site).post<DealBody>(`/api/deals/${recorded.body.id}/withdraw`);

    // Assert
    expect(byOther.status).toBe(403);
    expect(byRecorder.body.status).toBe('withdrawn');
  });

  it("records an organizer's paper contract between two listings at once, within its jurisdiction only", async () => {
    // Arrange
    const { supply, demand } = await listings(1000, 600);
    const body = {
      offerListingId: supply.id,
      needListingId: demand.id,
      document: 'contract',
      ...terms({ quantity: 200 }),
    };

    // Act
    const byFirm = await as(steel).post('/api/deals', body);
    const byFar = await as(farOrganizer).post('/api/deals', body);
    const recorded = await as(organizer).post<DealBody>('/api/deals', body);
    const asSteel = await as(steel).get<DealBody>(`/api/deals/${recorded.body.id}`);

    // Assert
    expect(byFirm.status).toBe(403);
    expect(byFar.status).toBe(403);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'contract', recordedAs: 'organizer', drawnQuantity: 200 });
    expect(asSteel.body.actions).toEqual(['deliver']);
    expect([await remaining(supply.id), await remaining(demand.id)]).toEqual([800, 400]);
  });

  it("lists my organisation's deals on either side, newest first, with paging", async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const first = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    const second = await as(site).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });

    // Act
    const steelPage = await as(steel).get<{ items: DealBody[]; nextCursor?: string }>(
      '/api/deals/mine?limit=1',
    );
    const steelNext = await as(steel).get<{ items: DealBody[] }>(
      `/api/deals/mine?limit=1&cursor=${steelPage.body.nextCursor}`,
    );
    const sitePage = await as(site).get<{ items: DealBody[] }>('/api/deals/mine');
    const strangerPage = await as(stranger).get<{ items: DealBody[] }>('/api/deals/mine');
    const onMatch = await as(site).get<{ items: DealBody[] }>(`/api/matches/${match.id}/deals`);

    // Assert
    expect(steelPage.body.items.map((d) => d.id)).toEqual([second.body.id]);
    expect(steelNext.body.items.map((d) => d.id)).toEqual([first.body.id]);
    expect(sitePage.body.items.map((d) => d.id).slice(0, 2)).toEqual([second.body.id, first.body.id]);
    expect(strangerPage.body.items).toEqual([]);
    expect(onMatch.body.items.map((d) => d.id)).toEqual([second.body.id, first.body.id]);
  });

  it('keeps the file of the signed paper for the two sides and the organizers overseeing them', async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'contract',
      ...terms(),
    });
    const path = `/api/deals/${recorded.body.id}/file`;
    const put = (who: { token: string }, bytes: Uint8Array, type = 'application/pdf') =>
      ctx.app.request(path, {
        method: 'PUT',
        headers: { authorization: `Bearer ${who.token}`, 'content-type': type },
        body: bytes as Uint8Array<ArrayBuffer>,
      });
    const get = (who: { token: string }) =>
      ctx.app.request(path, { headers: { authorization: `Bearer ${who.token}` } });

    // Act
    const uploaded = await put(steel, PDF);
    const bySite = await get(site);
    const byOrganizer = await get(organizer);
    const byStranger = await get(stranger);
    const byFar = await get(farOrganizer);
    const strangerPut = await put(stranger, PDF);

    // Assert
    expect(uploaded.status).toBe(200);
    const deal = (await uploaded.json()) as DealBody;
    expect(deal.file).toMatchObject({ contentType: 'application/pdf', size: PDF.byteLength });
    expect(deal.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bySite.status).toBe(200);
    expect(bySite.headers.get('content-type')).toBe('application/pdf');
    expect(bySite.headers.get('content-disposition')).toContain(`deal-${recorded.body.id}.pdf`);
    expect(new Uint8Array(await bySite.arrayBuffer())).toEqual(PDF);
    expect(byOrganizer.status).toBe(200);
    expect([byStranger.status, byFar.status, strangerPut.status]).toEqual([404, 404, 404]);
  });

  it('judges the file by its bytes: a renamed text file, a mislabelled PNG and an oversized scan are refused', async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const recorded = await as(steel).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    const put = (bytes: Uint8Array, type: string) =>
      ctx.app.request(`/api/deals/${recorded.body.id}/file`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${steel.token}`, 'content-type': type },
        body: bytes as Uint8Array<ArrayBuffer>,
      });

    // Act
    const script = await put(new TextEncoder().encode('<script>alert(1)</script>'), 'application/pdf');
    const mislabelled = await put(PNG, 'application/pdf');
    const oversized = await put(new Uint8Array(MAX_DEAL_FILE_BYTES + 1).fill(0x25), 'application/pdf');
    const png = await put(PNG, 'image/png');

    // Assert
    expect([script.status, mislabelled.status, oversized.status, png.status]).toEqual([415, 415, 413, 200]);
    expect(((await script.json()) as { error: { messages: { zh: string } } }).error.messages.zh).toContain(
      'PDF',
    );
    expect(((await png.json()) as DealBody).file?.contentType).toBe('image/png');
  });

  it('keeps a history of who did what to the deal', async () => {
    // Arrange
    const { match } = await confirmedMatch();
    const recorded = await as(site).post<DealBody>('/api/deals', {
      matchId: match.id,
      document: 'intent',
      ...terms(),
    });
    await as(steel).post(`/api/deals/${recorded.body.id}/confirm`);

    // Act
    const history = await as(site).get<{ items: { action: string; actorOrgId: string }[] }>(
      `/api/deals/${recorded.body.id}/history`,
    );
    const byStranger = await as(stranger).get(`/api/deals/${recorded.body.id}/history`);

    // Assert
    expect(history.body.items.map((e) => [e.action, e.actorOrgId])).toEqual([
      ['confirmIntent', steel.org.id],
      ['record_intent', site.org.id],
    ]);
    expect(byStranger.status).toBe(404);
  });
});
