import { createAsync, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { familyOfKind } from '../../../../functions/contract/listing-kinds.ts';
import {
  MAX_REFINED_READ,
  SEARCH_SORTS,
  type SearchSort,
} from '../../../../functions/contract/listing-search.ts';
import type { Me } from '../../api/auth.ts';
import { getCatalogue } from '../../api/catalogue.ts';
import {
  isListingKind,
  LISTING_KINDS,
  LISTING_STATUSES,
  type ListingKind,
  type ListingStatus,
  searchListings,
} from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { CategorySelect } from '../../components/catalogue-category-select.tsx';
import { formatNumber } from '../../components/listing-format.ts';
import { RegionPicker } from '../../components/region-picker.tsx';
import { t } from '../../i18n/index.ts';
import { isOrganizer } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { ListingList } from './listing-list.tsx';
import { getListingSearch } from './listing-search.data.ts';

const isLabour = (kind: ListingKind) => familyOfKind(kind) === 'labour';

/** What an organisation of these kinds usually looks for: the other side of its own listings. */
export function defaultSearchKind(me: Me): ListingKind {
  const kinds = me.org.kinds;
  if (kinds.includes('manufacturer')) return 'demand';
  if (kinds.includes('builder')) return 'supply';
  if (kinds.includes('labour_provider')) return 'labour_request';
  if (kinds.includes('labour_user')) return 'labour_offer';
  return 'supply';
}

const provinceOf = (adcode: string) => `${adcode.slice(0, 2)}0000`;

/** /listings/search — others' open listings by kind, region (default: my province) and category. */
export default function ListingSearchPage() {
  usePageTitle('browse.title');
  const me = useMe();
  const catalogue = createAsync(() => getCatalogue());
  const [search, setSearch] = useSearchParams<{
    kind?: string;
    region?: string;
    category?: string;
    status?: string;
    q?: string;
    sort?: string;
  }>();
  const organizer = () => Boolean(me() && isOrganizer(me()!));

  /** The applied filters: the URL's, else the defaults for this organisation. */
  const applied = () => {
    const current = me();
    if (!current) return undefined;
    const kind = isListingKind(search.kind) ? search.kind : defaultSearchKind(current);
    const region = /^\d{6}$/.test(search.region ?? '') ? search.region! : provinceOf(current.org.adcode);
    const status =
      organizer() && (LISTING_STATUSES as readonly string[]).includes(search.status ?? '')
        ? (search.status as ListingStatus)
        : undefined;
    const sort: SearchSort = (SEARCH_SORTS as readonly string[]).includes(search.sort ?? '')
      ? (search.sort as SearchSort)
      : 'date';
    const q = (search.q ?? '').trim().slice(0, 50) || undefined;
    return { kind, region, category: search.category || undefined, status, q, sort };
  };

  // the form's own state, applied on submit
  const [kind, setKind] = createSignal<ListingKind>('supply');
  const [region, setRegion] = createSignal<string | undefined>();
  const [category, setCategory] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [keyword, setKeyword] = createSignal('');
  const [sort, setSort] = createSignal<SearchSort>('date');
  createEffect(
    on(applied, (a) => {
      if (!a) return;
      setKind(a.kind);
      setRegion(a.region);
      setCategory(a.category ?? '');
      setStatus(a.status ?? '');
      setKeyword(a.q ?? '');
      setSort(a.sort);
    }),
  );
  const [regionMissing, setRegionMissing] = createSignal(false);

  const first = createAsync(() => {
    const a = applied();
    return a
      ? getListingSearch(a.kind, a.region, a.category, a.status, a.q, a.sort)
      : Promise.resolve(undefined);
  });

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const r = region();
    if (!r) {
      setRegionMissing(true);
      document.getElementById('search-region')?.focus();
      return;
    }
    setRegionMissing(false);
    setSearch({
      kind: kind(),
      region: r,
      category: category() || undefined,
      status: status() || undefined,
      q: keyword().trim() || undefined,
      sort: sort() === 'date' ? undefined : sort(),
    });
  };

  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {t('browse.title')}
          </h1>
          <p class="page-lead">{t('browse.lead')}</p>
        </div>
      </header>
      <form class="card filters" novalidate onSubmit={submit} data-testid="search-form">
        <div class="filter">
          <label for="search-kind">{t('browse.kind')}</label>
          <select
            id="search-kind"
            value={kind()}
            onChange={(e) => {
              const next = e.currentTarget.value as ListingKind;
              if (isLabour(next) !== isLabour(kind())) setCategory('');
              setKind(next);
            }}
          >
            <For each={LISTING_KINDS}>
              {(k) => (
                <option value={k} selected={k === kind()}>
                  {t(`listingKinds.${k}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <fieldset class="filter filter-region">
          <legend>{t('browse.region')}</legend>
          <RegionPicker
            id="search-region"
            label={t('browse.region')}
            value={region()}
            invalid={regionMissing()}
            onChange={(adcode) => {
              setRegion(adcode);
              setRegionMissing(false);
            }}
          />
          <Show when={regionMissing()}>
            <p class="field-error" role="alert">
              {t('browse.chooseRegion')}
            </p>
          </Show>
        </fieldset>
        <div class="filter">
          <label for="search-category">{isLabour(kind()) ? t('browse.skill') : t('browse.category')}</label>
          <CategorySelect
            id="search-category"
            catalogue={catalogue()}
            labour={isLabour(kind())}
            value={category()}
            onChange={setCategory}
          />
        </div>
        <Show when={organizer()}>
          <div class="filter">
            <label for="search-status">{t('browse.status')}</label>
            <select id="search-status" value={status()} onChange={(e) => setStatus(e.currentTarget.value)}>
              <For each={LISTING_STATUSES}>
                {(s) => (
                  <option value={s === 'open' ? '' : s} selected={(s === 'open' ? '' : s) === status()}>
                    {t(`listingStatus.${s}`)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <div class="filter filter-keyword">
          <label for="search-q">{t('browse.keyword')}</label>
          <input
            id="search-q"
            type="search"
            maxlength="50"
            placeholder={t('browse.keywordHint')}
            value={keyword()}
            onInput={(e) => setKeyword(e.currentTarget.value)}
          />
        </div>
        <div class="filter">
          <label for="search-sort">{t('browse.sort')}</label>
          <select
            id="search-sort"
            value={sort()}
            onChange={(e) => setSort(e.currentTarget.value as SearchSort)}
          >
            <For each={SEARCH_SORTS}>
              {(s) => (
                <option value={s} selected={s === sort()}>
                  {t(`browse.sorts.${s}`)}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="filter filter-submit">
          <button type="submit" class="button button-primary" data-testid="search-submit">
            {t('browse.search')}
          </button>
        </div>
      </form>
      <h2 class="section-heading">{t('browse.results')}</h2>
      <Show when={first()?.total !== undefined}>
        <p class="muted" role="status" data-testid="search-count">
          {first()?.capped
            ? t('browse.countCapped', {
                count: formatNumber(first()!.total!),
                max: formatNumber(MAX_REFINED_READ),
              })
            : t('browse.count', { count: formatNumber(first()!.total!) })}
        </p>
      </Show>
      <ListingList
        testId="search-results"
        first={first}
        more={(cursor) => {
          const a = applied()!;
          return searchListings({ ...a, cursor });
        }}
        catalogue={catalogue()}
        showOrg
        empty={t('browse.empty')}
      />
    </>
  );
}
