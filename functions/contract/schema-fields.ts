import * as z from 'zod/mini';
import { isValidCreditCode, normaliseCreditCode } from './credit-code.ts';
import { dateRange, isDateInRange } from './date-range.ts';

/**
 * Field schemas every form and endpoint shares (zod/mini, so the web bundle stays small). Custom
 * checks report message keys (see i18n/messages.ts), which the validation wrapper turns into text.
 */

/** Trimmed text with no control characters, 1..max characters. */
export const text = (max: number, min = 1) =>
  z.pipe(
    z.string().check(z.maxLength(max * 4)),
    z.pipe(
      z.transform((value: string) => value.normalize('NFC').trim()),
      z.string().check(
        z.minLength(min),
        z.maxLength(max),
        z.refine((value) => !/\p{Cc}/u.test(value), { message: 'field.invalid_format' }),
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
    z.string().check(z.refine(isValidCreditCode, { message: 'field.credit_code' })),
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

export const password = z.string().check(z.minLength(1), z.maxLength(200));
