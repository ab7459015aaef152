import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as data from '../../../functions/contract/divisions.data.ts';
import { isRealDivision } from '../../../functions/contract/divisions.ts';
import { packDivisions } from '../../../functions/regions/pack-divisions.ts';

const json = readFileSync(new URL('../../../functions/regions/cn-regions.json', import.meta.url), 'utf8');

describe("the browser's list of real divisions (credit codes' characters 3–8)", () => {
  it('is what the pack script writes from cn-regions.json today (regenerate it after editing the JSON)', () => {
    expect(packDivisions(json)).toEqual({
      provinces: data.PROVINCE_CODES,
      cities: data.CITY_CODES,
      counties: data.DIRECT_COUNTY_CODES,
    });
  });

  it('knows every code of the table and refuses codes that name nothing', () => {
    for (const { adcode } of JSON.parse(json) as { adcode: string }[])
      expect(isRealDivision(adcode)).toBe(true);
    for (const code of ['999999', '000000', '359900', '990000', '419099', '12345', '35010A'])
      expect(isRealDivision(code), code).toBe(false);
  });
});
