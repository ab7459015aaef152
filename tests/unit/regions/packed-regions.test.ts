import { readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PACKED_REGIONS } from '../../../functions/regions/cn-regions.packed.ts';
import { packRegions } from '../../../functions/regions/pack-regions.ts';

const json = readFileSync(new URL('../../../functions/regions/cn-regions.json', import.meta.url), 'utf8');

describe('the packed region table', () => {
  it('unpacks to exactly cn-regions.json', () => {
    const unpacked = JSON.parse(brotliDecompressSync(Buffer.from(PACKED_REGIONS, 'base64')).toString('utf8'));

    expect(unpacked).toEqual(JSON.parse(json));
  });

  it('is what the pack script writes today (regenerate it after editing the JSON)', () => {
    expect(packRegions(json)).toBe(PACKED_REGIONS);
  });
});
