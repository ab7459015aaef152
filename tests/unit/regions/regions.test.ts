import { describe, expect, it } from 'vitest';
import data from '../../../functions/regions/cn-regions.json' with { type: 'json' };
import {
  COUNTRY_ADCODE,
  centreOf,
  childrenOf,
  fullName,
  getRegion,
  isValidAdcode,
  isWithin,
  pathOf,
  provinceCodeOf,
  type Region,
  regionPrefix,
  shortNames,
} from '../../../functions/regions/regions.ts';

/** Every division (the town rows of cities without districts reuse the city's code and are not divisions). */
const ALL: readonly Region[] = [...new Set(data.map((row) => row.adcode))].map((code) => getRegion(code)!);

function subtree(adcode: string): Set<string> {
  const out = new Set([adcode]);
  for (const child of childrenOf(adcode)) for (const code of subtree(child.adcode)) out.add(code);
  return out;
}

describe('region look-ups', () => {
  it('finds a division by code and returns nothing for an unknown code', () => {
    expect(getRegion('350102')).toMatchObject({ name: '鼓楼区', level: 'district', parent: '350100' });
    expect(getRegion('359999')).toBeUndefined();
    expect(getRegion(COUNTRY_ADCODE)).toBeUndefined();
  });

  it('keeps the city row for codes that town rows reuse (东莞, 济源)', () => {
    expect(getRegion('441900')).toMatchObject({ name: '东莞市', level: 'city', parent: '440000' });
    expect(getRegion('419001')).toMatchObject({ name: '济源市', level: 'city', parent: '410000' });
    expect(childrenOf('441900')).toEqual([]);
  });

  it('accepts exactly the 6-digit codes of known divisions', () => {
    expect(isValidAdcode('350102')).toBe(true);
    expect(isValidAdcode('810001')).toBe(true);
    expect(isValidAdcode('100000')).toBe(false);
    expect(isValidAdcode('359999')).toBe(false);
    expect(isValidAdcode('35010')).toBe(false);
    expect(isValidAdcode('3501020')).toBe(false);
    expect(isValidAdcode(350102 as unknown as string)).toBe(false);
  });

  it('lists the 34 provincial units under the country, ordered by code', () => {
    const provinces = childrenOf(COUNTRY_ADCODE);
    expect(provinces).toHaveLength(34);
    expect(provinces.every((p) => p.level === 'province')).toBe(true);
    expect(provinces.map((p) => p.adcode)).toEqual([...provinces.map((p) => p.adcode)].sort());
    expect(provinces.map((p) => p.adcode)).toEqual(
      expect.arrayContaining(['110000', '350000', '710000', '810000', '820000']),
    );
  });

  it('lists the children of a city and nothing for an unknown code', () => {
    const fuzhou = childrenOf('350100');
    expect(fuzhou.map((r) => r.name)).toEqual(expect.arrayContaining(['鼓楼区', '闽侯县', '福清市']));
    expect(fuzhou.every((r) => r.parent === '350100')).toBe(true);
    expect(childrenOf('359999')).toEqual([]);
  });

  it('gives the path from the province down, including the municipal pseudo-city', () => {
    expect(pathOf('350102').map((r) => r.adcode)).toEqual(['350000', '350100', '350102']);
    expect(pathOf('110101').map((r) => r.name)).toEqual(['北京市', '北京城区', '东城区']);
    expect(pathOf('419001').map((r) => r.adcode)).toEqual(['410000', '419001']);
    expect(pathOf('350000').map((r) => r.adcode)).toEqual(['350000']);
    expect(pathOf('359999')).toEqual([]);
  });

  it('takes the province code from the first two digits', () => {
    expect(provinceCodeOf('350102')).toBe('35');
    expect(provinceCodeOf('110000')).toBe('11');
  });

  it('gives the centre of a division', () => {
    const centre = centreOf('350102');
    expect(centre?.lat).toBeCloseTo(26.08, 1);
    expect(centre?.lng).toBeCloseTo(119.3, 1);
    expect(centreOf('359999')).toBeUndefined();
  });

  it('writes full names as on an address, leaving out municipal pseudo-cities', () => {
    expect(fullName('350102')).toBe('福建省福州市鼓楼区');
    expect(fullName('110101')).toBe('北京市东城区');
    expect(fullName('500101')).toBe('重庆市万州区');
    expect(fullName('419001')).toBe('河南省济源市');
    expect(fullName('810001')).toBe('香港特别行政区中西区');
    expect(fullName('359999')).toBeUndefined();
  });

  it('writes English full names smallest first with the province romanised', () => {
    expect(fullName('350102', 'en')).toBe('鼓楼区, 福州市, Fujian');
    expect(fullName('110101', 'en')).toBe('东城区, Beijing');
    expect(fullName('450000', 'en')).toBe('Guangxi');
  });

  it('tells whether a division lies within another', () => {
    expect(isWithin('350102', '350000')).toBe(true);
    expect(isWithin('350102', '350102')).toBe(true);
    expect(isWithin('350102', COUNTRY_ADCODE)).toBe(true);
    expect(isWithin('320106', '350000')).toBe(false);
  });

  it('derives short names by dropping suffixes and ethnic-group names', () => {
    expect(shortNames('福建省')).toEqual(['福建']);
    expect(shortNames('广西壮族自治区')).toContain('广西');
    expect(shortNames('新疆维吾尔自治区')).toContain('新疆');
    expect(shortNames('恩施土家族苗族自治州')).toContain('恩施');
    expect(shortNames('克孜勒苏柯尔克孜自治州')).toContain('克孜勒苏');
    expect(shortNames('神农架林区')).toEqual(['神农架']);
    expect(shortNames('浦东新区')).toEqual(['浦东']);
    expect(shortNames('东区')).toEqual([]);
  });
});

