import { createAsync, revalidate } from '@solidjs/router';
import { createMemo, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import {
  getInbox,
  getListingMatches,
  getMatch,
  type MatchStatus,
  type MatchView,
} from '../../api/matches.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { Loading } from '../../components/load-error.tsx';
import { MatchCard } from '../../components/match-card.tsx';
import { localized, t } from '../../i18n/index.ts';

/**
 * A listing's proposed matches, for its detail page (`<section id="listing-matches">`) and the
 * match page: one card per match, the ones still in play first. The listing's owner can accept,
 * decline and cancel; organizers see them read-only. Loads on its own, so the page around it never
 * waits for it, and shows its own load error.
 */
export interface ListingMatchesProps {
  listingId: string;
  isOwner: boolean;
  /** Leave out one match (the match page shows it above). */
  excludeMatchId?: string;
  /** Heading text; default “撮合建议 / Proposed matches”. */
  title?: string;
  /** Called after an action changed a match (confirm and cancel also change the listing's remaining). */
  onChange?: (updated: MatchView) => void;
}

const ORDER: Record<MatchStatus, number> = {
  accepted_by_offer: 0,
  accepted_by_need: 0,
  proposed: 1,
  confirmed: 2,
  declined: 3,
  cancelled: 3,
  expired: 4,
};

/** Revalidates what an action changed: matches and the inbox, and after confirm/cancel everything (remaining quantities). */
export async function afterMatchChange(updated: MatchView, action: string): Promise<void> {
  if (action === 'cancel' || updated.status === 'confirmed') await revalidate();
  else await revalidate([getListingMatches.key, getMatch.key, getInbox.key]);
}

export function ListingMatches(props: ListingMatchesProps) {
  const me = useMe();
  const matches = createAsync(() => getListingMatches(props.listingId));
  const shown = () =>
    (matches() ?? [])
      .filter((m) => m.id !== props.excludeMatchId)
      .slice()
      .sort((a, b) => ORDER[a.status] - ORDER[b.status] || b.quantity - a.quantity);

  const byId = createMemo(() => new Map((matches() ?? []).map((m) => [m.id, m])));

  return (
    <div class="match-block" data-testid="match-block" data-listing-id={props.listingId}>
      <h2 class="section-heading">
        {props.title ?? t('matches.listTitle')}
        <Show when={matches()}>
          {' '}
          <span class="badge badge-muted" data-testid="listing-matches-count">
            {shown().length}
          </span>
        </Show>
      </h2>
      <ErrorBoundary
        fallback={(error, reset) => (
          <div class="alert alert-error" role="alert">
            <p>
              {t('matches.loadFailed')}
              {error instanceof ApiError ? `：${localized(error.messages)}` : ''}
            </p>
            <button
              type="button"
              class="link-button"
              onClick={async () => {
                await revalidate(getListingMatches.keyFor(props.listingId));
                reset();
              }}
            >
              {t('common.retry')}
            </button>
          </div>
        )}
      >
        <Suspense fallback={<Loading />}>
          <Show when={matches()}>
            <Show when={shown().length > 0} fallback={<p class="muted empty-matches">{t('matches.none')}</p>}>
              <div class="match-list">
                {/* keyed by id, so a card keeps its note ("accepted…") when the list reloads */}
                <For each={shown().map((m) => m.id)}>
                  {(id) => (
                    <MatchCard
                      match={byId().get(id)!}
                      viewerOrgId={me()?.org.id}
                      showLink
                      onChanged={async (updated, action) => {
                        await afterMatchChange(updated, action);
                        props.onChange?.(updated);
                      }}
                    />
                  )}
                </For>
              </div>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

export default ListingMatches;
