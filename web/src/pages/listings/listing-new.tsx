import { A, createAsync, type RouteSectionProps, useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { getCatalogue } from '../../api/catalogue.ts';
import { isListingKind } from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { ListingForm } from './listing-form.tsx';
import { myListingsChanged } from './my-listings.data.ts';

/** /listings/new/:kind — post supply, demand, staff to lend or staff wanted. */
export default function ListingNewPage(props: RouteSectionProps) {
  const me = useMe();
  const catalogue = createAsync(() => getCatalogue());
  const navigate = useNavigate();
  const kind = () => (isListingKind(props.params.kind) ? props.params.kind : undefined);
  usePageTitle(() => {
    const k = kind();
    return k ? t(`listing.newTitle.${k}`) : t('listing.unknownKind');
  });

  return (
    <Show
      when={kind()}
      keyed
      fallback={
        <div class="card empty-state">
          <h1 class="card-title">{t('listing.unknownKind')}</h1>
          <A href="/" class="button">
            {t('notFound.home')}
          </A>
        </div>
      }
    >
      {(k) => (
        <>
          <header class="page-header">
            <div>
              <p class="eyebrow">{t(`listingKinds.${k}`)}</p>
              <h1 class="page-title" data-testid="page-title">
                {t(`listing.newTitle.${k}`)}
              </h1>
              <p class="page-lead">{t(`listing.newLead.${k}`)}</p>
            </div>
          </header>
          <section class="card">
            <Show when={me()}>
              {(m) => (
                <Show when={catalogue()}>
                  {(c) => (
                    <ListingForm
                      kind={k}
                      me={m()}
                      catalogue={c()}
                      onDone={(listing, outcome) => {
                        myListingsChanged();
                        navigate(`/listings/${listing.id}?done=${outcome}`);
                      }}
                    />
                  )}
                </Show>
              )}
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}
