import { A, createAsync, type RouteSectionProps, useSearchParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { getCatalogue } from '../../api/catalogue.ts';
import {
  fetchMyListings,
  isListingKind,
  kindsForOrg,
  LISTING_STATUSES,
  type ListingKind,
  type ListingStatus,
} from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { ListingList } from './listing-list.tsx';
import { getMyListings, myListingsVersion } from './my-listings.data.ts';

/** /listings/mine/:kind — my organisation's listings, a tab per kind, filtered by status. */
export default function MyListingsPage(props: RouteSectionProps) {
  usePageTitle('mine.title');
  const me = useMe();
  const catalogue = createAsync(() => getCatalogue());
  const [search, setSearch] = useSearchParams<{ status?: string }>();
  const tabs = (): ListingKind[] => {
    const current = me();
    const base = current ? kindsForOrg(current.org.kinds) : [];
    const asked = props.params.kind;
    return isListingKind(asked) && !base.includes(asked) ? [...base, asked] : base;
  };
  const kind = (): ListingKind | undefined => {
    const asked = props.params.kind;
    return isListingKind(asked) ? asked : tabs()[0];
  };
  const status = (): ListingStatus | undefined =>
    (LISTING_STATUSES as readonly string[]).includes(search.status ?? '')
      ? (search.status as ListingStatus)
      : undefined;
  const first = createAsync(() => {
    const k = kind();
    return k ? getMyListings(k, status(), myListingsVersion()) : Promise.resolve(undefined);
  });

  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {t('mine.title')}
          </h1>
          <p class="page-lead">{t('mine.lead')}</p>
        </div>
        <Show when={kind()}>
          {(k) => (
            <A href={`/listings/new/${k()}`} class="button button-primary" data-testid="mine-post">
              {t(`listing.newTitle.${k()}`)}
            </A>
          )}
        </Show>
      </header>
      <div class="toolbar">
        <nav class="tabs" aria-label={t('mine.tabs')}>
          <For each={tabs()}>
            {(k) => (
              <A
                href={`/listings/mine/${k}${status() ? `?status=${status()}` : ''}`}
                class="tab"
                classList={{ 'is-current': k === kind() }}
                aria-current={k === kind() ? 'page' : undefined}
                data-testid={`tab-${k}`}
              >
                {t(`listingKinds.${k}`)}
              </A>
            )}
          </For>
        </nav>
        <label class="inline-field">
          <span>{t('mine.status')}</span>
          <select
            id="mine-status"
            data-testid="mine-status"
            value={status() ?? ''}
            onChange={(e) => setSearch({ status: e.currentTarget.value || undefined })}
          >
            <option value="" selected={!status()}>
              {t('mine.allStatuses')}
            </option>
            <For each={LISTING_STATUSES}>
              {(s) => (
                <option value={s} selected={s === status()}>
                  {t(`listingStatus.${s}`)}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <ListingList
        testId="my-listings"
        first={first}
        more={(cursor) => fetchMyListings({ kind: kind(), status: status(), cursor })}
        catalogue={catalogue()}
        empty={t('mine.empty')}
      />
    </>
  );
}
