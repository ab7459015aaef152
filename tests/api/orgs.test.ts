import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

const validRegistration = (creditCode: string, email: string) => ({
  org: {
    name: '福州示范建材有限公司',
    creditCode,
    kinds: ['manufacturer'],
    adcode: '350102',
    contact: { name: '李四', phone: '0591-87001234' },
  },
  admin: { name: '李四', email, password: 'strong-pass-2020' },
});

describe('organisations', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;

  beforeAll(async () => {
    ctx = await freshTable();
  });

  it('registers an organisation with its admin and signs the admin in', async () => {
    const api = apiClient(ctx.app);
    const res = await api.post<{ org: { id: string; creditCode: string }; session: { token: string } }>(
      '/api/orgs/register',
      validRegistration(' 91350200612349879h ', 'li@example.cn'),
    );
    expect(res.status).toBe(201);
    expect(res.body.org.creditCode).toBe('91350200612349879H');
    const me = await api.get<{ user: { orgRole: string } }>('/api/me', { token: res.body.session.token });
    expect(me.body.user.orgRole).toBe('org_admin');
  });

  it('refuses a credit code whose check character is wrong, naming the field, and writes nothing', async () => {
    const api = apiClient(ctx.app);
    const res = await api.post<{ error: { fields: { field: string; code: string; message: string }[] } }>(
      '/api/orgs/register',
      validRegistration('913504001581427115', 'wrong-code@example.cn'),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'org.creditCode', code: 'credit_code' }),
    );
    const signIn = await api.post('/api/auth/sign-in', {
      email: 'wrong-code@example.cn',
      password: 'strong-pass-2020',
    });
    expect(signIn.status).toBe(401);
  });

  it('refuses an unknown region code and a weak password', async () => {
    const body = validRegistration('913701002638194721', 'weak@example.cn');
    body.org.adcode = '359999';
    body.admin.password = 'short';
    const res = await apiClient(ctx.app).post<{ error: { fields: { field: string; code: string }[] } }>(
      '/api/orgs/register',
      body,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toContainEqual(
      expect.objectContaining({ field: 'org.adcode', code: 'adcode' }),
    );
  });

  it('refuses a second registration of the same credit code with 409 on that field', async () => {
    const api = apiClient(ctx.app);
    await api.post('/api/orgs/register', validRegistration('91350500782345619C', 'first@example.cn'));
    const again = await api.post<{ error: { code: string; fields: { field: string }[] } }>(
      '/api/orgs/register',
      validRegistration('91350500782345619C', 'second@example.cn'),
    );
    expect(again.status).toBe(409);
    expect(again.body.error.fields.map((f) => f.field)).toContain('org.creditCode');
  });

  it('lets nobody give themselves the organizer kind', async () => {
    const body = validRegistration('911100007178990333', 'sneaky@example.cn');
    body.org.kinds = ['organizer'];
    const res = await apiClient(ctx.app).post('/api/orgs/register', body);
    expect(res.status).toBe(400);
  });

  it("hides another organisation's contact and forbids editing it", async () => {
    const a = await makeOrg(ctx.deps, { creditCode: '913508007384629572' });
    const b = await makeOrg(ctx.deps, { creditCode: '91350100660123452U' });
    const api = apiClient(ctx.app, { token: b.token });
    const seen = await api.get<{ contact?: unknown; name: string }>(`/api/orgs/${a.org.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.contact).toBeUndefined();
    const edit = await api.patch(`/api/orgs/${a.org.id}`, { name: '被篡改' });
    expect(edit.status).toBe(403);
    const own = await api.patch<{ name: string }>(`/api/orgs/${b.org.id}`, { name: '新名称有限公司' });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('新名称有限公司');
  });

  it('lets an organizer list organisations in its region and not outside it', async () => {
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      adcode: '350102',
      platformRoles: ['organizer'],
    });
    const api = apiClient(ctx.app, { token: organizer.token });
    const fujian = await api.get<{ items: { adcode: string }[] }>('/api/orgs?region=350000');
    expect(fujian.status).toBe(200);
    expect(fujian.body.items.every((o) => o.adcode.startsWith('35'))).toBe(true);
    const shandong = await api.get('/api/orgs?region=370000');
    expect(shandong.status).toBe(403);
  });
});
