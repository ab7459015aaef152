import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isClearable } from '../contract/listing-kinds.ts';
import { relationshipFor } from '../matches/match-visibility.ts';
import { assertOrganizerScope, viewerFor } from '../orgs/organizer-scope.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idempotency } from '../shared/idempotency.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { adcode, id, text } from '../shared/schema-fields.ts';
import { jsonBody, params, parseInput, query } from '../shared/validation.ts';
import { totals } from './list-summary.ts';
import { readSummary } from './list-summary-read.ts';
import { FIELDS_BY_KIND, listingInput, listingPatch } from './listing.schema.ts';
import {
  canSeeListing,
  canSeeListingHistory,
  isOwner,
  LISTING_KINDS,
  LISTING_STATUSES,
  viewListing,
} from './listing.ts';
import { editListing, hideListing, moveListing, postListing } from './listing-commands.ts';
import { MAX_REFINED_READ, refineListings, SEARCH_SORTS } from './search-refine.ts';

const listingParams = z.strictObject({ listingId: id });
const searchQuery = z.strictObject({
  kind: z.enum(LISTING_KINDS),
  region: adcode,
  category: z.optional(z.string().check(z.regex(/^[a-z0-9:\-_.]{1,80}$/))),
  status: z.optional(z.enum(LISTING_STATUSES)),
  /** Words the firm, product, spec, project or skill contains (all of them), zh or en. */
  q: z.optional(text(50)),
  /** date: soonest first; quantity: most remaining first; distance: nearest the viewer's organisation. */
  sort: z.optional(z.enum(SEARCH_SORTS)),
  ...pagingFields,
});
const mineQuery = z.strictObject({
  kind: z.optional(z.enum(LISTING_KINDS)),
  status: z.optional(z.enum(LISTING_STATUSES)),
  ...pagingFields,
});

const lifecycleRoute = (action: 'publish' | 'withdraw' | 'fulfil', summary: string) =>
  [
    `/:listingId/${action}`,
    describe({ operationId: `${action}Listing`, summary, tags: ['listings'], auth: 'user' }),
    params(listingParams),
  ] as const;

const hideBody = z.strictObject({ reason: text(200) });

const summaryQuery = z.strictObject({
  region: adcode,
  category: z.optional(z.string().check(z.regex(/^[a-z0-9:\-_.]{1,80}$/))),
  // Kept for old clients: `json` is this route; spreadsheets are GET /summary/export.
  format: z.optional(z.literal('json')),
});
async function move(c: Context<AppEnv>, action: 'publish' | 'withdraw' | 'fulfil') {
  const viewer = await viewerFor(c.get('deps'), principalOf(c));
  const listing = await moveListing(c.get('deps'), viewer, c.req.param('listingId')!, action);
  return c.json(viewListing(listing, viewer));
}

