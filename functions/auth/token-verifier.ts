import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  jwtVerify,
} from 'jose';
import type { Clock } from '../shared/clock.ts';
import { AuthenticationError } from '../shared/errors.ts';
import { type Principal, principalFromClaims } from './principal.ts';
import type { StoredUser } from './user.ts';

/** How far a token's `iat`/`nbf` may lie ahead of our clock (clocks drift a little, not years). */
export const CLOCK_SKEW_SECONDS = 60;
/** The longest a token may live (`exp − iat`); Cognito ID tokens live at most a day. */
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

/**
 * The one verification path for every token, local or Cognito: a JWKS (in-process keys locally,
 * Cognito's published keys in AWS), the expected issuer and audience, and the same claim mapping.
 */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

export type KeySource =
  | { kind: 'local'; jwks: () => Promise<JSONWebKeySet> }
  | { kind: 'remote'; url: string };

export function createTokenVerifier(options: {
  keys: KeySource;
  issuer: string;
  audience: string;
  /** The app's clock, so expiry follows the same time as everything else (tests move it). */
  clock?: Clock;
  /**
   * The user as stored now. A token acts only while its user exists, is not disabled, and was
   * issued after the user's sessions were last revoked (password reset, disabling); the principal's
   * organisation and roles are the stored ones, so a revoked role stops working at once.
   */
  currentUser?: (userId: string) => Promise<StoredUser | undefined>;
}): TokenVerifier {
  let getKey: JWTVerifyGetKey | undefined;
  const keyResolver = async (): Promise<JWTVerifyGetKey> => {
    if (getKey) return getKey;
    getKey =
      options.keys.kind === 'remote'
        ? createRemoteJWKSet(new URL(options.keys.url))
        : createLocalJWKSet(await options.keys.jwks());
    return getKey;
  };
  return {
    async verify(token) {
      try {
        const now = options.clock?.now() ?? new Date();
        const { payload } = await jwtVerify(token, await keyResolver(), {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['ES256', 'RS256'],
          clockTolerance: 5,
          requiredClaims: ['exp', 'iat'],
          currentDate: now,
        });
        if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Error('not an id token');
        const nowSeconds = now.getTime() / 1000;
        const { iat, exp, nbf } = payload as { iat: number; exp: number; nbf?: number };
        if (iat > nowSeconds + CLOCK_SKEW_SECONDS) throw new Error('issued in the future');
        if (nbf !== undefined && nbf > nowSeconds + CLOCK_SKEW_SECONDS) throw new Error('not yet valid');
        if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new Error('lives too long');
        const principal = principalFromClaims(payload);
        if (!principal) throw new Error('claims incomplete');
        if (!options.currentUser) return principal;
        const user = await options.currentUser(principal.userId);
        if (!user || user.disabled) throw new Error('user gone or disabled');
        if (user.sessionsValidFrom && iat * 1000 < Date.parse(user.sessionsValidFrom)) {
          throw new Error('sessions revoked');
        }
        return {
          userId: user.id,
          email: user.email,
          orgId: user.orgId,
          orgRole: user.orgRole,
          platformRoles: [...user.platformRoles],
        };
      } catch {
        throw new AuthenticationError('token_invalid');
      }
    },
  };
}
