import { brotliDecompressSync } from 'node:zlib';
import { failed, type ParseFailure, type ParseSuccess, parsed } from '../shared/parse/parse-result.ts';
import { PACKED_REGIONS } from './cn-regions.packed.ts';

/**
 * China's administrative divisions (GB/T 2260 codes, GCJ-02 centres) from `cn-regions.json`:
 * 34 provincial units, their prefecture-level cities and county-level districts.
 *
 * Quirks of the data this module absorbs:
 * - municipalities (北京市 110000) have a pseudo-city (北京城区 110100, 重庆郊县 500200) between the
 *   province and its districts; it is kept in {@link pathOf} (cascading pickers need it) but left out
 *   of {@link fullName};
 * - county-level cities directly under a province (济源市 419001, 仙桃市 429004, 石河子市 659001) and
 *   cities without districts (东莞市 441900, 儋州市 460400) are city rows whose 6-digit code is not a
 *   `xxxx00` code, and whose town-level children reuse the city's own code. Those town rows are not
 *   separate divisions: {@link getRegion} and {@link childrenOf} ignore them; {@link resolvePlace} reads
 *   their names after the city's ("东莞市长安镇" → 441900);
 * - Hong Kong and Macao districts are city rows; Taiwan has no children.
 *
 * The table ships packed (cn-regions.packed.ts: the JSON, brotli-compressed, base64), so loading
 * this module costs nothing; it is unpacked and indexed once, on first use.
 */

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  /** 6-digit GB/T 2260 code. */
  readonly adcode: string;
  readonly name: string;
  readonly level: RegionLevel;
  /** The parent's adcode; {@link COUNTRY_ADCODE} for provinces. */
  readonly parent: string;
  /** Centre, GCJ-02, decimal degrees. */
  readonly lng: number;
  readonly lat: number;
}

/** The root: the parent of every province. Not itself a valid place. */
export const COUNTRY_ADCODE = '100000';

interface RawRegion {
  adcode: string;
  name: string;
  level: string;
  parent: string;
  lng: number;
  lat: number;
}

interface PlaceName {
  readonly region: Region;
  /** The full official name (with its suffix), not a short form such as 福州 for 福州市. */
  readonly exact: boolean;
  /** A town-level name read as its county-level city (only after that city, e.g. 济源市坡头镇). */
  readonly town: boolean;
}

interface RegionIndex {
  readonly byCode: ReadonlyMap<string, Region>;
  readonly children: ReadonlyMap<string, readonly Region[]>;
  readonly names: ReadonlyMap<string, readonly PlaceName[]>;
  readonly longestName: number;
}

let index: RegionIndex | undefined;

function regionIndex(): RegionIndex {
  index ??= buildIndex(
    JSON.parse(brotliDecompressSync(Buffer.from(PACKED_REGIONS, 'base64')).toString('utf8')) as RawRegion[],
  );
  return index;
}

function isLevel(level: string): level is RegionLevel {
  return level === 'province' || level === 'city' || level === 'district';
}

function buildIndex(rows: readonly RawRegion[]): RegionIndex {
  const byCode = new Map<string, Region>();
  const towns: RawRegion[] = [];
  for (const row of rows) {
    if (!isLevel(row.level)) throw new Error(`cn-regions.json: unknown level ${row.level} for ${row.adcode}`);
    if (row.adcode === row.parent) {
      towns.push(row);
      continue;
    }
    if (byCode.has(row.adcode)) throw new Error(`cn-regions.json: duplicate adcode ${row.adcode}`);
    byCode.set(
      row.adcode,
      Object.freeze({
        adcode: row.adcode,
        name: row.name,
        level: row.level,
        parent: row.parent,
        lng: row.lng,
        lat: row.lat,
      }),
    );
  }
  const children = new Map<string, Region[]>();
  for (const region of byCode.values()) {
    const list = children.get(region.parent);
    if (list) list.push(region);
    else children.set(region.parent, [region]);
  }
  for (const list of children.values()) list.sort((a, b) => a.adcode.localeCompare(b.adcode));

  const names = new Map<string, PlaceName[]>();
  const add = (name: string, entry: PlaceName) => {
    const list = names.get(name);
    if (!list) names.set(name, [entry]);
    else if (!list.some((e) => e.region === entry.region && e.town === entry.town)) list.push(entry);
  };
  for (const region of byCode.values()) {
    add(region.name, { region, exact: true, town: false });
    if (isPseudo(region, byCode)) continue;
    for (const short of shortNames(region.name)) add(short, { region, exact: false, town: false });
  }
  for (const town of towns) {
    const city = byCode.get(town.adcode);
    if (!city) continue;
    const name = town.name.startsWith(city.name) ? town.name.slice(city.name.length) : town.name;
    if (name.length >= 2) add(name, { region: city, exact: true, town: true });
  }
  let longestName = 0;
  for (const name of names.keys()) longestName = Math.max(longestName, name.length);
  return { byCode, children, names, longestName };
}

