import { A, type RouteSectionProps } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import {
  addLiveMeeting,
  checkIn,
  fetchLiveConsole,
  type LiveCommandResult,
  type LiveConsoleView,
  type LiveMeetingAction,
  type LiveMeetingView,
  markOrgNoShow,
  moveLiveMeeting,
  moveMeetingState,
} from '../../api/live.ts';
import { localized, type TranslationKey, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { hallTime } from './hall-time.ts';

/**
 * /events/:eventId/live — the organizer's console on the event's day (phone or desktop). The day as
 * the server's clock sees it (the slot under way and the next); check-in by name (search) or by a
 * scanned code (a phone's camera opens /live/checkin/<token>; a hand scanner types the URL into the
 * code box); meetings under way, done and no-shows with the actions the API allows; a meeting added
 * or moved; and after every change that repairs the schedule, what moved, from where to where.
 * The console reloads every few seconds, so two organizers' phones stay in step.
 */

const REFRESH_MS = 5_000;
type Filter = 'now' | 'all' | 'under_way' | 'done' | 'no_show';
const FILTERS: readonly Filter[] = ['now', 'all', 'under_way', 'done', 'no_show'];

export default function LiveConsolePage(props: RouteSectionProps) {
  usePageTitle('liveConsole.title');
  const eventId = () => props.params.eventId ?? '';
  const [view, setView] = createSignal<LiveConsoleView>();
  const [loadError, setLoadError] = createSignal<ApiError>();
  const [busy, setBusy] = createSignal<string>();
  const [error, setError] = createSignal<ApiError>();
  /** The last command's result: what the repair moved (shown until the next command). */
  const [result, setResult] = createSignal<{ what: string; change: LiveCommandResult['change'] }>();
  const [notice, setNotice] = createSignal<string>();

  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const load = async () => {
    try {
      setView(await fetchLiveConsole(eventId()));
      setLoadError(undefined);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setLoadError(e);
    }
  };
  const tick = async () => {
    await load();
    if (!stopped) timer = setTimeout(tick, REFRESH_MS);
  };
  onMount(() => void tick());
  onCleanup(() => {
    stopped = true;
    clearTimeout(timer);
  });

  /** Runs one command; its answer (what moved) is shown, and the console reloads. */
  const run = async (name: string, what: string, call: () => Promise<unknown>) => {
    if (busy()) return;
    setBusy(name);
    setError(undefined);
    setNotice(undefined);
    try {
      const answer = await call();
      if (answer && typeof answer === 'object' && 'change' in answer) {
        setResult({ what, change: (answer as LiveCommandResult).change });
      } else {
        setNotice(what);
      }
      await load();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div class="live-console" data-testid="live-console">
      <Show when={loadError()}>
        {(e) => (
          <div class="alert alert-error" role="alert" data-testid="live-console-load-error">
            {localized(e().messages)}
          </div>
        )}
      </Show>
      <Show when={view()}>
        {(v) => (
          <Console view={v()} busy={busy()} run={run} error={error()} notice={notice()} result={result()} />
        )}
      </Show>
    </div>
  );
}

interface ConsoleProps {
  view: LiveConsoleView;
  busy: string | undefined;
  run: (name: string, what: string, call: () => Promise<unknown>) => Promise<void>;
  error: ApiError | undefined;
  notice: string | undefined;
  result: { what: string; change: LiveCommandResult['change'] } | undefined;
}

function Console(props: ConsoleProps) {
  const v = () => props.view;
  const slotLabel = (index: number) => {
    const s = v().slots[index];
    return s ? `${s.start}–${s.end}` : '—';
  };
  /** "Slot n (09:00–09:20)", or what to say when there is none. */
  const slotText = (slot: number | null, none: TranslationKey) =>
    slot === null ? t(none) : t('liveConsole.slotN', { n: slot + 1, time: slotLabel(slot) });
  const cellLabel = (c: { slot: number; table: number }) =>
    `${slotLabel(c.slot)} · ${t('liveConsole.tableN', { n: c.table })}`;
  const checkedIn = () => v().participants.filter((p) => p.checkedInAt).length;
  return (
    <>
      <header class="page-header">
        <div>
          <p class="eyebrow">
            <A href={`/events/${v().eventId}`}>{t('events.backToEvent')}</A>
          </p>
          <h1 class="page-title">{t('liveConsole.title')}</h1>
          <p class="page-lead">{v().title}</p>
        </div>
        <div class="live-console-links">
          <a
            href={v().dashboardPath}
            target="_blank"
            rel="noopener"
            class="button"
            data-testid="live-screen-link"
          >
            {t('liveConsole.openScreen')}
          </a>
          <A href={`/events/${v().eventId}/timetable`} class="button" data-testid="live-timetable-link">
            {t('liveConsole.printCards')}
          </A>
        </div>
      </header>

      <section class="card live-clock" aria-labelledby="live-clock-title" data-testid="live-clock">
        <h2 id="live-clock-title" class="sr-only">
          {t('liveConsole.clock')}
        </h2>
        <div>
          <span class="muted">{t('liveConsole.serverTime')}</span>
          <strong data-testid="live-now" data-now={v().now}>
            {hallTime(v().now)}
          </strong>
        </div>
        <div>
          <span class="muted">{t('liveConsole.current')}</span>
          <strong data-testid="live-current" data-slot={v().current ?? ''}>
            {slotText(v().current, 'liveConsole.noSlotNow')}
          </strong>
        </div>
        <div>
          <span class="muted">{t('liveConsole.next')}</span>
          <strong data-testid="live-next" data-slot={v().next ?? ''}>
            {slotText(v().next, 'liveConsole.noMoreSlots')}
          </strong>
        </div>
        <div>
          <span class="muted">{t('liveConsole.checkedIn')}</span>
          <strong data-testid="live-checked-in-count">
            {checkedIn()} / {v().participants.length}
          </strong>
        </div>
      </section>

      <Show when={props.error}>
        {(e) => (
          <div class="alert alert-error" role="alert" data-testid="live-error">
            {localized(e().messages)}
            <For each={e().fields}>{(f) => <span> · {localized(f.messages)}</span>}</For>
          </div>
        )}
      </Show>
      <Show when={props.notice}>
        {(n) => (
          <div class="alert alert-success" role="status" data-testid="live-notice">
            {n()}
          </div>
        )}
      </Show>
      <Show when={props.result}>
        {(r) => <ChangeResult what={r().what} change={r().change} cellLabel={cellLabel} />}
      </Show>

      <div class="live-console-grid">
        <CheckInPanel {...props} />
        <MeetingsPanel {...props} slotLabel={slotLabel} />
      </div>
      <div class="live-console-grid">
        <AddMeetingPanel {...props} slotLabel={slotLabel} />
        <ChangesPanel view={v()} cellLabel={cellLabel} />
      </div>
    </>
  );
}

/** What the last command changed: the meetings the repair moved, from where to where. */
function ChangeResult(props: {
  what: string;
  change: LiveCommandResult['change'];
  cellLabel: (c: { slot: number; table: number }) => string;
}) {
  return (
    <div
      class="alert alert-info live-result"
      role="status"
      data-testid="live-result"
      data-moved={props.change.moved.length}
    >
      <p>
        <strong>{props.what}</strong> ·{' '}
        {props.change.moved.length === 0
          ? t('liveConsole.nothingMoved')
          : t('liveConsole.movedCount', { count: props.change.moved.length })}
      </p>
      <Show when={props.change.moved.length > 0}>
        <ul class="live-moved" data-testid="live-moved">
          <For each={props.change.moved}>
            {(m) => (
              <li data-testid="live-moved-item" data-meeting-id={m.meetingId}>
                {m.offerOrgName} ↔ {m.needOrgName}: <s>{props.cellLabel(m.from)}</s> →{' '}
                <strong>{props.cellLabel(m.to)}</strong>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.change.unplaced.length > 0}>
        <p>{t('liveConsole.unplaced', { count: props.change.unplaced.length })}</p>
      </Show>
    </div>
  );
}

function CheckInPanel(props: ConsoleProps) {
  const [search, setSearch] = createSignal('');
  const [code, setCode] = createSignal('');
  const v = () => props.view;
  const shown = createMemo(() => {
    const q = search().trim().toLowerCase();
    return v().participants.filter((p) => !q || p.orgName.toLowerCase().includes(q));
  });
  const checkInByCode = (e: SubmitEvent) => {
    e.preventDefault();
    const scanned = code().trim();
    if (!scanned) return;
    void props.run('code', t('liveConsole.checkedInByCode'), async () => {
      const r = await checkIn(v().eventId, { token: scanned });
      setCode('');
      return r;
    });
  };
  return (
    <section class="card" aria-labelledby="live-checkin-title" data-testid="live-checkin">
      <h2 id="live-checkin-title" class="card-title">
        {t('liveConsole.checkInTitle')}
      </h2>
      <form class="row-inputs" onSubmit={checkInByCode}>
        <label class="inline-field">
          <span>{t('liveConsole.codeLabel')}</span>
          <input
            type="text"
            inputmode="url"
            autocomplete="off"
            value={code()}
            placeholder={t('liveConsole.codePlaceholder')}
            onInput={(e) => setCode(e.currentTarget.value)}
            data-testid="live-code"
          />
        </label>
        <button type="submit" class="button" disabled={Boolean(props.busy)} data-testid="live-code-submit">
          {t('liveConsole.checkIn')}
        </button>
      </form>
      <p class="muted">{t('liveConsole.scanHint')}</p>
      <label class="inline-field live-search">
        <span>{t('liveConsole.searchLabel')}</span>
        <input
          type="search"
          value={search()}
          onInput={(e) => setSearch(e.currentTarget.value)}
          data-testid="live-search"
        />
      </label>
      <ul class="live-participants" data-testid="live-participants">
        <For each={shown()}>
          {(p) => (
            <li
              data-testid="live-participant"
              data-org-id={p.orgId}
              data-org-name={p.orgName}
              data-checked-in={p.checkedInAt ? 'yes' : 'no'}
              data-no-show={p.noShow ? 'yes' : 'no'}
            >
              <span class="live-participant-name">{p.orgName}</span>
              <span class="live-participant-state">
                <Show
                  when={p.checkedInAt}
                  fallback={
                    <span class={`badge ${p.noShow ? 'badge-red' : 'badge-muted'}`}>
                      {p.noShow ? t('liveConsole.noShow') : t('liveConsole.notYet')}
                    </span>
                  }
                >
                  {(at) => (
                    <span class="badge badge-green">
                      {t('liveConsole.checkedInAt', { time: hallTime(at()) })}
                    </span>
                  )}
                </Show>
              </span>
              <span class="button-row">
                <Show when={!p.checkedInAt}>
                  <button
                    type="button"
                    class="button button-small button-primary"
                    disabled={Boolean(props.busy)}
                    data-testid="live-check-in"
                    aria-label={`${t('liveConsole.checkIn')} ${p.orgName}`}
                    onClick={() =>
                      props.run(`in-${p.orgId}`, t('liveConsole.checkedInName', { org: p.orgName }), () =>
                        checkIn(v().eventId, { orgId: p.orgId }),
                      )
                    }
                  >
                    {t('liveConsole.checkIn')}
                  </button>
                </Show>
                <Show when={!p.checkedInAt && !p.noShow}>
                  <button
                    type="button"
                    class="button button-small button-danger"
                    disabled={Boolean(props.busy)}
                    data-testid="live-org-no-show"
                    aria-label={`${t('liveConsole.markNoShow')} ${p.orgName}`}
                    onClick={() => {
                      if (!window.confirm(t('liveConsole.confirmNoShow', { org: p.orgName }))) return;
                      void props.run(`ns-${p.orgId}`, t('liveConsole.orgNoShow', { org: p.orgName }), () =>
                        markOrgNoShow(v().eventId, p.orgId),
                      );
                    }}
                  >
                    {t('liveConsole.markNoShow')}
                  </button>
                </Show>
              </span>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

const ACTION_KEYS = {
  start: 'liveConsole.actions.start',
  finish: 'liveConsole.actions.finish',
  noShow: 'liveConsole.actions.noShow',
} as const;

function MeetingsPanel(props: ConsoleProps & { slotLabel: (i: number) => string }) {
  const [filter, setFilter] = createSignal<Filter>('now');
  const v = () => props.view;
  const shown = createMemo(() => {
    const f = filter();
    const all = v().meetings;
    if (f === 'all') return all;
    if (f === 'now') {
      // the slot under way and the next one (or, before the day starts, the first slots)
      const around = new Set([v().current, v().next].filter((s): s is number => s !== null));
      return all.filter((m) => around.has(m.slot) || m.status === 'under_way');
    }
    return all.filter((m) => m.status === f);
  });
  return (
    <section class="card" aria-labelledby="live-meetings-title" data-testid="live-meetings">
      <h2 id="live-meetings-title" class="card-title">
        {t('liveConsole.meetingsTitle')}
      </h2>
      <nav class="tabs" aria-label={t('liveConsole.meetingsTitle')}>
        <For each={FILTERS}>
          {(f) => (
            <button
              type="button"
              class="tab"
              classList={{ 'is-current': filter() === f }}
              aria-pressed={filter() === f}
              data-testid={`live-filter-${f}`}
              onClick={() => setFilter(f)}
            >
              {t(`liveConsole.filters.${f}`)}
              <Show when={f !== 'now'}>
                {' '}
                ({f === 'all' ? v().meetings.length : v().meetings.filter((m) => m.status === f).length})
              </Show>
            </button>
          )}
        </For>
      </nav>
      <Show when={shown().length > 0} fallback={<p class="muted">{t('liveConsole.noMeetings')}</p>}>
        <ol class="live-meetings">
          <For each={shown()}>{(m) => <MeetingRow {...props} meeting={m} />}</For>
        </ol>
      </Show>
    </section>
  );
}

function MeetingRow(props: ConsoleProps & { meeting: LiveMeetingView; slotLabel: (i: number) => string }) {
  const m = () => props.meeting;
  const v = () => props.view;
  const [moving, setMoving] = createSignal(false);
  const [slot, setSlot] = createSignal(String(v().firstOpenSlot));
  const [table, setTable] = createSignal('');
  const label = () => `${m().offerOrgName} ↔ ${m().needOrgName}`;
  return (
    <li
      class="live-meeting"
      classList={{ 'is-now': m().slot === v().current }}
      data-testid="live-meeting"
      data-meeting-id={m().id}
      data-status={m().status}
      data-slot={m().slot}
      data-table={m().table}
    >
      <div class="live-meeting-when">
        <strong>{props.slotLabel(m().slot)}</strong>
        <span>{t('liveConsole.tableN', { n: m().table })}</span>
      </div>
      <div class="live-meeting-who">
        <span>{label()}</span>
        <Show when={m().movedFrom}>
          {(from) => (
            <span class="muted live-moved-from">
              {t('liveConsole.movedFrom', {
                from: `${props.slotLabel(from().slot)} · ${t('liveConsole.tableN', { n: from().table })}`,
              })}
            </span>
          )}
        </Show>
      </div>
      <span class={`badge live-status status-${m().status}`} data-testid="live-meeting-status">
        {t(`liveConsole.status.${m().status as 'scheduled'}`)}
      </span>
      <span class="button-row">
        <For each={m().actions.filter((a): a is LiveMeetingAction => a in ACTION_KEYS)}>
          {(action) => (
            <button
              type="button"
              class={`button button-small ${action === 'noShow' ? 'button-danger' : 'button-primary'}`}
              disabled={Boolean(props.busy)}
              data-testid={`live-meeting-${action}`}
              aria-label={`${t(ACTION_KEYS[action])} ${label()}`}
              onClick={() =>
                props.run(`${action}-${m().id}`, `${t(ACTION_KEYS[action])}: ${label()}`, () =>
                  moveMeetingState(v().eventId, m().id, action),
                )
              }
            >
              {t(ACTION_KEYS[action])}
            </button>
          )}
        </For>
        <Show when={m().status === 'scheduled' && m().slot >= v().firstOpenSlot}>
          <button
            type="button"
            class="button button-small"
            aria-expanded={moving()}
            data-testid="live-meeting-move-open"
            onClick={() => setMoving(!moving())}
          >
            {t('liveConsole.move')}
          </button>
        </Show>
      </span>
      <Show when={moving()}>
        <form
          class="row-inputs live-move-form"
          onSubmit={(e) => {
            e.preventDefault();
            void props.run(`move-${m().id}`, `${t('liveConsole.move')}: ${label()}`, async () => {
              const r = await moveLiveMeeting(v().eventId, m().id, {
                slot: Number(slot()),
                ...(table() ? { table: Number(table()) } : {}),
              });
              setMoving(false);
              return r;
            });
          }}
        >
          <SlotSelect
            view={v()}
            value={slot()}
            onChange={setSlot}
            slotLabel={props.slotLabel}
            testId="live-move-slot"
          />
          <TableSelect view={v()} value={table()} onChange={setTable} testId="live-move-table" />
          <button
            type="submit"
            class="button button-primary"
            disabled={Boolean(props.busy)}
            data-testid="live-move-submit"
          >
            {t('liveConsole.moveHere')}
          </button>
        </form>
      </Show>
    </li>
  );
}

function SlotSelect(props: {
  view: LiveConsoleView;
  value: string;
  onChange: (v: string) => void;
  slotLabel: (i: number) => string;
  testId: string;
  optional?: boolean;
}) {
  return (
    <label class="inline-field">
      <span>{t('liveConsole.slot')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={props.testId}
      >
        <Show when={props.optional}>
          <option value="">{t('liveConsole.anySlot')}</option>
        </Show>
        <For each={props.view.slots.filter((s) => s.index >= props.view.firstOpenSlot)}>
          {(s) => <option value={String(s.index)}>{`${s.index + 1} · ${props.slotLabel(s.index)}`}</option>}
        </For>
      </select>
    </label>
  );
}

function TableSelect(props: {
  view: LiveConsoleView;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <label class="inline-field">
      <span>{t('liveConsole.table')}</span>
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.currentTarget.value)}
        data-testid={props.testId}
      >
        <option value="">{t('liveConsole.anyTable')}</option>
        <For each={Array.from({ length: props.view.tables }, (_, i) => i + 1)}>
          {(n) => <option value={String(n)}>{t('liveConsole.tableN', { n })}</option>}
        </For>
      </select>
    </label>
  );
}

function AddMeetingPanel(props: ConsoleProps & { slotLabel: (i: number) => string }) {
  const v = () => props.view;
  const [offer, setOffer] = createSignal('');
  const [need, setNeed] = createSignal('');
  const [slot, setSlot] = createSignal('');
  const [table, setTable] = createSignal('');
  const nameOf = (orgId: string) => v().participants.find((p) => p.orgId === orgId)?.orgName ?? '';
  return (
    <section class="card" aria-labelledby="live-add-title" data-testid="live-add">
      <h2 id="live-add-title" class="card-title">
        {t('liveConsole.addTitle')}
      </h2>
      <p class="muted">{t('liveConsole.addText')}</p>
      <form
        class="row-inputs"
        onSubmit={(e) => {
          e.preventDefault();
          void props.run('add', t('liveConsole.added', { a: nameOf(offer()), b: nameOf(need()) }), () =>
            addLiveMeeting(v().eventId, {
              offerOrgId: offer(),
              needOrgId: need(),
              ...(slot() ? { slot: Number(slot()) } : {}),
              ...(slot() && table() ? { table: Number(table()) } : {}),
            }),
          );
        }}
      >
        <For
          each={[
            { label: t('liveConsole.offerSide'), value: offer, set: setOffer, testId: 'live-add-offer' },
            { label: t('liveConsole.needSide'), value: need, set: setNeed, testId: 'live-add-need' },
          ]}
        >
          {(side) => (
            <label class="inline-field">
              <span>{side.label}</span>
              <select
                value={side.value()}
                onChange={(e) => side.set(e.currentTarget.value)}
                required
                data-testid={side.testId}
              >
                <option value="">{t('liveConsole.pick')}</option>
                <For each={v().participants}>{(p) => <option value={p.orgId}>{p.orgName}</option>}</For>
              </select>
            </label>
          )}
        </For>
        <SlotSelect
          view={v()}
          value={slot()}
          onChange={setSlot}
          slotLabel={props.slotLabel}
          testId="live-add-slot"
          optional
        />
        <TableSelect view={v()} value={table()} onChange={setTable} testId="live-add-table" />
        <button
          type="submit"
          class="button button-primary"
          disabled={Boolean(props.busy)}
          data-testid="live-add-submit"
        >
          {t('liveConsole.add')}
        </button>
      </form>
    </section>
  );
}

const CHANGE_KEYS = {
  check_in: 'liveConsole.changes.check_in',
  no_show: 'liveConsole.changes.no_show',
  meeting_state: 'liveConsole.changes.meeting_state',
  add_meeting: 'liveConsole.changes.add_meeting',
  move_meeting: 'liveConsole.changes.move_meeting',
} as const;

/** The day's log: each change, and what the repair moved with it. */
function ChangesPanel(props: {
  view: LiveConsoleView;
  cellLabel: (c: { slot: number; table: number }) => string;
}) {
  return (
    <section class="card" aria-labelledby="live-changes-title" data-testid="live-changes">
      <h2 id="live-changes-title" class="card-title">
        {t('liveConsole.changesTitle')}
      </h2>
      <Show when={props.view.changes.length > 0} fallback={<p class="muted">{t('liveConsole.noChanges')}</p>}>
        <ol class="live-change-list">
          <For each={props.view.changes}>
            {(c) => (
              <li data-testid="live-change" data-kind={c.kind} data-moved={c.moved.length}>
                <time datetime={c.at} class="muted">
                  {hallTime(c.at)}
                </time>{' '}
                <strong>{t(CHANGE_KEYS[c.kind])}</strong>
                <Show when={c.orgName}> · {c.orgName}</Show>
                <Show when={c.moved.length > 0}>
                  <ul class="live-moved">
                    <For each={c.moved}>
                      {(m) => (
                        <li>
                          {m.offerOrgName} ↔ {m.needOrgName}: <s>{props.cellLabel(m.from)}</s> →{' '}
                          {props.cellLabel(m.to)}
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
