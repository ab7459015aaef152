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
        const { payload } = await jwtVerify(token, await keyResolver(), {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ['ES256', 'RS256'],
          clockTolerance: 5,
          ...(options.clock ? { currentDate: options.clock.now() } : {}),
        });
        if (payload.token_use !== undefined && payload.token_use !== 'id') throw new Error('not an id token');
        const principal = principalFromClaims(payload);
        if (!principal) throw new Error('claims incomplete');
        return principal;
      } catch {
        throw new AuthenticationError('token_invalid');
      }
    },
  };
}
