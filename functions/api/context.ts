import type { Context } from 'hono';
import type { Principal } from '../auth/principal.ts';
import { AuthenticationError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n/messages.ts';
import type { Deps } from './deps.ts';

export interface AppEnv {
  Variables: {
    deps: Deps;
    lang: Lang;
    principal: Principal | undefined;
  };
}

export type AppContext = Context<AppEnv>;

/** The signed-in caller, or a 401. */
export function principalOf(c: Context<AppEnv>): Principal {
  const principal = c.get('principal');
  if (!principal) throw new AuthenticationError('unauthenticated');
  return principal;
}

/**
 * The caller's address as the platform saw it (never a client-sent header): API Gateway's
 * `requestContext.http.sourceIp` in Lambda, the socket's address under @hono/node-server.
 */
export function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as
    | {
        requestContext?: { http?: { sourceIp?: string } };
        incoming?: { socket?: { remoteAddress?: string } };
      }
    | undefined;
  return env?.requestContext?.http?.sourceIp ?? env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