describe('region prefixes for begins_with queries', () => {
  it('is 2 digits for a province, 4 for a city, 6 for a district', () => {
    expect(regionPrefix('350000')).toBe('35');
    expect(regionPrefix('350100')).toBe('3501');
    expect(regionPrefix('350102')).toBe('350102');
    expect(regionPrefix('110100')).toBe('1101');
    expect(regionPrefix(COUNTRY_ADCODE)).toBe('');
  });

  it('is the whole code for county-level cities outside the xxxx00 scheme', () => {
    expect(regionPrefix('429004')).toBe('429004');
    expect(regionPrefix('419001')).toBe('419001');
    expect(regionPrefix('810001')).toBe('810001');
    expect(regionPrefix('441900')).toBe('4419');
  });

  it('matches exactly a division and its descendants, for every division in the data', () => {
    const byPrefix = new Map<string, string[]>();
    for (const region of ALL) {
      for (const length of [2, 4, 6]) {
        const key = region.adcode.slice(0, length);
        byPrefix.set(key, [...(byPrefix.get(key) ?? []), region.adcode]);
      }
    }
    const mismatches = ALL.filter((region) => {
      const matched = new Set(byPrefix.get(regionPrefix(region.adcode)) ?? []);
      const expected = subtree(region.adcode);
      return matched.size !== expected.size || [...expected].some((code) => !matched.has(code));
    });
    expect(mismatches.map((r) => r.adcode)).toEqual([]);
  });
});

describe('region data', () => {
  it('has one division per code, each with a known parent and a path of at most three levels', () => {
    expect(ALL.length).toBeGreaterThan(3000);
    const broken = ALL.filter((region) => {
      const path = pathOf(region.adcode);
      const parentKnown = region.parent === COUNTRY_ADCODE || getRegion(region.parent) !== undefined;
      return !parentKnown || path[0]?.level !== 'province' || path.length > 3 || path.at(-1) !== region;
    });
    expect(broken).toEqual([]);
  });

  it('has centres inside China’s bounding box', () => {
    const outside = ALL.filter((r) => !(r.lat > 3 && r.lat < 54 && r.lng > 73 && r.lng < 136));
    expect(outside).toEqual([]);
  });
});
