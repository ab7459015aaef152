import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

describe('sign-in', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let email: string;

  beforeAll(async () => {
    ctx = await freshTable();
    const { user } = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    email = user.email;
  });

  it('returns a token that opens /api/me', async () => {
    const api = apiClient(ctx.app);
    const signIn = await api.post<{ token: string; user: { email: string } }>('/api/auth/sign-in', {
      email,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.email).toBe(email);
    const me = await api.get<{ user: { email: string }; org: { name: string } }>('/api/me', {
      token: signIn.body.token,
    });
    expect(me.status).toBe(200);
    expect(me.body.org.name).toMatch(/测试企业/);
  });

  it('refuses a wrong password with 401 in Chinese by default and English on request', async () => {
    const api = apiClient(ctx.app);
    const zh = await api.post<{ error: { code: string; message: string } }>('/api/auth/sign-in', {
      email,
      password: 'wrong-password-1',
    });
    const en = await api.post<{ error: { code: string; message: string } }>(
      '/api/auth/sign-in',
      { email, password: 'wrong-password-1' },
      { lang: 'en-US,en;q=0.9' },
    );
    expect(zh.status).toBe(401);
    expect(zh.body.error).toMatchObject({ code: 'sign_in_failed', message: '邮箱或密码错误' });
    expect(en.body.error.message).toBe('Wrong email or password');
  });

  it('refuses an unknown email exactly like a wrong password', async () => {
    const res = await apiClient(ctx.app).post<{ error: { code: string } }>('/api/auth/sign-in', {
      email: 'nobody@example.cn',
      password: 'whatever-123',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('sign_in_failed');
  });

  it('answers a malformed sign-in with 400 naming each field', async () => {
    const res = await apiClient(ctx.app).post<{
      error: { code: string; fields: { field: string; code: string }[] };
    }>('/api/auth/sign-in', { email: 'not-an-email', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const fields = res.body.error.fields.map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(
      expect.arrayContaining(['email:email', 'password:required', ':unrecognized_keys']),
    );
  });

  it('answers bad JSON with 400 and another media type with 415', async () => {
    const api = apiClient(ctx.app);
    const badJson = await api.call('POST', '/api/auth/sign-in', { rawBody: '{"email":' });
    const wrongType = await api.call('POST', '/api/auth/sign-in', {
      rawBody: 'email=a',
      contentType: 'text/plain',
    });
    expect(badJson.status).toBe(400);
    expect(wrongType.status).toBe(415);
  });

  it('rejects a forged or expired token with 401', async () => {
    const api = apiClient(ctx.app);
    const forged = await api.get('/api/me', { token: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' });
    expect(forged.status).toBe(401);
    const anonymous = await api.get('/api/me');
    expect(anonymous.status).toBe(401);
  });

  it('locks an email out with 429 after ten failed attempts in a window', async () => {
    const fresh = await freshTable();
    const { user } = await makeOrg(fresh.deps, { creditCode: '913508007384629572' });
    const api = apiClient(fresh.app);
    for (let i = 0; i < 10; i++)
      await api.post('/api/auth/sign-in', { email: user.email, password: 'wrong-pass-1' });
    const locked = await api.post('/api/auth/sign-in', { email: user.email, password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});
