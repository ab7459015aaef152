import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../../functions/api/deps.ts';

/**
 * The whole test table, item by item, to prove a request changed nothing. A Scan is fine here, in
 * tests, on a small fresh table; the application itself never scans. Items the system legitimately
 * writes while refusing a request are left out: sign-in rate counters (`RATE#…`).
 */
export type TableDump = ReadonlyMap<string, string>;

const IGNORED_PREFIXES = ['RATE#'];

/** JSON with object keys sorted at every level, so equal items give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export async function dumpTable(deps: Deps): Promise<TableDump> {
  const items = new Map<string, string>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await deps.table.client.send(
      new ScanCommand({ TableName: deps.table.name, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      const pk = item.pk?.S ?? '';
      if (IGNORED_PREFIXES.some((prefix) => pk.startsWith(prefix))) continue;
      items.set(`${pk} | ${item.sk?.S ?? ''}`, canonical(item));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** What differs between two dumps: `+ key` added, `- key` removed, `~ key` changed. */
export function diffDumps(before: TableDump, after: TableDump): string[] {
  const changes: string[] = [];
  for (const [key, value] of after) {
    if (!before.has(key)) changes.push(`+ ${key}`);
    else if (before.get(key) !== value) changes.push(`~ ${key}`);
  }
  for (const key of before.keys()) if (!after.has(key)) changes.push(`- ${key}`);
  return changes;
}
