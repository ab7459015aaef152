import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { describe } from '../shared/openapi.ts';
import { id } from '../shared/schema-fields.ts';
import { params } from '../shared/validation.ts';
import { attachDealFile, readDealFile } from './deal-commands.ts';
import { dealFileName } from './deal-file.ts';
import { viewDeal } from './deal-view.ts';

const dealParams = z.strictObject({ dealId: id });

/**
 * Mounted under /api/deals: the scan of a deal's signed paper. In AWS these two routes run in the
 * deal-files Lambda, the only one that carries the S3 client (functions/api/api-functions.ts).
 */
export const dealFileRoutes = new Hono<AppEnv>()
  .put(
    '/:dealId/file',
    describe({
      operationId: 'attachDealFile',
      summary:
        'Upload the scan of the signed paper: the raw bytes of a PDF, JPEG or PNG (at most 4 MB, judged by its content) as the body',
      tags: ['deals'],
      auth: 'user',
    }),
    params(dealParams),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const body = new Uint8Array(await c.req.arrayBuffer());
      const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase() || undefined;
      const deal = await attachDealFile(deps, principal, c.req.valid('param').dealId, body, declared);
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .get(
    '/:dealId/file',
    describe({
      operationId: 'getDealFile',
      summary: 'The scan of the signed paper (its two sides and the organizers overseeing it)',
      tags: ['deals'],
      auth: 'user',
    }),
    params(dealParams),
    async (c) => {
      const { deal, body, contentType } = await readDealFile(
        c.get('deps'),
        principalOf(c),
        c.req.valid('param').dealId,
      );
      c.header('Content-Type', contentType);
      c.header(
        'Content-Disposition',
        `attachment; filename="${dealFileName(deal.id, deal.file!.contentType)}"`,
      );
      c.header('Cache-Control', 'private, no-store');
      return c.body(body as Uint8Array<ArrayBuffer>);
    },
  );