export const listingRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describe({
      operationId: 'postListing',
      summary: 'Post a supply, demand, labour offer or labour request listing',
      tags: ['listings'],
      auth: 'user',
      idempotent: true,
      responses: { 201: 'Posted' },
    }),
    idempotency(),
    jsonBody(listingInput),
    async (c) => {
      const principal = principalOf(c);
      return c.json(
        viewListing(await postListing(c.get('deps'), principal, c.req.valid('json')), principal),
        201,
      );
    },
  )
  .get(
    '/',
    describe({
      operationId: 'searchListings',
      summary:
        'Search listings by kind and region (province, city or county), optionally category and status; with a keyword (q) or a sort, the first 500 listings of the region are filtered and sorted, and the answer counts them (total)',
      tags: ['listings'],
      auth: 'user',
    }),
    query(searchQuery),
    async (c) => {
      const principal = await viewerFor(c.get('deps'), principalOf(c));
      const q = c.req.valid('query');
      const status = q.status ?? 'open';
      // Drafts and closed listings of others are for organizers' list views only.
      if (status !== 'open') await assertOrganizerScope(c.get('deps'), principal, q.region);
      const search = { kind: q.kind, regionPrefix: regionPrefix(q.region), category: q.category, status };
      if (q.q !== undefined || q.sort !== undefined) {
        // refined: the same one Query, read to MAX_REFINED_READ, then filtered and sorted here; the
        // cursor is the offset into that result, and `total` counts it (`capped` past the bound)
        const offset = q.cursor === undefined ? 0 : Number(q.cursor);
        if (!/^\d{1,4}$/.test(q.cursor ?? '0') || offset >= MAX_REFINED_READ) {
          throw new ValidationError([{ field: 'cursor', key: 'field.invalid_format' }]);
        }
        const deps = c.get('deps');
        const [{ items, capped }, catalogue, org] = await Promise.all([
          deps.listings.searchAll(search, MAX_REFINED_READ),
          deps.catalogue.current(),
          q.sort === 'distance' ? deps.orgs.get(principal.orgId) : Promise.resolve(undefined),
        ]);
        const found = refineListings(items, { keyword: q.q, sort: q.sort, from: org?.adcode }, catalogue);
        const limit = q.limit ?? 20;
        const next = offset + limit;
        return c.json({
          items: found.slice(offset, next).map((l) => viewListing(l, principal)),
          total: found.length,
          capped,
          ...(next < found.length ? { nextCursor: String(next) } : {}),
        });
      }
      const page = await c.get('deps').listings.search({ ...search, cursor: q.cursor, limit: q.limit });
      return c.json({ ...page, items: page.items.map((l) => viewListing(l, principal)) });
    },
  )
  .get(
    '/summary',
    describe({
      operationId: 'listSummary',
      summary:
        '供应清单/需求清单 totals: open supply, demand and the gap by city and spec for a region (as a spreadsheet: /summary/export)',
      tags: ['listings'],
      auth: 'user',
    }),
    query(summaryQuery),
    async (c) => {
      principalOf(c);
      const q = c.req.valid('query');
      const { rows, capped } = await readSummary(c.get('deps'), q.region, q.category);
      return c.json({ region: q.region, category: q.category ?? null, rows, totals: totals(rows), capped });
    },
  )
  .get(
    '/mine',
    describe({
      operationId: 'myListings',
      summary: "My organisation's listings",
      tags: ['listings'],
      auth: 'user',
    }),
    query(mineQuery),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      if (q.status && !q.kind) throw new ValidationError([{ field: 'kind', key: 'field.required' }]);
      const page = await c.get('deps').listings.listByOrg(principal.orgId, q);
      return c.json({ ...page, items: page.items.map((l) => viewListing(l, principal)) });
    },
  )
  .get(
    '/:listingId',
    describe({
      operationId: 'getListing',
      summary: 'A listing (contact hidden until a match is confirmed by both sides)',
      tags: ['listings'],
      auth: 'user',
    }),
    params(listingParams),
    async (c) => {
      const principal = await viewerFor(c.get('deps'), principalOf(c));
      const listing = await c.get('deps').listings.get(c.req.valid('param').listingId);
      if (!listing || !canSeeListing(listing, principal)) throw new NotFoundError();
      return c.json(viewListing(listing, principal, await relationshipFor(c.get('deps'), listing)));
    },
  )
  .patch(
    '/:listingId',
    describe({ operationId: 'editListing', summary: 'Edit my listing', tags: ['listings'], auth: 'user' }),
    params(listingParams),
    jsonBody(z.record(z.string(), z.unknown())),
    async (c) => {
      const principal = await viewerFor(c.get('deps'), principalOf(c));
      const { listingId } = c.req.valid('param');
      const deps = c.get('deps');
      const current = await deps.listings.get(listingId);
      if (!current || !canSeeListing(current, principal)) throw new NotFoundError();
      if (!isOwner(principal, current)) throw new ForbiddenError();
      // Checked against the body as sent: z.record rebuilds the object and drops an own `__proto__`
      // key, which the strict patch schema must see (and refuse) like any other unknown field.
      const raw = JSON.parse(await c.req.text()) as Record<string, unknown>;
      // `null` clears an optional field of the listing's kind (a price, a note: the table of kinds);
      // its required fields cannot be cleared, and a field it does not have stays in the body for
      // the strict schema to refuse.
      const ownField = (field: string) => Object.hasOwn(FIELDS_BY_KIND[current.kind], field);
      const cleared = Object.keys(raw).filter((field) => raw[field] === null && ownField(field));
      const refused = cleared.filter((field) => !isClearable(current.kind, field));
      if (refused.length > 0)
        throw new ValidationError(refused.map((field) => ({ field, key: 'field.required' as const })));
      const rest = Object.fromEntries(Object.entries(raw).filter(([field]) => !cleared.includes(field)));
      const patch = parseInput(listingPatch[current.kind], rest);
      return c.json(viewListing(await editListing(deps, principal, listingId, patch, cleared), principal));
    },
  )
  .post(...lifecycleRoute('publish', 'Publish a draft listing'), (c) => move(c, 'publish'))
  .post(...lifecycleRoute('withdraw', 'Withdraw (close) my listing'), (c) => move(c, 'withdraw'))
  .post(...lifecycleRoute('fulfil', 'Mark my listing fulfilled (closes it)'), (c) => move(c, 'fulfil'))
  .post(
    '/:listingId/hide',
    describe({
      operationId: 'hideListing',
      summary:
        'Hide an implausible listing (organizers overseeing its region): it leaves search, totals and matching; audited, with the reason its owner reads',
      tags: ['listings'],
      auth: 'user',
    }),
    params(listingParams),
    jsonBody(hideBody),
    async (c) => {
      const viewer = await viewerFor(c.get('deps'), principalOf(c));
      const { reason } = c.req.valid('json');
      const listing = await hideListing(c.get('deps'), viewer, c.req.param('listingId')!, 'hide', reason);
      return c.json(viewListing(listing, viewer));
    },
  )
  .post(
    '/:listingId/unhide',
    describe({
      operationId: 'unhideListing',
      summary: 'Show a hidden listing again (organizers overseeing its region); audited',
      tags: ['listings'],
      auth: 'user',
    }),
    params(listingParams),
    async (c) => {
      const viewer = await viewerFor(c.get('deps'), principalOf(c));
      const listing = await hideListing(c.get('deps'), viewer, c.req.param('listingId')!, 'unhide');
      return c.json(viewListing(listing, viewer));
    },
  )
  .get(
    '/:listingId/audit',
    describe({
      operationId: 'listingAudit',
      summary: "A listing's change history (owner, organizers, admins)",
      tags: ['listings'],
      auth: 'user',
    }),
    params(listingParams),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const principal = await viewerFor(c.get('deps'), principalOf(c));
      const deps = c.get('deps');
      const listing = await deps.listings.get(c.req.valid('param').listingId);
      if (!listing || !canSeeListing(listing, principal)) throw new NotFoundError();
      if (!canSeeListingHistory(principal, listing)) throw new ForbiddenError();
      const q = c.req.valid('query');
      return c.json(await deps.audit.forEntity('listing', listing.id, q.cursor, q.limit));
    },
  );
