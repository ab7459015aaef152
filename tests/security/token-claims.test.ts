import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsOf } from '../../functions/auth/principal.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * A token acts only when it is properly bounded in time (an `exp`, an `iat` not ahead of our clock
 * beyond a minute, a lifetime of at most a day) and its user still exists and is active; the caller
 * is authenticated before anything it sent is validated.
 */
describe('tokens and who they act for', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let firm: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    firm = await makeOrg(ctx.deps);
  });

  async function mint(options: { iat?: number; exp?: number | null; nbf?: number; userId?: string }) {
    const key = await ctx.deps.signingKey!();
    const now = Math.floor(Date.now() / 1000);
    const claims = claimsOf({ ...firm.user, id: options.userId ?? firm.user.id, platformRoles: [] });
    let jwt = new SignJWT({ ...claims, token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(ctx.deps.config.tokenIssuer)
      .setAudience(ctx.deps.config.tokenAudience)
      .setIssuedAt(options.iat ?? now);
    if (options.exp !== null) jwt = jwt.setExpirationTime(options.exp ?? now + 3600);
    if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf);
    return await jwt.sign(key.privateKey);
  }

  const now = () => Math.floor(Date.now() / 1000);
  const cases: [string, () => Promise<string>][] = [
    ['has no exp', () => mint({ exp: null })],
    [
      'was issued five years ahead',
      () => mint({ iat: now() + 5 * 365 * 86_400, exp: now() + 5 * 365 * 86_400 + 3600 }),
    ],
    ['is not valid before tomorrow', () => mint({ nbf: now() + 86_400 })],
    ['lives for a year', () => mint({ exp: now() + 365 * 86_400 })],
    ['names a user that does not exist', () => mint({ userId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' })],
  ];
  for (const [label, token] of cases) {
    it(`refuses a correctly signed token that ${label} with 401`, async () => {
      // Act
      const res = await apiClient(ctx.app, { token: await token() }).get('/api/me');

      // Assert
      expect(res.status).toBe(401);
    });
  }

  it('accepts a token issued a few seconds ahead (small clock skew)', async () => {
    const res = await apiClient(ctx.app, { token: await mint({ iat: now() + 20 }) }).get('/api/me');
    expect(res.status).toBe(200);
  });

  it("stops a deleted user's token at once", async () => {
    // Arrange
    const other = await makeOrg(ctx.deps);
    expect((await apiClient(ctx.app, { token: other.token }).get('/api/me')).status).toBe(200);

    // Act
    await ctx.deps.table.delete(keys.user(other.user.id));
    const res = await apiClient(ctx.app, { token: other.token }).get('/api/me');

    // Assert
    expect(res.status).toBe(401);
  });

  it('a disabled user can neither use a token nor sign in', async () => {
    // Arrange
    const other = await makeOrg(ctx.deps);

    // Act
    await ctx.deps.table.update(keys.user(other.user.id), {
      expression: 'SET disabled = :yes',
      values: { ':yes': true },
    });
    const withToken = await apiClient(ctx.app, { token: other.token }).get('/api/me');
    const signIn = await apiClient(ctx.app).post('/api/auth/sign-in', {
      email: other.user.email,
      password: PASSWORD,
    });

    // Assert
    expect(withToken.status).toBe(401);
    expect(signIn.status).toBe(401);
  });

  it('answers an anonymous call with a body 401, whether the body is valid or not', async () => {
    // Act
    const api = apiClient(ctx.app);
    const results = await Promise.all([
      api.post('/api/listings', supplyBody()),
      api.post('/api/listings', { nonsense: true }),
      api.patch('/api/orgs/01HZZZZZZZZZZZZZZZZZZZZZZZ', { name: 42 }),
      api.post('/api/matching-runs', {}),
    ]);

    // Assert
    expect(results.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(results.map((r) => (r.body as { error: { code: string } }).error.code)).toEqual(
      results.map(() => 'unauthenticated'),
    );
  });
});
