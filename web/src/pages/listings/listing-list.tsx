import { type Accessor, For, Show } from 'solid-js';
import type { Catalogue } from '../../api/catalogue.ts';
import type { ListingView, Page } from '../../api/listings.ts';
import { createLoadMore } from '../../api/load-more.ts';
import { ListingCard } from '../../components/listing-card.tsx';
import { localized, t } from '../../i18n/index.ts';

/**
 * A list of listings with "load more": the first page comes from a router query (cached,
 * revalidated after changes), further pages are fetched on request with its nextCursor and kept
 * until the first page changes (another filter, a revalidation).
 */
export function ListingList(props: {
  first: Accessor<Page<ListingView> | undefined>;
  more: (cursor: string) => Promise<Page<ListingView>>;
  catalogue: Catalogue | undefined;
  showOrg?: boolean;
  empty: string;
  testId?: string;
}) {
  const pages = createLoadMore(props.first, props.more);
  const items = pages.items;
  return (
    <div class="listing-list" data-testid={props.testId ?? 'listing-list'}>
      <Show
        when={items().length > 0}
        fallback={
          <Show when={props.first()}>
            <p class="card empty-note" data-testid="listing-list-empty">
              {props.empty}
            </p>
          </Show>
        }
      >
        <For each={items()}>
          {(listing) => <ListingCard listing={listing} catalogue={props.catalogue} showOrg={props.showOrg} />}
        </For>
      </Show>
      <Show when={pages.error()}>
        {(failure) => (
          <p class="field-error" role="alert">
            {localized(failure().messages)}
          </p>
        )}
      </Show>
      <Show when={pages.hasMore()}>
        <div class="load-more">
          <button
            type="button"
            class="button button-secondary"
            data-testid="load-more"
            disabled={pages.loading()}
            aria-busy={pages.loading()}
            onClick={pages.loadMore}
          >
            {pages.loading() ? t('listing.loadingMore') : t('listing.loadMore')}
          </button>
        </div>
      </Show>
    </div>
  );
}
