import { A, createAsync, revalidate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { createLoadMore } from '../../api/load-more.ts';
import {
  actionsFor,
  fetchInbox,
  getInbox,
  getMatch,
  type InboxItem,
  isMeetingMoved,
  type MatchInboxItem,
  type MeetingMovedNotification,
  sideFor,
} from '../../api/matches.ts';
import { useMe } from '../../components/app-shell.data.ts';
import {
  AnswerButtons,
  actionErrorText,
  StatusBadge,
  useMatchActions,
} from '../../components/match-card.tsx';
import { formatDate, formatQuantity, useCatalogue } from '../../components/match-format.ts';
import { localized, type TranslationKey, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { formatSlot } from '../events/event-format.ts';
import { afterMatchChange } from './listing-matches.tsx';
import { MyNotifications } from './my-notifications.tsx';

/**
 * The organisation's inbox: what happened to its matches, newest first, each linking to the match
 * and to the listing. The newest entry of a match still open carries its accept / decline buttons.
 * Entries newer than the last visit are marked new (remembered in this browser).
 */

const EVENT_KEYS: Record<string, TranslationKey> = {
  proposed: 'inbox.events.proposed',
  revised: 'inbox.events.revised',
  accepted: 'inbox.events.accepted',
  confirmed: 'inbox.events.confirmed',
  declined: 'inbox.events.declined',
  expired: 'inbox.events.expired',
  cancelled: 'inbox.events.cancelled',
  acceptance_voided: 'inbox.events.acceptance_voided',
};

const seenKey = (orgId: string) => `gongxu.inbox.seen.${orgId}`;

function readSeen(orgId: string): string {
  try {
    return localStorage.getItem(seenKey(orgId)) ?? '';
  } catch {
    return '';
  }
}

function writeSeen(orgId: string, at: string): void {
  try {
    if (at > readSeen(orgId)) localStorage.setItem(seenKey(orgId), at);
  } catch {
    // storage unavailable: everything stays "new" for this page only
  }
}

export default function InboxPage() {
  usePageTitle('inbox.title');
  useCatalogue();
  const me = useMe();
  const first = createAsync(() => getInbox(undefined));
  const pages = createLoadMore(first, fetchInbox);
  /** What the last inline action did (its row may move or lose its buttons when the list reloads). */
  const [notice, setNotice] = createSignal<TranslationKey>();
  // "new" is judged against the previous visit, read once when the page opens
  const [seenBefore, setSeenBefore] = createSignal<string>();

  createEffect(() => {
    const orgId = me()?.org.id;
    const items = first()?.items;
    if (!orgId || !items) return;
    if (seenBefore() === undefined) setSeenBefore(readSeen(orgId));
    if (items[0]) writeSeen(orgId, items[0].at);
  });

  const items = createMemo(pages.items);
  /** The newest entry of each match (only it gets the buttons). */
  const newestOfMatch = createMemo(() => {
    const ids = new Set<string>();
    const newest = new Set<string>();
    for (const item of items()) {
      if (isMeetingMoved(item)) continue;
      if (!ids.has(item.matchId)) {
        ids.add(item.matchId);
        newest.add(item.id);
      }
    }
    return newest;
  });
  const isNew = (item: InboxItem) => {
    const seen = seenBefore();
    return seen !== undefined && item.at > seen;
  };
  const newCount = () => items().filter(isNew).length;

  return (
    <>
      <header class="page-header">
        <div>
          <h1 class="page-title">{t('inbox.title')}</h1>
          <p class="page-lead">{t('inbox.lead')}</p>
        </div>
        <Show when={newCount() > 0}>
          <span class="badge badge-blue inbox-new-count" data-testid="inbox-new-count">
            {t('inbox.newCount', { count: newCount() })}
          </span>
        </Show>
      </header>
      <ErrorBoundary fallback={null}>
        <Suspense>
          <MyNotifications />
        </Suspense>
      </ErrorBoundary>
      <Show when={notice()}>
        {(key) => (
          <div class="alert alert-success" role="status" data-testid="inbox-notice">
            {t(key())}
          </div>
        )}
      </Show>
      <Show when={first()}>
        <Show
          when={items().length > 0}
          fallback={
            <div class="card empty-state">
              <p>{t('inbox.empty')}</p>
            </div>
          }
        >
          <ol class="inbox-list" data-testid="inbox-list">
            <For each={items()}>
              {(item) =>
                isMeetingMoved(item) ? (
                  <MeetingMovedRow item={item} isNew={isNew(item)} />
                ) : (
                  <InboxRow
                    onDone={setNotice}
                    item={item}
                    isNew={isNew(item)}
                    actionable={newestOfMatch().has(item.id)}
                    orgId={me()?.org.id}
                  />
                )
              }
            </For>
          </ol>
          <Show when={pages.error()}>
            {(e) => (
              <div class="alert alert-error" role="alert">
                {localized(e().messages)}
              </div>
            )}
          </Show>
          <Show when={pages.hasMore()}>
            <div class="pager">
              <button
                type="button"
                class="button"
                disabled={pages.loading()}
                onClick={pages.loadMore}
                data-testid="inbox-more"
              >
                {pages.loading() ? t('common.loading') : t('inbox.more')}
              </button>
            </div>
          </Show>
        </Show>
      </Show>
    </>
  );
}

/** What happened, as a coloured dot and its words, and whether it is new since the last visit. */
function InboxEventLine(props: { dot: string; label: string; isNew: boolean }) {
  return (
    <p class="inbox-event">
      <span class={`inbox-dot event-${props.dot}`} aria-hidden="true" />
      <strong>{props.label}</strong>
      <Show when={props.isNew}>
        <span class="badge badge-blue">{t('inbox.new')}</span>
      </Show>
    </p>
  );
}

/** On an event's live day the schedule was repaired and this meeting moved: from where to where. */
function MeetingMovedRow(props: { item: MeetingMovedNotification; isNew: boolean }) {
  const cell = (c: MeetingMovedNotification['from']) =>
    `${formatSlot(c)} · ${t('inbox.tableN', { n: c.table })}`;
  return (
    <li
      class="card inbox-item"
      classList={{ 'is-new': props.isNew }}
      data-testid="inbox-item"
      data-event="meeting_moved"
      data-meeting-id={props.item.meetingId}
      data-counterpart={props.item.counterpartOrgName}
    >
      <div class="inbox-main">
        <InboxEventLine dot="revised" label={t('inbox.events.meeting_moved')} isNew={props.isNew} />
        <p class="inbox-what">
          <span class="inbox-org">{props.item.counterpartOrgName}</span>
          <span aria-hidden="true"> · </span>
          <span>{props.item.eventTitle}</span>
        </p>
        <p class="inbox-what" data-testid="inbox-moved">
          <s>{cell(props.item.from)}</s>
          <span aria-hidden="true"> → </span>
          <strong>{cell(props.item.to)}</strong>
        </p>
        <p class="inbox-links">
          <time datetime={props.item.at} class="muted">
            {formatDate(props.item.at, true)}
          </time>
          <A href={`/events/${props.item.eventId}/agenda`} data-testid="inbox-agenda-link">
            {t('inbox.viewAgenda')}
          </A>
        </p>
      </div>
    </li>
  );
}

interface RowProps {
  item: MatchInboxItem;
  isNew: boolean;
  actionable: boolean;
  orgId: string | undefined;
  onDone: (note: TranslationKey) => void;
}

function InboxRow(props: RowProps) {
  const mayBeOpen = () =>
    props.actionable &&
    (props.item.event === 'proposed' || props.item.event === 'revised' || props.item.event === 'accepted');
  return (
    <li
      class="card inbox-item"
      classList={{ 'is-new': props.isNew }}
      data-testid="inbox-item"
      data-event={props.item.event}
      data-match-id={props.item.matchId}
      data-counterpart={props.item.counterpartOrgName}
    >
      <div class="inbox-main">
        <InboxEventLine
          dot={props.item.event}
          label={EVENT_KEYS[props.item.event] ? t(EVENT_KEYS[props.item.event]!) : props.item.event}
          isNew={props.isNew}
        />
        <p class="inbox-what">
          <span class="inbox-org">{props.item.counterpartOrgName}</span>
          <span aria-hidden="true"> · </span>
          <span class="inbox-quantity">{formatQuantity(props.item.quantity, props.item.unit)}</span>
        </p>
        <p class="inbox-links">
          <time datetime={props.item.at} class="muted">
            {formatDate(props.item.at, true)}
          </time>
          <A href={`/matches/${props.item.matchId}`} data-testid="inbox-match-link">
            {t('inbox.viewMatch')}
          </A>
          <A href={`/listings/${props.item.listingId}`}>{t('matches.viewListing')}</A>
        </p>
      </div>
      <Show when={mayBeOpen()}>
        <ErrorBoundary fallback={null}>
          <Suspense>
            <InboxActions matchId={props.item.matchId} orgId={props.orgId} onDone={props.onDone} />
          </Suspense>
        </ErrorBoundary>
      </Show>
    </li>
  );
}

/** The match's current state and, while it is open, accept / decline right here. */
function InboxActions(props: {
  matchId: string;
  orgId: string | undefined;
  onDone: (note: TranslationKey) => void;
}) {
  const match = createAsync(() => getMatch(props.matchId));
  return (
    <Show when={match()}>
      {(m) => {
        const side = () => sideFor(props.orgId, m());
        const actions = () => actionsFor(side(), m());
        const { pending, error, done, run } = useMatchActions(m, async (updated, action) => {
          props.onDone(
            action === 'decline'
              ? 'matches.doneDeclined'
              : updated.status === 'confirmed'
                ? 'matches.doneConfirmed'
                : 'matches.doneAccepted',
          );
          await afterMatchChange(updated, action);
          await revalidate(getInbox.key);
        });
        return (
          <div class="inbox-actions" data-testid="inbox-actions">
            <StatusBadge match={m()} />
            <Show when={actions().waiting}>
              <span class="match-note">{t('matches.waiting')}</span>
            </Show>
            <AnswerButtons actions={actions()} pending={pending()} run={run} testIdPrefix="inbox" />
            <Show when={error()}>
              {(e) => (
                <p class="field-error" role="alert" data-testid="inbox-error">
                  {actionErrorText(e(), m())}
                </p>
              )}
            </Show>
            <Show when={done()}>
              {(key) => (
                <p class="match-note" role="status">
                  {t(key())}
                </p>
              )}
            </Show>
          </div>
        );
      }}
    </Show>
  );
}
