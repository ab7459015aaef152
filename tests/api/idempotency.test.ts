import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../../functions/api/context.ts';
import type { Deps } from '../../functions/api/deps.ts';
import { errorBody } from '../../functions/contract/error-body.ts';
import { AppError } from '../../functions/contract/errors.ts';
import type { Principal } from '../../functions/contract/principal.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { COMPLETED_TTL_SECONDS, idempotency } from '../../functions/shared/idempotency.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

const newSpec = {
  id: 'rebar-hrb600e-32-idem',
  category: 'steel',
  product: 'rebar',
  name: { zh: 'HRB600E 螺纹钢 Φ32（幂等测试）', en: 'Rebar HRB600E Φ32 (idempotency test)' },
  unit: 't',
  standard: 'GB/T 1499.2-2018',
  step: 1,
  freightCnyPerUnitKm: 0.45,
  deliveryRadiusKm: 300,
};

describe('idempotent creating requests', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let token: string;
  let userId: string;
  let organizerToken: string;

  beforeAll(async () => {
    ctx = await freshTable();
    const firm = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    token = firm.token;
    userId = firm.user.id;
    ({ token: organizerToken } = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    }));
  });

  it('creates one listing however often a POST with the same key is retried, concurrently or not', async () => {
    const api = apiClient(ctx.app, { token });
    const headers = { 'idempotency-key': 'post-supply-0001' };
    const first = await api.post<{ id: string }>('/api/listings', supplyBody(), { headers });
    const retries = await Promise.all(
      [1, 2, 3].map(() => api.post<{ id: string }>('/api/listings', supplyBody(), { headers })),
    );
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
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

  it('never replays a failure: the retry after the cause is fixed runs and creates the listing', async () => {
    // Arrange: a supply of a spec the catalogue does not have yet
    const api = apiClient(ctx.app, { token });
    const headers = { 'idempotency-key': 'post-supply-0003' };
    const body = supplyBody({ specId: newSpec.id });

    // Act 1: refused, naming the field
    const refused = await api.post<{ error: { fields: { field: string }[] } }>('/api/listings', body, {
      headers,
    });

    // Assert 1: nothing kept under the key
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f) => f.field)).toContain('specId');
    expect(refused.headers.get('idempotent-replayed')).toBeNull();
    expect(await ctx.deps.table.get(keys.idempotency(userId, 'post-supply-0003'))).toBeUndefined();

    // Act 2: an organizer adds the spec; the very same request is sent again with the same key
    const added = await apiClient(ctx.app, { token: organizerToken }).post('/api/catalogue/specs', newSpec);
    expect(added.status).toBe(201);
    const retried = await api.post<{ id: string; specId: string }>('/api/listings', body, { headers });

    // Assert 2: it ran (a replayed 400 would fail here), and from now on it is what is replayed
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(retried.body.specId).toBe(newSpec.id);
    const again = await api.post<{ id: string }>('/api/listings', body, { headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.id).toBe(retried.body.id);
  });
});

describe('idempotency records expire like AWS Powertools', () => {
  let deps: Deps;
  let clock: ReturnType<typeof fixedClock>;
  const principal = {
    userId: 'u-idem',
    email: 'a@b.cn',
    orgId: 'o-1',
    orgRole: 'admin',
    platformRoles: [],
  } as unknown as Principal;

  beforeAll(async () => {
    clock = fixedClock('2027-03-17T02:00:00.000Z');
    ({ deps } = await freshTable({ clock }));
  });

  /** A route behind the middleware whose run a test holds open until it lets it go. */
  function gatedApp() {
    const held: (() => void)[] = [];
    let runs = 0;
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => {
      c.set('deps', deps);
      c.set('lang', 'en');
      c.set('principal', principal);
      await next();
    });
    app.post('/things', idempotency(), async (c) => {
      runs += 1;
      const run = runs;
      if (c.req.header('x-hold')) await new Promise<void>((resolve) => held.push(resolve));
      if (c.req.header('x-fail')) throw new Error('the handler failed');
      return c.json({ run }, 201);
    });
    app.onError((error, c) =>
      error instanceof AppError
        ? c.json(errorBody(error, 'en'), error.status)
        : c.json({ crashed: true }, 500),
    );
    const send = (key: string, extra: Record<string, string> = {}) =>
      app.request('/things', {
        method: 'POST',
        headers: { 'idempotency-key': key, 'content-type': 'application/json', ...extra },
        body: '{"what":"thing"}',
      });
    return { send, held, runs: () => runs };
  }

  it('holds a key while its request runs, frees it once the request time limit has passed', async () => {
    const { send, held, runs } = gatedApp();
    const first = send('k-running', { 'x-hold': '1' });
    await expect.poll(() => held.length).toBe(1);

    const whileRunning = await send('k-running');
    expect(whileRunning.status).toBe(409);
    expect(((await whileRunning.json()) as { error: { code: string } }).error.code).toBe(
      'idempotency_in_progress',
    );
    expect(runs()).toBe(1);

    clock.advance(deps.config.requestTimeLimitMs - 1);
    expect((await send('k-running')).status).toBe(409);

    // The first request's time is up (in Lambda it would have been stopped): the key is free.
    clock.advance(2);
    const takeover = await send('k-running');
    expect(takeover.status).toBe(201);
    expect(takeover.headers.get('idempotent-replayed')).toBeNull();
    expect(await takeover.json()).toEqual({ run: 2 });

    // The late first request still answers, but the record is the one that took over.
    held[0]!();
    expect((await first).status).toBe(201);
    const replay = await send('k-running');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual({ run: 2 });
    expect(runs()).toBe(2);
  });

  it('replays a completed response until it expires, checked on read', async () => {
    const { send, runs } = gatedApp();
    expect(await (await send('k-done')).json()).toEqual({ run: 1 });
    clock.advance(COMPLETED_TTL_SECONDS * 1000 - 1000);
    const replay = await send('k-done');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(await replay.json()).toEqual({ run: 1 });

    // Past its expiry the record is gone for the reader, even before DynamoDB's TTL deletes it.
    clock.advance(1000);
    const fresh = await send('k-done');
    expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    expect(await fresh.json()).toEqual({ run: 2 });
    expect(runs()).toBe(2);
  });

  it('frees the key when the request throws', async () => {
    const { send, runs } = gatedApp();
    expect((await send('k-throws', { 'x-fail': '1' })).status).toBe(500);
    expect(await deps.table.get(keys.idempotency(principal.userId, 'k-throws'))).toBeUndefined();
    const retried = await send('k-throws');
    expect(retried.status).toBe(201);
    expect(await retried.json()).toEqual({ run: 2 });
    expect(runs()).toBe(2);
  });
});
