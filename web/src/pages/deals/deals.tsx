import { createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { fetchMyDeals, getMyDeals } from '../../api/deals.ts';
import { createLoadMore } from '../../api/load-more.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { DealRow } from '../../components/deal-card.tsx';
import { useCatalogue } from '../../components/match-format.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';

/** 签约台账: my organisation's letters of intent and contracts, on either side, newest first. */
export default function DealsPage() {
  usePageTitle(() => t('deals.title'));
  const me = useMe();
  useCatalogue();
  const first = createAsync(() => getMyDeals());
  const list = createLoadMore(first, (cursor) => fetchMyDeals(cursor));
  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">{t('deals.eyebrow')}</p>
          <h1 class="page-title" data-testid="page-title">
            {t('deals.title')}
          </h1>
          <p class="page-lead">{t('deals.lead')}</p>
        </div>
      </header>
      <Show when={first()}>
        <Show
          when={list.items().length > 0}
          fallback={
            <p class="empty" data-testid="deals-empty">
              {t('deals.none')}
            </p>
          }
        >
          <ul class="deal-list card" data-testid="deal-list">
            <For each={list.items()}>{(deal) => <DealRow deal={deal} viewerOrgId={me()?.org.id} />}</For>
          </ul>
        </Show>
        <Show when={list.error()}>
          {(error) => <p class="alert alert-error">{localized(error().messages)}</p>}
        </Show>
        <Show when={list.hasMore()}>
          <button type="button" class="button" onClick={() => void list.loadMore()} disabled={list.loading()}>
            {list.loading() ? t('common.loading') : t('deals.loadMore')}
          </button>
        </Show>
      </Show>
    </>
  );
}
