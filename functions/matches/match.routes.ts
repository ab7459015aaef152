import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import { sideOfKind } from '../contract/listing-kinds.ts';
import { type ListingTerms, termsOf } from '../contract/match-terms.ts';
import { isAdmin } from '../contract/principal.ts';
import { canSeeListing, isOwner, type Listing } from '../listings/listing.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { NotFoundError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { id } from '../shared/schema-fields.ts';
import { params, query } from '../shared/validation.ts';
import { canSeeMatch, isOpenMatch, type Match, matchActions, notJoinedSides, sideOf } from './match.ts';
import { acceptMatch, cancelMatch, declineMatch, loadVisibleMatch, settleMatch } from './match-commands.ts';

const matchParams = z.strictObject({ matchId: id });

const termsVersion = z.optional(
  z.pipe(
    z.string().check(z.regex(/^\d{1,9}$/, { message: 'field.not_integer' })),
    z.pipe(z.transform(Number), z.number()),
  ),
);
/**
 * The terms versions of the two listings the caller saw (the match page sends them): an acceptance
 * is refused with 409 `terms_changed` when a listing changed its terms since.
 */
const acceptQuery = z.strictObject({ offerTermsVersion: termsVersion, needTermsVersion: termsVersion });

/** Prices in accepted terms are for the two sides (and admins), not for organizers following the match. */
const PRICE_FIELDS = ['unitPrice', 'ceilingPrice', 'dailyWage', 'minOrder'] as const;

function withoutPrices(terms: ListingTerms): ListingTerms {
  const values = { ...terms.values };
  for (const field of PRICE_FIELDS) delete (values as Record<string, unknown>)[field];
  return { ...terms, values };
}

/**
 * The match as this viewer sees it: what the viewer may do to it now; for an open match, the terms
 * of both listings as they stand (what accepting now accepts, with their versions to send back);
 * the terms each acceptance recorded; and once confirmed, each side sees the other's contact.
 */
async function viewMatch(deps: Deps, principal: Principal, match: Match) {
  const side = sideOf(principal, match);
  const notJoined = notJoinedSides(match, await deps.orgs.unclaimed([match.offerOrgId, match.needOrgId]));
  const seesPrices = side !== undefined || isAdmin(principal);
  const shown = (terms: ListingTerms) => (seesPrices ? terms : withoutPrices(terms));
  const acceptances = match.acceptances
    ? Object.fromEntries(
        Object.entries(match.acceptances).map(([s, a]) => [
          s,
          a && { ...a, offer: shown(a.offer), need: shown(a.need) },
        ]),
      )
    : undefined;
  let currentTerms: { offer: ListingTerms; need: ListingTerms } | undefined;
  let listings: [Listing | undefined, Listing | undefined] | undefined;
  if (isOpenMatch(match) || (match.status === 'confirmed' && side)) {
    listings = await Promise.all([
      deps.listings.get(match.offerListingId),
      deps.listings.get(match.needListingId),
    ]);
  }
  if (isOpenMatch(match) && listings?.[0] && listings[1]) {
    currentTerms = { offer: shown(termsOf(listings[0])), need: shown(termsOf(listings[1])) };
  }
  const view = {
    ...match,
    ...(acceptances ? { acceptances } : {}),
    ...(currentTerms ? { currentTerms } : {}),
    actions: matchActions(principal, match),
    ...(notJoined.length > 0 ? { notJoined } : {}),
  };
  if (match.status !== 'confirmed' || !side) return view;
  const counterpartListing = side === 'offer' ? listings?.[1] : listings?.[0];
  return { ...view, counterpartContact: counterpartListing?.contact };
}

const action = (name: 'accept' | 'decline' | 'cancel', summary: string) =>
  [
    `/:matchId/${name}`,
    describe({ operationId: `${name}Match`, summary, tags: ['matches'], auth: 'user' }),
    params(matchParams),
  ] as const;

export const matchRoutes = new Hono<AppEnv>()
  .get(
    '/:matchId',
    describe({
      operationId: 'getMatch',
      summary: "A match with its reasons; once both sides accepted, the counterpart's contact",
      tags: ['matches'],
      auth: 'user',
    }),
    params(matchParams),
    async (c) => {
      const principal = principalOf(c);
      const deps = c.get('deps');
      return c.json(
        await viewMatch(
          deps,
          principal,
          await loadVisibleMatch(deps, principal, c.req.valid('param').matchId),
        ),
      );
    },
  )
  .post(
    ...action(
      'accept',
      "Accept on the listings' current terms, recorded on the match (the second acceptance confirms and reserves the quantity)",
    ),
    query(acceptQuery),
    async (c) => {
      const principal = principalOf(c);
      const deps = c.get('deps');
      const seen = c.req.valid('query');
      return c.json(
        await viewMatch(
          deps,
          principal,
          await acceptMatch(deps, principal, c.req.valid('param').matchId, seen),
        ),
      );
    },
  )
  .post(...action('decline', 'Decline a proposed match'), async (c) => {
    const principal = principalOf(c);
    const deps = c.get('deps');
    return c.json(
      await viewMatch(deps, principal, await declineMatch(deps, principal, c.req.valid('param').matchId)),
    );
  })
  .post(...action('cancel', 'Cancel a confirmed match; the quantity returns to both listings'), async (c) => {
    const principal = principalOf(c);
    const deps = c.get('deps');
    return c.json(
      await viewMatch(deps, principal, await cancelMatch(deps, principal, c.req.valid('param').matchId)),
    );
  });

export const inboxRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    operationId: 'inbox',
    summary: "My organisation's inbox: proposals and changes to its matches, newest first",
    tags: ['matches'],
    auth: 'user',
  }),
  query(z.strictObject(pagingFields)),
  async (c) => {
    const principal = principalOf(c);
    const q = c.req.valid('query');
    return c.json(await c.get('deps').matches.inbox(principal.orgId, q.cursor, q.limit));
  },
);

export const listingMatchRoutes = new Hono<AppEnv>().get(
  '/:listingId/matches',
  describe({
    operationId: 'listingMatches',
    summary: "A listing's matches (its owner, organizers)",
    tags: ['matches'],
    auth: 'user',
  }),
  params(z.strictObject({ listingId: id })),
  async (c) => {
    const principal = principalOf(c);
    const deps = c.get('deps');
    const viewer = await viewerFor(deps, principal);
    const listing = await deps.listings.get(c.req.valid('param').listingId);
    if (!listing || !canSeeListing(listing, viewer)) throw new NotFoundError();
    const side = sideOfKind(listing.kind);
    const all = await deps.matches.forListing(listing.id, side);
    const visible = isOwner(principal, listing) ? all : all.filter((m) => canSeeMatch(viewer, m));
    const items = await Promise.all(
      visible.map(async (m) => viewMatch(deps, principal, await settleMatch(deps, m))),
    );
    return c.json({ items });
  },
);
