import { A, createAsync, type RouteSectionProps, revalidate, useSearchParams } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, type JSX, Match, Show, Suspense, Switch } from 'solid-js';
import { canSeeListingHistory, isGoodsListing } from '../../../../functions/contract/listing.ts';
import type { Me } from '../../api/auth.ts';
import { type Catalogue, getCatalogue } from '../../api/catalogue.ts';
import { ApiError } from '../../api/client.ts';
import {
  type AuditEntry,
  hideListing,
  type ListingLifecycleAction,
  type ListingView,
  moveListing,
  unhideListing,
} from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { ListingStatusBadge, RemainingBar } from '../../components/listing-card.tsx';
import {
  fieldLabel,
  formatDateTime,
  formatDay,
  formatNumber,
  listingTitle,
  priceOf,
  unitOf,
} from '../../components/listing-format.ts';
import { Loading } from '../../components/load-error.tsx';
import { RegionName } from '../../components/region-name.tsx';
import { type Localized, localized, t } from '../../i18n/index.ts';
import { viewerOf } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { getListing, getListingAudit } from './listing.data.ts';
import { ListingMatchesSlot } from './listing-matches-slot.tsx';
import { myListingsChanged } from './my-listings.data.ts';

/** /listings/:listingId — everything about one listing; its owner can edit and move it here. */
export default function ListingDetailPage(props: RouteSectionProps) {
  const me = useMe();
  // read only with an id (a param first read inside a navigation's transition may still be unset)
  const listing = createAsync(() => {
    const id = props.params.listingId;
    return id ? getListing(id) : Promise.resolve(undefined);
  });
  const catalogue = createAsync(() => getCatalogue());
  usePageTitle(() => {
    const l = listing();
    return l ? listingTitle(l, catalogue()) : t('listing.detailTitle');
  });
  return (
    // nested, not `when={listing() && me() ? {…} : undefined}`: after a client-side navigation that
    // form never showed the page (the transition committed with the condition still unset)
    <Show when={listing()}>
      {(l) => (
        <Show when={me()}>{(m) => <ListingDetail listing={l()} me={m()} catalogue={catalogue()} />}</Show>
      )}
    </Show>
  );
}

type Done = 'posted' | 'draft' | 'saved' | ListingLifecycleAction;

