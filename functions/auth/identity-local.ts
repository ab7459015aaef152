import { SignJWT } from 'jose';
import type { Clock } from '../shared/clock.ts';
import { AuthenticationError } from '../shared/errors.ts';
import type { IdentityProvider, Session } from './identity.ts';
import { decoyHash, hashPassword, verifyPassword } from './password.ts';
import { claimsOf } from './principal.ts';
import type { SigningKey } from './signing-key.ts';
import type { StoredUser } from './user.ts';

export function localIdentity(options: {
  signingKey: () => Promise<SigningKey>;
  issuer: string;
  audience: string;
  ttlSeconds: number;
  clock: Clock;
}): IdentityProvider {
  async function issue(user: StoredUser): Promise<Session> {
    const key = await options.signingKey();
    const now = Math.floor(options.clock.now().getTime() / 1000);
    const exp = now + options.ttlSeconds;
    const token = await new SignJWT({ ...claimsOf(user), token_use: 'id' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(crypto.randomUUID())
      .sign(key.privateKey);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  }

  return {
    kind: 'local',
    async prepareUser(user, password) {
      return { ...user, passwordHash: await hashPassword(password) };
    },
    async afterUserCreated() {},
    async signIn(user, _email, password) {
      // Spend the same time whether or not the email exists.
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !ok) throw new AuthenticationError('sign_in_failed');
      return await issue(user);
    },
    async afterRolesChanged() {},
    async setPassword(user, password) {
      return { ...user, passwordHash: await hashPassword(password) };
    },
  };
}
