import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { CAPPED_HEADER, MAX_LISTINGS_READ } from '../contract/capped.ts';
import { sheetIO } from '../imports/sheet-io-inline.ts';
import { CONTENT_TYPES, type SheetFormat } from '../imports/workbook.ts';
import { assertOrganizerScope, viewerFor } from '../orgs/organizer-scope.ts';
import { regionPrefix } from '../regions/regions.ts';
import { describe } from '../shared/openapi.ts';
import { adcode } from '../shared/schema-fields.ts';
import { query } from '../shared/validation.ts';
import { listingRows, summaryRows } from './list-export.ts';
import { readSummary } from './list-summary-read.ts';
import { LISTING_KINDS, LISTING_STATUSES, viewListing } from './listing.ts';

/**
 * List views as spreadsheets (.xlsx through exceljs, .csv). Mounted only where spreadsheets are
 * handled: the sheets Lambda in AWS (API Gateway routes these paths to it) and the local server.
 */
const category = z.optional(z.string().check(z.regex(/^[a-z0-9:\-_.]{1,80}$/)));
const summaryExportQuery = z.strictObject({
  region: adcode,
  category,
  format: z.enum(['xlsx', 'csv']),
  lang: z.optional(z.enum(['zh', 'en'])),
});
const exportQuery = z.strictObject({
  kind: z.enum(LISTING_KINDS),
  region: adcode,
  category,
  status: z.optional(z.enum(LISTING_STATUSES)),
  format: z.enum(['xlsx', 'csv']),
  lang: z.optional(z.enum(['zh', 'en'])),
});

function sendSheet(c: Context<AppEnv>, data: Uint8Array, format: SheetFormat, name: string) {
  c.header('Content-Type', CONTENT_TYPES[format]);
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  return c.body(data as Uint8Array<ArrayBuffer>);
}

export const listingSheetRoutes = new Hono<AppEnv>()
  .get(
    '/summary/export',
    describe({
      operationId: 'exportSummary',
      summary: '供应清单/需求清单 totals by city and spec for a region as .xlsx or .csv',
      tags: ['listings'],
      auth: 'user',
    }),
    query(summaryExportQuery),
    async (c) => {
      principalOf(c);
      const q = c.req.valid('query');
      const { rows, capped } = await readSummary(c.get('deps'), q.region, q.category);
      if (capped) c.header(CAPPED_HEADER, String(MAX_LISTINGS_READ));
      const lang = q.lang ?? c.get('lang');
      const data = await sheetIO(c.get('deps')).write(
        summaryRows(await c.get('deps').catalogue.current(), rows, lang),
        q.format,
      );
      return sendSheet(c, data, q.format, `gongxu-summary-${q.region}`);
    },
  )
  .get(
    '/export',
    describe({
      operationId: 'exportListings',
      summary: 'A list view as .xlsx or .csv (hidden prices and contacts stay hidden)',
      tags: ['listings'],
      auth: 'user',
    }),
    query(exportQuery),
    async (c) => {
      const principal = await viewerFor(c.get('deps'), principalOf(c));
      const q = c.req.valid('query');
      const status = q.status ?? 'open';
      if (status !== 'open') await assertOrganizerScope(c.get('deps'), principal, q.region);
      const { items: all, capped } = await c.get('deps').listings.searchAll({
        kind: q.kind,
        regionPrefix: regionPrefix(q.region),
        category: q.category,
        status,
      });
      if (capped) c.header(CAPPED_HEADER, String(MAX_LISTINGS_READ));
      const lang = q.lang ?? c.get('lang');
      const rows = listingRows(
        await c.get('deps').catalogue.current(),
        q.kind,
        all.map((l) => viewListing(l, principal)),
        lang,
      );
      const data = await sheetIO(c.get('deps')).write(rows, q.format, { sheetName: q.kind });
      return sendSheet(c, data, q.format, `gongxu-${q.kind}-${q.region}`);
    },
  );
