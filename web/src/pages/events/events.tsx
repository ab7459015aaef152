import { A, createAsync, useSearchParams } from '@solidjs/router';
import { For, type JSX, Show } from 'solid-js';
import type { MatchEvent } from '../../api/events.ts';
import { fetchMyEvents, fetchMyRegistrations, fetchOpenEvents, type Registration } from '../../api/events.ts';
import { createLoadMore } from '../../api/load-more.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { RegionName } from '../../components/region-name.tsx';
import { RegionPicker } from '../../components/region-picker.tsx';
import { localized, t } from '../../i18n/index.ts';
import { isOrganizer } from '../../nav.ts';
import { usePageTitle } from '../../page-title.ts';
import { formatDays } from './event-format.ts';
import { EventStatusBadge, RegistrationBadge } from './event-status.tsx';
import {
  eventsVersion,
  getMyEventsPage,
  getMyRegistrationsPage,
  getOpenEventsPage,
  thisMonth,
} from './events.data.ts';

/**
 * /events — an organizer's own events by month and city, with a button to create one (and what to do
 * first when there is none); for firms, the published events they can take part in.
 */
export default function EventsPage() {
  usePageTitle('events.title');
  const me = useMe();
  const [search, setSearch] = useSearchParams<{ month?: string; region?: string }>();
  const month = () => search.month ?? '';
  const region = () => search.region ?? '';
  const organizer = () => {
    const m = me();
    return m ? isOrganizer(m) : false;
  };
  return (
    <Show when={me()}>
      <header class="page-header">
        <div>
          <h1 class="page-title" data-testid="page-title">
            {organizer() ? t('events.mineTitle') : t('events.openTitle')}
          </h1>
          <p class="page-lead">{organizer() ? t('events.mineLead') : t('events.openLead')}</p>
        </div>
        <Show when={organizer()}>
          <A href="/events/new" class="button button-primary" data-testid="event-new">
            {t('events.new')}
          </A>
        </Show>
      </header>
      <form class="filters card" onSubmit={(e) => e.preventDefault()} data-testid="event-filters">
        <label class="filter">
          <span>{t('events.month')}</span>
          <input
            type="month"
            value={month() || (organizer() ? '' : thisMonth())}
            data-testid="event-month"
            onChange={(e) => setSearch({ month: e.currentTarget.value || undefined })}
          />
        </label>
        <div class="filter filter-region">
          <span>{t('events.city')}</span>
          <RegionPicker
            id="event-region"
            label={t('events.city')}
            value={region() || undefined}
            onChange={(adcode) => setSearch({ region: adcode || undefined })}
          />
        </div>
      </form>
      <Show when={!organizer()}>
        <MyRegistrations />
      </Show>
      <Show when={organizer()} fallback={<OpenEvents month={month()} region={region()} />}>
        <MyEvents month={month()} region={region()} />
      </Show>
    </Show>
  );
}

function MyEvents(props: { month: string; region: string }) {
  const first = createAsync(() => getMyEventsPage(props.month, eventsVersion()));
  const pages = createLoadMore(first, (cursor) => fetchMyEvents({ month: props.month, cursor }));
  // a city (or county) narrows the department's own events here: adcodes nest
  const inRegion = (event: MatchEvent) =>
    !props.region || regionPrefix(event.region).startsWith(regionPrefix(props.region));
  const filtered = () => Boolean(props.month || props.region);
  return (
    <EventTable
      pages={pages}
      filter={inRegion}
      loaded={Boolean(first())}
      empty={
        <Show when={!filtered()} fallback={<p class="muted">{t('events.noneFiltered')}</p>}>
          <div class="empty-state" data-testid="events-empty">
            <h2 class="card-title">{t('events.firstTitle')}</h2>
            <ol class="steps">
              <li>{t('events.firstStep1')}</li>
              <li>{t('events.firstStep2')}</li>
              <li>{t('events.firstStep3')}</li>
              <li>{t('events.firstStep4')}</li>
            </ol>
            <A href="/events/new" class="button button-primary">
              {t('events.new')}
            </A>
          </div>
        </Show>
      }
    />
  );
}

