import { query } from '@solidjs/router';
import type { Match, MatchReason, MatchSide, MatchStatus } from '../../../functions/matches/match.ts';
import type { Notification } from '../../../functions/matches/notification.ts';
import type { Contact } from '../../../functions/orgs/org.ts';
import { api } from './client.ts';

/**
 * Matches (撮合): a proposed pairing of an offer listing (supply, staff to lend) with a need listing
 * (demand, staff wanted). Both sides accept; the second acceptance confirms it and reserves the
 * quantity on both listings. Once confirmed, each side sees the other's contact.
 */

export type { Match, MatchReason, MatchSide, MatchStatus };

/** A match as the API shows it to one viewer: the counterpart's contact once confirmed. */
export type MatchView = Match & { counterpartContact?: Contact };

export type InboxEvent = 'proposed' | 'accepted' | 'confirmed' | 'declined' | 'expired' | 'cancelled';

export type InboxItem = Omit<Notification, 'event'> & { event: InboxEvent | (string & {}) };

export interface InboxPage {
  items: InboxItem[];
  nextCursor?: string;
}

const path = (matchId: string, action?: string) =>
  `/matches/${encodeURIComponent(matchId)}${action ? `/${action}` : ''}`;

/** GET /api/listings/:listingId/matches: a listing's proposals (its owner and organizers). */
export const fetchListingMatches = (listingId: string): Promise<MatchView[]> =>
  api
    .get<{ items: MatchView[] }>(`/listings/${encodeURIComponent(listingId)}/matches`)
    .then((body) => body.items);

/** GET /api/matches/:matchId. */
export const fetchMatch = (matchId: string): Promise<MatchView> => api.get<MatchView>(path(matchId));

/** This side accepts; when the other side already has, this confirms (409 insufficient_remaining if not enough is left). */
export const acceptMatch = (matchId: string): Promise<MatchView> =>
  api.post<MatchView>(path(matchId, 'accept'), {});

export const declineMatch = (matchId: string): Promise<MatchView> =>
  api.post<MatchView>(path(matchId, 'decline'), {});

/** Cancels a confirmed match; the quantity returns to both listings. */
export const cancelMatch = (matchId: string): Promise<MatchView> =>
  api.post<MatchView>(path(matchId, 'cancel'), {});

/** GET /api/inbox: the organisation's notifications, newest first. */
export const fetchInbox = (cursor?: string, limit = 20): Promise<InboxPage> =>
  api.get<InboxPage>('/inbox', { query: { cursor, limit } });

/** Router queries (cached per argument; revalidated after every action). */
export const getListingMatches = query(
  (listingId: string) => fetchListingMatches(listingId),
  'listingMatches',
);
export const getMatch = query((matchId: string) => fetchMatch(matchId), 'match');
export const getInbox = query((cursor?: string) => fetchInbox(cursor), 'inbox');

/** Which side of the match an organisation is on, if any. */
export function sideFor(
  orgId: string | undefined,
  match: Pick<Match, 'offerOrgId' | 'needOrgId'>,
): MatchSide | undefined {
  if (!orgId) return undefined;
  if (orgId === match.offerOrgId) return 'offer';
  if (orgId === match.needOrgId) return 'need';
  return undefined;
}

export const OPEN_STATUSES: readonly MatchStatus[] = ['proposed', 'accepted_by_offer', 'accepted_by_need'];

/** What this side may do now. */
export function actionsFor(side: MatchSide | undefined, status: MatchStatus) {
  const open = OPEN_STATUSES.includes(status);
  const acceptedByMe = side !== undefined && status === `accepted_by_${side}`;
  return {
    accept: side !== undefined && open && !acceptedByMe,
    /** The other side accepted already: accepting now confirms. */
    confirms: side !== undefined && open && status !== 'proposed' && !acceptedByMe,
    decline: side !== undefined && open,
    cancel: side !== undefined && status === 'confirmed',
    waiting: acceptedByMe,
  };
}