/** 北京城区, 重庆郊县, 海西蒙古族藏族自治州直辖: grouping rows that are not places people name. */
function isPseudo(region: Region, byCode: ReadonlyMap<string, Region>): boolean {
  if (/直辖(县级行政区划)?$/.test(region.name)) return true;
  if (region.level !== 'city' || !/(城区|郊县)$/.test(region.name)) return false;
  return byCode.get(region.parent)?.name.endsWith('市') === true;
}

// ── Short names ────────────────────────────────────────────────────────────────────────────────

/** Ethnic groups as they appear in the names of autonomous areas (longest first when stripping). */
const ETHNIC_GROUPS = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
].sort((a, b) => b.length - a.length);

const AUTONOMOUS_SUFFIX = /自治(区|州|县|旗)$/;
const PLAIN_SUFFIXES = [
  '特别行政区',
  '地区',
  '林区',
  '新区',
  '矿区',
  '特区',
  '省',
  '市',
  '县',
  '区',
  '旗',
  '盟',
];

/** Strips trailing ethnic-group names (壮族, 维吾尔, 土家族苗族 …) while at least two characters remain. */
function stripEthnicGroups(name: string): string {
  let rest = name;
  for (;;) {
    const group = ETHNIC_GROUPS.find(
      (g) =>
        (rest.endsWith(`${g}族`) && rest.length - g.length - 1 >= 2) ||
        (g.length >= 2 && rest.endsWith(g) && rest.length - g.length >= 2),
    );
    if (!group) return rest;
    rest = rest.endsWith(`${group}族`) ? rest.slice(0, -group.length - 1) : rest.slice(0, -group.length);
  }
}

/** What people write for a division without its suffix: 福建, 福州, 鼓楼, 广西, 恩施, 神农架, 浦东. */
export function shortNames(name: string): string[] {
  const out = new Set<string>();
  if (AUTONOMOUS_SUFFIX.test(name)) {
    const base = name.replace(AUTONOMOUS_SUFFIX, '');
    const stripped = stripEthnicGroups(base);
    if (stripped.length >= 2) out.add(stripped);
    if (base.length >= 2) out.add(base);
  } else {
    const suffix = PLAIN_SUFFIXES.find((s) => name.endsWith(s) && name.length - s.length >= 2);
    if (suffix) out.add(name.slice(0, -suffix.length));
  }
  out.delete(name);
  return [...out];
}

// ── Look-ups ───────────────────────────────────────────────────────────────────────────────────

export function getRegion(adcode: string): Region | undefined {
  return regionIndex().byCode.get(adcode);
}

/** A 6-digit code of a division in the data (the country root 100000 is not a place). */
export function isValidAdcode(code: string): boolean {
  return typeof code === 'string' && /^\d{6}$/.test(code) && regionIndex().byCode.has(code);
}

/** Direct children, ordered by code; `'100000'` gives the provinces. Unknown codes give `[]`. */
export function childrenOf(adcode: string): readonly Region[] {
  return regionIndex().children.get(adcode) ?? [];
}

/** [province, city?, district?] from the top down; `[]` for an unknown code. */
export function pathOf(adcode: string): Region[] {
  const { byCode } = regionIndex();
  const path: Region[] = [];
  let current = byCode.get(adcode);
  while (current && path.length < 4) {
    path.unshift(current);
    current = byCode.get(current.parent);
  }
  return path;
}

/** The 2-digit province part of a code (partition key of by-region indexes). */
export function provinceCodeOf(adcode: string): string {
  return adcode.slice(0, 2);
}

export function centreOf(adcode: string): { lat: number; lng: number } | undefined {
  const region = getRegion(adcode);
  return region ? { lat: region.lat, lng: region.lng } : undefined;
}

