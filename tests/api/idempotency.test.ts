import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

describe('idempotent creating requests', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let token: string;

  beforeAll(async () => {
    ctx = await freshTable();
    ({ token } = await makeOrg(ctx.deps, { creditCode: '913504001581427114' }));
  });

  it('creates one listing however often a POST with the same key is retried, concurrently or not', async () => {
    const api = apiClient(ctx.app, { token });
    const headers = { 'idempotency-key': 'post-supply-0001' };
    const first = await api.post<{ id: string }>('/api/listings', supplyBody(), { headers });
    const retries = await Promise.all(
      [1, 2, 3].map(() => api.post<{ id: string }>('/api/listings', supplyBody(), { headers })),
    );
    expect(first.status).toBe(201);
    for (const r of retries) {
      expect(r.status).toBe(201);
      expect(r.body.id).toBe(first.body.id);
      expect(r.headers.get('idempotent-replayed')).toBe('true');
    }
    const mine = await api.get<{ items: unknown[] }>('/api/listings/mine');
    expect(mine.body.items).toHaveLength(1);
  });

  it('refuses the same key with a different body with 409', async () => {
    const api = apiClient(ctx.app, { token });
    const headers = { 'idempotency-key': 'post-supply-0002' };
    await api.post('/api/listings', supplyBody({ quantity: 10 }), { headers });
    const other = await api.post<{ error: { code: string } }>('/api/listings', supplyBody({ quantity: 20 }), {
      headers,
    });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_conflict');
  });

  it('lets a failed request be retried with the same key', async () => {
    const api = apiClient(ctx.app, { token });
    const headers = { 'idempotency-key': 'post-supply-0003' };
    const bad = await api.post('/api/listings', supplyBody({ quantity: -1 }), { headers });
    const good = await api.post('/api/listings', supplyBody({ quantity: -1 }), { headers });
    expect(bad.status).toBe(400);
    expect(good.status).toBe(400);
  });
});
