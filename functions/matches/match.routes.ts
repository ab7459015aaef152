import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import type { Deps } from '../api/deps.ts';
import type { Principal } from '../auth/principal.ts';
import { canSeeListing, isOwner } from '../listings/listing.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { NotFoundError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { id } from '../shared/schema-fields.ts';
import { params, query } from '../shared/validation.ts';
import { canSeeMatch, type Match, matchActions, notJoinedSides, sideOf } from './match.ts';
import {
  acceptMatch,
  cancelMatch,
  declineMatch,
  expireMatchIfDue,
  loadVisibleMatch,
} from './match-commands.ts';

const matchParams = z.strictObject({ matchId: id });

/**
 * The match as this viewer sees it: what the viewer may do to it now, and once confirmed, each side
 * sees the other's contact.
 */
async function viewMatch(deps: Deps, principal: Principal, match: Match) {
  const side = sideOf(principal, match);
  const notJoined = notJoinedSides(match, await deps.orgs.unclaimed([match.offerOrgId, match.needOrgId]));
  const view = {
    ...match,
    actions: matchActions(principal, match),
    ...(notJoined.length > 0 ? { notJoined } : {}),
  };
  if (match.status !== 'confirmed' || !side) return view;
  const counterpartListing = await deps.listings.get(
    side === 'offer' ? match.needListingId : match.offerListingId,
  );
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
    ...action('accept', 'Accept (the second acceptance confirms and reserves the quantity)'),
    async (c) => {
      const principal = principalOf(c);
      const deps = c.get('deps');
      return c.json(
        await viewMatch(deps, principal, await acceptMatch(deps, principal, c.req.valid('param').matchId)),
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
    const side = listing.kind === 'supply' || listing.kind === 'labour_offer' ? 'offer' : 'need';
    const all = await deps.matches.forListing(listing.id, side);
    const visible = isOwner(principal, listing) ? all : all.filter((m) => canSeeMatch(viewer, m));
    const items = await Promise.all(
      visible.map(async (m) => viewMatch(deps, principal, await expireMatchIfDue(deps, m))),
    );
    return c.json({ items });
  },
);