/** True when `adcode` is `ancestor` itself or lies inside it. */
export function isWithin(adcode: string, ancestor: string): boolean {
  if (ancestor === COUNTRY_ADCODE) return isValidAdcode(adcode);
  return pathOf(adcode).some((r) => r.adcode === ancestor);
}

/**
 * The code prefix every descendant shares, for `begins_with` queries: province `35`, city `3501`,
 * district `350102`. County-level cities outside the `xxxx00` scheme (济源市 419001, 仙桃市 429004)
 * get their whole code, since their neighbours share their first four digits. The country gives ''.
 */
export function regionPrefix(adcode: string): string {
  if (adcode === COUNTRY_ADCODE) return '';
  const level =
    getRegion(adcode)?.level ??
    (adcode.endsWith('0000') ? 'province' : adcode.endsWith('00') ? 'city' : 'district');
  if (level === 'province') return adcode.slice(0, 2);
  if (level === 'city' && adcode.endsWith('00')) return adcode.slice(0, 4);
  return adcode;
}

const PROVINCE_EN: Readonly<Record<string, string>> = {
  '11': 'Beijing',
  '12': 'Tianjin',
  '13': 'Hebei',
  '14': 'Shanxi',
  '15': 'Inner Mongolia',
  '21': 'Liaoning',
  '22': 'Jilin',
  '23': 'Heilongjiang',
  '31': 'Shanghai',
  '32': 'Jiangsu',
  '33': 'Zhejiang',
  '34': 'Anhui',
  '35': 'Fujian',
  '36': 'Jiangxi',
  '37': 'Shandong',
  '41': 'Henan',
  '42': 'Hubei',
  '43': 'Hunan',
  '44': 'Guangdong',
  '45': 'Guangxi',
  '46': 'Hainan',
  '50': 'Chongqing',
  '51': 'Sichuan',
  '52': 'Guizhou',
  '53': 'Yunnan',
  '54': 'Xizang',
  '61': 'Shaanxi',
  '62': 'Gansu',
  '63': 'Qinghai',
  '64': 'Ningxia',
  '65': 'Xinjiang',
  '71': 'Taiwan',
  '81': 'Hong Kong',
  '82': 'Macao',
};

/** The province's English name (Fujian, Inner Mongolia, Hong Kong …). */
export function provinceNameEn(adcode: string): string | undefined {
  return PROVINCE_EN[provinceCodeOf(adcode)];
}

/**
 * The name as written on an address: 福建省福州市鼓楼区, 北京市东城区 (no 北京城区). English has no
 * romanised names for cities and counties in the data, so `'en'` gives them in Chinese, smallest
 * first, with the province in English: "鼓楼区, 福州市, Fujian".
 */
export function fullName(adcode: string, lang: 'zh' | 'en' = 'zh'): string | undefined {
  const { byCode } = regionIndex();
  const path = pathOf(adcode).filter((r) => !isPseudo(r, byCode));
  if (path.length === 0) return undefined;
  if (lang === 'zh') return path.map((r) => r.name).join('');
  const [province, ...rest] = path;
  return [...rest.reverse().map((r) => r.name), provinceNameEn(province!.adcode) ?? province!.name].join(
    ', ',
  );
}

// ── Free-text place names ──────────────────────────────────────────────────────────────────────

export type PlaceFailureReason = 'field.required' | 'field.place_unknown' | 'field.place_ambiguous';

export type PlaceResult =
  | (ParseSuccess<string> & { readonly region: Region })
  | (ParseFailure<PlaceFailureReason> & { readonly candidates: readonly Region[] });

const MAX_PLACE_TEXT = 200;
const MAX_CANDIDATES_NAMED = 5;

interface ParseState {
  readonly end: number;
  readonly last: Region;
  readonly lastExact: boolean;
}

function normalisePlace(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s,，、;；/\\|·•・\-—_:：]+/g, '')
    .replace(/^(中华人民共和国|中国)/, '');
}

function isStrictlyWithin(region: Region, ancestor: Region, byCode: ReadonlyMap<string, Region>): boolean {
  let current = byCode.get(region.parent);
  for (let depth = 0; current && depth < 4; depth++) {
    if (current.adcode === ancestor.adcode) return true;
    current = byCode.get(current.parent);
  }
  return false;
}

