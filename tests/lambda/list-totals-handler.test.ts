import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SummaryRow } from '../../functions/contract/list-summary.ts';
import { summarise } from '../../functions/contract/list-summary.ts';
import { createStreamHandler } from '../../functions/streams/stream-app.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, labourOfferBody, supplyBody } from '../setup/listing-inputs.ts';
import { streamRecords } from '../setup/stream-records.ts';
import { freshTable } from '../setup/test-table.ts';

interface SummaryBody {
  rows: SummaryRow[];
  totals: { supply: number; demand: number; gap: number };
}

describe('the stream Lambda keeps the 供应清单/需求清单 totals (real DynamoDB Streams records)', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let records: DynamoDBRecord[];
  let builderToken: string;

  async function direct(region: string, category?: string): Promise<SummaryRow[]> {
    const scope = { regionPrefix: region, category, status: 'open' as const };
    return summarise([
      ...(await ctx.deps.listings.searchAll({ ...scope, kind: 'supply' })).items,
      ...(await ctx.deps.listings.searchAll({ ...scope, kind: 'demand' })).items,
    ]);
  }

  beforeAll(async () => {
    ctx = await freshTable();
    const steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    const builder = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    builderToken = builder.token;
    const asSteel = apiClient(ctx.app, { token: steel.token });
    const asBuilder = apiClient(ctx.app, { token: builder.token });
    // Concrete is listed in steps of 0.5 m³: decimals that binary floating point cannot hold.
    const concrete = { specId: 'concrete-c30' };
    const sanming = await asSteel.post<{ id: string }>(
      '/api/listings',
      supplyBody({ quantity: 400, adcode: '350403' }),
    );
    const putian = await asSteel.post<{ id: string }>(
      '/api/listings',
      supplyBody({ quantity: 500, adcode: '350302' }),
    );
    await asSteel.post('/api/listings', supplyBody({ ...concrete, quantity: 100.5, adcode: '350102' }));
    await asSteel.post('/api/listings', supplyBody({ ...concrete, quantity: 0.5, adcode: '350104' }));
    await asBuilder.post('/api/listings', demandBody({ ...concrete, quantity: 300.5, adcode: '350102' }));
    const fulfilled = await asBuilder.post<{ id: string }>(
      '/api/listings',
      demandBody({ quantity: 90, adcode: '350102' }),
    );
    await asBuilder.post('/api/listings', demandBody({ quantity: 800, adcode: '350102' }));
    await asSteel.post('/api/listings', labourOfferBody());
    // changes: a quantity edit, a move to another city, a withdrawal, a fulfilment
    expect((await asSteel.patch(`/api/listings/${sanming.body.id}`, { quantity: 350 })).status).toBe(200);
    expect((await asSteel.patch(`/api/listings/${sanming.body.id}`, { adcode: '350802' })).status).toBe(200);
    expect((await asSteel.post(`/api/listings/${putian.body.id}/withdraw`, {})).status).toBe(200);
    expect((await asBuilder.post(`/api/listings/${fulfilled.body.id}/fulfil`, {})).status).toBe(200);
    records = await streamRecords(ctx.endpoint, ctx.tableName, ctx.deps.table.client);
  });

  it('answers the summary from the totals the handler maintained, equal to the listings summed directly', async () => {
    // Act
    const response = await createStreamHandler(() => ctx.deps)({ Records: records });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    const res = await apiClient(ctx.app, { token: builderToken }).get<SummaryBody>(
      '/api/listings/summary?region=350000',
    );
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual(await direct('35'));
    expect(res.body.rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          cityAdcode: '350100',
          specId: 'concrete-c30',
          supply: 101,
          demand: 300.5,
          gap: 199.5,
        }),
        expect.objectContaining({
          cityAdcode: '350100',
          specId: 'rebar-hrb400e-25',
          demand: 800,
          demandListings: 1,
        }),
        expect.objectContaining({ cityAdcode: '350800', specId: 'rebar-hrb400e-25', supply: 350 }),
      ]),
    );
    expect(res.body.rows.some((r) => r.cityAdcode === '350300' || r.cityAdcode === '350400')).toBe(false);
    expect(res.body.totals).toEqual({ supply: 451, demand: 1100.5, gap: 649.5 });
    for (const [region, prefix, category] of [
      ['350100', '3501', undefined],
      ['350102', '350102', 'concrete'],
      ['350000', '35', 'steel'],
    ] as const) {
      const q = `/api/listings/summary?region=${region}${category ? `&category=${category}` : ''}`;
      const body = (await apiClient(ctx.app, { token: builderToken }).get<SummaryBody>(q)).body;
      expect(body.rows).toEqual(await direct(prefix, category));
    }
  });

  it('changes nothing when the batch, and the totals’ own records, come again out of order', async () => {
    // Arrange
    const handler = createStreamHandler(() => ctx.deps);
    const before = await direct('35');
    const everything = await streamRecords(ctx.endpoint, ctx.tableName, ctx.deps.table.client);
    expect(everything.length).toBeGreaterThan(records.length); // the totals' items are in the stream too

    // Act
    for (const batch of [[...records].reverse(), everything, [...everything].reverse(), records]) {
      expect((await handler({ Records: batch })).batchItemFailures).toEqual([]);
    }

    // Assert
    const res = await apiClient(ctx.app, { token: builderToken }).get<SummaryBody>(
      '/api/listings/summary?region=350000',
    );
    expect(res.body.rows).toEqual(before);
    expect((await ctx.deps.streamQuarantine.list()).items).toEqual([]);
  });
});
