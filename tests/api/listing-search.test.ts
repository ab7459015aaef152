import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { inDays, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Page = {
  items: { id: string; orgName: string; remaining: number; specId: string }[];
  total?: number;
  capped?: boolean;
  nextCursor?: string;
  error?: { fields?: { field: string; code: string }[] };
};

/**
 * Search by keyword (firm, product, spec; zh or en), sorted by date, quantity or distance, with the
 * count: one Query per region/category as before, then filtered and sorted within its first 500.
 */
describe('listing search: keyword, sort and count', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let builder: Awaited<ReturnType<typeof makeOrg>>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ctx = await freshTable();
    const steel = await makeOrg(ctx.deps, {
      creditCode: '913504001581427114',
      adcode: '350403',
      name: '闽北钢铁有限公司',
    });
    const cement = await makeOrg(ctx.deps, {
      creditCode: '91350200612349879H',
      adcode: '350203',
      name: '厦门海沧水泥厂',
    });
    builder = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      adcode: '350206',
      kinds: ['builder'],
    });
    const post = async (token: string, name: string, body: Record<string, unknown>) => {
      const res = await apiClient(ctx.app, { token }).post<{ id: string }>('/api/listings', body);
      expect(res.status).toBe(201);
      ids[name] = res.body.id;
    };
    await post(steel.token, 'rebarSoon', supplyBody({ quantity: 1000, availableFrom: inDays(1) }));
    await post(steel.token, 'rebarLater', supplyBody({ quantity: 300, availableFrom: inDays(9) }));
    await post(
      cement.token,
      'cement',
      supplyBody({
        specId: 'cement-po-42.5',
        quantity: 5000,
        adcode: '350205',
        availableFrom: inDays(4),
        unitPrice: 420,
      }),
    );
  });

  const search = (query: string) =>
    apiClient(ctx.app, { token: builder.token }).get<Page>(
      `/api/listings?kind=supply&region=350000&${query}`,
    );

  it('finds by the firm, the product or the spec, in Chinese or English, and counts what it found', async () => {
    const byFirm = await search(`q=${encodeURIComponent('闽北')}`);
    expect(byFirm.status).toBe(200);
    expect(byFirm.body.items.map((l) => l.id).sort()).toEqual([ids.rebarSoon, ids.rebarLater].sort());
    expect(byFirm.body.total).toBe(2);

    const byProductEn = await search('q=cement');
    expect(byProductEn.body.items.map((l) => l.id)).toEqual([ids.cement]);
    expect(byProductEn.body.total).toBe(1);

    const bySpec = await search(`q=${encodeURIComponent('HRB400E 闽北')}`);
    expect(bySpec.body.total).toBe(2);

    const nothing = await search('q=asphalt');
    expect(nothing.body).toMatchObject({ items: [], total: 0, capped: false });
  });

  it('sorts by quantity (most first), date (soonest first) and distance (nearest the searcher first)', async () => {
    const byQuantity = await search('sort=quantity');
    expect(byQuantity.body.items.map((l) => l.id)).toEqual([ids.cement, ids.rebarSoon, ids.rebarLater]);
    expect(byQuantity.body.total).toBe(3);

    const byDate = await search('sort=date');
    expect(byDate.body.items.map((l) => l.id)).toEqual([ids.rebarSoon, ids.cement, ids.rebarLater]);

    // the builder sits in Xiamen (湖里区): the Xiamen cement works is nearer than Sanming's mill
    const byDistance = await search('sort=distance');
    expect(byDistance.body.items[0]!.id).toBe(ids.cement);
  });

  it('pages through a sorted result with the offset it hands out', async () => {
    const first = await search('sort=quantity&limit=2');
    expect(first.body.items.map((l) => l.id)).toEqual([ids.cement, ids.rebarSoon]);
    expect(first.body).toMatchObject({ total: 3, nextCursor: '2' });
    const second = await search(`sort=quantity&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((l) => l.id)).toEqual([ids.rebarLater]);
    expect(second.body.nextCursor).toBeUndefined();
  });

  it.each([
    ['sort', 'sort=price'],
    ['q', `q=${'钢'.repeat(51)}`],
    ['cursor', 'sort=date&cursor=abc'],
    ['cursor', 'sort=date&cursor=500'],
  ])('refuses a bad %s with 400 naming it', async (field, query) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.error?.fields?.map((f) => f.field)).toContain(field);
  });
});
