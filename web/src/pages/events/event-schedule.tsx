import { A, createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import {
  buildSchedule,
  can,
  getEvent,
  getSchedule,
  type MatchEvent,
  type Meeting,
  pinMeeting,
  publishSchedule,
  type Schedule,
} from '../../api/events.ts';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { useAction } from './event-action.ts';
import { EventHeader } from './event-detail.tsx';
import { formatSlot, tableLabel } from './event-format.ts';
import { myEventsChanged } from './events.data.ts';

/**
 * /events/:eventId/schedule — the meetings laid out by slot × table, the slots used against the
 * lower bound (and why they differ, when they do); pin a meeting to a slot and table and the rest
 * is rescheduled around it; publish to the participants.
 */
export default function EventSchedulePage(props: RouteSectionProps) {
  usePageTitle('events.schedule');
  const event = createAsync(() => getEvent(props.params.eventId ?? ''));
  return (
    <Show when={event()}>
      {(e) => (
        <>
          <EventHeader event={e()} back={`/events/${e().id}`} />
          <ScheduleView event={e()} />
        </>
      )}
    </Show>
  );
}

function ScheduleView(props: { event: MatchEvent }) {
  const schedule = createAsync(() => getSchedule(props.event.id));
  const refresh = async () => {
    myEventsChanged();
    await revalidate([getSchedule.keyFor(props.event.id), getEvent.keyFor(props.event.id)]);
  };
  const act = useAction<unknown>(refresh);
  return (
    <Show when={schedule() !== undefined}>
      <section class="card" data-testid="schedule" data-status={schedule()?.status ?? 'none'}>
        <div class="card-head">
          <h2 class="card-title">{t('events.schedule')}</h2>
          <div class="step-actions">
            <Show when={can(props.event, 'schedule') || can(schedule(), 'generate')}>
              <button
                type="button"
                class="button"
                classList={{ 'button-primary': !schedule() }}
                disabled={Boolean(act.busy())}
                aria-busy={act.busy() === 'build'}
                data-testid="schedule-build"
                onClick={() => act.run('build', () => buildSchedule(props.event.id))}
              >
                {schedule() ? t('events.rebuildSchedule') : t('events.buildSchedule')}
              </button>
            </Show>
            <Show when={can(schedule(), 'publish')}>
              <button
                type="button"
                class="button button-primary"
                disabled={Boolean(act.busy())}
                aria-busy={act.busy() === 'publish'}
                data-testid="schedule-publish"
                onClick={() => act.run('publish', () => publishSchedule(props.event.id))}
              >
                {t('events.publishSchedule')}
              </button>
            </Show>
            <Show when={schedule()}>
              <A href={`/events/${props.event.id}/timetable`} class="button" data-testid="schedule-print">
                {t('events.printTimetable')}
              </A>
            </Show>
          </div>
        </div>
        <Show when={act.error()}>
          {(e) => (
            <div class="alert alert-error" role="alert" data-testid="schedule-error">
              {localized(e().messages)}
            </div>
          )}
        </Show>
        <Show
          when={schedule()}
          fallback={
            <p class="muted" data-testid="schedule-empty">
              {t('events.noSchedule')}
            </p>
          }
        >
          {(s) => (
            <>
              <Show when={s().status === 'published'}>
                <div class="alert alert-success" role="status" data-testid="schedule-published">
                  {t('events.schedulePublished')}
                </div>
              </Show>
              <BoundLine schedule={s()} />
              <ScheduleGrid event={props.event} schedule={s()} onPinned={refresh} />
            </>
          )}
        </Show>
      </section>
    </Show>
  );
}

function BoundLine(props: { schedule: Schedule }) {
  const exact = () => props.schedule.slotsUsed === props.schedule.lowerBound;
  return (
    <div class="bound-line" data-testid="schedule-bound" data-exact={String(exact())}>
      <dl class="stat-grid">
        <div class="stat">
          <dt>{t('events.meetings')}</dt>
          <dd class="stat-value">{props.schedule.meetings.length}</dd>
        </div>
        <div class="stat">
          <dt>{t('events.slotsUsed')}</dt>
          <dd class="stat-value" data-testid="slots-used">
            {props.schedule.slotsUsed}
          </dd>
        </div>
        <div class="stat">
          <dt>{t('events.lowerBound')}</dt>
          <dd class="stat-value" data-testid="lower-bound">
            {props.schedule.lowerBound}
          </dd>
          <dd class="stat-note">{t('events.lowerBoundHint')}</dd>
        </div>
      </dl>
      <Show
        when={!exact() || (props.schedule.gapReasons ?? []).length > 0}
        fallback={<p class="muted">{t('events.boundReached')}</p>}
      >
        <div class="alert alert-warning" data-testid="schedule-gap">
          <p>{t('events.boundMissed', { extra: props.schedule.slotsUsed - props.schedule.lowerBound })}</p>
          <ul>
            <For each={props.schedule.gapReasons ?? []}>{(reason) => <li>{reason}</li>}</For>
          </ul>
        </div>
      </Show>
    </div>
  );
}

/** Slots down, tables (or video rooms) across; a meeting can be pinned to a cell. */
function ScheduleGrid(props: { event: MatchEvent; schedule: Schedule; onPinned: () => Promise<void> }) {
  const [moving, setMoving] = createSignal<Meeting>();
  const pin = useAction<unknown>(async () => {
    setMoving(undefined);
    await props.onPinned();
  });
  const tables = () => Array.from({ length: Math.max(1, props.schedule.tables) }, (_, i) => i + 1);
  const at = (slot: number, table: number) =>
    props.schedule.meetings.find((m) => m.slot === slot && m.table === table);
  const slots = () => {
    const last = Math.max(-1, ...props.schedule.meetings.map((m) => m.slot));
    return props.schedule.slots.filter((s) => s.index <= Math.max(last, props.schedule.slotsUsed - 1));
  };
  const manyDays = () => new Set(props.schedule.slots.map((s) => s.date)).size > 1;
  const canPin = () => can(props.schedule, 'pin');
  return (
    <>
      <Show when={moving()}>
        {(m) => (
          <p class="alert alert-info" role="status" data-testid="pin-hint">
            {t('events.pinHint', { a: m().offerOrgName, b: m().needOrgName })}{' '}
            <button type="button" class="button button-ghost" onClick={() => setMoving(undefined)}>
              {t('common.cancel')}
            </button>
          </p>
        )}
      </Show>
      <Show when={pin.error()}>
        {(e) => (
          <div class="alert alert-error" role="alert">
            {localized(e().messages)}
          </div>
        )}
      </Show>
      <div class="table-wrap" tabindex="0">
        <table class="data-table schedule-grid" data-testid="schedule-grid">
          <thead>
            <tr>
              <th scope="col">{t('events.slot')}</th>
              <For each={tables()}>
                {(table) => <th scope="col">{tableLabel(table, props.event.mode)}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={slots()}>
              {(slot) => (
                <tr>
                  <th scope="row">{manyDays() ? formatSlot(slot) : `${slot.start}–${slot.end}`}</th>
                  <For each={tables()}>
                    {(table) => {
                      const meeting = () => at(slot.index, table);
                      return (
                        <td
                          class="schedule-cell"
                          classList={{ pinned: Boolean(meeting()?.pinned), target: Boolean(moving()) }}
                          data-testid="schedule-cell"
                          data-slot={slot.index}
                          data-table={table}
                        >
                          <Show
                            when={meeting()}
                            fallback={
                              <Show when={moving()}>
                                {(m) => (
                                  <button
                                    type="button"
                                    class="button button-ghost"
                                    data-testid="pin-here"
                                    onClick={() =>
                                      pin.run('pin', () =>
                                        pinMeeting(props.event.id, m().id, slot.index, table),
                                      )
                                    }
                                  >
                                    {t('events.pinHere')}
                                  </button>
                                )}
                              </Show>
                            }
                          >
                            {(m) => (
                              <div
                                class="meeting-chip"
                                data-testid="schedule-meeting"
                                data-meeting-id={m().id}
                              >
                                <span>{m().offerOrgName}</span>
                                <span>{m().needOrgName}</span>
                                <Show when={m().pinned}>
                                  <span class="badge badge-blue">{t('events.pinned')}</span>
                                </Show>
                                <Show when={canPin()}>
                                  <button
                                    type="button"
                                    class="link-button no-print"
                                    data-testid="schedule-move"
                                    onClick={() => setMoving(m())}
                                    aria-label={t('events.moveMeeting', {
                                      slot: formatSlot(m()),
                                    })}
                                  >
                                    {t('events.move')}
                                  </button>
                                </Show>
                              </div>
                            )}
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </>
  );
}
