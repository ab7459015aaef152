import type * as z from 'zod/mini';
import { ValidationError } from '../../functions/contract/errors.ts';
import { bothLanguages } from '../../functions/contract/messages.ts';
import { parseInput } from '../../functions/contract/parse-input.ts';
import type { FieldMessage } from './forms.ts';

/**
 * Runs a form through the server's own schema and message keys (functions/**.schema.ts,
 * functions/shared/validation.ts), so the browser says exactly what the API would. The server
 * still checks everything again, and its answer is what counts.
 */
export function checkWith(schema: z.ZodMiniType, input: unknown, prefix = ''): FieldMessage[] {
  try {
    parseInput(schema, withoutBlanks(input));
    return [];
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.fields.map((f) => ({
      field: prefix && f.field ? `${prefix}.${f.field}` : prefix || f.field,
      messages: bothLanguages(f.key, f.params),
    }));
  }
}

/**
 * The form with empty text and empty choices left out, so that the schema reports them as
 * missing ("必填 / is required") rather than as too short.
 */
export function withoutBlanks(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0))
      continue;
    kept[key] = withoutBlanks(v);
  }
  return kept;
}
