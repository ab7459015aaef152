import * as z from 'zod/mini';
import { type FieldIssue, ValidationError } from './errors.ts';
import { MESSAGES, type MessageKey } from './messages.ts';

/**
 * Parsing input with a contract schema, the same in the browser (forms) and the API (the edge
 * wrapper, functions/shared/validation.ts): every problem becomes a field issue with a stable message
 * key, so both say the same thing in both languages.
 */

type Schema = z.ZodMiniType;

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

export function toFieldIssue(issue: z.core.$ZodIssue, input: unknown): FieldIssue {
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
