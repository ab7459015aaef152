import { A, createAsync, type RouteSectionProps, revalidate, useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { getCatalogue } from '../../api/catalogue.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { listingTitle } from '../../components/listing-format.ts';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { getListing, getListingAudit } from './listing.data.ts';
import { ListingForm } from './listing-form.tsx';
import { myListingsChanged } from './my-listings.data.ts';

/** /listings/:listingId/edit — the owner changes a draft or open listing. */
export default function ListingEditPage(props: RouteSectionProps) {
  const me = useMe();
  const navigate = useNavigate();
  const listingId = () => props.params.listingId ?? '';
  const listing = createAsync(() => (listingId() ? getListing(listingId()) : Promise.resolve(undefined)));
  const catalogue = createAsync(() => getCatalogue());
  usePageTitle('listing.editTitle');
  const back = () => `/listings/${listingId()}`;

  return (
    <Show when={listing()}>
      {(l) => (
        <Show when={catalogue()}>
          {(c) => (
            <Show when={me()}>
              {(m) => {
                const ready = () => ({ l: l(), c: c(), m: m() });
                return (
                  <>
                    <header class="page-header">
                      <div>
                        <p class="eyebrow">
                          <A href={back()}>{listingTitle(ready().l, ready().c)}</A>
                        </p>
                        <h1 class="page-title" data-testid="page-title">
                          {t('listing.editTitle')}
                        </h1>
                      </div>
                    </header>
                    <Show
                      when={ready().l.status !== 'closed' && ready().l.orgId === ready().m.org.id}
                      fallback={
                        <div class="alert alert-info" role="status">
                          <A href={back()}>{t('listing.detailTitle')}</A>
                        </div>
                      }
                    >
                      <section class="card">
                        <ListingForm
                          kind={ready().l.kind}
                          me={ready().m}
                          catalogue={ready().c}
                          listing={ready().l}
                          onCancel={() => navigate(back())}
                          onDone={async () => {
                            myListingsChanged();
                            await revalidate([getListing.key, getListingAudit.key]);
                            navigate(`${back()}?done=saved`);
                          }}
                        />
                      </section>
                    </Show>
                  </>
                );
              }}
            </Show>
          )}
        </Show>
      )}
    </Show>
  );
}
