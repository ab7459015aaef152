import { failed, isBlank, type ParseResult, parsed } from './parse-result.ts';

/**
 * Mainland phone numbers as typed into a contact column, normalised to what the API's phone field
 * accepts:
 * - mobiles `1[3-9]` + 9 digits → `13905981234` (from `139 0598 1234`, `139-0598-1234`, `+86 13905981234`,
 *   `0086-139…`, `(+86)139…`);
 * - landlines with area code → `0591-12345678`, extension kept as `-123` (from `0591 12345678`,
 *   `(0591)12345678`, `059112345678`, `0591-1234-5678`, `+86 591 12345678`, `…转123`, `…ext.123`).
 *   Area codes are 010 and 02x (3 digits) or 0xxx (4 digits); local numbers 7–8 digits, not starting
 *   with 0.
 * A leading label (`电话：`, `手机`, `Tel:`) is dropped. One number per cell: `139…/0591…` is refused
 * rather than silently dropping one.
 */

export type PhoneFailureReason = 'field.required' | 'field.phone' | 'field.phone_multiple';

export type PhoneKind = 'mobile' | 'landline';

interface Phone {
  readonly number: string;
  readonly kind: PhoneKind;
}

const MOBILE = /^1[3-9]\d{9}$/;
const LOCAL = /^[1-9]\d{6,7}$/;
const SEPARATORS = /[/、,;|\s]+|或|\bor\b/i;

function landline(area: string, local: string, extension: string | undefined): Phone | undefined {
  const threeDigit = area === '010' || /^02\d$/.test(area);
  const fourDigit = /^0[3-9]\d{2}$/.test(area);
  if (!(threeDigit || fourDigit) || !LOCAL.test(local)) return undefined;
  if (extension !== undefined && !/^\d{1,6}$/.test(extension)) return undefined;
  return { number: `${area}-${local}${extension ? `-${extension}` : ''}`, kind: 'landline' };
}

/** Splits an all-digit landline (no separator after the area code) at 010/02x or 0xxx. */
function splitArea(digits: string): [string, string] {
  const areaLength = /^0(?:10|2\d)/.test(digits) ? 3 : 4;
  return [digits.slice(0, areaLength), digits.slice(areaLength)];
}

function readPhone(text: string): Phone | undefined {
  let s = text
    .normalize('NFKC')
    .trim()
    .replace(/^(?:联系电话|电话|手机|座机|tel\.?|phone|mobile)\s*:?\s*/i, '');
  let extension: string | undefined;
  const ext = /(?:转|分机|ext\.?|x|#)\s*(\d{1,6})$/i.exec(s);
  if (ext) {
    extension = ext[1];
    s = s.slice(0, ext.index).trim();
  }
  let international = false;
  const prefix = /^(?:\(\s*\+?86\s*\)|\+86|0086|86(?=[\s-]))\s*-?\s*/.exec(s);
  if (prefix) {
    international = true;
    s = s.slice(prefix[0].length);
  }
  // Area code in brackets: (0591)12345678, （0591）12345678.
  s = s.replace(/^\((0?\d{2,3})\)\s*-?/, '$1-');
  if (!/^[\d\s-]+$/.test(s)) return undefined;
  const groups = s.split(/[\s-]+/).filter((g) => g !== '');
  const digits = groups.join('');
  if (MOBILE.test(digits)) return extension === undefined ? { number: digits, kind: 'mobile' } : undefined;
  if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2))) {
    return extension === undefined ? { number: digits.slice(2), kind: 'mobile' } : undefined;
  }
  // After +86 the landline area code loses its leading 0 (+86 591 12345678).
  const withZero = international && !digits.startsWith('0') ? `0${digits}` : digits;
  if (!withZero.startsWith('0')) return undefined;
  const firstGroup = international && !groups[0]!.startsWith('0') ? `0${groups[0]}` : groups[0]!;
  if (groups.length >= 2 && /^0\d{2,3}$/.test(firstGroup)) {
    return landline(firstGroup, withZero.slice(firstGroup.length), extension);
  }
  const [area, local] = splitArea(withZero);
  return landline(area, local, extension);
}

/** Whether a normalised number (as {@link parsePhone} returns it) is a mobile or a landline. */
export function phoneKind(number: string): PhoneKind {
  return MOBILE.test(number) ? 'mobile' : 'landline';
}

/** One phone number from a cell, normalised (`13905981234`, `0591-12345678`, `0591-12345678-123`). */
export function parsePhone(cell: unknown): ParseResult<string, PhoneFailureReason> {
  if (isBlank(cell)) return failed('field.required');
  const text = typeof cell === 'number' && Number.isInteger(cell) ? String(cell) : cell;
  if (typeof text !== 'string') return failed('field.phone');
  const normalised = text.normalize('NFKC').trim();
  const parts = normalised.split(SEPARATORS).filter((p) => p.trim() !== '');
  if (parts.length > 1 && parts.every((p) => readPhone(p) !== undefined))
    return failed('field.phone_multiple');
  const phone = readPhone(normalised);
  return phone ? parsed(phone.number) : failed('field.phone');
}
