/**
 * 统一社会信用代码 — the 18-character unified social credit code of GB 32100-2015:
 *
 *   position  1      registration authority (登记管理部门代码): 1 机构编制, 5 民政, 9 市场监管(工商), Y 其他 …
 *   position  2      organisation category within that authority (机构类别代码): 9-1 企业, 9-2 个体工商户 …
 *   positions 3–8    administrative division of the registering office (GB/T 2260, 6 digits)
 *   positions 9–17   the organisation code (主体标识码, GB 11714): 8 characters and its own check character
 *   position  18     the check character over positions 1–17
 *
 * Characters come from the 31-symbol set 0-9 A-H J-N P-R T U W-Y (no I, O, Z, S, V). The final check
 * character is C18 = 31 − (Σ Ci·Wi mod 31) with Wi = 3^(i−1) mod 31 (31 ↦ 0); the organisation code's
 * check character is C9 = 11 − (Σ Ci·Wi mod 11) with W = 3 7 9 10 5 8 4 2 (10 ↦ X, 11 ↦ 0).
 *
 * {@link isValidCreditCode} expects the code already normalised by {@link normaliseCreditCode}.
 */

import { isRealDivision } from './divisions.ts';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CHAR_VALUE: ReadonlyMap<string, number> = new Map([...CREDIT_CODE_CHARSET].map((c, i) => [c, i]));

/** Wi = 3^(i−1) mod 31, i = 1..17. */
const CREDIT_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * Registration authorities and the organisation categories each may issue (GB 32100-2015 附录 A and
 * the registration departments' published code tables).
 */
export const REGISTRATION_AUTHORITIES: Readonly<
  Record<
    string,
    { readonly zh: string; readonly en: string; readonly categories: Readonly<Record<string, string>> }
  >
> = {
  '1': {
    zh: '机构编制',
    en: 'Institutional establishment',
    categories: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  },
  '2': { zh: '外交', en: 'Foreign affairs', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    zh: '司法行政',
    en: 'Justice administration',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { zh: '文化', en: 'Culture', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': {
    zh: '民政',
    en: 'Civil affairs',
    categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  },
  '6': {
    zh: '旅游',
    en: 'Tourism',
    categories: {
      '1': '外国旅游部门常驻代表机构',
      '2': '港澳台地区旅游部门常驻内地（大陆）代表机构',
      '9': '其他',
    },
  },
  '7': {
    zh: '宗教',
    en: 'Religious affairs',
    categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' },
  },
  '8': { zh: '工会', en: 'Trade unions', categories: { '1': '基层工会', '9': '其他' } },
  '9': {
    zh: '市场监管（工商）',
    en: 'Market regulation (industry and commerce)',
    categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' },
  },
  A: {
    zh: '中央军委改革和编制办公室',
    en: 'CMC reform and establishment office',
    categories: { '1': '军队事业单位', '9': '其他' },
  },
  N: {
    zh: '农业',
    en: 'Agriculture',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { zh: '其他', en: 'Other', categories: { '1': '其他' } },
};

export type CreditCodeIssue =
  | 'length'
  | 'charset'
  | 'authority'
  | 'category'
  | 'region'
  | 'org_check'
  | 'check';

/** Trims, folds full-width characters (ＡＢ１２ → AB12), removes inner spaces and upper-cases. */
export function normaliseCreditCode(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** The GB 11714 check character of an 8-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  if (body.length !== 8) throw new RangeError('an organisation code body has 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = alphanumericValue(body[i]!);
    if (value === undefined) throw new RangeError(`invalid organisation code character ${body[i]}`);
    sum += value * ORG_CODE_WEIGHTS[i]!;
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** 0-9 → 0-9, A-Z → 10-35 (GB 11714 values). */
function alphanumericValue(char: string): number | undefined {
  if (/^[0-9]$/.test(char)) return Number(char);
  if (/^[A-Z]$/.test(char)) return char.charCodeAt(0) - 55;
  return undefined;
}

/** The GB 32100 check character (position 18) for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('the check character is computed over 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHAR_VALUE.get(first17[i]!);
    if (value === undefined) throw new RangeError(`invalid credit code character ${first17[i]}`);
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** Why a (normalised) code is invalid, or undefined when it is valid. Checks in reading order. */
export function creditCodeIssue(code: string): CreditCodeIssue | undefined {
  if (typeof code !== 'string' || code.length !== 18) return 'length';
  for (const char of code) if (!CHAR_VALUE.has(char)) return 'charset';
  const authority = REGISTRATION_AUTHORITIES[code[0]!];
  if (!authority) return 'authority';
  if (!(code[1]! in authority.categories)) return 'category';
  if (!isRealDivision(code.slice(2, 8))) return 'region';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org_check';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check';
  return undefined;
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeIssue(code) === undefined;
}

/**
 * Why a (normalised) code is refused, as a field issue: a division part that names no real division
 * says so and names it (`field.credit_code_division`); anything else is `field.credit_code`. The
 * form, the API and the import all word it through this.
 */
export function creditCodeRefusal(
  code: string,
):
  | { key: 'field.credit_code' }
  | { key: 'field.credit_code_division'; params: { division: string } }
  | undefined {
  const issue = creditCodeIssue(code);
  if (issue === undefined) return undefined;
  return issue === 'region' && /^\d{6}$/.test(code.slice(2, 8))
    ? { key: 'field.credit_code_division', params: { division: code.slice(2, 8) } }
    : { key: 'field.credit_code' };
}

export interface MakeCreditCodeOptions {
  /** Drives the organisation code body when `orgCode` is not given; same seed, same code. */
  seed?: number;
  /** Registration authority, default '9' (market regulation). */
  authority?: string;
  /** Organisation category, default '1' (enterprise). */
  category?: string;
  /** 6-digit administrative division of the registering office, default '350100' (福州市). */
  region?: string;
  /** The 8-character organisation code body; its check character is computed. */
  orgCode?: string;
}

/** Small deterministic PRNG (mulberry32) so demo data and tests get stable codes. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Builds a valid code (both check characters computed), for demo data and tests. */
export function makeCreditCode(options: MakeCreditCodeOptions | number = {}): string {
  const opts = typeof options === 'number' ? { seed: options } : options;
  const authority = opts.authority ?? '9';
  const category = opts.category ?? '1';
  const region = opts.region ?? '350100';
  if (!REGISTRATION_AUTHORITIES[authority]?.categories[category]) {
    throw new RangeError(`no organisation category ${category} under authority ${authority}`);
  }
  if (!/^\d{6}$/.test(region)) throw new RangeError('the region is a 6-digit code');
  let body = opts.orgCode;
  if (body === undefined) {
    const random = mulberry32(opts.seed ?? 1);
    body = '';
    for (let i = 0; i < 8; i++)
      body += CREDIT_CODE_CHARSET[Math.floor(random() * CREDIT_CODE_CHARSET.length)];
  }
  if (body.length !== 8 || [...body].some((c) => !CHAR_VALUE.has(c))) {
    throw new RangeError('the organisation code body is 8 characters of the credit code charset');
  }
  const first17 = `${authority}${category}${region}${body}${orgCodeCheckChar(body)}`;
  return first17 + creditCodeCheckChar(first17);
}
