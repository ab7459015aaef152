import { createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { getCatalogue } from '../../api/catalogue.ts';
import {
  can,
  fetchRegistrations,
  getEvent,
  getRegistrations,
  type MatchEvent,
  moveRegistration,
  type Registration,
  register,
} from '../../api/events.ts';
import {
  isListingKind,
  LISTING_KINDS,
  type ListingKind,
  type ListingView,
  searchListings,
} from '../../api/listings.ts';
import { createLoadMore } from '../../api/load-more.ts';
import { FormMessage } from '../../components/field.tsx';
import { listingTitle } from '../../components/listing-format.ts';
import { formatDate } from '../../components/match-format.ts';
import { createFormErrors } from '../../forms.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { useAction } from './event-action.ts';
import { EventHeader } from './event-detail.tsx';
import { wholeDays } from './event-participant.tsx';
import { RegistrationBadge } from './event-status.tsx';
import { myEventsChanged } from './events.data.ts';

/**
 * /events/:eventId/registrations — the organizer's list of applications: approve, refuse with a
 * reason, and register firms on their behalf (including invited firms that have not signed up).
 */
export default function EventRegistrationsPage(props: RouteSectionProps) {
  usePageTitle('events.registrations');
  const event = createAsync(() => getEvent(props.params.eventId ?? ''));
  return (
    <Show when={event()}>
      {(e) => (
        <>
          <EventHeader event={e()} back={`/events/${e().id}`} />
          <RegistrationList event={e()} />
          <Show when={can(e(), 'registerOnBehalf')}>
            <OnBehalfForm event={e()} />
          </Show>
        </>
      )}
    </Show>
  );
}

function RegistrationList(props: { event: MatchEvent }) {
  const first = createAsync(() => getRegistrations(props.event.id));
  const pages = createLoadMore(first, (cursor) => fetchRegistrations(props.event.id, cursor));
  return (
    <section class="card" aria-labelledby="registrations-title" data-testid="registrations">
      <h2 id="registrations-title" class="card-title">
        {t('events.registrationsTitle', {
          approved: props.event.approvedCount ?? 0,
          capacity: props.event.capacity,
        })}
      </h2>
      <Show when={first()}>
        <Show when={pages.items().length > 0} fallback={<p class="muted">{t('events.noRegistrations')}</p>}>
          <div class="table-wrap" tabindex="0">
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('events.firm')}</th>
                  <th scope="col">{t('events.status')}</th>
                  <th scope="col" class="num">
                    {t('events.listingsEnrolled')}
                  </th>
                  <th scope="col" class="num">
                    {t('events.people')}
                  </th>
                  <th scope="col">{t('events.availability')}</th>
                  <th scope="col">{t('events.answer')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={pages.items()}>
                  {(r) => <RegistrationRow event={props.event} registration={r} />}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={pages.hasMore()}>
            <div class="pager">
              <button type="button" class="button" disabled={pages.loading()} onClick={pages.loadMore}>
                {t('events.more')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}

function RegistrationRow(props: { event: MatchEvent; registration: Registration }) {
  const [refusing, setRefusing] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const act = useAction<unknown>(async () => {
    setRefusing(false);
    myEventsChanged();
    await revalidate([getRegistrations.keyFor(props.event.id), getEvent.keyFor(props.event.id)]);
  });
  const r = () => props.registration;
  return (
    <tr data-testid="registration-row" data-org={r().orgName} data-status={r().status}>
      <td>
        {r().orgName}
        <Show when={r().invited}>
          {' '}
          <span class="badge badge-amber">{t('events.invited')}</span>
        </Show>
        <Show when={r().onBehalf}>
          {' '}
          <span class="badge badge-muted">{t('events.onBehalf')}</span>
        </Show>
      </td>
      <td>
        <RegistrationBadge status={r().status} />
        <Show when={r().reason}>
          <div class="muted">{r().reason}</div>
        </Show>
      </td>
      <td class="num">{r().listingIds.length}</td>
      <td class="num">{r().people}</td>
      <td>
        {r()
          .availability.map((a) => `${formatDate(a.date)} ${a.start}–${a.end}`)
          .join(t('events.daySeparator'))}
      </td>
      <td>
        <div class="step-actions">
          <Show when={can(r(), 'approve')}>
            <button
              type="button"
              class="button button-primary"
              disabled={Boolean(act.busy())}
              data-testid="registration-approve"
              onClick={() => act.run('approve', () => moveRegistration(props.event.id, r().id, 'approve'))}
            >
              {t('events.approve')}
            </button>
          </Show>
          <Show when={can(r(), 'refuse')}>
            <Show
              when={refusing()}
              fallback={
                <button
                  type="button"
                  class="button"
                  data-testid="registration-refuse"
                  onClick={() => setRefusing(true)}
                >
                  {t('events.refuse')}
                </button>
              }
            >
              <form
                class="row-inputs"
                onSubmit={(e) => {
                  e.preventDefault();
                  void act.run('refuse', () =>
                    moveRegistration(props.event.id, r().id, 'refuse', { reason: reason().trim() }),
                  );
                }}
              >
                <label>
                  <span class="sr-only">{t('events.refuseReason')}</span>
                  <input
                    type="text"
                    placeholder={t('events.refuseReason')}
                    value={reason()}
                    onInput={(e) => setReason(e.currentTarget.value)}
                    data-testid="registration-reason-input"
                  />
                </label>
                <button type="submit" class="button button-danger" data-testid="registration-refuse-yes">
                  {t('events.refuse')}
                </button>
              </form>
            </Show>
          </Show>
        </div>
        <Show when={act.error()}>
          {(e) => (
            <div class="alert alert-error" role="alert" data-testid="registration-error">
              {localized(e().messages)}
            </div>
          )}
        </Show>
      </td>
    </tr>
  );
}

/**
 * Register a firm on its behalf: find its open listings in the event's region (invited firms'
 * listings, from the organizer's imports, are there too), pick them, and register.
 */
function OnBehalfForm(props: { event: MatchEvent }) {
  const catalogue = createAsync(() => getCatalogue());
  const [kind, setKind] = createSignal<ListingKind>('supply');
  const [found, setFound] = createSignal<ListingView[]>();
  const [orgId, setOrgId] = createSignal('');
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [people, setPeople] = createSignal('2');
  const errors = createFormErrors([]);
  const [pending, setPending] = createSignal(false);
  const orgs = () => {
    const seen = new Map<string, string>();
    for (const l of found() ?? []) seen.set(l.orgId, l.orgName);
    return [...seen].map(([id, name]) => ({ id, name }));
  };
  const search = async () => {
    errors.clear();
    try {
      const page = await searchListings({
        kind: kind(),
        region: props.event.region,
        status: 'open',
        limit: 100,
      });
      setFound(page.items);
      setOrgId('');
      setChosen([]);
    } catch (error) {
      errors.showApiError(error);
    }
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    if (pending()) return;
    errors.clear();
    setPending(true);
    try {
      await register(props.event.id, {
        orgId: orgId(),
        listingIds: chosen(),
        availability: wholeDays(props.event),
        people: Number(people()),
      });
      myEventsChanged();
      setFound(undefined);
      await revalidate([getRegistrations.keyFor(props.event.id), getEvent.keyFor(props.event.id)]);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <section class="card" aria-labelledby="on-behalf-title" data-testid="on-behalf">
      <h2 id="on-behalf-title" class="card-title">
        {t('events.onBehalfTitle')}
      </h2>
      <p class="muted">{t('events.onBehalfLead')}</p>
      <FormMessage
        id="on-behalf-error"
        message={errors.form()}
        extra={errors.unplaced().map((f) => localized(f.messages))}
      />
      <div class="row-inputs">
        <label class="inline-field">
          <span>{t('events.listingKind')}</span>
          <select
            value={kind()}
            onChange={(e) => isListingKind(e.currentTarget.value) && setKind(e.currentTarget.value)}
            data-testid="on-behalf-kind"
          >
            <For each={LISTING_KINDS}>{(k) => <option value={k}>{t(`listingKinds.${k}`)}</option>}</For>
          </select>
        </label>
        <button type="button" class="button" onClick={search} data-testid="on-behalf-search">
          {t('events.findFirms')}
        </button>
      </div>
      <Show when={found()}>
        <form class="form" onSubmit={submit}>
          <label class="inline-field">
            <span>{t('events.firm')}</span>
            <select
              value={orgId()}
              onChange={(e) => {
                setOrgId(e.currentTarget.value);
                setChosen([]);
              }}
              data-testid="on-behalf-org"
            >
              <option value="">{t('events.choose')}</option>
              <For each={orgs()}>{(o) => <option value={o.id}>{o.name}</option>}</For>
            </select>
          </label>
          <div class="check-list">
            <For each={(found() ?? []).filter((l) => l.orgId === orgId())}>
              {(l) => (
                <label class="check">
                  <input
                    type="checkbox"
                    checked={chosen().includes(l.id)}
                    data-testid="on-behalf-listing"
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setChosen((c) => (on ? [...c, l.id] : c.filter((x) => x !== l.id)));
                    }}
                  />
                  <span>{listingTitle(l, catalogue())}</span>
                </label>
              )}
            </For>
          </div>
          <label class="inline-field">
            <span>{t('events.people')}</span>
            <input type="number" min="1" value={people()} onInput={(e) => setPeople(e.currentTarget.value)} />
          </label>
          <div class="form-actions">
            <button
              type="submit"
              class="button button-primary"
              disabled={!orgId() || pending()}
              data-testid="on-behalf-submit"
            >
              {t('events.registerOnBehalf')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
