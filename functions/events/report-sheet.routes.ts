import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { sheetIO } from '../imports/sheet-io-inline.ts';
import { CONTENT_TYPES } from '../imports/workbook.ts';
import { describe } from '../shared/openapi.ts';
import { id } from '../shared/schema-fields.ts';
import { params, query } from '../shared/validation.ts';
import { reportOfEvent } from './report-commands.ts';
import { reportSheets } from './report-sheet.ts';

/**
 * The event report as .xlsx. Mounted only where spreadsheets are handled: the sheets Lambda in AWS
 * (API Gateway routes this path to it, functions/api/sheet-routes.ts) and the local server.
 */
const eventParams = z.strictObject({ eventId: id });
const exportQuery = z.strictObject({ lang: z.optional(z.enum(['zh', 'en'])) });

export const reportSheetRoutes = new Hono<AppEnv>().get(
  '/:eventId/report/export',
  describe({
    operationId: 'exportEventReport',
    summary: 'The event report as .xlsx, the same figures as the report (organizers of the event, admins)',
    tags: ['reports'],
    auth: 'user',
  }),
  params(eventParams),
  query(exportQuery),
  async (c) => {
    const deps = c.get('deps');
    const report = await reportOfEvent(deps, principalOf(c), c.req.valid('param').eventId);
    const lang = c.req.valid('query').lang ?? c.get('lang');
    const data = await sheetIO(deps).writeBook(reportSheets(report, lang));
    c.header('Content-Type', CONTENT_TYPES.xlsx);
    c.header(
      'Content-Disposition',
      `attachment; filename="gongxu-event-report-${report.startDate}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${report.title}-报告.xlsx`)}`,
    );
    return c.body(data as Uint8Array<ArrayBuffer>);
  },
);
