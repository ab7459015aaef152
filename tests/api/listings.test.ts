import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { applyStream } from '../setup/apply-stream.ts';
import { makeOrg } from '../setup/fixtures.ts';
import {
  demandBody,
  inDays,
  labourOfferBody,
  labourRequestBody,
  supplyBody,
} from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Body = Record<string, unknown> & {
  id: string;
  error?: { code: string; fields?: { field: string; code: string }[] };
};

describe('listings', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let steel: Awaited<ReturnType<typeof makeOrg>>;
  let builder: Awaited<ReturnType<typeof makeOrg>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
    builder = await makeOrg(ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
  });

  it('posts a supply listing with category, unit and remaining derived from the catalogue', async () => {
    const res = await apiClient(ctx.app, { token: steel.token }).post<Body>('/api/listings', supplyBody());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'supply',
      status: 'open',
      category: 'steel',
      unit: 't',
      remaining: 1000,
    });
  });

  it('posts demand, a labour offer and a labour request; the labour listings say the lender stays the employer', async () => {
    const api = apiClient(ctx.app, { token: builder.token });
    const demand = await api.post<Body>('/api/listings', demandBody());
    const offer = await api.post<Body>('/api/listings', labourOfferBody());
    const request = await api.post<Body>('/api/listings', labourRequestBody());
    expect([demand.status, offer.status, request.status]).toEqual([201, 201, 201]);
    expect(offer.body.lenderRemainsEmployer).toBe(true);
    expect(request.body.lenderRemainsEmployer).toBe(true);
  });

  const badValues: [string, Record<string, unknown>, string][] = [
    ['quantity', { quantity: -5 }, 'greater_than'],
    ['quantity', { quantity: 'lots' }, 'invalid_type'],
    ['quantity', { quantity: 1e12 }, 'too_big'],
    ['specId', { specId: 'no-such-spec' }, 'unknown_spec'],
    ['adcode', { adcode: '999999' }, 'adcode'],
    ['availableUntil', { availableUntil: '2019-01-01' }, 'date_order'],
    ['availableFrom', { availableFrom: '2020-02-30' }, 'invalid_date'],
    ['deliveryRadiusKm', { deliveryRadiusKm: 0 }, 'too_small'],
    ['unitPrice', { unitPrice: 0 }, 'greater_than'],
    ['contact.phone', { contact: { name: '林工', phone: '12345' } }, 'phone'],
    ['contact.name', { contact: { name: '', phone: '13905981234' } }, 'too_short'],
    ['', { colour: 'red' }, 'unrecognized_keys'],
  ];
  it.each(badValues)('refuses a bad %s (%j) with 400 and writes nothing', async (field, override, code) => {
    const api = apiClient(ctx.app, { token: steel.token });
    const before = await api.get<{ items: unknown[] }>('/api/listings/mine?limit=100');
    const res = await api.post<Body>('/api/listings', supplyBody(override));
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toContainEqual(expect.objectContaining({ field, code }));
    const after = await api.get<{ items: unknown[] }>('/api/listings/mine?limit=100');
    expect(after.body.items.length).toBe(before.body.items.length);
  });

  const badOtherKinds: [string, Record<string, unknown>, string, string][] = [
    ['demand', demandBody({ neededBy: '2019-01-01' }), 'neededBy', 'date_order'],
    ['demand', demandBody({ projectName: '' }), 'projectName', 'too_short'],
    ['demand', demandBody({ ceilingPrice: -1 }), 'ceilingPrice', 'greater_than'],
    ['demand', demandBody({ acceptsSubstitutes: 'yes' }), 'acceptsSubstitutes', 'invalid_type'],
    ['labour_offer', labourOfferBody({ headcount: 2.5 }), 'headcount', 'not_integer'],
    ['labour_offer', labourOfferBody({ skillId: 'astronaut' }), 'skillId', 'unknown_skill'],
    [
      'labour_offer',
      labourOfferBody({ certificates: ['no-such-cert'] }),
      'certificates',
      'unknown_certificate',
    ],
    ['labour_offer', labourOfferBody({ commuteRadiusKm: 0 }), 'commuteRadiusKm', 'too_small'],
    ['labour_request', labourRequestBody({ until: '2019-01-01' }), 'until', 'date_order'],
    ['labour_request', labourRequestBody({ headcount: 0 }), 'headcount', 'too_small'],
    ['labour_request', labourRequestBody({ minOverlapDays: -3 }), 'minOverlapDays', 'too_small'],
  ];
  it.each(badOtherKinds)('refuses a bad %s listing (%j) on %s with 400', async (_kind, body, field, code) => {
    const res = await apiClient(ctx.app, { token: builder.token }).post<Body>('/api/listings', body);
    expect(res.status).toBe(400);
    expect(res.body.error?.fields).toContainEqual(expect.objectContaining({ field, code }));
  });

  it('explains a bad field in English when asked', async () => {
    const res = await apiClient(ctx.app, { token: steel.token, lang: 'en' }).post<{
      error: { fields: { message: string }[] };
    }>('/api/listings', supplyBody({ quantity: -1 }));
    expect(res.body.error.fields[0]!.message).toBe('must be greater than 0');
  });

  it("refuses to edit or close another organisation's listing", async () => {
    const posted = await apiClient(ctx.app, { token: steel.token }).post<Body>('/api/listings', supplyBody());
    const other = apiClient(ctx.app, { token: builder.token });
    const edit = await other.patch(`/api/listings/${posted.body.id}`, { quantity: 1 });
    const close = await other.post(`/api/listings/${posted.body.id}/withdraw`);
    expect(edit.status).toBe(403);
    expect(close.status).toBe(403);
    const unchanged = await apiClient(ctx.app, { token: steel.token }).get<Body>(
      `/api/listings/${posted.body.id}`,
    );
    expect(unchanged.body).toMatchObject({ quantity: 1000, status: 'open' });
  });

  it('hides contact and price from other firms, but not from the owner or an organizer', async () => {
    const posted = await apiClient(ctx.app, { token: steel.token }).post<Body>('/api/listings', supplyBody());
    const path = `/api/listings/${posted.body.id}`;
    const asOther = await apiClient(ctx.app, { token: builder.token }).get<Body>(path);
    const asOrganizer = await apiClient(ctx.app, { token: organizer.token }).get<Body>(path);
    expect(asOther.body.contact).toBeUndefined();
    expect(asOther.body.unitPrice).toBeUndefined();
    expect(asOther.body.contactHidden).toBe(true);
    expect(asOrganizer.body.contact).toEqual({ name: '林工', phone: '13905981234' });
  });

  it("hides contacts from an organizer outside the listing's region", async () => {
    const posted = await apiClient(ctx.app, { token: steel.token }).post<Body>('/api/listings', supplyBody());
    const shandong = await makeOrg(ctx.deps, {
      creditCode: '913701002638194721',
      kinds: ['organizer'],
      adcode: '370102',
      platformRoles: ['organizer'],
    });
    const seen = await apiClient(ctx.app, { token: shandong.token }).get<Body>(
      `/api/listings/${posted.body.id}`,
    );
    expect(seen.body.contact).toBeUndefined();
    const closedLists = await apiClient(ctx.app, { token: shandong.token }).get(
      '/api/listings?kind=supply&region=350000&status=closed',
    );
    expect(closedLists.status).toBe(403);
  });

  it('edits quantity and moves remaining with it; withdraw closes it and edits are then refused', async () => {
    const api = apiClient(ctx.app, { token: steel.token });
    const posted = await api.post<Body>('/api/listings', supplyBody());
    const edited = await api.patch<Body>(`/api/listings/${posted.body.id}`, {
      quantity: 1200,
      availableUntil: inDays(90),
    });
    expect(edited.body).toMatchObject({ quantity: 1200, remaining: 1200, version: 2 });
    const withdrawn = await api.post<Body>(`/api/listings/${posted.body.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'closed', closedReason: 'withdrawn' });
    const late = await api.patch<Body>(`/api/listings/${posted.body.id}`, { quantity: 5 });
    expect(late.status).toBe(409);
    expect(late.body.error?.code).toBe('invalid_transition');
    expect((late.body.error as unknown as { messages: unknown }).messages).toEqual({
      zh: '清单当前状态（已关闭）下不能执行“修改”',
      en: 'Cannot edit while the listing is closed',
    });
  });

  it('clears an optional field with null and refuses to clear a required one', async () => {
    const api = apiClient(ctx.app, { token: steel.token });
    const posted = await api.post<Body>('/api/listings', supplyBody({ unitPrice: 3950 }));
    const cleared = await api.patch<Body>(`/api/listings/${posted.body.id}`, { unitPrice: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.unitPrice).toBeUndefined();
    const refused = await api.patch<Body>(`/api/listings/${posted.body.id}`, { quantity: null });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.fields).toContainEqual(
      expect.objectContaining({ field: 'quantity', code: 'required' }),
    );
    // A field of another kind (a demand's ceiling price) is not this supply's to clear: refused, unchanged.
    const otherKind = await api.patch<Body>(`/api/listings/${posted.body.id}`, {
      ceilingPrice: null,
      quantity: 900,
    });
    expect(otherKind.status).toBe(400);
    expect(otherKind.body.error?.fields).toContainEqual(
      expect.objectContaining({
        code: 'unrecognized_keys',
        message: expect.stringContaining('ceilingPrice'),
      }),
    );
    const after = await api.get<Body>(`/api/listings/${posted.body.id}`);
    expect(after.body.quantity).toBe(1000);
  });

  it('keeps an audit trail of every change, readable by the owner and organizers', async () => {
    const api = apiClient(ctx.app, { token: steel.token });
    const posted = await api.post<Body>('/api/listings', supplyBody());
    await api.patch(`/api/listings/${posted.body.id}`, { quantity: 900 });
    const audit = await apiClient(ctx.app, { token: organizer.token }).get<{
      items: { action: string; changes?: object }[];
    }>(`/api/listings/${posted.body.id}/audit`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['edit', 'post']);
    expect(audit.body.items[0]!.changes).toMatchObject({ quantity: { from: 1000, to: 900 } });
    const other = await apiClient(ctx.app, { token: builder.token }).get(
      `/api/listings/${posted.body.id}/audit`,
    );
    expect(other.status).toBe(403);
  });

  it('searches by category and city with one query and pages with a cursor', async () => {
    const fresh = await freshTable();
    const a = await makeOrg(fresh.deps, { creditCode: '913508007384629572' });
    const api = apiClient(fresh.app, { token: a.token });
    for (const adcode of ['350102', '350103', '350104', '350403', '370112']) {
      await api.post('/api/listings', supplyBody({ adcode }));
    }
    const fuzhou = await api.get<{ items: { adcode: string }[]; nextCursor?: string }>(
      '/api/listings?kind=supply&region=350100&category=steel&limit=2',
    );
    expect(fuzhou.body.items).toHaveLength(2);
    const next = await api.get<{ items: { adcode: string }[]; nextCursor?: string }>(
      `/api/listings?kind=supply&region=350100&category=steel&limit=2&cursor=${fuzhou.body.nextCursor}`,
    );
    const all = [...fuzhou.body.items, ...next.body.items].map((l) => l.adcode).sort();
    expect(all).toEqual(['350102', '350103', '350104']);
    const fujian = await api.get<{ items: unknown[] }>('/api/listings?kind=supply&region=350000');
    expect(fujian.body.items).toHaveLength(4);
  });

  it('refuses a tampered cursor with 400 on the cursor field', async () => {
    const res = await apiClient(ctx.app, { token: steel.token }).get<Body>(
      '/api/listings?kind=supply&region=350100&cursor=eyJwayI6IkxJU1RJTkcjeCJ9',
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.fields?.[0]?.field).toBe('cursor');
  });

  it('totals supply, demand and the gap by city for a region', async () => {
    const fresh = await freshTable();
    const maker = await makeOrg(fresh.deps, { creditCode: '913701002638194721' });
    const site = await makeOrg(fresh.deps, { creditCode: '91350500782345619C', kinds: ['builder'] });
    await apiClient(fresh.app, { token: maker.token }).post(
      '/api/listings',
      supplyBody({ adcode: '350102', quantity: 500 }),
    );
    await apiClient(fresh.app, { token: site.token }).post(
      '/api/listings',
      demandBody({ adcode: '350104', quantity: 800 }),
    );
    await applyStream(fresh); // the totals follow the table's stream
    const res = await apiClient(fresh.app, { token: site.token }).get<{
      rows: { cityAdcode: string; supply: number; demand: number; gap: number }[];
      totals: { gap: number };
    }>('/api/listings/summary?region=350000&category=steel');
    expect(res.body.rows).toEqual([
      expect.objectContaining({ cityAdcode: '350100', supply: 500, demand: 800, gap: 300 }),
    ]);
    expect(res.body.totals.gap).toBe(300);
  });
});

describe('the audit log', () => {
  it('shows admins every change of a day, and nobody else', async () => {
    const ctx = await freshTable();
    const admin = await makeOrg(ctx.deps, {
      creditCode: '911100007178990333',
      kinds: ['organizer'],
      platformRoles: ['admin'],
    });
    const firm = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    await apiClient(ctx.app, { token: firm.token }).post('/api/listings', supplyBody());
    const day = new Date().toISOString().slice(0, 10);
    const asAdmin = await apiClient(ctx.app, { token: admin.token }).get<{
      items: { action: string; actorOrgId: string }[];
    }>(`/api/audit?day=${day}`);
    const asFirm = await apiClient(ctx.app, { token: firm.token }).get(`/api/audit?day=${day}`);
    expect(asAdmin.body.items).toContainEqual(
      expect.objectContaining({ action: 'post', actorOrgId: firm.org.id }),
    );
    expect(asFirm.status).toBe(403);
  });
});
