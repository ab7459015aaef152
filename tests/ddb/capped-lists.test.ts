import { beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../functions/contract/error-body.ts';
import { TooManyError } from '../../functions/contract/errors.ts';
import type { ImportJob } from '../../functions/contract/import-job.ts';
import { MAX_REPORTED_ERRORS } from '../../functions/contract/import-job.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/** Lists that stop at a limit say so; computations that must read everything refuse instead. */
describe('lists that stop at a cap', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  const partition = 'CAPTEST';

  beforeAll(async () => {
    ctx = await freshTable();
    for (let i = 0; i < 230; i++) {
      await ctx.deps.table.put({ pk: partition, sk: `ITEM#${String(i).padStart(4, '0')}`, n: i });
    }
  });

  it('reads a partition to its end when it fits, and says capped when it does not', async () => {
    const all = await ctx.deps.table.queryAll<{ n: number }>({ partition }, 230);
    expect(all.capped).toBe(false);
    expect(all.items.map((i) => i.n)).toEqual([...Array(230).keys()]);

    // 200 is two full pages: the read stops exactly at the cap with more behind it.
    for (const max of [229, 200, 150, 1]) {
      const part = await ctx.deps.table.queryAll<{ n: number }>({ partition }, max);
      expect(part.capped).toBe(true);
      expect(part.items).toHaveLength(max);
    }
    const prefixed = await ctx.deps.table.queryAll({ partition, prefix: 'ITEM#01' }, 100);
    expect(prefixed).toMatchObject({ capped: false });
    expect(prefixed.items).toHaveLength(100);
  });

  it('refuses a computation over more items than it may read, naming the limit in both languages', async () => {
    await expect(ctx.deps.table.queryEvery({ partition }, 230)).resolves.toHaveLength(230);
    const refused = await ctx.deps.table.queryEvery({ partition }, 200).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TooManyError);
    const body = errorBody(refused as TooManyError, 'zh');
    expect(body.error.code).toBe('too_many');
    expect(body.error.messages.zh).toContain('200');
    expect(body.error.messages.en).toBe(
      'More than 200 items: this cannot be computed in full; narrow the scope',
    );
  });

  it('tells a search read up to a limit from one read in full', async () => {
    const { token } = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    const api = apiClient(ctx.app, { token });
    for (let i = 0; i < 3; i++) expect((await api.post('/api/listings', supplyBody())).status).toBe(201);
    const search = { kind: 'supply' as const, regionPrefix: '35', status: 'open' as const };
    expect(await ctx.deps.listings.searchAll(search, 3)).toMatchObject({ capped: false });
    const capped = await ctx.deps.listings.searchAll(search, 2);
    expect(capped.capped).toBe(true);
    expect(capped.items).toHaveLength(2);

    const summary = await api.get<{ capped: boolean }>('/api/listings/summary?region=350000');
    expect(summary.status).toBe(200);
    expect(summary.body.capped).toBe(false);
  });

  it("says when an import's report lists only the first problems", async () => {
    const { token } = await makeOrg(ctx.deps, { creditCode: '91350100M000100Y43', adcode: '350102' });
    const header =
      '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话';
    const bad = '不存在的产品,100,吨,福建省三明市三元区,300,2020-03-15,2020-05-15,,林工,13905981234';
    const send = async (rows: number) => {
      const response = await ctx.app.request('/api/imports?kind=supply&format=csv&fileName=bad.csv', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: [header, ...Array(rows).fill(bad)].join('\n'),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as ImportJob;
    };
    const few = await send(3);
    expect(few.errors).toHaveLength(3);
    expect(few.errorsCapped).toBeUndefined();
    const many = await send(MAX_REPORTED_ERRORS + 1);
    expect(many.badRows).toBe(MAX_REPORTED_ERRORS + 1);
    expect(many.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(many.errorsCapped).toBe(true);
  });
});
