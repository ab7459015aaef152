import { query } from '@solidjs/router';
import type {
  Match,
  MatchAction,
  MatchReason,
  MatchSide,
  MatchStatus,
} from '../../../functions/contract/match.ts';
import type { ListingTerms } from '../../../functions/contract/match-terms.ts';
import type {
  MatchNotification,
  MeetingMovedNotification,
} from '../../../functions/contract/notification.ts';
import type { Contact } from '../../../functions/contract/org.ts';
import { api } from './client.ts';

/**
 * Matches (撮合): a proposed pairing of an offer listing (supply, staff to lend) with a need listing
 * (demand, staff wanted). Both sides accept; the second acceptance confirms it and reserves the
 * quantity on both listings. Once confirmed, each side sees the other's contact.
 */

export type { Match, MatchAction, MatchReason, MatchSide, MatchStatus };

/**
 * A match as the API shows it to one viewer: what the viewer may do to it now (from the match
 * lifecycle's graph and who may take each step), and the counterpart's contact once confirmed.
 */
export type MatchView = Match & {
  actions: MatchAction[];
  counterpartContact?: Contact;
  /** Sides whose invited organisation has not claimed its account yet (it cannot answer until then). */
  notJoined?: MatchSide[];
  /** An open match: both listings' terms as they stand (what accepting now accepts). */
  currentTerms?: { offer: ListingTerms; need: ListingTerms };
};

export type InboxEvent =
  | 'proposed'
  | 'accepted'
  | 'confirmed'
  | 'declined'
  | 'expired'
  | 'cancelled'
  | 'acceptance_voided';

export type MatchInboxItem = Omit<MatchNotification, 'event'> & { event: InboxEvent | (string & {}) };

/** A match's news, or (on an event's live day) a meeting the repair moved. */
export type InboxItem = MatchInboxItem | MeetingMovedNotification;
export { isOpenMatch } from '../../../functions/contract/match.ts';
export { isMeetingMoved } from '../../../functions/contract/notification.ts';
export type { MeetingMovedNotification };

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

/**
 * This side accepts; when the other side already has, this confirms (409 insufficient_remaining if
 * not enough is left). With the terms shown, the API refuses (409 terms_changed) if a listing
 * changed its terms since, so nobody accepts terms they did not see.
 */
export const acceptMatch = (
  matchId: string,
  seen?: { offer: ListingTerms; need: ListingTerms },
): Promise<MatchView> =>
  api.post<MatchView>(
    path(matchId, 'accept'),
    {},
    {
      query: seen
        ? { offerTermsVersion: seen.offer.termsVersion, needTermsVersion: seen.need.termsVersion }
        : undefined,
    },
  );

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

/** The buttons for what the API says this viewer may do now; `side` only words the waiting note. */
export function actionsFor(side: MatchSide | undefined, match: Pick<MatchView, 'status' | 'actions'>) {
  const may = (...actions: MatchAction[]) => actions.some((a) => match.actions.includes(a));
  return {
    accept: may('offerAccepts', 'needAccepts', 'offerConfirms', 'needConfirms'),
    /** The other side accepted already: accepting now confirms. */
    confirms: may('offerConfirms', 'needConfirms'),
    decline: may('decline'),
    cancel: may('cancel'),
    waiting: side !== undefined && match.status === `accepted_by_${side}`,
  };
}
