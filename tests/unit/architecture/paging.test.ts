import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every list follows LastEvaluatedKey: the one place that sends a Query is the table layer
 * (functions/shared/db/table.ts), whose queryPage hands the LastEvaluatedKey back as a cursor and
 * whose queryAll / queryEvery follow it to the end or say they stopped (tests/ddb/capped-lists.test.ts
 * and tests/unit/shared/paging.test.ts). No code scans the table.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const files = readdirSync(join(ROOT, 'functions'), { withFileTypes: true, recursive: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => relative(ROOT, join(e.parentPath, e.name)));

const sending = (command: string) =>
  files.filter((file) => new RegExp(`\\b${command}\\b`).test(readFileSync(join(ROOT, file), 'utf8')));

describe('paging', () => {
  it('sends every Query from the table layer, which follows LastEvaluatedKey', () => {
    expect(sending('QueryCommand')).toEqual(['functions/shared/db/table.ts']);
    const table = readFileSync(join(ROOT, 'functions/shared/db/table.ts'), 'utf8');
    expect(table).toMatch(/ExclusiveStartKey: decodeCursor\(/);
    expect(table).toMatch(/encodeCursor\(out\.LastEvaluatedKey\)/);
    expect(table).toMatch(/while \(cursor && all\.length < max\)/);
  });

  it('never scans the table', () => {
    expect(sending('ScanCommand')).toEqual([]);
  });
});
