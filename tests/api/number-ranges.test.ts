import { beforeAll, describe, expect, it } from 'vitest';
import { dumpTable } from '../security/table-dump.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, labourOfferBody, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type ErrorBody = {
  id?: string;
  error?: { code: string; fields?: { field: string; code: string; messages: { zh: string; en: string } }[] };
};

/**
 * Quantities and prices have a range and a precision, checked at the edge: numbers DynamoDB would
 * refuse (5e-324, 1e-300) are a 400 naming the field, never a 500; money is to the fen; a quantity
 * is a whole number of its spec's smallest step.
 */
describe('number ranges and precision', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let firm: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    firm = await makeOrg(ctx.deps, { kinds: ['manufacturer', 'builder'] });
  });

  const cases: [string, Record<string, unknown>, string, string][] = [
    ['supply', supplyBody({ quantity: 5e-324 }), 'quantity', 'decimal_places'],
    ['supply', supplyBody({ quantity: 1e-300 }), 'quantity', 'decimal_places'],
    ['supply', supplyBody({ quantity: 1e300 }), 'quantity', 'too_big'],
    ['supply', supplyBody({ unitPrice: 5e-324 }), 'unitPrice', 'decimal_places'],
    ['supply', supplyBody({ unitPrice: 3950.125 }), 'unitPrice', 'decimal_places'],
    ['supply', supplyBody({ minOrder: 1e-300 }), 'minOrder', 'decimal_places'],
    ['supply', supplyBody({ stockOnHand: 5e-324 }), 'stockOnHand', 'decimal_places'],
    ['supply', supplyBody({ dailyCapacity: 0.0001 }), 'dailyCapacity', 'decimal_places'],
    ['demand', demandBody({ quantity: 1e-300 }), 'quantity', 'decimal_places'],
    ['demand', demandBody({ ceilingPrice: 1e-300 }), 'ceilingPrice', 'decimal_places'],
    ['labour_offer', labourOfferBody({ dailyWage: 5e-324 }), 'dailyWage', 'decimal_places'],
    ['supply', supplyBody({ quantity: 1234.5 }), 'quantity', 'quantity_step'],
    ['supply', supplyBody({ quantity: 1000, minOrder: 10.5 }), 'minOrder', 'quantity_step'],
    ['demand', demandBody({ specId: 'mask-surgical-yy0469', quantity: 120 }), 'quantity', 'quantity_step'],
  ];

  for (const [kind, body, field, code] of cases) {
    it(`refuses a ${kind} with ${field} ${JSON.stringify(body[field])} (${code}) and writes nothing`, async () => {
      // Arrange
      const api = apiClient(ctx.app, { token: firm.token });
      const before = await dumpTable(ctx.deps);

      // Act
      const res = await api.post<ErrorBody>('/api/listings', body);

      // Assert
      expect(res.status).toBe(400);
      expect(res.body.error!.fields!.map((f) => [f.field, f.code])).toContainEqual([field, code]);
      const issue = res.body.error!.fields!.find((f) => f.field === field)!;
      expect(issue.messages.zh.length).toBeGreaterThan(0);
      expect(issue.messages.en.length).toBeGreaterThan(0);
      expect(await dumpTable(ctx.deps)).toEqual(before);
    });
  }

  it('refuses a change to 1e-300 on an existing listing with 400', async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: firm.token });
    const created = await api.post<ErrorBody>('/api/listings', supplyBody());

    // Act
    const res = await api.patch<ErrorBody>(`/api/listings/${created.body.id}`, { unitPrice: 1e-300 });

    // Assert
    expect(res.status).toBe(400);
    expect(res.body.error!.fields!.map((f) => [f.field, f.code])).toEqual([['unitPrice', 'decimal_places']]);
  });

  it('accepts prices to the fen, quantities to three decimals of a 0.1 step, and whole steps', async () => {
    // Arrange
    const api = apiClient(ctx.app, { token: firm.token });

    // Act
    const created = await Promise.all([
      api.post('/api/listings', supplyBody({ unitPrice: 3950.12, quantity: 1000, minOrder: 20 })),
      api.post(
        '/api/listings',
        demandBody({ specId: 'mask-surgical-yy0469', quantity: 12_000, ceilingPrice: 0.01 }),
      ),
      api.post('/api/listings', supplyBody({ quantity: 0.1 + 0.2 + 999.7 })),
    ]);

    // Assert
    expect(created.map((r) => r.status)).toEqual([201, 201, 201]);
  });
});
