import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { describe } from '../shared/openapi.ts';
import { adcode, id, yearMonth } from '../shared/schema-fields.ts';
import { params, query } from '../shared/validation.ts';
import { carryOverFor, regionDashboardFor, reportOfEvent } from './report-commands.ts';

/**
 * Reports (issue 10), mounted at /api/events ahead of the event routes (so `/dashboard` is not
 * taken for an event id): the event report, the carried-over demand of a series, the organizer's
 * region dashboard. The report's .xlsx is a spreadsheet route (report-sheet.routes.ts).
 */
const eventParams = z.strictObject({ eventId: id });
const dashboardQuery = z.strictObject({ month: z.optional(yearMonth), region: z.optional(adcode) });

export const reportRoutes = new Hono<AppEnv>()
  .get(
    '/dashboard',
    describe({
      operationId: 'regionDashboard',
      summary:
        "The organizer's region dashboard: this month's events per city against the target of ten, participants, deals and signed value, series with a next event (organizers in their jurisdiction; admins name a region)",
      tags: ['reports'],
      auth: 'user',
    }),
    query(dashboardQuery),
    async (c) => c.json(await regionDashboardFor(c.get('deps'), principalOf(c), c.req.valid('query'))),
  )
  .get(
    '/:eventId/report',
    describe({
      operationId: 'eventReport',
      summary:
        "The event report: participants, matches, meetings, deals (intent and contract, count and value in fen) by category and supply region, enrolled demand met, the departments' format (organizers of the event, admins)",
      tags: ['reports'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await reportOfEvent(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  )
  .get(
    '/:eventId/carry-over',
    describe({
      operationId: 'eventCarryOver',
      summary:
        "Unmet demand carried over: the previous event of the series' enrolled demand listings still open and not fully met, by organisation, to register on their behalf (organizers of the event)",
      tags: ['reports'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await carryOverFor(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  );
