import { A, createAsync, type RouteSectionProps, revalidate, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  can,
  copyEvent,
  type EventDay,
  getEvent,
  type MatchEvent,
  moveEvent,
  startRound,
} from '../../api/events.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { useAction } from './event-action.ts';
import { EventFacts } from './event-facts.tsx';
import { eventWhere, formatDays } from './event-format.ts';
import { ParticipantPanels } from './event-participant.tsx';
import { EventStatusBadge } from './event-status.tsx';
import { myEventsChanged } from './events.data.ts';

/**
 * /events/:eventId — one event. Its organizer sees what to do next (publish, registrations, the
 * matching round, the schedule, printing) with the buttons the API allows; a firm sees how to take
 * part, its registration, its matches, meeting requests and its agenda.
 */
export default function EventDetailPage(props: RouteSectionProps) {
  const me = useMe();
  const event = createAsync(() => getEvent(props.params.eventId ?? ''));
  usePageTitle(() => event()?.title ?? '');
  const organizes = () => {
    const e = event();
    return Boolean(e && (e.organizerOrgId === me()?.org.id || can(e, 'copy')));
  };
  return (
    <Show when={event()}>
      {(e) => (
        <>
          <EventHeader event={e()} />
          <div class="event-page" data-testid="event-page" data-status={e().status}>
            <Show when={organizes()} fallback={<ParticipantPanels event={e()} />}>
              <OrganizerPanels event={e()} />
            </Show>
          </div>
        </>
      )}
    </Show>
  );
}

export function EventHeader(props: { event: MatchEvent; back?: string }) {
  return (
    <header class="page-header">
      <div>
        <p class="eyebrow">
          <A href={props.back ?? '/events'}>{props.back ? t('events.backToEvent') : t('events.back')}</A>
        </p>
        <h1 class="page-title" data-testid="event-title">
          {props.event.title}
        </h1>
        <p class="page-lead">
          <span>{formatDays(props.event.days)}</span>
          <span aria-hidden="true"> · </span>
          <span>{eventWhere(props.event)}</span>
        </p>
      </div>
      <EventStatusBadge status={props.event.status} />
    </header>
  );
}

/** Lifecycle buttons the API offers for the event (publish, close, cancel …), besides edit and copy. */
const MOVES = ['publish', 'close', 'cancel'] as const;

