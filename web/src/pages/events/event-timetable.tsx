import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { getEvent, getSchedule, type MatchEvent, type Schedule } from '../../api/events.ts';
import { fetchLiveConsole } from '../../api/live.ts';
import { absoluteUrl, QrCode } from '../../components/qr-code.tsx';
import { t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { eventWhere, formatDays, formatSlot, tableLabel } from './event-format.ts';

type View = 'table' | 'time' | 'cards' | 'checkin';

/**
 * /events/:eventId/timetable — the whole timetable to print: by table, by time, or one card per
 * table to stand on it. On paper there are no menus or buttons (print stylesheet).
 */
export default function EventTimetablePage(props: RouteSectionProps) {
  usePageTitle('events.timetable');
  const event = createAsync(() => getEvent(props.params.eventId ?? ''));
  const schedule = createAsync(() => getSchedule(props.params.eventId ?? ''));
  const [view, setView] = createSignal<View>('table');
  return (
    <Show when={event()}>
      {(e) => (
        <div class="printable" data-testid="timetable">
          <div class="toolbar no-print">
            <A href={`/events/${e().id}/schedule`}>{t('events.backToSchedule')}</A>
            <nav class="tabs" aria-label={t('events.timetable')}>
              <For each={['table', 'time', 'cards', 'checkin'] as const}>
                {(v) => (
                  <button
                    type="button"
                    class="tab"
                    classList={{ 'is-current': view() === v }}
                    aria-pressed={view() === v}
                    data-testid={`timetable-${v}`}
                    onClick={() => setView(v)}
                  >
                    {t(`events.timetableViews.${v}`)}
                  </button>
                )}
              </For>
            </nav>
            <button
              type="button"
              class="button button-primary"
              onClick={() => window.print()}
              data-testid="timetable-print"
            >
              {t('events.print')}
            </button>
          </div>
          <Show when={view() !== 'cards' && view() !== 'checkin'}>
            <header class="print-header">
              <h1 class="page-title">{e().title}</h1>
              <p>
                {formatDays(e().days)} · {eventWhere(e())} · {e().organizerName}
              </p>
            </header>
          </Show>
          <Show when={schedule()} fallback={<p class="muted">{t('events.noSchedule')}</p>}>
            {(s) => (
              <>
                <Show when={view() === 'table'}>
                  <ByTable event={e()} schedule={s()} />
                </Show>
                <Show when={view() === 'time'}>
                  <ByTime event={e()} schedule={s()} />
                </Show>
                <Show when={view() === 'cards'}>
                  <TableCards event={e()} schedule={s()} />
                </Show>
                <Show when={view() === 'checkin'}>
                  <CheckInCards event={e()} schedule={s()} />
                </Show>
              </>
            )}
          </Show>
        </div>
      )}
    </Show>
  );
}

const tablesOf = (s: Schedule) => Array.from({ length: Math.max(1, s.tables) }, (_, i) => i + 1);
const placeOf = (event: MatchEvent, table: number | undefined) => tableLabel(table, event.mode);

function ByTable(props: { event: MatchEvent; schedule: Schedule }) {
  return (
    <For each={tablesOf(props.schedule).filter((tb) => props.schedule.meetings.some((m) => m.table === tb))}>
      {(table) => (
        <section class="print-block" data-testid="timetable-table">
          <h2 class="card-title">{placeOf(props.event, table)}</h2>
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t('events.time')}</th>
                <th scope="col">{t('matches.sides.goodsOffer')}</th>
                <th scope="col">{t('matches.sides.goodsNeed')}</th>
              </tr>
            </thead>
            <tbody>
              <For
                each={props.schedule.meetings
                  .filter((m) => m.table === table)
                  .sort((a, b) => a.slot - b.slot)}
              >
                {(m) => (
                  <tr>
                    <td>{formatSlot(m)}</td>
                    <td>{m.offerOrgName}</td>
                    <td>{m.needOrgName}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      )}
    </For>
  );
}

function ByTime(props: { event: MatchEvent; schedule: Schedule }) {
  const used = () =>
    props.schedule.slots.filter((s) => props.schedule.meetings.some((m) => m.slot === s.index));
  return (
    <For each={used()}>
      {(slot) => (
        <section class="print-block" data-testid="timetable-slot">
          <h2 class="card-title">{formatSlot(slot)}</h2>
          <table class="data-table">
            <tbody>
              <For
                each={props.schedule.meetings
                  .filter((m) => m.slot === slot.index)
                  .sort((a, b) => a.table - b.table)}
              >
                {(m) => (
                  <tr>
                    <th scope="row">{placeOf(props.event, m.table)}</th>
                    <td>{m.offerOrgName}</td>
                    <td>{m.needOrgName}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </section>
      )}
    </For>
  );
}

/** One card per table: its number, large, and who sits there when. */
function TableCards(props: { event: MatchEvent; schedule: Schedule }) {
  return (
    <For each={tablesOf(props.schedule)}>
      {(table) => (
        <section class="table-card" data-testid="table-card">
          <p class="table-card-event">{props.event.title}</p>
          <p class="table-card-no">{placeOf(props.event, table)}</p>
          <ul>
            <For
              each={props.schedule.meetings.filter((m) => m.table === table).sort((a, b) => a.slot - b.slot)}
            >
              {(m) => (
                <li>
                  {m.start}–{m.end} {m.offerOrgName} · {m.needOrgName}
                </li>
              )}
            </For>
          </ul>
        </section>
      )}
    </For>
  );
}

/**
 * One card per participant for its table or badge: its name, its meetings, and the QR code of its
 * check-in URL (an organizer's phone opens it and checks the firm in with one tap).
 */
function CheckInCards(props: { event: MatchEvent; schedule: Schedule }) {
  const live = createAsync(() => fetchLiveConsole(props.event.id));
  return (
    <Show when={live()}>
      {(l) => (
        <For each={l().participants}>
          {(p) => (
            <section class="table-card checkin-card" data-testid="checkin-card" data-org-id={p.orgId}>
              <p class="table-card-event">{props.event.title}</p>
              <p class="checkin-card-org">{p.orgName}</p>
              <QrCode
                value={absoluteUrl(p.checkInUrl)}
                label={t('liveCheckIn.qrLabel', { org: p.orgName })}
                size={220}
                testId="checkin-card-qr"
              />
              <p class="muted">{t('liveCheckIn.agendaCodeText')}</p>
              <ul>
                <For
                  each={props.schedule.meetings
                    .filter((m) => m.offerOrgId === p.orgId || m.needOrgId === p.orgId)
                    .sort((a, b) => a.slot - b.slot)}
                >
                  {(m) => (
                    <li>
                      {m.start}–{m.end} {placeOf(props.event, m.table)} ·{' '}
                      {m.offerOrgId === p.orgId ? m.needOrgName : m.offerOrgName}
                    </li>
                  )}
                </For>
              </ul>
            </section>
          )}
        </For>
      )}
    </Show>
  );
}
