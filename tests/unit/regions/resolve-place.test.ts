import { describe, expect, it } from 'vitest';
import data from '../../../functions/regions/cn-regions.json' with { type: 'json' };
import { childrenOf, fullName, getRegion, pathOf, resolvePlace } from '../../../functions/regions/regions.ts';

const CODES = [...new Set(data.map((row) => row.adcode))];

describe('resolvePlace: what clerks type', () => {
  it.each([
    ['福建省福州市鼓楼区', '350102'],
    ['福州市鼓楼区', '350102'],
    ['福州鼓楼区', '350102'],
    ['福州市鼓楼', '350102'],
    ['福建省鼓楼区', '350102'],
    ['福建福州', '350100'],
    ['福建', '350000'],
    ['福州闽侯', '350121'],
    ['福州市闽侯县', '350121'],
    ['闽侯县', '350121'],
    ['闽侯', '350121'],
    ['350102', '350102'],
    ['３５０１０２', '350102'],
    ['福 建 省 / 福州市 / 鼓楼区', '350102'],
    ['中国福建省福州市', '350100'],
    ['北京朝阳', '110105'],
    ['北京市北京市东城区', '110101'],
    ['上海浦东新区', '310115'],
    ['浦东', '310115'],
    ['重庆万州', '500101'],
    ['广西南宁', '450100'],
    ['内蒙古呼和浩特', '150100'],
    ['新疆乌鲁木齐', '650100'],
    ['湖北仙桃', '429004'],
    ['济源', '419001'],
    ['神农架', '429021'],
    ['香港', '810000'],
    ['白沙', '469025'],
  ])('reads %s as %s', (text, adcode) => {
    const result = resolvePlace(text);
    expect(result).toMatchObject({ ok: true, value: adcode });
    if (result.ok) expect(result.region.adcode).toBe(adcode);
  });

  it('reads a numeric cell as a code', () => {
    expect(resolvePlace(350102)).toMatchObject({ ok: true, value: '350102' });
  });

  it('reads a town after its county-level city as that city (东莞市长安镇, 济源市坡头镇)', () => {
    expect(resolvePlace('东莞市长安镇')).toMatchObject({ ok: true, value: '441900' });
    expect(resolvePlace('广东省东莞市虎门镇')).toMatchObject({ ok: true, value: '441900' });
    expect(resolvePlace('济源市坡头镇')).toMatchObject({ ok: true, value: '419001' });
  });

  it('ignores an address after a complete official name', () => {
    expect(resolvePlace('福州市鼓楼区五四路158号')).toMatchObject({ ok: true, value: '350102' });
  });

  it('takes the outermost of nested readings (the city 乌鲁木齐, not the county inside it)', () => {
    expect(resolvePlace('乌鲁木齐')).toMatchObject({ ok: true, value: '650100' });
    expect(resolvePlace('恩施')).toMatchObject({ ok: true, value: '422800' });
    expect(resolvePlace('吉林')).toMatchObject({ ok: true, value: '220000' });
    expect(resolvePlace('吉林吉林')).toMatchObject({ ok: true, value: '220200' });
  });

  it('fails as ambiguous for a name several divisions share, naming the candidates', () => {
    const result = resolvePlace('鼓楼区');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe('field.place_ambiguous');
    expect(result.candidates.map((r) => r.adcode).sort()).toEqual(['320106', '320302', '350102', '410204']);
    expect(result.params?.candidates).toContain('福建省福州市鼓楼区');
    expect(result.params?.text).toBe('鼓楼区');
  });

  it('fails as ambiguous for 朝阳 (a city and two districts)', () => {
    const result = resolvePlace('朝阳');
    expect(result).toMatchObject({ ok: false, reason: 'field.place_ambiguous' });
    if (!result.ok) expect(result.candidates.map((r) => r.name)).toEqual(['朝阳区', '朝阳市', '朝阳区']);
  });

  it.each([['xyz'], ['福州路88号'], ['长安镇'], ['359999'], ['福建省南京市']])(
    'fails as unknown for %s',
    (text) => {
      expect(resolvePlace(text)).toMatchObject({ ok: false, reason: 'field.place_unknown', candidates: [] });
    },
  );

  it.each([[''], ['   '], [null], [undefined], [{}]])('fails as required for the empty cell %j', (cell) => {
    expect(resolvePlace(cell)).toMatchObject({ ok: false, reason: 'field.required' });
  });
});

describe('resolvePlace over the whole data set', () => {
  it('reads every code as itself', () => {
    const wrong = CODES.filter((code) => {
      const result = resolvePlace(code);
      return !result.ok || result.value !== code;
    });
    expect(wrong).toEqual([]);
  });

  it('reads every full name back to its division, unless the name is its parent’s (pseudo rows)', () => {
    const wrong = CODES.filter((code) => {
      const name = fullName(code)!;
      const region = getRegion(code)!;
      if (name === fullName(region.parent)) return false;
      const result = resolvePlace(name);
      return !result.ok || result.value !== code;
    });
    expect(wrong).toEqual([]);
  });

  it('reads every district as "city + district" when the district name is unique in its city', () => {
    const wrong: string[] = [];
    for (const code of CODES) {
      const [, city, district] = pathOf(code);
      if (!city || !district || /城区|郊县|直辖/.test(city.name)) continue;
      const twins = childrenOf(city.adcode).filter((r) => r.name === district.name);
      if (twins.length > 1) continue;
      const result = resolvePlace(city.name + district.name);
      if (!result.ok || result.value !== code) wrong.push(`${city.name}${district.name}`);
    }
    expect(wrong).toEqual([]);
  });
});