function OrganizerPanels(props: { event: MatchEvent }) {
  const navigate = useNavigate();
  const refresh = async () => {
    myEventsChanged();
    await revalidate(getEvent.keyFor(props.event.id));
  };
  const moves = useAction<unknown>(refresh);
  const round = useAction<{ id: string }>(async (run) => {
    await refresh();
    navigate(`/runs/${run.id}`);
  });
  const base = `/events/${props.event.id}`;
  const registered = () => props.event.registrationCount ?? 0;
  const approved = () => props.event.approvedCount ?? 0;
  const published = () => props.event.status !== 'draft';
  return (
    <>
      <section class="card" aria-labelledby="event-steps-title" data-testid="event-steps">
        <h2 id="event-steps-title" class="card-title">
          {t('events.nextSteps')}
        </h2>
        <ol class="event-steps">
          <li classList={{ done: published() }} data-testid="step-publish">
            <div>
              <strong>{t('events.stepPublish')}</strong>
              <p class="muted">{published() ? t('events.stepPublishDone') : t('events.stepPublishText')}</p>
              <Show when={published()}>
                <p>
                  <A href={`/event/${props.event.id}`} data-testid="event-public-link">
                    {t('events.publicPage')}
                  </A>
                </p>
              </Show>
            </div>
            <div class="step-actions">
              <Show when={can(props.event, 'edit') || can(props.event, 'amend')}>
                <A href={`${base}/edit`} class="button" data-testid="event-edit">
                  {t('common.edit')}
                </A>
              </Show>
              <For each={MOVES.filter((m) => can(props.event, m))}>
                {(move) => (
                  <button
                    type="button"
                    class={`button ${move === 'publish' ? 'button-primary' : ''}`}
                    disabled={Boolean(moves.busy())}
                    aria-busy={moves.busy() === move}
                    data-testid={`event-${move}`}
                    onClick={() => moves.run(move, () => moveEvent(props.event.id, move))}
                  >
                    {moves.busy() === move ? t('matches.working') : t(`events.moves.${move}`)}
                  </button>
                )}
              </For>
            </div>
          </li>
          <li classList={{ done: approved() > 0 }} data-testid="step-registrations">
            <div>
              <strong>{t('events.stepRegistrations')}</strong>
              <p class="muted">
                {t('events.registrationsCount', {
                  registered: registered(),
                  approved: approved(),
                  capacity: props.event.capacity,
                })}
              </p>
            </div>
            <div class="step-actions">
              <A href={`${base}/registrations`} class="button" data-testid="event-registrations-link">
                {t('events.registrations')}
              </A>
            </div>
          </li>
          <li
            classList={{ done: Boolean(props.event.runId ?? props.event.runIds?.length) }}
            data-testid="step-round"
          >
            <div>
              <strong>{t('events.stepRound')}</strong>
              <p class="muted">{t('events.stepRoundText')}</p>
            </div>
            <div class="step-actions">
              <Show when={props.event.runId}>
                {(runId) => (
                  <A href={`/runs/${runId()}`} class="button" data-testid="event-run-link">
                    {t('events.openRound')}
                  </A>
                )}
              </Show>
              <Show when={can(props.event, 'round')}>
                <button
                  type="button"
                  class="button button-primary"
                  disabled={Boolean(round.busy())}
                  aria-busy={Boolean(round.busy())}
                  data-testid="event-round"
                  onClick={() => round.run('round', () => startRound(props.event.id))}
                >
                  {round.busy() ? t('runs.starting') : t('events.startRound')}
                </button>
              </Show>
            </div>
          </li>
          <li classList={{ done: props.event.scheduleStatus === 'published' }} data-testid="step-schedule">
            <div>
              <strong>{t('events.stepSchedule')}</strong>
              <p class="muted">{t('events.stepScheduleText')}</p>
            </div>
            <div class="step-actions">
              <A href={`${base}/schedule`} class="button" data-testid="event-schedule-link">
                {t('events.schedule')}
              </A>
              <Show when={props.event.scheduleStatus}>
                <A href={`${base}/timetable`} class="button" data-testid="event-timetable-link">
                  {t('events.printTimetable')}
                </A>
              </Show>
              <Show when={props.event.scheduleStatus === 'published'}>
                <A href={`${base}/live`} class="button button-primary" data-testid="event-live-link">
                  {t('liveConsole.open')}
                </A>
              </Show>
            </div>
          </li>
          <li data-testid="step-report">
            <div>
              <strong>{t('reports.title')}</strong>
              <p class="muted">{t('reports.stepText')}</p>
            </div>
            <div class="step-actions">
              <Show when={props.event.seriesId !== props.event.id}>
                <A href={`${base}/carry-over`} class="button" data-testid="event-carry-over-link">
                  {t('reports.carryOverLink')}
                </A>
              </Show>
              <Show when={published()}>
                <A href={`${base}/report`} class="button" data-testid="event-report-link">
                  {t('reports.link')}
                </A>
              </Show>
            </div>
          </li>
        </ol>
        <For each={[moves.error(), round.error()]}>
          {(e) => (
            <Show when={e}>
              {(err) => (
                <div class="alert alert-error" role="alert" data-testid="event-error">
                  {localized(err().messages)}
                </div>
              )}
            </Show>
          )}
        </For>
      </section>
      <EventFacts event={props.event} />
      <Show when={can(props.event, 'copy')}>
        <CopyPanel event={props.event} />
      </Show>
    </>
  );
}

/** Copy the event into its series with new dates (a city running ten a month). */
function CopyPanel(props: { event: MatchEvent }) {
  const navigate = useNavigate();
  const first = props.event.days[0];
  const [date, setDate] = createSignal('');
  const [deadline, setDeadline] = createSignal('');
  const copy = useAction<MatchEvent>((created) => {
    myEventsChanged();
    navigate(`/events/${created.id}`);
  });
  const days = (): EventDay[] => {
    // the copy keeps the hours and the spacing of the days, from the new first date
    const start = new Date(`${date()}T00:00:00Z`).getTime();
    const origin = first ? new Date(`${first.date}T00:00:00Z`).getTime() : start;
    return props.event.days.map((d) => ({
      ...d,
      date: new Date(start + (new Date(`${d.date}T00:00:00Z`).getTime() - origin)).toISOString().slice(0, 10),
    }));
  };
  return (
    <section class="card" aria-labelledby="event-copy-title" data-testid="event-copy">
      <h2 id="event-copy-title" class="card-title">
        {t('events.copyTitle')}
      </h2>
      <p class="muted">{t('events.copyText')}</p>
      <form
        class="row-inputs"
        onSubmit={(ev) => {
          ev.preventDefault();
          void copy.run('copy', () =>
            copyEvent(props.event.id, {
              days: date() ? days() : [],
              registrationDeadline: deadline(),
            }),
          );
        }}
      >
        <label class="inline-field">
          <span>{t('events.copyDate')}</span>
          <input
            type="date"
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
            data-testid="event-copy-date"
          />
        </label>
        <label class="inline-field">
          <span>{t('events.deadline')}</span>
          <input
            type="date"
            value={deadline()}
            onInput={(e) => setDeadline(e.currentTarget.value)}
            data-testid="event-copy-deadline"
          />
        </label>
        <button type="submit" class="button" disabled={Boolean(copy.busy())} data-testid="event-copy-submit">
          {t('events.copy')}
        </button>
      </form>
      <Show when={copy.error()}>
        {(e) => (
          <div class="alert alert-error" role="alert">
            {localized(e().messages)}
          </div>
        )}
      </Show>
    </section>
  );
}
