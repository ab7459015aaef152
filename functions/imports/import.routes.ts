import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isOrganizer } from '../auth/principal.ts';
import { LISTING_KINDS } from '../listings/listing.ts';
import { BadRequestError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idempotency } from '../shared/idempotency.ts';
import { newId } from '../shared/ids.ts';
import { mayTake, transition } from '../shared/lifecycle.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { id, text } from '../shared/schema-fields.ts';
import { params, query } from '../shared/validation.ts';
import { commitImport } from './commit-import.ts';
import {
  CHUNK_ROWS,
  type ImportJob,
  importLifecycle,
  importRoles,
  MAX_REPORTED_ERRORS,
  viewImport,
} from './import-job.ts';
import { withinScope } from './import-scope.ts';
import { sheetIO } from './sheet-io-inline.ts';
import { templateRows, validateSheet } from './validate-import.ts';
import { CONTENT_TYPES, type SheetRows } from './workbook.ts';

export { MAX_UPLOAD_BYTES } from './upload-limit.ts';

const importParams = z.strictObject({ importId: id });
const uploadQuery = z.strictObject({
  kind: z.enum(LISTING_KINDS),
  format: z.enum(['xlsx', 'csv']),
  fileName: z.optional(text(200)),
});
const templateQuery = z.strictObject({
  kind: z.enum(LISTING_KINDS),
  format: z.optional(z.enum(['xlsx', 'csv'])),
  lang: z.optional(z.enum(['zh', 'en'])),
});

async function ownJob(c: Parameters<typeof principalOf>[0], importId: string): Promise<ImportJob> {
  const principal = principalOf(c);
  const job = await c.get('deps').imports.get(importId);
  if (!job || job.orgId !== principal.orgId) throw new NotFoundError();
  return job;
}

export const importRoutes = new Hono<AppEnv>()
  .get(
    '/template',
    describe({
      operationId: 'importTemplate',
      summary: 'Download the import template for a kind of listing (.xlsx or .csv, Chinese headers)',
      tags: ['imports'],
      auth: 'user',
    }),
    query(templateQuery),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      const format = q.format ?? 'xlsx';
      const data = await sheetIO(c.get('deps')).write(
        templateRows(q.kind, isOrganizer(principal), q.lang ?? 'zh', c.get('deps').clock.now()),
        format,
        {
          sheetName: q.kind,
        },
      );
      c.header('Content-Type', CONTENT_TYPES[format]);
      c.header('Content-Disposition', `attachment; filename="gongxu-${q.kind}-template.${format}"`);
      return c.body(data as Uint8Array<ArrayBuffer>);
    },
  )
  .post(
    '/',
    describe({
      operationId: 'uploadImport',
      summary:
        'Upload a filled-in sheet (the raw .xlsx/.csv bytes as the body, at most 10,000 rows); every bad row is reported, nothing is posted until committed',
      tags: ['imports'],
      auth: 'user',
      responses: { 201: 'Checked; see goodRows, badRows and errors', 413: 'File too large' },
      idempotent: true,
    }),
    idempotency(),
    query(uploadQuery),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      const deps = c.get('deps');
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (body.byteLength === 0) throw new ValidationError([{ field: 'file', key: 'field.required' }]);
      let rows: SheetRows;
      try {
        rows = await sheetIO(deps).read(body, q.format);
      } catch (error) {
        // A sheet over a limit is refused naming it (sheet-limits.ts); anything else is unreadable.
        if (error instanceof ValidationError) throw error;
        throw new BadRequestError('bad_file');
      }
      const organizer = isOrganizer(principal);
      const checked = await withinScope(
        deps,
        principal,
        q.kind,
        validateSheet(await deps.catalogue.current(), rows, q.kind, organizer),
      );
      const now = deps.clock.now().toISOString();
      const chunks = [];
      for (let i = 0; i < checked.good.length; i += CHUNK_ROWS)
        chunks.push(checked.good.slice(i, i + CHUNK_ROWS));
      const job: ImportJob = {
        id: newId(),
        kind: q.kind,
        fileName: q.fileName ?? `import.${q.format}`,
        orgId: principal.orgId,
        uploadedBy: principal.userId,
        onBehalf: organizer,
        status: 'validated',
        totalRows: checked.totalRows,
        goodRows: checked.good.length,
        badRows: checked.badRows,
        errors: checked.errors.slice(0, MAX_REPORTED_ERRORS),
        ...(checked.errors.length > MAX_REPORTED_ERRORS ? { errorsCapped: true } : {}),
        chunkCount: chunks.length,
        committedChunks: 0,
        committedRows: 0,
        invitedOrgs: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await deps.imports.create(job, chunks);
      return c.json(viewImport(principal, job), 201);
    },
  )
  .get(
    '/',
    describe({
      operationId: 'listImports',
      summary: "My organisation's imports",
      tags: ['imports'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      const page = await c.get('deps').imports.listByOrg(principal.orgId, q.cursor, q.limit);
      return c.json({ ...page, items: page.items.map((job) => viewImport(principal, job)) });
    },
  )
  .get(
    '/:importId',
    describe({
      operationId: 'getImport',
      summary: 'An import: its report and progress',
      tags: ['imports'],
      auth: 'user',
    }),
    params(importParams),
    async (c) => c.json(viewImport(principalOf(c), await ownJob(c, c.req.valid('param').importId))),
  )
  .post(
    '/:importId/commit',
    describe({
      operationId: 'commitImport',
      summary:
        'Post the good rows. Works for a few seconds and returns progress; call again until status is committed (resumes after any interruption)',
      tags: ['imports'],
      auth: 'user',
    }),
    params(importParams),
    async (c) => {
      const principal = principalOf(c);
      const job = await ownJob(c, c.req.valid('param').importId);
      const roles = importRoles(principal, job);
      if (!mayTake(importLifecycle, 'commit', roles)) throw new ForbiddenError();
      if (job.status === 'committed') return c.json(viewImport(principal, job));
      transition(importLifecycle, job.status, 'commit', roles);
      return c.json(viewImport(principal, await commitImport(c.get('deps'), principal, job.id)));
    },
  )
  .post(
    '/:importId/discard',
    describe({
      operationId: 'discardImport',
      summary: 'Import none of the rows (during a commit: none of the rows not yet posted)',
      tags: ['imports'],
      auth: 'user',
    }),
    params(importParams),
    async (c) => {
      const job = await ownJob(c, c.req.valid('param').importId);
      const principal = principalOf(c);
      const next = {
        ...job,
        status: transition(importLifecycle, job.status, 'discard', importRoles(principal, job)),
        version: job.version + 1,
      };
      await c.get('deps').imports.save(next, job.version);
      return c.json(viewImport(principal, next));
    },
  );
