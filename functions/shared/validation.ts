import type { MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { BadRequestError, type FieldIssue, UnsupportedMediaTypeError, ValidationError } from './errors.ts';
import { MESSAGES, type MessageKey } from './i18n/messages.ts';

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

function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(MESSAGES, value);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function toFieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
  const field = issue.path.map(String).join('.');
  const missing = issue.path.length > 0 && valueAt(input, issue.path) === undefined;
  // A schema that names its own message key (a custom check, a regex with a message) wins.
  if (!missing && isMessageKey(issue.message)) {
    const params = issue.code === 'custom' ? (issue.params as FieldIssue['params']) : undefined;
    return params ? { field, key: issue.message, params } : { field, key: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return { field, key: 'field.required' };
      if (issue.expected === 'int') return { field, key: 'field.not_integer' };
      return { field, key: 'field.invalid_type', params: { expected: String(issue.expected) } };
    }
    case 'too_small':
      return issue.origin === 'string'
        ? { field, key: 'field.too_short', params: { minimum: Number(issue.minimum) } }
        : issue.inclusive === false
          ? { field, key: 'field.greater_than', params: { minimum: Number(issue.minimum) } }
          : { field, key: 'field.too_small', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return issue.origin === 'string'
        ? { field, key: 'field.too_long', params: { maximum: Number(issue.maximum) } }
        : { field, key: 'field.too_big', params: { maximum: Number(issue.maximum) } };
    case 'invalid_format':
      return { field, key: issue.format === 'email' ? 'field.email' : 'field.invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { field, key: 'field.invalid_value' };
    case 'unrecognized_keys':
      return { field, key: 'field.unrecognized_keys', params: { keys: issue.keys.join(', ') } };
    case 'not_multiple_of':
      return { field, key: 'field.invalid_value' };
    case 'custom':
      return { field, key: isMessageKey(issue.message) ? issue.message : 'field.invalid_value' };
    default:
      return { field, key: 'field.invalid_value' };
  }
}

/** Parses `input` with `schema` or throws a `ValidationError` naming every bad field. */
export function parseInput<S extends Schema>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const fields: FieldIssue[] = [];
  for (const issue of result.error.issues) {
    const fieldIssue = toFieldIssue(issue, input);
    const dedupe = `${fieldIssue.field}|${fieldIssue.key}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    fields.push(fieldIssue);
  }
  throw new ValidationError(fields);
}

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