function ListingDetail(props: { listing: ListingView; me: Me; catalogue: Catalogue | undefined }) {
  const [search, setSearch] = useSearchParams<{ done?: string }>();
  const [moved, setMoved] = createSignal<ListingLifecycleAction | null>(null);
  const [confirming, setConfirming] = createSignal<ListingLifecycleAction | null>(null);
  const [pending, setPending] = createSignal<ListingLifecycleAction | 'hide' | 'unhide' | null>(null);
  const [failure, setFailure] = createSignal<Localized | null>(null);
  const l = () => props.listing;
  const isOwner = () => l().orgId === props.me.org.id;
  const may = (action: ListingView['actions'][number]) => l().actions.includes(action);
  const canSeeHistory = () => canSeeListingHistory(viewerOf(props.me), l());
  const done = (): Done | undefined => moved() ?? (search.done as Done | undefined);
  const doneText = () => {
    const d = done();
    if (!d) return undefined;
    if (d === 'posted') return t('listing.posted');
    if (d === 'draft') return t('listing.draftSaved');
    if (d === 'saved') return t('listing.saved');
    return t(`listing.moved.${d}`);
  };

  /** One change of the listing at a time: the call, then what it shows, then the listing read again. */
  const change = async (
    action: NonNullable<ReturnType<typeof pending>>,
    call: () => Promise<unknown>,
    done: () => void,
  ) => {
    if (pending()) return;
    setPending(action);
    setFailure(null);
    try {
      await call();
      done();
      await revalidate([getListing.key, getListingAudit.key]);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      setFailure(error.messages);
    } finally {
      setPending(null);
    }
  };

  const act = (action: ListingLifecycleAction) =>
    change(
      action,
      () => moveListing(l().id, action),
      () => {
        setConfirming(null);
        setSearch({ done: undefined }, { replace: true });
        setMoved(action);
        myListingsChanged();
      },
    );

  const [hiding, setHiding] = createSignal(false);
  const [hideReason, setHideReason] = createSignal('');
  const [hidDone, setHidDone] = createSignal<'listing.hiddenDone' | 'listing.unhiddenDone'>();
  /** An organizer hides an implausible listing (with a reason), or shows it again. */
  const hideOrShow = (action: 'hide' | 'unhide') =>
    change(
      action,
      () => (action === 'hide' ? hideListing(l().id, hideReason().trim()) : unhideListing(l().id)),
      () => {
        setHiding(false);
        setHidDone(action === 'hide' ? 'listing.hiddenDone' : 'listing.unhiddenDone');
      },
    );

  const actionButton = (action: ListingLifecycleAction, label: string, primary = false) => (
    <button
      type="button"
      class={`button ${primary ? 'button-primary' : 'button-secondary'}`}
      data-testid={`listing-${action}`}
      disabled={pending() !== null}
      aria-busy={pending() === action}
      onClick={() => (action === 'publish' ? act(action) : setConfirming(action))}
    >
      {label}
    </button>
  );

  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">
            <span data-testid="listing-kind">{t(`listingKinds.${l().kind}`)}</span>
          </p>
          <h1 class="page-title listing-title" data-testid="listing-title">
            {listingTitle(l(), props.catalogue)} <ListingStatusBadge listing={l()} />
          </h1>
          <p class="page-lead">
            <span data-testid="listing-org">{t('listing.byOrg', { name: l().orgName })}</span>
            <Show when={l().postedByOrgId}>
              <span class="dot" aria-hidden="true">
                ·
              </span>
              <span>{t('listing.importedBy')}</span>
            </Show>
          </p>
        </div>
        {/* Exactly what the API says this viewer may do to the listing now. */}
        <Show when={l().actions.length > 0}>
          <div class="listing-actions">
            <Show when={may('edit')}>
              <A href={`/listings/${l().id}/edit`} class="button button-secondary" data-testid="listing-edit">
                {t('common.edit')}
              </A>
            </Show>
            <Show when={may('publish')}>{actionButton('publish', t('listing.actionPublish'), true)}</Show>
            <Show when={may('fulfil')}>{actionButton('fulfil', t('listing.actionFulfil'))}</Show>
            <Show when={may('withdraw')}>{actionButton('withdraw', t('listing.actionWithdraw'))}</Show>
            <Show when={may('hide')}>
              <button
                type="button"
                class="button button-secondary"
                data-testid="listing-hide"
                onClick={() => setHiding(true)}
              >
                {t('listing.actionHide')}
              </button>
            </Show>
            <Show when={may('unhide')}>
              <button
                type="button"
                class="button button-secondary"
                data-testid="listing-unhide"
                disabled={pending() !== null}
                aria-busy={pending() === 'unhide'}
                onClick={() => hideOrShow('unhide')}
              >
                {t('listing.actionUnhide')}
              </button>
            </Show>
          </div>
        </Show>
      </header>

      <Show when={l().status === 'hidden'}>
        <div class="alert alert-warning" role="status" data-testid="listing-hidden">
          {t('listing.hiddenNotice', { reason: l().hiddenReason ?? '' })}
        </div>
      </Show>
      <Show when={hidDone()}>
        {(key) => (
          <div class="alert alert-success" role="status" data-testid="listing-hide-done">
            {t(key())}
          </div>
        )}
      </Show>
      <Show when={hiding()}>
        <form
          class="alert alert-warning confirm-strip"
          onSubmit={(event) => {
            event.preventDefault();
            void hideOrShow('hide');
          }}
        >
          <label for="hide-reason">{t('listing.hideReason')}</label>
          <input
            id="hide-reason"
            class="input"
            data-testid="hide-reason"
            required
            maxlength="200"
            value={hideReason()}
            onInput={(e) => setHideReason(e.currentTarget.value)}
          />
          <div class="confirm-actions">
            <button
              type="submit"
              class="button button-primary"
              data-testid="hide-confirm"
              disabled={pending() !== null || hideReason().trim() === ''}
              aria-busy={pending() === 'hide'}
            >
              {t('listing.hideConfirm')}
            </button>
            <button type="button" class="button button-ghost" onClick={() => setHiding(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Show>

      <Show when={doneText()}>
        <div class="alert alert-success" role="status" data-testid="listing-done">
          {doneText()}
        </div>
      </Show>
      <Show when={failure()}>
        {(message) => (
          <div class="alert alert-error" role="alert">
            {localized(message())}
          </div>
        )}
      </Show>
      <Show when={confirming()}>
        {(action) => (
          <div class="alert alert-warning confirm-strip" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
              {action() === 'withdraw' ? t('listing.confirmWithdraw') : t('listing.confirmFulfil')}
            </p>
            <div class="confirm-actions">
              <button
                type="button"
                class="button button-primary"
                data-testid="listing-confirm"
                disabled={pending() !== null}
                aria-busy={pending() !== null}
                onClick={() => act(action())}
              >
                {action() === 'withdraw' ? t('listing.actionWithdraw') : t('listing.actionFulfil')}
              </button>
              <button type="button" class="button button-ghost" onClick={() => setConfirming(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </div>
        )}
      </Show>

      <Show when={!isGoodsListing(l())}>
        <div class="alert alert-info labour-notice" data-testid="labour-notice">
          <p>
            <strong>{t('listing.labourNotice')}</strong>
          </p>
          <p>{t('listing.labourNoticeText')}</p>
        </div>
      </Show>

      <section class="card listing-detail" aria-labelledby="listing-title-details">
        <h2 class="sr-only" id="listing-title-details">
          {t('listing.detailTitle')}
        </h2>
        <RemainingBar listing={l()} catalogue={props.catalogue} />
        <ListingFacts listing={l()} catalogue={props.catalogue} />
      </section>

      <Show when={canSeeHistory()}>
        <ListingMatchesSlot listingId={l().id} isOwner={isOwner()} />
      </Show>

      <Show when={canSeeHistory()}>
        <section class="card listing-history" aria-labelledby="listing-history-title">
          <h2 class="card-title" id="listing-history-title">
            {t('listing.history')}
          </h2>
          <ErrorBoundary fallback={<p class="muted">{t('errors.loadFailed')}</p>}>
            <Suspense fallback={<Loading />}>
              <History listing={l()} catalogue={props.catalogue} />
            </Suspense>
          </ErrorBoundary>
        </section>
      </Show>
    </>
  );
}

const yesNo = (value: boolean | undefined) => (value ? t('listing.yes') : t('listing.no'));

function Fact(props: { field: string; label: string; children: JSX.Element }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={`detail-${props.field}`}>{props.children}</dd>
    </div>
  );
}

function ListingFacts(props: { listing: ListingView; catalogue: Catalogue | undefined }) {
  const l = () => props.listing;
  const c = () => props.catalogue;
  const unit = () => unitOf(l(), c());
  const amount = (value: number | undefined) =>
    value === undefined ? t('common.none') : `${formatNumber(value)} ${unit()}`;
  const price = () => priceOf(l(), c()) ?? (l().priceHidden ? t('listing.priceHidden') : t('common.none'));
  const certs = (ids: readonly string[]) =>
    ids.length > 0 ? ids.map((id) => c()?.certificateName(id) ?? id).join('、') : t('common.none');
  const spec = () => {
    const x = l();
    return isGoodsListing(x) ? c()?.specById.get(x.specId) : undefined;
  };
  const goodsFacts = () => {
    const x = l();
    if (!isGoodsListing(x)) return null;
    return (
      <>
        <Fact field="category" label={t('listing.field.category')}>
          {c()?.categoryName(x.category) ?? x.category}
        </Fact>
        <Fact field="specId" label={t('listing.field.specId')}>
          {c()?.specName(x.specId) ?? x.specId}
        </Fact>
        <Fact field="standard" label={t('listing.field.standard')}>
          {spec()?.standard ?? t('common.none')}
        </Fact>
        <Fact field="unit" label={t('listing.field.unit')}>
          {unit()}
        </Fact>
      </>
    );
  };
  return (
    <dl class="details listing-facts">
      <Switch>
        <Match when={l().kind === 'supply' && l()}>
          {(x) => {
            const s = () => x() as Extract<ListingView, { kind: 'supply' }>;
            return (
              <>
                {goodsFacts()}
                <Fact field="quantity" label={t('listing.field.quantitySupply')}>
                  {amount(s().quantity)}
                </Fact>
                <Fact field="remaining" label={t('listing.field.remaining')}>
                  {amount(s().remaining)}
                </Fact>
                <Fact field="stockOnHand" label={t('listing.field.stockOnHand')}>
                  {amount(s().stockOnHand)}
                </Fact>
                <Fact field="dailyCapacity" label={t('listing.field.dailyCapacity')}>
                  {amount(s().dailyCapacity)}
                </Fact>
                <Fact field="minOrder" label={t('listing.field.minOrder')}>
                  {amount(s().minOrder)}
                </Fact>
                <Fact field="period" label={t('listing.field.period')}>
                  {formatDay(s().availableFrom)} – {formatDay(s().availableUntil)}
                </Fact>
                <Fact field="deliveryRadiusKm" label={t('listing.field.deliveryRadiusKm')}>
                  {formatNumber(s().deliveryRadiusKm)}
                </Fact>
                <Fact field="price" label={t('listing.field.unitPrice')}>
                  {price()}
                </Fact>
              </>
            );
          }}
        </Match>
        <Match when={l().kind === 'demand' && l()}>
          {(x) => {
            const d = () => x() as Extract<ListingView, { kind: 'demand' }>;
            return (
              <>
                <Fact field="projectName" label={t('listing.field.projectName')}>
                  {d().projectName}
                </Fact>
                <Fact field="keyProject" label={t('listing.field.keyProject')}>
                  {yesNo(d().keyProject)}
                </Fact>
                {goodsFacts()}
                <Fact field="quantity" label={t('listing.field.quantityDemand')}>
                  {amount(d().quantity)}
                </Fact>
                <Fact field="remaining" label={t('listing.field.remaining')}>
                  {amount(d().remaining)}
                </Fact>
                <Fact field="period" label={t('listing.field.period')}>
                  {formatDay(d().deliverFrom)} – {formatDay(d().neededBy)}
                </Fact>
                <Fact field="acceptsSubstitutes" label={t('listing.field.acceptsSubstitutes')}>
                  {yesNo(d().acceptsSubstitutes)}
                </Fact>
                <Fact field="price" label={t('listing.field.ceilingPrice')}>
                  {price()}
                </Fact>
              </>
            );
          }}
        </Match>
        <Match when={(l().kind === 'labour_offer' || l().kind === 'labour_request') && l()}>
          {(x) => {
            const w = () => x() as Extract<ListingView, { kind: 'labour_offer' | 'labour_request' }>;
            const req = () => x() as Extract<ListingView, { kind: 'labour_request' }>;
            return (
              <>
                <Fact field="skillId" label={t('listing.field.skillId')}>
                  {c()?.skillName(w().skillId) ?? w().skillId}
                </Fact>
                <Fact
                  field="headcount"
                  label={t(
                    w().kind === 'labour_offer'
                      ? 'listing.field.headcountOffer'
                      : 'listing.field.headcountRequest',
                  )}
                >
                  {amount(w().headcount)}
                </Fact>
                <Fact field="remaining" label={t('listing.field.remaining')}>
                  {amount(w().remaining)}
                </Fact>
                <Fact field="period" label={t('listing.field.period')}>
                  {formatDay(w().from)} – {formatDay(w().until)}
                </Fact>
                <Show
                  when={
                    w().kind === 'labour_offer'
                      ? (w() as Extract<ListingView, { kind: 'labour_offer' }>)
                      : undefined
                  }
                  fallback={
                    <>
                      <Fact field="minOverlapDays" label={t('listing.field.minOverlapDays')}>
                        {formatNumber(req().minOverlapDays)}
                      </Fact>
                      <Fact field="certificatesRequired" label={t('listing.field.certificatesRequired')}>
                        {certs(req().certificatesRequired)}
                      </Fact>
                      <Fact field="housingProvided" label={t('listing.field.housingProvided')}>
                        {yesNo(req().housingProvided)}
                      </Fact>
                      <Fact field="transportProvided" label={t('listing.field.transportProvided')}>
                        {yesNo(req().transportProvided)}
                      </Fact>
                    </>
                  }
                >
                  {(offer) => (
                    <>
                      <Fact field="commuteRadiusKm" label={t('listing.field.commuteRadiusKm')}>
                        {formatNumber(offer().commuteRadiusKm)}
                      </Fact>
                      <Fact field="certificates" label={t('listing.field.certificates')}>
                        {certs(offer().certificates)}
                      </Fact>
                      <Fact field="needsHousing" label={t('listing.field.needsHousing')}>
                        {yesNo(offer().needsHousing)}
                      </Fact>
                      <Fact field="needsTransport" label={t('listing.field.needsTransport')}>
                        {yesNo(offer().needsTransport)}
                      </Fact>
                    </>
                  )}
                </Show>
                <Fact field="price" label={t('listing.field.dailyWage')}>
                  {price()}
                </Fact>
              </>
            );
          }}
        </Match>
      </Switch>
      <Fact field="adcode" label={t('listing.field.adcode')}>
        <RegionName adcode={l().adcode} />
      </Fact>
      <Fact field="address" label={t('listing.field.address')}>
        {l().address ?? t('common.none')}
      </Fact>
      <Fact field="contact" label={t('listing.field.contact')}>
        <Show
          when={l().contact}
          fallback={
            <span class="muted contact-hidden" data-testid="contact-hidden">
              {l().contactHidden ? t('listing.contactHiddenLong') : t('common.none')}
            </span>
          }
        >
          {(contact) => (
            <>
              {contact().name} · <a href={`tel:${contact().phone}`}>{contact().phone}</a>
            </>
          )}
        </Show>
      </Fact>
      <Fact field="createdAt" label={t('listing.field.createdAt')}>
        {formatDateTime(l().createdAt)}
      </Fact>
      <Fact field="updatedAt" label={t('listing.field.updatedAt')}>
        {formatDateTime(l().updatedAt)}
      </Fact>
      <Show when={l().note}>
        <div class="details-wide">
          <dt>{t('listing.field.note')}</dt>
          <dd data-testid="detail-note" class="pre-line">
            {l().note}
          </dd>
        </div>
      </Show>
    </dl>
  );
}

const HIDDEN_CHANGES = new Set(['importId', 'createdBy', 'orgId', 'orgName', 'category', 'unit', 'id']);
const AUDIT_ACTIONS = ['post', 'edit', 'publish', 'withdraw', 'fulfil', 'expire', 'import'] as const;

function History(props: { listing: ListingView; catalogue: Catalogue | undefined }) {
  const audit = createAsync(() => getListingAudit(props.listing.id));
  const actionName = (action: string) =>
    (AUDIT_ACTIONS as readonly string[]).includes(action)
      ? t(`listing.auditAction.${action as (typeof AUDIT_ACTIONS)[number]}`)
      : action;
  const actor = (entry: AuditEntry) =>
    entry.actorOrgId === 'system'
      ? t('listing.historyBySystem')
      : entry.actorOrgId === props.listing.orgId
        ? t('listing.historyByOwner')
        : t('listing.historyByOther');
  const show = (field: string, value: unknown): JSX.Element => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (field === 'adcode' && typeof value === 'string') return <RegionName adcode={value} />;
    if (field === 'status' && typeof value === 'string')
      return ['draft', 'open', 'closed'].includes(value)
        ? t(`listingStatus.${value as 'draft' | 'open' | 'closed'}`)
        : value;
    if (field === 'closedReason' && typeof value === 'string')
      return ['fulfilled', 'withdrawn', 'expired'].includes(value)
        ? t(`listingStatus.${value as 'fulfilled' | 'withdrawn' | 'expired'}`)
        : value;
    if (field === 'specId' && typeof value === 'string') return props.catalogue?.specName(value) ?? value;
    if (field === 'skillId' && typeof value === 'string') return props.catalogue?.skillName(value) ?? value;
    if (typeof value === 'boolean') return yesNo(value);
    if (typeof value === 'number') return formatNumber(value);
    if (Array.isArray(value))
      return (
        value.map((v) => props.catalogue?.certificateName(String(v)) ?? String(v)).join('、') ||
        t('common.none')
      );
    if (typeof value === 'object') {
      const contact = value as { name?: string; phone?: string };
      return [contact.name, contact.phone].filter(Boolean).join(' · ');
    }
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
    return String(value);
  };
  return (
    <Show
      when={(audit()?.items.length ?? 0) > 0}
      fallback={<p class="muted">{audit() ? t('listing.historyEmpty') : ''}</p>}
    >
      <ol class="history" data-testid="listing-history">
        <For each={audit()?.items}>
          {(entry) => (
            <li class="history-entry" data-action={entry.action}>
              <div class="history-head">
                <strong>{actionName(entry.action)}</strong>
                <span class="muted">
                  {actor(entry)} · <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                </span>
              </div>
              <Show when={entry.action === 'edit' && entry.changes}>
                {(changes) => (
                  <ul class="history-changes">
                    <For
                      each={Object.entries(changes()).filter(
                        ([field]) => !HIDDEN_CHANGES.has(field) && field !== 'remaining',
                      )}
                    >
                      {([field, change]) => (
                        <li>
                          <span class="history-field">{fieldLabel(field)}</span>{' '}
                          <span class="history-change">
                            {show(field, change.from)} → {show(field, change.to)}
                          </span>
                        </li>
                      )}
                    </For>
                  </ul>
                )}
              </Show>
            </li>
          )}
        </For>
      </ol>
    </Show>
  );
}
