import * as z from 'zod/mini';
import { creditCodeRefusal, normaliseCreditCode } from './credit-code.ts';
import { dateRange, isDateInRange } from './date-range.ts';

/**
 * Field schemas every form and endpoint shares (zod/mini, so the web bundle stays small). Custom
 * checks report message keys (see i18n/messages.ts), which the validation wrapper turns into text.
 */

/** Text-direction overrides and isolates (the "Trojan Source" characters): never in a field. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A UTF-16 surrogate without its pair: not a character at all. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/**
 * What shows nothing: spaces and separators, format characters (zero-width spaces and joiners, marks,
 * the BOM, soft hyphens), and the blank look-alikes (Hangul fillers, the braille blank).
 */
const INVISIBLE = /(?:[\p{Z}\p{Cf}\p{Cc}\u115F\u1160\u3164\uFFA0\u2800\u17B4\u17B5\u180E]|\u034F)/gu;

/**
 * Why a text is refused, as a message key, or undefined: a lone surrogate, a line break or other
 * control character, a text-direction control, or nothing visible at all. The one rule of text
 * hygiene: the forms, the API ({@link text}) and the import (functions/imports/import-columns.ts) all
 * apply it.
 */
export function textIssue(
  value: string,
):
  | 'field.lone_surrogate'
  | 'field.control_chars'
  | 'field.bidi_control'
  | 'field.invisible_only'
  | undefined {
  if (LONE_SURROGATE.test(value)) return 'field.lone_surrogate';
  if (/\p{Cc}/u.test(value)) return 'field.control_chars';
  if (BIDI_CONTROL.test(value)) return 'field.bidi_control';
  if (value.length > 0 && value.replace(INVISIBLE, '') === '') return 'field.invisible_only';
  return undefined;
}

/** Trimmed text, 1..max characters, that passes {@link textIssue}. */
export const text = (max: number, min = 1) =>
  z.pipe(
    z.string().check(z.maxLength(max * 4)),
    z.pipe(
      // A lone surrogate is refused before normalize() could hide it.
      z.transform((value: string) => (LONE_SURROGATE.test(value) ? value : value.normalize('NFC').trim())),
      z.string().check(
        z.superRefine((value: string, ctx) => {
          const issue = textIssue(value);
          if (issue) ctx.issues.push({ code: 'custom', message: issue, input: value });
        }),
        z.minLength(min),
        z.maxLength(max),
      ),
    ),
  );

/**
 * A 6-digit division code. Here only its form is checked (the browser does not ship the 400 kB table
 * of China's divisions); the API checks the code exists (functions/regions/adcode-check.ts).
 */
export const adcode = z.string().check(
  z.regex(/^\d{6}$/, { message: 'field.adcode' }),
  z.refine((code) => code !== '100000', { message: 'field.adcode' }),
);

export const creditCode = z.pipe(
  z.string().check(z.maxLength(40)),
  z.pipe(
    z.transform((value: string) => normaliseCreditCode(value)),
    z.string().check(
      z.superRefine((code: string, ctx) => {
        const refusal = creditCodeRefusal(code);
        if (!refusal) return;
        ctx.issues.push({
          code: 'custom',
          message: refusal.key,
          input: code,
          ...('params' in refusal ? { params: refusal.params } : {}),
        });
      }),
    ),
  ),
);

/** Mainland mobile (1[3-9]…) or a landline with area code, optional +86. */
export const PHONE_PATTERN = /^(?:\+?86[- ]?)?(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(?:-\d{1,6})?)$/;
export const phone = z.string().check(z.maxLength(32), z.regex(PHONE_PATTERN, { message: 'field.phone' }));

export const email = z.pipe(
  z.string().check(z.maxLength(254)),
  z.pipe(
    z.transform((value: string) => value.trim().toLowerCase()),
    z.email({ message: 'field.email' }),
  ),
);

/**
 * The one date type: a real calendar date `YYYY-MM-DD` within the shared range (2000-01-01 to ten
 * years from today, see date-range.ts); the refusal names the range.
 */
export const isoDate = z.iso.date({ message: 'field.invalid_date' }).check(
  z.superRefine((value: string, ctx) => {
    if (isDateInRange(value)) return;
    ctx.issues.push({
      code: 'custom',
      message: 'field.date_out_of_range',
      input: value,
      params: { ...dateRange() },
    });
  }),
);

export const id = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'field.invalid_format' }));

/** A month `YYYY-MM` of this century (events by month, dashboards). */
export const yearMonth = z
  .string()
  .check(z.regex(/^20\d\d-(0[1-9]|1[0-2])$/, { message: 'field.invalid_format' }));

export const password = z.string().check(z.minLength(1), z.maxLength(200));
