import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { MAX_DEAL_FILE_BYTES } from '../deals/deal-file.ts';
import { MAX_UPLOAD_BYTES } from '../imports/upload-limit.ts';
import {
  AppError,
  AuthenticationError,
  ConflictError,
  PayloadTooLargeError,
  RateLimitError,
} from '../shared/errors.ts';
import { negotiateLang } from '../shared/i18n/messages.ts';
import { describe, openApiDocument } from '../shared/openapi.ts';
import type { AppEnv } from './context.ts';
import type { Deps } from './deps.ts';
import { errorBody, plainErrorBody } from './error-body.ts';

export const API_VERSION = '0.1.0';

/** DynamoDB's own exceptions for a failed condition or a transaction that lost a race. */
function isLostRace(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'ConditionalCheckFailedException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.some((r) => r.Code === 'ConditionalCheckFailed' || r.Code === 'TransactionConflict');
}
const DEFAULT_BODY_LIMIT = 256 * 1024;

/**
 * API Gateway puts a named stage in front of the path (`/prod/api/health`); the `$default` stage and
 * the local server do not. Routes are written once, without it.
 */
function pathWithoutStage(request: Request, options?: { env?: unknown }): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  const end = url.indexOf('?', start);
  const path = end === -1 ? url.slice(start) : url.slice(start, end);
  const stage = (options?.env as { requestContext?: { stage?: string } } | undefined)?.requestContext?.stage;
  if (stage && stage !== '$default' && (path === `/${stage}` || path.startsWith(`/${stage}/`))) {
    return path.slice(stage.length + 1) || '/';
  }
  return path;
}

/** A module of routes mounted at a path (see {@link createApp}). */
export interface RouteModule {
  readonly path: string;
  readonly routes: Hono<AppEnv>;
}

/**
 * The HTTP API: one Hono app of the given route modules, with the middleware, the health check,
 * the OpenAPI document and the one onError every function shares. @hono/node-server serves the
 * complete app locally (`createFullApp()`, functions/api/sheet-modules.ts); in AWS each request-path
 * Lambda is built from its own modules only (functions/api/*-modules.ts), so its bundle carries
 * only the code its routes run, and API Gateway sends it only those routes. Modules mount in order:
 * a module listed first wins a path two could take (`/api/listings/export` before a listing id).
 */
export function createApp(getDeps: () => Deps, modules: readonly RouteModule[]): Hono<AppEnv> {
  const app = new Hono<AppEnv>({ getPath: pathWithoutStage });

  app.use('*', async (c, next) => {
    c.set('deps', getDeps());
    c.set('lang', negotiateLang(c.req.header('accept-language')));
    c.set('principal', undefined);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      strictTransportSecurity: 'max-age=63072000; includeSubDomains',
      referrerPolicy: 'no-referrer',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use(
    '*',
    cors({
      origin: (origin, c) => (c.get('deps').config.webOrigins.includes(origin) ? origin : null),
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowHeaders: ['Authorization', 'Content-Type', 'Accept-Language', 'Idempotency-Key'],
      maxAge: 600,
      credentials: false,
    }),
  );
  const limitFor = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new PayloadTooLargeError(`${Math.round(maxSize / 1024)} KB`);
      },
    });
  const defaultLimit = limitFor(DEFAULT_BODY_LIMIT);
  const uploadLimit = limitFor(MAX_UPLOAD_BYTES);
  const dealFileLimit = limitFor(MAX_DEAL_FILE_BYTES);
  app.use('*', (c, next) =>
    c.req.path.includes('/api/imports')
      ? uploadLimit(c, next)
      : /^\/api\/deals\/[^/]+\/file$/.test(c.req.path)
        ? dealFileLimit(c, next)
        : defaultLimit(c, next),
  );
  // A bearer token, when sent, must be valid; routes decide whether one is needed.
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization');
    if (header) {
      const [scheme, token] = header.split(' ');
      const principal =
        scheme?.toLowerCase() === 'bearer' && token ? await c.get('deps').tokens.verify(token) : undefined;
      if (!principal) throw new AuthenticationError('token_invalid');
      c.set('principal', principal);
    }
    await next();
  });

  app.get(
    '/api/health',
    describe({
      operationId: 'health',
      summary: 'Liveness: 200 when the API runs',
      tags: ['system'],
      auth: 'public',
    }),
    (c) => c.json({ status: 'ok', version: API_VERSION, stage: c.get('deps').config.stage }),
  );
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get(
    '/api/openapi.json',
    describe({
      operationId: 'openapi',
      summary: 'This OpenAPI 3.1 document',
      tags: ['system'],
      auth: 'public',
    }),
    // Built on the first request, when every module is mounted, then kept: the routes never change
    // after createApp returns, and walking them with every schema costs tens of ms.
    (c) => {
      document ??= openApiDocument(app, { title: 'Gongxu 供需 API', version: API_VERSION });
      return c.json(document);
    },
  );
  for (const module of modules) app.route(module.path, module.routes);

  app.notFound((c) =>
    c.json(plainErrorBody('route_not_found', 'route_not_found', c.get('lang') ?? 'zh'), 404),
  );
  app.onError((error, c) => {
    const lang = c.get('lang') ?? 'zh';
    if (error instanceof AppError) {
      if (error instanceof RateLimitError) c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json(errorBody(error, lang), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(plainErrorBody('bad_request', 'validation_failed', lang), error.status);
    }
    if (isLostRace(error)) {
      // A conditional write the table layer did not wrap (it raises ConditionFailed, an AppError).
      return c.json(
        errorBody(new ConflictError('conflict', undefined, undefined, { cause: error }), lang),
        409,
      );
    }
    console.error(
      JSON.stringify({
        level: 'error',
        message: 'unhandled',
        error: String(error),
        stack: (error as Error).stack,
        ...((error as Error).cause !== undefined ? { cause: String((error as Error).cause) } : {}),
      }),
    );
    return c.json(plainErrorBody('internal', 'internal', lang), 500);
  });
  return app;
}
