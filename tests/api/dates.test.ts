import { beforeAll, describe, expect, it } from 'vitest';
import { date as dateCell } from '../../functions/imports/cell-parsers.ts';
import { dateRange, isDateInRange, latestDate } from '../../functions/shared/date-range.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import {
  demandBody,
  inDays,
  labourOfferBody,
  labourRequestBody,
  supplyBody,
} from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type ErrorBody = {
  id?: string;
  error?: { code: string; fields?: { field: string; code: string; messages: { zh: string; en: string } }[] };
};

/**
 * One date type everywhere: a real calendar date from 2000-01-01 to ten years from today, refused
 * the same way by the API (create and change, every kind), the web forms (same schema) and the
 * spreadsheet import's parser.
 */
describe('dates', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let firm: Awaited<ReturnType<typeof makeOrg>>;
  const tooFar = inDays(366 * 10 + 5);
  const outOfRange = ['0099-01-01', '0001-01-01', '1999-12-31', tooFar];

  beforeAll(async () => {
    ctx = await freshTable();
    firm = await makeOrg(ctx.deps, { kinds: ['manufacturer', 'builder'] });
  });

  const kinds: [string, (o: Record<string, unknown>) => Record<string, unknown>, string, string][] = [
    ['supply', supplyBody, 'availableFrom', 'availableUntil'],
    ['demand', demandBody, 'deliverFrom', 'neededBy'],
    ['labour_offer', labourOfferBody, 'from', 'until'],
    ['labour_request', labourRequestBody, 'from', 'until'],
  ];

  for (const [kind, body, startField, endField] of kinds) {
    for (const value of outOfRange) {
      it(`refuses a ${kind} with ${endField} ${value}, naming the field and the range in zh and en`, async () => {
        // Arrange
        const api = apiClient(ctx.app, { token: firm.token });
        const fields = value < '2000' ? { [startField]: value, [endField]: value } : { [endField]: value };

        // Act
        const res = await api.post<ErrorBody>('/api/listings', body(fields));

        // Assert
        expect(res.status).toBe(400);
        const issue = res.body.error!.fields!.find((f) => f.field === endField);
        expect(issue).toMatchObject({ code: 'date_out_of_range' });
        expect(issue!.messages.zh).toContain('2000-01-01');
        expect(issue!.messages.en).toContain(latestDate());
      });
    }
  }

  it('refuses a change of a listing to a year-0099 date and keeps the listing as it was', async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: firm.token });
    const created = await api.post<ErrorBody>('/api/listings', supplyBody());
    const before = await api.get<Record<string, unknown>>(`/api/listings/${created.body.id}`);

    // Act
    const res = await api.patch<ErrorBody>(`/api/listings/${created.body.id}`, {
      availableFrom: '0099-01-01',
    });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error!.fields!.map((f) => [f.field, f.code])).toEqual([
      ['availableFrom', 'date_out_of_range'],
    ]);
    const after = await api.get<Record<string, unknown>>(`/api/listings/${created.body.id}`);
    expect(after.body.availableFrom).toBe(before.body.availableFrom);
  });

  it('accepts the first and the last day of the range', async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: firm.token });
    const { max } = dateRange();

    // Act
    const res = await api.post(
      '/api/listings',
      supplyBody({ availableFrom: inDays(0), availableUntil: max }),
    );

    // Assert
    expect(res.status).toBe(201);
    expect(isDateInRange('2000-01-01')).toBe(true);
  });

  it('the import refuses the same dates in a cell, written any way a clerk writes them', () => {
    // Arrange
    const cells: unknown[] = [
      '0099-01-01',
      '1999年12月31日',
      '19991231',
      tooFar,
      new Date(Date.UTC(99, 0, 1)),
    ];

    // Act
    const results = cells.map((cell) => dateCell(cell as string));

    // Assert
    expect(results.map((r) => (r.ok ? 'ok' : r.key))).toEqual(cells.map(() => 'field.date_out_of_range'));
    expect(dateCell('2026-03-15' as never)).toEqual({ ok: true, value: '2026-03-15' });
  });

  it('ten years ahead of 29 February is 28 February', () => {
    expect(latestDate(new Date(Date.UTC(2028, 1, 29)))).toBe('2038-02-28');
    expect(latestDate(new Date(Date.UTC(2026, 11, 3)))).toBe('2036-12-03');
  });
});
