import type { FieldIssue } from '../contract/errors.ts';
import { isValidAdcode } from './regions.ts';

/**
 * The contract's schemas check an adcode's form only (the browser has no table of divisions); the
 * API checks that it names a real division before it stores anything.
 */
export function unknownAdcode(field: string, code: string | undefined): FieldIssue[] {
  return code !== undefined && !isValidAdcode(code) ? [{ field, key: 'field.adcode' }] : [];
}
