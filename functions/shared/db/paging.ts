import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '../errors.ts';

/**
 * Opaque page cursors: the LastEvaluatedKey, base64url-encoded. A cursor is only accepted for the
 * partition it was issued for; anything else is a 400 on the `cursor` field, never a 500.
 */
export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` to get the next page; absent on the last page. */
  nextCursor?: string;
}

export const MAX_PAGE_SIZE = 100;

export function encodeCursor(key: Record<string, AttributeValue> | undefined): string | undefined {
  if (!key) return undefined;
  const plain: Record<string, string> = {};
  for (const [name, value] of Object.entries(key)) {
    if (value.S === undefined) return undefined;
    plain[name] = value.S;
  }
  return Buffer.from(JSON.stringify(plain), 'utf8').toString('base64url');
}

function badCursor(): ValidationError {
  return new ValidationError([{ field: 'cursor', key: 'field.invalid_format' }]);
}

export function decodeCursor(
  cursor: string | undefined,
  expected: {
    partitionAttribute: string;
    partitionValue: string;
    attributes: readonly string[];
    /** The query's sort-key condition: a cursor outside it is refused (DynamoDB would fail the query). */
    sort?: { attribute: string; prefix?: string; between?: readonly [string, string] };
  },
): Record<string, AttributeValue> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let plain: unknown;
  try {
    plain = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (plain === null || typeof plain !== 'object' || Array.isArray(plain)) throw badCursor();
  const record = plain as Record<string, unknown>;
  const names = Object.keys(record).sort();
  if (names.join(',') !== [...expected.attributes].sort().join(',')) throw badCursor();
  if (record[expected.partitionAttribute] !== expected.partitionValue) throw badCursor();
  const key: Record<string, AttributeValue> = {};
  for (const name of names) {
    const value = record[name];
    if (typeof value !== 'string' || value.length === 0 || value.length > 1024) throw badCursor();
    key[name] = { S: value };
  }
  const range = expected.sort;
  const sortValue = range && key[range.attribute]?.S;
  if (range && sortValue !== undefined) {
    if (range.prefix && !sortValue.startsWith(range.prefix)) throw badCursor();
    // DynamoDB orders strings by their UTF-8 bytes.
    const bytes = (text: string) => Buffer.from(text, 'utf8');
    const [lo, hi] = range.between ?? [];
    if (lo !== undefined && hi !== undefined) {
      if (
        Buffer.compare(bytes(sortValue), bytes(lo)) < 0 ||
        Buffer.compare(bytes(sortValue), bytes(hi)) > 0
      ) {
        throw badCursor();
      }
    }
  }
  return key;
}
