import type { MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { parseInput } from '../contract/parse-input.ts';
import { BadRequestError, UnsupportedMediaTypeError } from './errors.ts';

/**
 * The one validation wrapper at the edge. Every request body, query and path is parsed with a
 * `zod/mini` schema (the same schemas the web forms use); failures become a `ValidationError` whose
 * fields carry stable message keys, so the error body is the same everywhere and in both languages.
 */

export const OPENAPI_INPUT = Symbol('openapi-input');

export type InputTarget = 'json' | 'query' | 'param';

export interface InputMeta {
  readonly target: InputTarget;
  readonly schema: z.ZodMiniType;
}

type Schema = z.ZodMiniType;

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Parses `input` with `schema` or throws a `ValidationError` naming every bad field. */
export { parseInput };

function withMeta<M extends MiddlewareHandler>(middleware: M, meta: InputMeta): M {
  Object.defineProperty(middleware, OPENAPI_INPUT, { value: meta });
  return middleware;
}

/** Reads a JSON body (415 for another media type, 400 for malformed JSON) and validates it. */
export function jsonBody<S extends Schema>(
  schema: S,
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: hono's env slot is generic over every app
  any,
  string,
  { in: { json: z.input<S> }; out: { json: z.output<S> } }
> {
  return withMeta(
    async (c, next) => {
      const contentType = (c.req.header('content-type') ?? '').split(';')[0]!.trim();
      if (!JSON_MEDIA_TYPE.test(contentType)) throw new UnsupportedMediaTypeError();
      const text = await c.req.text();
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        throw new BadRequestError('bad_json');
      }
      c.req.addValidatedData('json', parseInput(schema, value) as object);
      await next();
    },
    { target: 'json', schema },
  );
}

/** Validates the query string (single values as strings, repeated keys as arrays). */
export function query<S extends Schema>(
  schema: S,
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: hono's env slot is generic over every app
  any,
  string,
  { in: { query: Record<string, string | string[]> }; out: { query: z.output<S> } }
> {
  return withMeta(
    async (c, next) => {
      const raw = Object.fromEntries(
        Object.entries(c.req.queries()).map(([k, v]) => [k, v.length === 1 ? v[0] : v]),
      );
      c.req.addValidatedData('query', parseInput(schema, raw) as object);
      await next();
    },
    { target: 'query', schema },
  );
}

/** Validates path parameters. */
export function params<S extends Schema>(
  schema: S,
): MiddlewareHandler<
  // biome-ignore lint/suspicious/noExplicitAny: hono's env slot is generic over every app
  any,
  string,
  { in: { param: Record<string, string> }; out: { param: z.output<S> } }
> {
  return withMeta(
    async (c, next) => {
      c.req.addValidatedData('param', parseInput(schema, c.req.param()) as object);
      await next();
    },
    { target: 'param', schema },
  );
}

export function inputMetaOf(handler: unknown): InputMeta | undefined {
  if (typeof handler !== 'function') return undefined;
  return (handler as unknown as Record<symbol, InputMeta | undefined>)[OPENAPI_INPUT];
}
