import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeIssue,
  isValidCreditCode,
  makeCreditCode,
  normaliseCreditCode,
  orgCodeCheckChar,
} from '../../../functions/orgs/credit-code.ts';

/**
 * Real, published codes: the worked example of GB 32100-2015 (91350100M000100Y43) and codes printed on
 * the business licences of large companies. Each passes both check characters, which a made-up code
 * does with probability 1/341.
 */
const REAL_CODES = [
  '91350100M000100Y43',
  '914403001922038216',
  '9144030071526726XG',
  '91330100799655058B',
  '91110000710926094P',
  '91110108551385082Q',
  '91110000710925243K',
  '91110000100010433L',
];

/** The codes the API tests and the demo data use. */
const PROJECT_CODES = [
  '913504001581427114',
  '91350100660123452U',
  '11350000003588110J',
  '911100007178990333',
];

const charsetChar = fc.constantFrom(...CREDIT_CODE_CHARSET);
const validCode = fc.integer({ min: 0, max: 2 ** 31 - 1 }).map((seed) => makeCreditCode(seed));

describe('unified social credit code validation', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(PROJECT_CODES)('accepts the project fixture code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('computes the check characters of the GB 32100 worked example', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100M000100I43', 'charset'],
    ['91350100M000100O43', 'charset'],
    ['91350100M000100S43', 'charset'],
    ['91350100M000100V43', 'charset'],
    ['91350100M000100Z43', 'charset'],
    ['91350100m000100y43', 'charset'],
    ['01350100M000100Y43', 'authority'],
    ['94350100M000100Y43', 'category'],
    ['9135A100M000100Y43', 'region'],
    ['91350100M000100Y53', 'org_check'],
    ['91350100M000100Y44', 'check'],
  ])('rejects %s for %s', (code, issue) => {
    expect(creditCodeIssue(code)).toBe(issue);
    expect(isValidCreditCode(code)).toBe(false);
  });

  it('rejects a value that is not a string', () => {
    expect(isValidCreditCode(91350100 as unknown as string)).toBe(false);
  });

  it('accepts any 18-character code with both check characters right, for every authority and category', () => {
    expect(
      isValidCreditCode(makeCreditCode({ authority: '1', category: '1', region: '350000', seed: 3 })),
    ).toBe(true);
    expect(isValidCreditCode(makeCreditCode({ authority: '5', category: '3', seed: 4 }))).toBe(true);
    expect(isValidCreditCode(makeCreditCode({ authority: 'Y', category: '1', seed: 5 }))).toBe(true);
    expect(
      isValidCreditCode(makeCreditCode({ authority: '9', category: '2', region: '110105', seed: 6 })),
    ).toBe(true);
  });
});

describe('normaliseCreditCode', () => {
  it('trims, removes inner spaces, folds full-width characters and upper-cases', () => {
    expect(normaliseCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('9135 0100 M000 100Y 43')).toBe('91350100M000100Y43');
    expect(normaliseCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });

  it('makes a lower-case valid code valid', () => {
    fc.assert(
      fc.property(validCode, (code) => isValidCreditCode(normaliseCreditCode(` ${code.toLowerCase()}\t`))),
    );
  });
});

describe('makeCreditCode', () => {
  it('builds valid codes, the same for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const code = makeCreditCode(seed);
        return isValidCreditCode(code) && makeCreditCode({ seed }) === code;
      }),
    );
  });

  it('honours the authority, category, region and organisation code it is given', () => {
    const code = makeCreditCode({ authority: '5', category: '1', region: '350102', orgCode: 'M000100Y' });
    expect(code.slice(0, 17)).toBe('51350102M000100Y4');
    expect(isValidCreditCode(code)).toBe(true);
  });

  it('refuses parameters that cannot make a valid code', () => {
    expect(() => makeCreditCode({ authority: '9', category: '4' })).toThrow(RangeError);
    expect(() => makeCreditCode({ region: '35010A' })).toThrow(RangeError);
    expect(() => makeCreditCode({ orgCode: 'M000100' })).toThrow(RangeError);
    expect(() => makeCreditCode({ orgCode: 'M000100I' })).toThrow(RangeError);
  });
});

describe('check character properties', () => {
  it('detects any single-character change', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), charsetChar, (code, position, replacement) => {
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        return !isValidCreditCode(changed);
      }),
      { numRuns: 2000 },
    );
  });

  it('detects a swap of two different adjacent characters among the first 17', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 15 }), (code, position) => {
        fc.pre(code[position] !== code[position + 1]);
        const swapped =
          code.slice(0, position) + code[position + 1] + code[position] + code.slice(position + 2);
        return !isValidCreditCode(swapped);
      }),
      { numRuns: 1000 },
    );
  });

  it('only ever yields check characters from the charset', () => {
    fc.assert(
      fc.property(fc.array(charsetChar, { minLength: 17, maxLength: 17 }), (chars) =>
        CREDIT_CODE_CHARSET.includes(creditCodeCheckChar(chars.join(''))),
      ),
    );
    fc.assert(
      fc.property(fc.array(charsetChar, { minLength: 8, maxLength: 8 }), (chars) =>
        /^[0-9X]$/.test(orgCodeCheckChar(chars.join(''))),
      ),
    );
  });
});
