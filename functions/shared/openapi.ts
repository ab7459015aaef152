import type { Hono, MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { AuthenticationError } from './errors.ts';
import { inputMetaOf } from './validation.ts';

/**
 * OpenAPI 3.1 from the routes themselves: each route carries a `describe({...})` middleware, the
 * validation wrappers carry their schemas, and `openApiDocument(app)` walks `app.routes`. A test
 * checks that every route is described, so the document cannot drift from the code.
 */

export const OPENAPI_DOC = Symbol('openapi-doc');

export interface RouteDoc {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** `public`: no token; `user`: any signed-in user (the handler applies finer rules). */
  readonly auth: 'public' | 'user';
  readonly description?: string;
  /** Status → description; 200 is assumed when absent. */
  readonly responses?: Readonly<Record<number, string>>;
  /** Response body schema for the success status. */
  readonly response?: z.ZodMiniType;
  /** Creating requests accept an `Idempotency-Key` header. */
  readonly idempotent?: boolean;
}

/**
 * Documents a route, and for `auth: 'user'` refuses an anonymous call with 401 before anything
 * else of the route runs (so a body is never validated for someone who may not call it at all).
 */
export function describe(doc: RouteDoc): MiddlewareHandler {
  const middleware: MiddlewareHandler = async (c, next) => {
    if (doc.auth === 'user' && !c.get('principal')) throw new AuthenticationError('unauthenticated');
    await next();
  };
  Object.defineProperty(middleware, OPENAPI_DOC, { value: doc });
  return middleware;
}

export function routeDocOf(handler: unknown): RouteDoc | undefined {
  if (typeof handler !== 'function') return undefined;
  return (handler as unknown as Record<symbol, RouteDoc | undefined>)[OPENAPI_DOC];
}

export interface DescribedRoute {
  readonly method: string;
  /** OpenAPI path, e.g. `/api/listings/{id}`. */
  readonly path: string;
  readonly honoPath: string;
  readonly doc: RouteDoc | undefined;
  readonly inputs: ReturnType<typeof inputMetaOf>[];
}

/** Every concrete (method, path) the app serves, with what it says about itself. */
// biome-ignore lint/suspicious/noExplicitAny: accepts any app's env
export function describedRoutes(app: Hono<any, any, any>): DescribedRoute[] {
  const byKey = new Map<string, { method: string; honoPath: string; handlers: unknown[] }>();
  for (const route of app.routes) {
    if (route.method === 'ALL') continue; // global middleware
    const key = `${route.method} ${route.path}`;
    const entry = byKey.get(key) ?? { method: route.method, honoPath: route.path, handlers: [] };
    entry.handlers.push(route.handler);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ method, honoPath, handlers }) => ({
    method,
    honoPath,
    path: honoPath.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}'),
    doc: handlers.map(routeDocOf).find(Boolean),
    inputs: handlers.map(inputMetaOf).filter(Boolean),
  }));
}

const ERROR_BODY = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string', description: 'In the language asked for by Accept-Language (zh default)' },
        messages: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['field', 'code', 'message'],
            properties: { field: { type: 'string' }, code: { type: 'string' }, message: { type: 'string' } },
          },
        },
      },
    },
  },
} as const;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return rest;
}

// biome-ignore lint/suspicious/noExplicitAny: accepts any app's env
export function openApiDocument(app: Hono<any, any, any>, info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of describedRoutes(app)) {
    if (!route.doc) continue;
    const { doc } = route;
    const parameters: unknown[] = [];
    let requestBody: unknown;
    for (const input of route.inputs) {
      if (!input) continue;
      if (input.target === 'json') {
        requestBody = {
          required: true,
          content: { 'application/json': { schema: jsonSchema(input.schema, 'input') } },
        };
        continue;
      }
      const schema = jsonSchema(input.schema, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        parameters.push({
          name,
          in: input.target === 'param' ? 'path' : 'query',
          required: input.target === 'param' || (schema.required ?? []).includes(name),
          schema: property,
        });
      }
    }
    if (doc.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 128 },
        description: 'Retrying a creating request with the same key returns the first result',
      });
    }
    const successStatus =
      Object.keys(doc.responses ?? {})
        .map(Number)
        .find((s) => s < 300) ?? 200;
    const responses: Record<string, unknown> = {
      [successStatus]: {
        description: doc.responses?.[successStatus] ?? 'OK',
        ...(doc.response
          ? { content: { 'application/json': { schema: jsonSchema(doc.response, 'output') } } }
          : {}),
      },
    };
    for (const [status, description] of Object.entries(doc.responses ?? {})) {
      if (Number(status) === successStatus) continue;
      responses[status] = {
        description,
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    }
    responses['4XX'] = {
      description: 'Bad request, unauthenticated, forbidden, not found or conflict',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    const operation = {
      operationId: doc.operationId,
      summary: doc.summary,
      ...(doc.description ? { description: doc.description } : {}),
      tags: doc.tags,
      ...(doc.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: ERROR_BODY },
    },
  };
}
