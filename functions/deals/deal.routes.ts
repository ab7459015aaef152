import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { loadVisibleMatch } from '../matches/match-commands.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import { dealTermsInput, disputeDealInput, recordDealInput } from './deal.schema.ts';
import {
  confirmDeal,
  contractFromIntent,
  deliverDeal,
  disputeDeal,
  loadVisibleDeal,
  recordDeal,
  reviseDeal,
  withdrawDeal,
} from './deal-commands.ts';
import { viewDeal } from './deal-view.ts';

const dealParams = z.strictObject({ dealId: id });

const action = (name: string, operationId: string, summary: string) =>
  [
    `/:dealId/${name}`,
    describe({ operationId, summary, tags: ['deals'], auth: 'user' }),
    params(dealParams),
  ] as const;

export const dealRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describe({
      operationId: 'recordDeal',
      summary:
        'Record a letter of intent or a contract on a confirmed match (a side: the other side confirms), or a paper deal both sides reported (an organizer)',
      tags: ['deals'],
      auth: 'user',
      idempotent: true,
      responses: { 201: 'Recorded' },
    }),
    jsonBody(recordDealInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await recordDeal(deps, principal, c.req.valid('json'));
      return c.json(viewDeal(await viewerFor(deps, principal), deal), 201);
    },
  )
  .get(
    '/mine',
    describe({
      operationId: 'myDeals',
      summary: "My organisation's deals, on either side, newest first",
      tags: ['deals'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      const page = await c.get('deps').deals.forOrg(principal.orgId, q.cursor, q.limit);
      return c.json({ ...page, items: page.items.map((d) => viewDeal(principal, d)) });
    },
  )
  .get(
    '/:dealId',
    describe({
      operationId: 'getDeal',
      summary: 'A deal (its two sides and the organizers overseeing it), with the actions open to me',
      tags: ['deals'],
      auth: 'user',
    }),
    params(dealParams),
    async (c) => {
      const { deal, viewer } = await loadVisibleDeal(
        c.get('deps'),
        principalOf(c),
        c.req.valid('param').dealId,
      );
      return c.json(viewDeal(viewer, deal));
    },
  )
  .post(
    ...action(
      'confirm',
      'confirmDeal',
      'The other side confirms the intent or contract (a contract draws the quantity down from both listings)',
    ),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await confirmDeal(deps, principal, c.req.valid('param').dealId);
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .post(
    ...action('dispute', 'disputeDeal', 'The other side disputes what was recorded, with a reason'),
    jsonBody(disputeDealInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await disputeDeal(
        deps,
        principal,
        c.req.valid('param').dealId,
        c.req.valid('json').reason,
      );
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .post(
    ...action(
      'contract',
      'contractFromIntent',
      'Turn a letter of intent into a contract, with revised terms (a side proposes it; an organizer records the paper contract)',
    ),
    jsonBody(dealTermsInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await contractFromIntent(
        deps,
        principal,
        c.req.valid('param').dealId,
        c.req.valid('json'),
      );
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .post(
    ...action('revise', 'reviseDeal', 'The recorder revises a disputed deal and submits it again'),
    jsonBody(dealTermsInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await reviseDeal(deps, principal, c.req.valid('param').dealId, c.req.valid('json'));
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .post(
    ...action(
      'withdraw',
      'withdrawDeal',
      'Withdraw an unconfirmed or disputed deal (its recorder), or cancel a letter of intent',
    ),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const deal = await withdrawDeal(deps, principal, c.req.valid('param').dealId);
      return c.json(viewDeal(await viewerFor(deps, principal), deal));
    },
  )
  .post(...action('deliver', 'deliverDeal', 'Confirm that a contract was delivered'), async (c) => {
    const deps = c.get('deps');
    const principal = principalOf(c);
    const deal = await deliverDeal(deps, principal, c.req.valid('param').dealId);
    return c.json(viewDeal(await viewerFor(deps, principal), deal));
  })
  .get(
    '/:dealId/history',
    describe({
      operationId: 'dealHistory',
      summary: "A deal's change history (who recorded, confirmed, disputed, attached what and when)",
      tags: ['deals'],
      auth: 'user',
    }),
    params(dealParams),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const deps = c.get('deps');
      const { deal } = await loadVisibleDeal(deps, principalOf(c), c.req.valid('param').dealId);
      const q = c.req.valid('query');
      return c.json(await deps.audit.forEntity('deal', deal.id, q.cursor, q.limit));
    },
  );

/** Mounted under /api/matches: the deals recorded on a match. */
export const matchDealRoutes = new Hono<AppEnv>().get(
  '/:matchId/deals',
  describe({
    operationId: 'matchDeals',
    summary: 'The deals recorded on a match (its two sides and the organizers overseeing it)',
    tags: ['deals'],
    auth: 'user',
  }),
  params(z.strictObject({ matchId: id })),
  query(z.strictObject(pagingFields)),
  async (c) => {
    const deps = c.get('deps');
    const principal = principalOf(c);
    const match = await loadVisibleMatch(deps, principal, c.req.valid('param').matchId);
    const viewer = await viewerFor(deps, principal);
    const q = c.req.valid('query');
    const page = await deps.deals.forMatch(match.id, q.cursor, q.limit);
    return c.json({ ...page, items: page.items.map((d) => viewDeal(viewer, d)) });
  },
);
