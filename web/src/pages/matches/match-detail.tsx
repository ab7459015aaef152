import { A, createAsync, type RouteSectionProps, useSearchParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import type { Listing } from '../../../../functions/contract/listing.ts';
import { isGoodsListing, totalOf } from '../../../../functions/contract/listing.ts';
import { getMatch, type MatchView, sideFor } from '../../api/matches.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { MatchCard } from '../../components/match-card.tsx';
import { MatchDeals } from '../../components/match-deals.tsx';
import { formatQuantity, itemName, useCatalogue } from '../../components/match-format.ts';
import { t } from '../../i18n/index.ts';
import { isOrganizer } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { afterMatchChange, ListingMatches } from './listing-matches.tsx';
import { getMatchListing } from './match-data.ts';

/**
 * One match: the card with its reasons and actions, the viewer's own listing (what remains of it)
 * and the other proposals on that listing, so a builder weighing two suppliers sees both here.
 */
export default function MatchDetailPage(props: RouteSectionProps) {
  const me = useMe();
  const catalogue = useCatalogue();
  // Opened from an agenda's meeting: the deal is recorded at that event, after that meeting.
  const [search] = useSearchParams<{ eventId?: string; meetingId?: string }>();
  const at = () =>
    typeof search.eventId === 'string' && typeof search.meetingId === 'string'
      ? { eventId: search.eventId, meetingId: search.meetingId }
      : undefined;
  const match = createAsync(() => getMatch(props.params.matchId ?? ''));
  usePageTitle(() => {
    const m = match();
    catalogue();
    return m ? `${itemName(m.kind, m.offerItem)} · ${t('matches.title')}` : t('matches.title');
  });
  const side = () => {
    const m = match();
    return m ? sideFor(me()?.org.id, m) : undefined;
  };
  const ownListingId = () => {
    const m = match();
    const s = side();
    if (!m || !s) return undefined;
    return s === 'offer' ? m.offerListingId : m.needListingId;
  };

  return (
    <Show when={match()}>
      {(m) => (
        <>
          <header class="page-header">
            <div>
              <p class="eyebrow">{t('matches.eyebrow')}</p>
              <h1 class="page-title" data-testid="match-title">
                {itemName(m().kind, m().offerItem)} · {formatQuantity(m().quantity, m().unit)}
              </h1>
              <p class="page-lead">
                {t('matches.between', { offer: m().offerOrgName, need: m().needOrgName })}
              </p>
            </div>
          </header>
          <div class="match-page">
            <MatchCard
              headingLevel={2}
              match={m()}
              viewerOrgId={me()?.org.id}
              onChanged={(updated: MatchView, action) => afterMatchChange(updated, action)}
            />
            <MatchDeals
              match={m()}
              viewerOrgId={me()?.org.id}
              organizer={Boolean(me() && isOrganizer(me()!))}
              at={at()}
            />
            <Show when={ownListingId()}>
              {(listingId) => (
                <>
                  <ErrorBoundary fallback={null}>
                    <Suspense>
                      <OwnListing listingId={listingId()} />
                    </Suspense>
                  </ErrorBoundary>
                  <section class="match-others">
                    <ListingMatches
                      listingId={listingId()}
                      isOwner
                      excludeMatchId={m().id}
                      title={t('matches.allOnListing')}
                    />
                  </section>
                </>
              )}
            </Show>
          </div>
        </>
      )}
    </Show>
  );
}

function listingTitle(listing: Listing): string {
  switch (listing.kind) {
    case 'demand':
      return `${listing.projectName} · ${itemName('goods', listing.specId)}`;
    case 'supply':
      return itemName('goods', listing.specId);
    default:
      return itemName('labour', listing.skillId);
  }
}

/** The viewer's side of the match: which listing, and how much of it is left. */
function OwnListing(props: { listingId: string }) {
  const listing = createAsync(() => getMatchListing(props.listingId));
  return (
    <Show when={listing()}>
      {(l) => {
        const total = () => {
          const current = l();
          return totalOf(current);
        };
        const unit = () => {
          const current = l();
          return isGoodsListing(current) ? current.unit : 'person';
        };
        return (
          <section class="card own-listing" data-testid="own-listing" data-remaining={l().remaining}>
            <p class="match-role">{t('matches.ownListing')}</p>
            <p class="own-listing-title">{listingTitle(l())}</p>
            <p class="own-listing-remaining" data-testid="own-listing-remaining">
              {t('matches.remaining', {
                remaining: formatQuantity(l().remaining, unit()),
                total: formatQuantity(total(), unit()),
              })}
            </p>
            <A href={`/listings/${l().id}`} class="match-link">
              {t('matches.viewListing')} →
            </A>
          </section>
        );
      }}
    </Show>
  );
}
