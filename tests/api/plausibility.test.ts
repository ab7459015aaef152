import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../functions/imports/import-job.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { apiClient } from '../setup/api-client.ts';
import { applyStream } from '../setup/apply-stream.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, labourRequestBody, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Plausibility (functions/contract/plausibility.ts): the API and the import refuse what no real
 * listing can be, naming the field and the reason in zh and en, and write nothing; an organizer hides
 * an implausible listing of its region (audited), which leaves search and totals.
 */

interface ErrorBody {
  error?: { code: string; fields: { field: string; code: string; messages: { zh: string; en: string } }[] };
}

const yesterday = inDays(-2);

describe('plausible listings', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let builder: Awaited<ReturnType<typeof makeOrg>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let farOrganizer: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    builder = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder', 'labour_user'],
    });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    farOrganizer = await makeOrg(ctx.deps, {
      creditCode: '913701002638194721',
      adcode: '370102',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
  });

  const post = (token: string, body: unknown) =>
    apiClient(ctx.app, { token }).post<Listing & ErrorBody>('/api/listings', body);
  const mineCount = async (token: string) =>
    (await apiClient(ctx.app, { token }).get<{ items: Listing[] }>('/api/listings/mine')).body.items.length;

  it.each([
    [
      'a demand of 999,999,999 t',
      demandBody({ quantity: 999_999_999 }),
      'quantity',
      'implausible_quantity',
      '2,000,000 吨',
    ],
    ['0.3 t where the step is 1 t', demandBody({ quantity: 0.3 }), 'quantity', 'quantity_step', '1 吨'],
    [
      'a window that ended',
      demandBody({ deliverFrom: inDays(-30), neededBy: yesterday }),
      'neededBy',
      'window_over',
      today.slice(0, 4),
    ],
    [
      'a labour request whose minimum days exceed its period',
      labourRequestBody({ from: today, until: inDays(9), minOverlapDays: 40 }),
      'minOverlapDays',
      'min_days_beyond_period',
      '10',
    ],
  ])(
    'refuses %s with the field and the reason in zh and en, writing nothing',
    async (_, body, field, code, mentioned) => {
      // Arrange
      const before = await mineCount(builder.token);

      // Act
      const response = await post(builder.token, body);

      // Assert
      expect(response.status).toBe(400);
      const issue = response.body.error?.fields.find((f) => f.field === field);
      expect(issue).toMatchObject({ code });
      expect(issue?.messages.zh).toContain(mentioned);
      expect(issue?.messages.en.length).toBeGreaterThan(10);
      expect(await mineCount(builder.token)).toBe(before);
    },
  );

  it('refuses a stock beyond the maximum and an edit that moves the window into the past, but not an edit of an old window left alone', async () => {
    // Arrange
    const posted = await post(steel.token, supplyBody({ quantity: 1_500_000 }));
    expect(posted.status).toBe(201);
    const asSteel = apiClient(ctx.app, { token: steel.token });

    // Act
    const stock = await post(steel.token, supplyBody({ stockOnHand: 5_000_000 }));
    const moved = await asSteel.patch<ErrorBody>(`/api/listings/${posted.body.id}`, {
      availableUntil: yesterday,
      availableFrom: inDays(-20),
    });
    const noted = await asSteel.patch<Listing>(`/api/listings/${posted.body.id}`, { note: '可分批发货' });

    // Assert
    expect(stock.status).toBe(400);
    expect(stock.body.error?.fields[0]).toMatchObject({ field: 'stockOnHand', code: 'implausible_quantity' });
    expect(moved.status).toBe(400);
    expect(moved.body.error?.fields[0]).toMatchObject({ field: 'availableUntil', code: 'window_over' });
    expect(noted.status).toBe(200);
    expect(
      ((await ctx.deps.listings.get(posted.body.id)) as { availableUntil?: string })?.availableUntil,
    ).toBe(supplyBody().availableUntil);
  });

  it('the import refuses the same rows at check, naming row and column, and commits only the plausible one', async () => {
    // Arrange
    const header = '项目名称,产品规格,需求数量,单位,项目地点,最早交付日期,最迟交付日期,联系人,联系电话';
    const file = [
      header,
      `福州测试项目,HRB400E Φ25,999999999,吨,福州市鼓楼区,${today},${inDays(30)},黄工,13600591234`,
      `福州测试项目,HRB400E Φ25,0.3,吨,福州市鼓楼区,${today},${inDays(30)},黄工,13600591234`,
      `福州测试项目,HRB400E Φ25,500,吨,福州市鼓楼区,${inDays(-30)},${yesterday},黄工,13600591234`,
      `福州测试项目,HRB400E Φ25,500,吨,福州市鼓楼区,${today},${inDays(30)},黄工,13600591234`,
    ].join('\n');
    const fresh = await freshTable();
    const site = await makeOrg(fresh.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });

    // Act
    const response = await fresh.app.request('/api/imports?kind=demand&format=csv&fileName=demand.csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${site.token}`, 'content-type': 'application/octet-stream' },
      body: file,
    });
    const job = (await response.json()) as ImportJob;
    let committed = job;
    for (let i = 0; i < 10 && committed.status !== 'committed'; i++) {
      committed = (
        await apiClient(fresh.app, { token: site.token }).post<ImportJob>(`/api/imports/${job.id}/commit`)
      ).body;
    }
    const mine = await apiClient(fresh.app, { token: site.token }).get<{ items: Listing[] }>(
      '/api/listings/mine',
    );

    // Assert
    expect(response.status).toBe(201);
    expect(job).toMatchObject({ totalRows: 4, goodRows: 1, badRows: 3 });
    const byRow = (row: number) =>
      job.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.code}`);
    expect(byRow(2)).toEqual(['需求数量:implausible_quantity']);
    expect(byRow(3)).toEqual(['需求数量:quantity_step']);
    expect(byRow(4)).toEqual(['最迟交付日期:window_over']);
    expect(committed.status).toBe('committed');
    expect(mine.body.items.map((l) => (l as { quantity: number }).quantity)).toEqual([500]);
  });

  describe('an organizer hides an implausible listing of its region', () => {
    let listing: Listing;
    const search = async () =>
      (
        await apiClient(ctx.app, { token: builder.token }).get<{ items: Listing[] }>(
          '/api/listings?kind=supply&region=350000',
        )
      ).body.items.map((l) => l.id);
    const supplyTotal = async () => {
      await applyStream(ctx); // the totals follow the table's stream
      return (
        await apiClient(ctx.app, { token: organizer.token }).get<{ totals: { supply: number } }>(
          '/api/listings/summary?region=350000',
        )
      ).body.totals.supply;
    };

    beforeAll(async () => {
      listing = (await post(steel.token, supplyBody({ quantity: 1_900_000 }))).body;
    });

    it('refuses firms, far organizers and a missing reason, changing nothing', async () => {
      // Act
      const byFirm = await apiClient(ctx.app, { token: builder.token }).post(
        `/api/listings/${listing.id}/hide`,
        {
          reason: '数量异常',
        },
      );
      const byOwner = await apiClient(ctx.app, { token: steel.token }).post(
        `/api/listings/${listing.id}/hide`,
        {
          reason: '数量异常',
        },
      );
      const byFar = await apiClient(ctx.app, { token: farOrganizer.token }).post(
        `/api/listings/${listing.id}/hide`,
        { reason: '数量异常' },
      );
      const noReason = await apiClient(ctx.app, { token: organizer.token }).post<ErrorBody>(
        `/api/listings/${listing.id}/hide`,
        {},
      );

      // Assert
      expect(byFirm.status).toBe(403);
      expect(byOwner.status).toBe(403);
      expect(byFar.status).toBe(403);
      expect(noReason.status).toBe(400);
      expect(noReason.body.error?.fields[0]).toMatchObject({ field: 'reason' });
      expect((await ctx.deps.listings.get(listing.id))?.status).toBe('open');
    });

    it('hides it from search and totals, tells the owner why, audits it, and shows it again', async () => {
      // Arrange
      const totalBefore = await supplyTotal();
      expect(await search()).toContain(listing.id);

      // Act
      const hidden = await apiClient(ctx.app, { token: organizer.token }).post<Listing>(
        `/api/listings/${listing.id}/hide`,
        { reason: '190万吨明显超出该企业产能，请核实' },
      );
      const inSearch = await search();
      const totalHidden = await supplyTotal();
      const byOwner = await apiClient(ctx.app, { token: steel.token }).get<Listing>(
        `/api/listings/${listing.id}`,
      );
      const byOther = await apiClient(ctx.app, { token: builder.token }).get(`/api/listings/${listing.id}`);
      const shown = await apiClient(ctx.app, { token: organizer.token }).post<Listing>(
        `/api/listings/${listing.id}/unhide`,
      );
      const audit = await apiClient(ctx.app, { token: steel.token }).get<{ items: { action: string }[] }>(
        `/api/listings/${listing.id}/audit`,
      );

      // Assert
      expect(hidden.status).toBe(200);
      expect(hidden.body.status).toBe('hidden');
      expect(inSearch).not.toContain(listing.id);
      expect(totalBefore - totalHidden).toBe(1_900_000);
      expect(byOwner.body).toMatchObject({
        status: 'hidden',
        hiddenReason: '190万吨明显超出该企业产能，请核实',
      });
      expect(byOther.status).toBe(404);
      expect(audit.body.items.map((e) => e.action)).toEqual(expect.arrayContaining(['hide', 'unhide']));
      expect(shown.body.status).toBe('open');
      expect(await search()).toContain(listing.id);
      expect(await supplyTotal()).toBe(totalBefore);
    });
  });
});
