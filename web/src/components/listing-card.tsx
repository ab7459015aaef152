import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { Catalogue } from '../api/catalogue.ts';
import { type ListingView, totalOf } from '../api/listings.ts';
import { t } from '../i18n/index.ts';
import { formatNumber, formatPeriod, listingTitle, priceOf, unitOf } from './listing-format.ts';
import { RegionName } from './region-name.tsx';

/** Pieces every listing view shares: the status badge, the remaining-quantity bar, the card. */

export function ListingStatusBadge(props: { listing: Pick<ListingView, 'status' | 'closedReason'> }) {
  const label = () =>
    props.listing.status === 'closed' && props.listing.closedReason
      ? `${t('listingStatus.closed')} · ${t(`listingStatus.${props.listing.closedReason}`)}`
      : t(`listingStatus.${props.listing.status}`);
  return (
    <span class={`badge badge-status badge-${props.listing.status}`} data-testid="listing-status">
      {label()}
    </span>
  );
}

/** Remaining of the total as a bar, with the numbers in words for screen readers and everyone. */
export function RemainingBar(props: { listing: ListingView; catalogue: Catalogue | undefined }) {
  const total = () => totalOf(props.listing);
  const share = () => (total() > 0 ? Math.max(0, Math.min(1, props.listing.remaining / total())) : 0);
  const text = () =>
    t('listing.remainingOf', {
      remaining: formatNumber(props.listing.remaining),
      total: formatNumber(total()),
      unit: unitOf(props.listing, props.catalogue),
    });
  return (
    <div class="remaining" data-testid="listing-remaining">
      <div class="remaining-track" aria-hidden="true" data-share={share().toFixed(3)}>
        <div class="remaining-fill" style={{ width: `${(share() * 100).toFixed(1)}%` }} />
      </div>
      <span class="remaining-text">{text()}</span>
    </div>
  );
}

/** One listing in a list: what, how much is left, where, when, by whom; links to its page. */
export function ListingCard(props: {
  listing: ListingView;
  catalogue: Catalogue | undefined;
  showOrg?: boolean;
}) {
  const price = () => priceOf(props.listing, props.catalogue);
  return (
    <article
      class="listing-card"
      data-testid="listing-card"
      data-listing-id={props.listing.id}
      data-kind={props.listing.kind}
    >
      <header class="listing-card-head">
        <A href={`/listings/${props.listing.id}`} class="listing-card-title">
          {listingTitle(props.listing, props.catalogue)}
        </A>
        <span class="tag">{t(`listingKinds.${props.listing.kind}`)}</span>
        <ListingStatusBadge listing={props.listing} />
      </header>
      <p class="listing-card-meta">
        <Show when={props.showOrg}>
          <span data-testid="listing-org">{props.listing.orgName}</span>
        </Show>
        <RegionName adcode={props.listing.adcode} />
        <span>{formatPeriod(props.listing)}</span>
      </p>
      <RemainingBar listing={props.listing} catalogue={props.catalogue} />
      <dl class="listing-card-facts">
        <div>
          <dt>{t('listing.field.price')}</dt>
          <dd classList={{ muted: !price() }}>
            {price() ?? (props.listing.priceHidden ? t('listing.priceHidden') : t('common.none'))}
          </dd>
        </div>
        <div>
          <dt>{t('listing.field.contact')}</dt>
          <Show
            when={props.listing.contact}
            fallback={
              <dd class="muted contact-hidden" data-testid="contact-hidden">
                {props.listing.contactHidden ? t('listing.contactHidden') : t('common.none')}
              </dd>
            }
          >
            {(contact) => (
              <dd data-testid="listing-contact">
                {contact().name} · {contact().phone}
              </dd>
            )}
          </Show>
        </div>
      </dl>
    </article>
  );
}
