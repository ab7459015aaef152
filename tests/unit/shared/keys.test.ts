import { describe, expect, it } from 'vitest';
import { keys } from '../../../functions/shared/db/keys.ts';

/**
 * The access patterns of keys.ts, read as shapes: every builder called with placeholders (a proxy
 * for builders taking an entity), each placeholder then written `*`. A shape is what a pattern
 * writes whatever the ids, so two patterns that could write the same key, or a partition helper
 * that drifted from the builder writing that partition, show up here.
 */
const MARK = '\u0001';
const shape = (value: string): string => value.replace(new RegExp(`${MARK}[\\w]*`, 'g'), '*');

/** Any property of the entity is a placeholder; `open` (a flag) is true. */
const entity = new Proxy({}, { get: (_t, p) => (p === 'open' ? true : `${MARK}${String(p)}`) });

type Built = Record<string, unknown> | string;
const built: { name: string; value: Built }[] = [];
/** Builders that take an entity (their fields, not positional ids). */
const byEntity = new Set<string>();
for (const [name, build] of Object.entries(keys) as [string, (...args: unknown[]) => Built][]) {
  const args = Array.from({ length: build.length }, (_, i) => `${MARK}a${i}`);
  // a builder that takes an entity reads its fields from the proxy
  const value = (() => {
    try {
      const result = build(...args);
      // a builder that takes an entity reads fields of a string as undefined: give it the entity
      if (!JSON.stringify(result).includes('undefined')) return result;
    } catch {}
    byEntity.add(name);
    return build(entity);
  })();
  built.push({ name, value: typeof value === 'string' ? value : (value as Record<string, unknown>) });
}

const itemKeys = built.filter(
  (b): b is { name: string; value: { pk: string; sk: string } } =>
    typeof b.value === 'object' && typeof b.value.pk === 'string' && typeof b.value.sk === 'string',
);
const INDEXES = ['gsi1pk', 'gsi2pk', 'gsi3pk'] as const;

describe('keys: one definition per access pattern', () => {
  it('builds every pattern from its arguments (none reads a field that is not there)', () => {
    expect(built.length).toBeGreaterThan(50);
    for (const { name, value } of built) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      expect(text, name).not.toContain('undefined');
    }
  });

  it('gives no two item patterns the same key shape (pk and sk)', () => {
    const seen = new Map<string, string>();
    for (const { name, value } of itemKeys) {
      const key = `${shape(value.pk)} | ${shape(value.sk)}`;
      expect(seen.get(key), `${name} and ${seen.get(key)} write ${key}`).toBeUndefined();
      seen.set(key, name);
    }
  });

  it('round-trips every item key: the ids a key is built from are read back from it', () => {
    for (const { name, value } of itemKeys) {
      if (byEntity.has(name)) continue;
      const text = `${value.pk}\u0000${value.sk}`;
      const build = keys[name as keyof typeof keys] as (...args: unknown[]) => unknown;
      for (let i = 0; i < build.length; i++) {
        // every argument is in the key (numbers zero-padded so that they sort)
        expect(text.includes(`${MARK}a${i}`), `${name} argument ${i}: ${shape(text)}`).toBe(true);
      }
    }
  });

  it('has each partition helper write the partition a builder writes (no drifted copy)', () => {
    const partitions = new Set<string>();
    for (const { value } of built) {
      if (typeof value !== 'object') continue;
      if (typeof value.pk === 'string') partitions.add(shape(value.pk));
      for (const index of INDEXES)
        if (typeof value[index] === 'string') partitions.add(shape(value[index] as string));
    }
    const helpers = built.filter((b) => b.name.endsWith('Partition'));
    expect(helpers.length).toBeGreaterThan(20);
    for (const { name, value } of helpers) {
      expect(typeof value, name).toBe('string');
      expect(partitions.has(shape(value as string)), `${name} → ${shape(value as string)}`).toBe(true);
    }
  });

  it('gives no partition prefix that is the start of another (a begins_with never reaches a neighbour)', () => {
    const literal = (text: string) => shape(text).split('*')[0]!;
    const prefixes = [
      ...new Set(
        itemKeys
          .map(({ value }) => literal(value.pk))
          .filter((p) => p.endsWith('#'))
          .map((p) => p.split('#')[0]! + '#'),
      ),
    ];
    for (const a of prefixes)
      for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${a} starts ${b}`).toBe(false);
    const skPrefixes = built.filter((b) => b.name.endsWith('Prefix') && typeof b.value === 'string');
    const sk = skPrefixes.map((b) => literal(b.value as string)).filter((p) => p !== '');
    for (const a of sk)
      for (const b of sk) if (a !== b) expect(b.startsWith(a), `${a} starts ${b}`).toBe(false);
  });
});
