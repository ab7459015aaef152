import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/** The platform admin runs the platform: departments with jurisdictions, roles, users, passwords. */
describe('platform admin', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let admin: Awaited<ReturnType<typeof makeOrg>>;
  let seed = 8800;
  const code = (region: string) => makeCreditCode({ seed: ++seed, region, authority: '1', category: '1' });
  const today = () => new Date().toISOString().slice(0, 10);
  const signIn = (email: string, password: string) =>
    apiClient(ctx.app).post<{ token: string }>('/api/auth/sign-in', { email, password });

  beforeAll(async () => {
    ctx = await freshTable();
    admin = await makeOrg(ctx.deps, { kinds: ['organizer'], adcode: '110101', platformRoles: ['admin'] });
  });

  it("creates a city's department that organizes within its city only, verified, with an audit entry", async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: admin.token });
    const email = `fuzhou-${Date.now()}@example.cn`;

    // Act
    const created = await api.post<{ org: { id: string; jurisdiction: string; verified: boolean } }>(
      '/api/admin/orgs',
      {
        org: {
          name: '福州市工业和信息化局',
          creditCode: code('350100'),
          kinds: ['organizer'],
          adcode: '350102',
          contact: { name: '陈科长', phone: '059187000000' },
        },
        jurisdiction: '350100',
        admin: { name: '陈七', email, password: PASSWORD },
      },
    );
    const session = await signIn(email, PASSWORD);
    const department = apiClient(ctx.app, { token: session.body.token });
    const city = await department.get('/api/orgs?region=350100');
    const province = await department.get('/api/orgs?region=350000');
    const audit = await api.get<{ items: { entity: string; action: string; entityId: string }[] }>(
      `/api/audit?day=${today()}`,
    );

    // Assert
    expect(created.status).toBe(201);
    expect(created.body.org).toMatchObject({ jurisdiction: '350100', verified: true });
    expect([city.status, province.status]).toEqual([200, 403]);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ entity: 'org', action: 'create_by_admin', entityId: created.body.org.id }),
    );
  });

  it('refuses a department without a jurisdiction, or seated outside it, naming the field', async () => {
    // Act
    const api = apiClient(ctx.app, { token: admin.token });
    const body = (jurisdiction?: string) => ({
      org: {
        name: '某某局',
        creditCode: code('350100'),
        kinds: ['organizer'],
        adcode: '350102',
        contact: { name: '陈科长', phone: '059187000000' },
      },
      ...(jurisdiction ? { jurisdiction } : {}),
      admin: { name: '陈七', email: `x-${Date.now()}-${seed}@example.cn`, password: PASSWORD },
    });
    const results = [
      await api.post('/api/admin/orgs', body()),
      await api.post('/api/admin/orgs', body('370000')),
    ];

    // Assert
    expect(results.map((r) => r.status)).toEqual([400, 400]);
    expect(
      results.map((r) => (r.body as { error: { fields: { field: string }[] } }).error.fields[0]!.field),
    ).toEqual(['jurisdiction', 'jurisdiction']);
  });

  it('grants and revokes the organizer role, effective on the user’s current token', async () => {
    // Arrange
    const firm = await makeOrg(ctx.deps, { adcode: '350102' });
    const api = apiClient(ctx.app, { token: admin.token });
    const asFirm = apiClient(ctx.app, { token: firm.token });

    // Act
    const before = await asFirm.get('/api/orgs?region=350000');
    await api.put(`/api/admin/users/${firm.user.id}/roles`, { platformRoles: ['organizer'] });
    const granted = await asFirm.get('/api/orgs?region=350000');
    await api.put(`/api/admin/users/${firm.user.id}/roles`, { platformRoles: [] });
    const revoked = await asFirm.get('/api/orgs?region=350000');

    // Assert
    expect([before.status, granted.status, revoked.status]).toEqual([403, 200, 403]);
  });

  it('disables a user (tokens stop at once, sign-in refused) and enables them again', async () => {
    // Arrange
    const firm = await makeOrg(ctx.deps);
    const api = apiClient(ctx.app, { token: admin.token });

    // Act
    const disabled = await api.put(`/api/admin/users/${firm.user.id}/status`, { disabled: true });
    const withToken = await apiClient(ctx.app, { token: firm.token }).get('/api/me');
    const refused = await signIn(firm.user.email, PASSWORD);
    await api.put(`/api/admin/users/${firm.user.id}/status`, { disabled: false });
    const again = await signIn(firm.user.email, PASSWORD);

    // Assert
    expect(disabled.status).toBe(200);
    expect([withToken.status, refused.status, again.status]).toEqual([401, 401, 200]);
  });

  it('resets a password: the old password and earlier sessions stop, the new one works', async () => {
    // Arrange: a token from an earlier second.
    const firm = await makeOrg(ctx.deps);
    await new Promise((r) => setTimeout(r, 1100));
    const api = apiClient(ctx.app, { token: admin.token });

    // Act
    const reset = await api.put(`/api/admin/users/${firm.user.id}/password`, { password: 'Fresh-pass-2026' });
    const oldToken = await apiClient(ctx.app, { token: firm.token }).get('/api/me');
    const oldPassword = await signIn(firm.user.email, PASSWORD);
    const newPassword = await signIn(firm.user.email, 'Fresh-pass-2026');

    // Assert
    expect(reset.status).toBe(200);
    expect(JSON.stringify(reset.body)).not.toContain('passwordHash');
    expect([oldToken.status, oldPassword.status, newPassword.status]).toEqual([401, 401, 200]);
  });

  it('does not let the admin lock themselves out', async () => {
    // Act
    const api = apiClient(ctx.app, { token: admin.token });
    const results = [
      await api.put(`/api/admin/users/${admin.user.id}/status`, { disabled: true }),
      await api.put(`/api/admin/users/${admin.user.id}/roles`, { platformRoles: [] }),
    ];

    // Assert
    expect(results.map((r) => r.status)).toEqual([403, 403]);
    expect((await api.get('/api/me')).status).toBe(200);
  });
});