function OpenEvents(props: { month: string; region: string }) {
  const first = createAsync(() => getOpenEventsPage(props.month, props.region, eventsVersion()));
  const pages = createLoadMore(first, (cursor) =>
    fetchOpenEvents({ month: props.month, region: props.region, cursor }),
  );
  return (
    <EventTable
      pages={pages}
      loaded={Boolean(first())}
      empty={
        <p class="muted" data-testid="events-empty">
          {t('events.noneOpen')}
        </p>
      }
    />
  );
}

/**
 * The events my organisation registered for (whatever their month), with the registration's state
 * and, once approved, the way to its agenda: a firm finds its events here without searching.
 */
function MyRegistrations() {
  const first = createAsync(() => getMyRegistrationsPage(eventsVersion()));
  const pages = createLoadMore(first, (cursor) => fetchMyRegistrations(cursor));
  return (
    <Show when={first() && pages.items().length > 0}>
      <section class="card" data-testid="registered-events">
        <h2 class="card-title">{t('events.myRegistrations')}</h2>
        <div class="table-wrap" tabindex="0">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('events.eventTitle')}</th>
                <th scope="col">{t('events.startsOn')}</th>
                <th scope="col">{t('events.registrationState')}</th>
                <th scope="col">
                  <span class="sr-only">{t('events.agendaColumn')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={pages.items()}>
                {(registration: Registration) => (
                  <tr data-testid="registered-event" data-event-id={registration.eventId}>
                    <td>
                      <A href={`/events/${registration.eventId}`}>{registration.eventTitle}</A>
                    </td>
                    <td>{registration.eventStartDate}</td>
                    <td>
                      <RegistrationBadge status={registration.status} />
                    </td>
                    <td>
                      <Show when={registration.status === 'approved'}>
                        <A
                          href={`/events/${registration.eventId}/agenda`}
                          data-testid="registered-event-agenda"
                        >
                          {t('events.openAgenda')}
                        </A>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <Show when={pages.hasMore()}>
          <button type="button" class="button" onClick={() => pages.loadMore()} disabled={pages.loading()}>
            {t('events.more')}
          </button>
        </Show>
      </section>
    </Show>
  );
}

/** The prefix an adcode stands for: 350000 → 35, 350100 → 3501, 350102 → 350102. */
const regionPrefix = (adcode: string): string =>
  adcode.endsWith('0000') ? adcode.slice(0, 2) : adcode.endsWith('00') ? adcode.slice(0, 4) : adcode;

function EventTable(props: {
  pages: ReturnType<typeof createLoadMore<MatchEvent>>;
  filter?: (event: MatchEvent) => boolean;
  loaded: boolean;
  empty: JSX.Element;
}) {
  const shown = () => props.pages.items().filter((e) => !props.filter || props.filter(e));
  return (
    <section class="card">
      <Show when={props.loaded}>
        <Show when={shown().length > 0} fallback={props.empty}>
          <div class="table-wrap" tabindex="0">
            <table class="data-table" data-testid="event-list">
              <thead>
                <tr>
                  <th scope="col">{t('events.eventTitle')}</th>
                  <th scope="col">{t('events.when')}</th>
                  <th scope="col">{t('events.region')}</th>
                  <th scope="col">{t('events.status')}</th>
                  <th scope="col" class="num">
                    {t('events.registered')}
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={shown()}>
                  {(event) => (
                    <tr data-testid="event-row" data-event-id={event.id}>
                      <td>
                        <A href={`/events/${event.id}`}>{event.title}</A>
                      </td>
                      <td>{formatDays(event.days)}</td>
                      <td>
                        <RegionName adcode={event.region} />
                      </td>
                      <td>
                        <EventStatusBadge status={event.status} />
                      </td>
                      <td class="num">
                        {event.approvedCount ?? 0} / {event.capacity}
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
          <Show when={props.pages.error()}>
            {(e) => (
              <div class="alert alert-error" role="alert">
                {localized(e().messages)}
              </div>
            )}
          </Show>
          <Show when={props.pages.hasMore()}>
            <div class="pager">
              <button
                type="button"
                class="button"
                disabled={props.pages.loading()}
                onClick={props.pages.loadMore}
              >
                {props.pages.loading() ? t('common.loading') : t('events.more')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