/** Every way to read `text` as a chain of ever-smaller divisions; collects where each chain stops. */
function readChains(text: string, idx: RegionIndex): ParseState[] {
  const states: ParseState[] = [];
  const walk = (pos: number, last: Region | undefined, afterTown: boolean) => {
    if (afterTown) return;
    const longest = Math.min(idx.longestName, text.length - pos);
    for (let length = longest; length >= 2; length--) {
      const entries = idx.names.get(text.slice(pos, pos + length));
      if (!entries) continue;
      for (const entry of entries) {
        let fits: boolean;
        if (last === undefined) fits = !entry.town;
        else if (entry.region.adcode === last.adcode)
          fits = entry.town || (entry.exact && isMunicipality(last));
        else fits = !entry.town && isStrictlyWithin(entry.region, last, idx.byCode);
        if (!fits) continue;
        const end = pos + length;
        states.push({ end, last: entry.region, lastExact: entry.exact });
        walk(end, entry.region, entry.town);
      }
    }
  };
  walk(0, undefined, false);
  return states;
}

function startsWithDivisionName(rest: string, idx: RegionIndex): boolean {
  for (let length = Math.min(idx.longestName, rest.length); length >= 2; length--) {
    if (idx.names.get(rest.slice(0, length))?.some((e) => e.exact && !e.town)) return true;
  }
  return false;
}

/** 北京市, 天津市, 上海市, 重庆市: written twice by forms with a province and a city field (北京市北京市东城区). */
function isMunicipality(region: Region): boolean {
  return region.level === 'province' && region.name.endsWith('市');
}

/** Drops candidates inside another candidate: 乌鲁木齐 is the city, which contains 乌鲁木齐县. */
function outermost(candidates: readonly Region[], byCode: ReadonlyMap<string, Region>): Region[] {
  return candidates.filter(
    (c) => !candidates.some((other) => other !== c && isStrictlyWithin(c, other, byCode)),
  );
}

function describeCandidates(candidates: readonly Region[]): string {
  const named = candidates.slice(0, MAX_CANDIDATES_NAMED).map((r) => fullName(r.adcode) ?? r.name);
  const more = candidates.length - named.length;
  return named.join('、') + (more > 0 ? ` …(+${more})` : '');
}

/**
 * Reads a place as clerks type it: `福建省福州市鼓楼区`, `福州市鼓楼区`, `福州鼓楼区`, `福建福州`,
 * `福州闽侯`, a bare county name when it is unique (`闽侯县`), `东莞市长安镇`, or a 6-digit code. Text
 * after a complete official name is ignored (`福州市鼓楼区五四路158号` → 350102). When the readings
 * nest, the outermost wins (`乌鲁木齐` is the city, not the county inside it; `吉林` the province).
 * A name that fits several unrelated divisions (`鼓楼区`, `朝阳`) fails as ambiguous, naming them.
 */
export function resolvePlace(input: unknown): PlaceResult {
  if (typeof input === 'number' && Number.isInteger(input)) return resolvePlace(String(input));
  if (typeof input !== 'string' || input.trim() === '') {
    return { ...failed('field.required'), candidates: [] };
  }
  const text = normalisePlace(input.slice(0, MAX_PLACE_TEXT));
  const idx = regionIndex();
  if (/^\d{6}$/.test(text)) {
    const region = idx.byCode.get(text);
    return region
      ? { ...parsed(text), region }
      : { ...failed('field.place_unknown', { text: input.trim() }), candidates: [] };
  }
  const states = readChains(text, idx);
  let finals = states.filter((s) => s.end === text.length);
  if (finals.length === 0) {
    const partial = states.filter((s) => s.lastExact);
    const furthest = Math.max(0, ...partial.map((s) => s.end));
    // An address may follow, but not another division's official name (福建省南京市 is a contradiction).
    finals = startsWithDivisionName(text.slice(furthest), idx)
      ? []
      : partial.filter((s) => s.end === furthest);
  }
  const distinct = new Map<string, Region>();
  for (const state of finals) distinct.set(state.last.adcode, state.last);
  const candidates = outermost([...distinct.values()], idx.byCode).sort((a, b) =>
    a.adcode.localeCompare(b.adcode),
  );
  if (candidates.length === 1) return { ...parsed(candidates[0]!.adcode), region: candidates[0]! };
  if (candidates.length === 0)
    return { ...failed('field.place_unknown', { text: input.trim() }), candidates };
  return {
    ...failed('field.place_ambiguous', { text: input.trim(), candidates: describeCandidates(candidates) }),
    candidates,
  };
}
