import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import type { Deps } from '../api/deps.ts';
import { isAdmin, isOrganizer, type Principal } from '../auth/principal.ts';
import { notJoinedSides } from '../contract/match.ts';
import { assertOrganizerScope } from '../orgs/organizer-scope.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { idempotency } from '../shared/idempotency.ts';
import { newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { adcode, id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import { type MatchingRun, runLifecycle, runRoles, viewRun } from './matching-run.ts';
import { publishRun } from './run-matching.ts';

const runParams = z.strictObject({ runId: id });
const newRun = z.strictObject({
  kind: z.enum(['goods', 'labour']),
  region: adcode,
  category: z.optional(z.string().check(z.regex(/^[a-z0-9:\-_.]{1,80}$/))),
});

/** A run of the caller's department: organizers only (as for listing and starting runs), admins any. */
async function ownRun(deps: Deps, principal: Principal, runId: string): Promise<MatchingRun> {
  if (!isOrganizer(principal)) throw new ForbiddenError();
  const run = await deps.runs.get(runId);
  if (!run || (run.orgId !== principal.orgId && !isAdmin(principal))) throw new NotFoundError();
  return run;
}

export const matchingRunRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describe({
      operationId: 'startMatchingRun',
      summary: 'Queue an exact allocation over a region (and category); runs in the background',
      tags: ['matching'],
      auth: 'user',
      responses: { 202: 'Queued' },
      idempotent: true,
    }),
    idempotency(),
    jsonBody(newRun),
    async (c) => {
      const principal = principalOf(c);
      const deps = c.get('deps');
      const input = c.req.valid('json');
      await assertOrganizerScope(deps, principal, input.region);
      const now = deps.clock.now().toISOString();
      const run: MatchingRun = {
        id: newId(),
        kind: input.kind,
        region: input.region,
        ...(input.category ? { category: input.category } : {}),
        orgId: principal.orgId,
        createdBy: principal.userId,
        status: 'queued',
        stage: 'queued',
        progress: 0,
        proposalCount: 0,
        chunkCount: 0,
        publishedChunks: 0,
        publishedMatches: 0,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      await deps.runs.create(run);
      return c.json(viewRun(principal, run), 202);
    },
  )
  .get(
    '/',
    describe({
      operationId: 'listMatchingRuns',
      summary: "My organisation's matching runs",
      tags: ['matching'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const principal = principalOf(c);
      if (!isOrganizer(principal)) throw new ForbiddenError();
      const q = c.req.valid('query');
      const page = await c.get('deps').runs.listByOrg(principal.orgId, q.cursor, q.limit);
      return c.json({ ...page, items: page.items.map((run) => viewRun(principal, run)) });
    },
  )
  .get(
    '/:runId',
    describe({
      operationId: 'getMatchingRun',
      summary: 'A run: progress, totals, greedy comparison',
      tags: ['matching'],
      auth: 'user',
    }),
    params(runParams),
    async (c) => {
      const principal = principalOf(c);
      return c.json(viewRun(principal, await ownRun(c.get('deps'), principal, c.req.valid('param').runId)));
    },
  )
  .get(
    '/:runId/proposals',
    describe({
      operationId: 'matchingRunProposals',
      summary: "A run's proposals, a page (chunk) at a time, with reasons and map points",
      tags: ['matching'],
      auth: 'user',
    }),
    params(runParams),
    query(
      z.strictObject({
        page: z.optional(z.pipe(z.string().check(z.regex(/^\d{1,5}$/)), z.transform(Number))),
      }),
    ),
    async (c) => {
      const deps = c.get('deps');
      const run = await ownRun(deps, principalOf(c), c.req.valid('param').runId);
      const page = c.req.valid('query').page ?? 0;
      const chunk = page < run.chunkCount ? await deps.runs.chunk(run.id, page) : [];
      const unclaimed = await deps.orgs.unclaimed(chunk.flatMap((p) => [p.offerOrgId, p.needOrgId]));
      const items = chunk.map((p) => {
        const notJoined = notJoinedSides(p, unclaimed);
        return notJoined.length > 0 ? { ...p, notJoined } : p;
      });
      return c.json({
        items,
        page,
        pages: run.chunkCount,
        ...(page + 1 < run.chunkCount ? { nextPage: page + 1 } : {}),
      });
    },
  )
  .post(
    '/:runId/publish',
    describe({
      operationId: 'publishMatchingRun',
      summary: 'Send the proposals to both sides as matches; call again until status is published',
      tags: ['matching'],
      auth: 'user',
    }),
    params(runParams),
    async (c) => {
      const principal = principalOf(c);
      const deps = c.get('deps');
      const run = await ownRun(deps, principal, c.req.valid('param').runId);
      if (run.status === 'published') return c.json(viewRun(principal, run));
      transition(runLifecycle, run.status, 'publish', runRoles(principal, run));
      return c.json(viewRun(principal, await publishRun(deps, principal, run.id)));
    },
  );
