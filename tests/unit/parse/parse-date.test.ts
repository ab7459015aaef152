import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysInMonth,
  fromExcelSerial,
  isLeapYear,
  parseDate,
} from '../../../functions/shared/parse/parse-date.ts';

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Calendar dates from 1900-03-01 (after Excel's phantom leap day) to 9999-12-31. */
const calendarDate = fc
  .integer({ min: Date.UTC(1900, 2, 1) / MS_PER_DAY, max: Date.UTC(9999, 11, 31) / MS_PER_DAY })
  .map((day) => new Date(day * MS_PER_DAY));

const iso = (date: Date) => date.toISOString().slice(0, 10);
const isYearAsSerial = (date: Date) => {
  const serial = (date.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  return serial >= 1000 && serial <= 2999;
};

describe('parseDate: what clerks type', () => {
  it.each([
    ['2020-03-15', '2020-03-15'],
    ['2020/3/15', '2020-03-15'],
    ['2020.3.15', '2020-03-15'],
    ['2020年3月15日', '2020-03-15'],
    ['2020年3月15号', '2020-03-15'],
    ['2020 年 3 月 15 日', '2020-03-15'],
    ['20200315', '2020-03-15'],
    ['２０２０－０３－１５', '2020-03-15'],
    ['2020-03-15 08:30', '2020-03-15'],
    ['2020-03-15T08:30:00+08:00', '2020-03-15'],
    ['2020/3/15 23:59:59', '2020-03-15'],
    ['2020-02-29', '2020-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['43905', '2020-03-15'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it('reads Excel serial numbers and 8-digit numbers', () => {
    expect(parseDate(43905)).toEqual({ ok: true, value: '2020-03-15' });
    expect(parseDate(43905.75)).toEqual({ ok: true, value: '2020-03-15' });
    expect(parseDate(20200315)).toEqual({ ok: true, value: '2020-03-15' });
    expect(parseDate(1)).toEqual({ ok: true, value: '1900-01-01' });
    expect(parseDate(59)).toEqual({ ok: true, value: '1900-02-28' });
    expect(parseDate(61)).toEqual({ ok: true, value: '1900-03-01' });
  });

  it('reads Date objects in UTC, as exceljs delivers date cells', () => {
    expect(parseDate(new Date(Date.UTC(2020, 2, 15)))).toEqual({ ok: true, value: '2020-03-15' });
    expect(parseDate(new Date(Date.UTC(2020, 2, 15, 23, 59)))).toEqual({ ok: true, value: '2020-03-15' });
  });

  it.each([
    ['2020-02-30', 'field.date_nonexistent'],
    ['2019-02-29', 'field.date_nonexistent'],
    ['1900-02-29', 'field.date_nonexistent'],
    ['2020-13-01', 'field.date_nonexistent'],
    ['2020-04-31', 'field.date_nonexistent'],
    ['2020-00-10', 'field.date_nonexistent'],
    ['20200230', 'field.date_nonexistent'],
    [60, 'field.date_nonexistent'],
    ['15/3/2020', 'field.invalid_date'],
    ['3/15/2020', 'field.invalid_date'],
    ['2020-3/15', 'field.invalid_date'],
    ['2020年3月', 'field.invalid_date'],
    ['明天', 'field.invalid_date'],
    [0, 'field.invalid_date'],
    [-5, 'field.invalid_date'],
    [Number.NaN, 'field.invalid_date'],
    [new Date(Number.NaN), 'field.invalid_date'],
    [true, 'field.invalid_date'],
    ['', 'field.required'],
    [null, 'field.required'],
  ])('rejects %j with %s', (cell, reason) => {
    expect(parseDate(cell)).toMatchObject({ ok: false, reason });
  });

  it('applies the bounds it is given, naming them', () => {
    const bounds = { min: '2000-01-01', max: '2100-12-31' };
    expect(parseDate('1999-12-31', bounds)).toEqual({
      ok: false,
      reason: 'field.date_out_of_range',
      params: bounds,
    });
    expect(parseDate(5, { min: '2000-01-01' })).toEqual({
      ok: false,
      reason: 'field.date_out_of_range',
      params: { min: '2000-01-01', max: '9999-12-31' },
    });
    expect(parseDate('2000-01-01', bounds)).toEqual({ ok: true, value: '2000-01-01' });
  });
});

describe('calendar helpers', () => {
  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([false, true, true, false, false]);
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2021, 13)).toBe(0);
  });
});

describe('parseDate properties', () => {
  it('reads every date back from each written form', () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const forms = [
          iso(date),
          `${y}/${m}/${d}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          iso(date).replaceAll('-', ''),
          // A date cell between 1902-09-26 and 1908-03-17 is a year typed into it (serials 1000–2999): see below.
          ...(isYearAsSerial(date) ? [] : [date]),
        ];
        return forms.every((form) => {
          const result = parseDate(form);
          return result.ok && result.value === iso(date);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a date cell whose serial is a year typed into it, naming the year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 2999 }), (year) => {
        const cell = new Date(EXCEL_EPOCH + year * MS_PER_DAY);
        const result = parseDate(cell);
        return !result.ok && result.reason === 'field.date_year_only' && result.params?.year === year;
      }),
      { numRuns: 200 },
    );
  });

  it('reads every Excel serial as the day Excel shows', () => {
    fc.assert(
      fc.property(calendarDate, fc.double({ min: 0, max: 0.999, noNaN: true }), (date, time) => {
        const serial = (date.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
        const result = fromExcelSerial(serial + time);
        return result.ok && result.value === iso(date);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses every day past the end of its month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (y, m, extra) => {
          const day = daysInMonth(y, m) + extra;
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          return !parseDate(text).ok;
        },
      ),
    );
  });
});
