import { type Accessor, createEffect, createSignal, For, on, Show } from 'solid-js';
import type { Catalogue } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import type { ListingView, Page } from '../../api/listings.ts';
import { ListingCard } from '../../components/listing-card.tsx';
import { type Localized, localized, t } from '../../i18n/index.ts';

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
  const [extra, setExtra] = createSignal<ListingView[]>([]);
  const [cursor, setCursor] = createSignal<string | undefined>();
  const [loading, setLoading] = createSignal(false);
  const [failure, setFailure] = createSignal<Localized | null>(null);
  createEffect(
    on(props.first, (page) => {
      setExtra([]);
      setCursor(page?.nextCursor);
      setFailure(null);
    }),
  );
  const items = () => [...(props.first()?.items ?? []), ...extra()];
  const loadMore = async () => {
    const next = cursor();
    if (!next || loading()) return;
    setLoading(true);
    setFailure(null);
    try {
      const page = await props.more(next);
      setExtra([...extra(), ...page.items]);
      setCursor(page.nextCursor);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error.messages);
    } finally {
      setLoading(false);
    }
  };
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
      <Show when={failure()}>
        {(message) => (
          <p class="field-error" role="alert">
            {localized(message())}
          </p>
        )}
      </Show>
      <Show when={cursor()}>
        <div class="load-more">
          <button
            type="button"
            class="button button-secondary"
            data-testid="load-more"
            disabled={loading()}
            aria-busy={loading()}
            onClick={loadMore}
          >
            {loading() ? t('listing.loadingMore') : t('listing.loadMore')}
          </button>
        </div>
      </Show>
    </div>
  );
}
