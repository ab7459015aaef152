import { A, revalidate } from '@solidjs/router';
import { createSignal, type JSX, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { ApiError } from '../api/client.ts';
import {
  acceptMatch,
  actionsFor,
  cancelMatch,
  declineMatch,
  getInbox,
  getListingMatches,
  getMatch,
  isOpenMatch,
  type MatchSide,
  type MatchStatus,
  type MatchView,
  sideFor,
} from '../api/matches.ts';
import { lang, localized, type TranslationKey, t } from '../i18n/index.ts';
import { formatDate, formatKm, formatMoney, formatQuantity, itemName, useCatalogue } from './match-format.ts';
import { MatchReasons } from './match-reasons.tsx';
import { sideLabel } from './match-side.ts';
import { MatchTerms } from './match-terms.tsx';

/**
 * One match as a card: the counterpart, what and how much, distance and freight, province and
 * substitute badges, the reasons as sentences, the status, what this side can do now (accept,
 * confirm, decline, cancel) and — once both sides accepted — the counterpart's contact.
 */

export { sideLabel };

/** A label before its value: “联系人：” / “Contact: ”. */
const labelled = (key: TranslationKey): string => `${t(key)}${lang() === 'zh' ? '：' : ': '}`;

export function statusText(match: Pick<MatchView, 'kind' | 'status'>): string {
  const side =
    match.status === 'accepted_by_offer'
      ? sideLabel(match.kind, 'offer')
      : match.status === 'accepted_by_need'
        ? sideLabel(match.kind, 'need')
        : '';
  return t(`matchStatus.${match.status}`, { side });
}

const STATUS_TONE: Record<MatchStatus, string> = {
  proposed: 'badge-blue',
  accepted_by_offer: 'badge-amber',
  accepted_by_need: 'badge-amber',
  confirmed: 'badge-green',
  declined: 'badge-muted',
  expired: 'badge-muted',
  cancelled: 'badge-muted',
};

export function StatusBadge(props: { match: Pick<MatchView, 'kind' | 'status'> }) {
  return (
    <span
      class={`badge ${STATUS_TONE[props.match.status]}`}
      data-testid="match-status"
      data-status={props.match.status}
    >
      {statusText(props.match)}
    </span>
  );
}

/** The message for a failed action; a 409 insufficient_remaining says which side ran short. */
export function actionErrorText(error: ApiError, match: MatchView): string {
  if (error.code === 'insufficient_remaining') {
    const quantity = formatQuantity(match.quantity, match.unit);
    const field = error.fields[0]?.field;
    const side: MatchSide | undefined =
      field === 'offerListingId' ? 'offer' : field === 'needListingId' ? 'need' : undefined;
    return side
      ? t('matches.insufficient', { side: sideLabel(match.kind, side), quantity })
      : t('matches.insufficientAny', { quantity });
  }
  if (error.code === 'terms_changed') {
    const field = error.fields[0]?.field;
    return t('matches.terms.changed', {
      side: sideLabel(match.kind, field === 'needListingId' ? 'need' : 'offer'),
    });
  }
  if (error.code === 'invalid_transition' || error.code === 'conflict') return t('matches.stale');
  return localized(error.messages);
}

type Action = 'accept' | 'decline' | 'cancel';

/** Accept (or confirm, when the other side already accepted) and decline, for a card or an inbox row. */
export function AnswerButtons(props: {
  actions: ReturnType<typeof actionsFor>;
  pending: Action | undefined;
  run: (action: Action) => void;
  testIdPrefix: 'match' | 'inbox';
}) {
  return (
    <>
      <Show when={props.actions.accept}>
        <button
          type="button"
          class="button button-primary"
          data-testid={`${props.testIdPrefix}-accept`}
          disabled={Boolean(props.pending)}
          aria-busy={props.pending === 'accept'}
          onClick={() => props.run('accept')}
        >
          {props.pending === 'accept'
            ? t('matches.working')
            : props.actions.confirms
              ? t('matches.confirm')
              : t('matches.accept')}
        </button>
      </Show>
      <Show when={props.actions.decline}>
        <button
          type="button"
          class="button"
          data-testid={`${props.testIdPrefix}-decline`}
          disabled={Boolean(props.pending)}
          aria-busy={props.pending === 'decline'}
          onClick={() => props.run('decline')}
        >
          {props.pending === 'decline' ? t('matches.working') : t('matches.decline')}
        </button>
      </Show>
    </>
  );
}

/** Accept / decline / cancel with pending state, errors and a note of what happened. */
export function useMatchActions(
  match: () => MatchView,
  onChanged: (updated: MatchView, action: Action) => void | Promise<void>,
) {
  const [pending, setPending] = createSignal<Action>();
  const [error, setError] = createSignal<ApiError>();
  const [done, setDone] = createSignal<TranslationKey>();
  const run = async (action: Action) => {
    if (pending()) return;
    setPending(action);
    setError(undefined);
    setDone(undefined);
    try {
      const id = match().id;
      // Accepting sends the terms shown: a listing changed since is refused, never accepted unseen.
      const updated = await (action === 'accept'
        ? acceptMatch(id, match().currentTerms)
        : action === 'decline'
          ? declineMatch(id)
          : cancelMatch(id));
      setDone(
        action === 'decline'
          ? 'matches.doneDeclined'
          : action === 'cancel'
            ? 'matches.doneCancelled'
            : updated.status === 'confirmed'
              ? 'matches.doneConfirmed'
              : 'matches.doneAccepted',
      );
      await onChanged(updated, action);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e);
      // the other side acted meanwhile: show the match as it is now
      if (
        e.code === 'invalid_transition' ||
        e.code === 'conflict' ||
        e.code === 'terms_changed' ||
        e.status === 404
      ) {
        await revalidate([getListingMatches.key, getMatch.key, getInbox.key]);
      }
    } finally {
      setPending(undefined);
    }
  };
  return { pending, error, done, run };
}

export interface MatchCardProps {
  match: MatchView;
  /** The viewer's organisation: decides the side, the counterpart and the actions. */
  viewerOrgId: string | undefined;
  onChanged: (updated: MatchView, action: Action) => void | Promise<void>;
  /** Link to the match's own page. */
  showLink?: boolean;
  /** The level of the card's heading: 2 where the card sits right under the page's title. */
  headingLevel?: 2 | 3;
  children?: JSX.Element;
}

export function MatchCard(props: MatchCardProps) {
  useCatalogue();
  const side = () => sideFor(props.viewerOrgId, props.match);
  // What the API says this viewer may do (organizers following a match only look).
  const actions = () => actionsFor(side(), props.match);
  const { pending, error, done, run } = useMatchActions(() => props.match, props.onChanged);
  const [askCancel, setAskCancel] = createSignal(false);
  const counterpart = () => {
    const s = side();
    if (s === 'offer')
      return {
        name: props.match.needOrgName,
        id: props.match.needOrgId,
        role: sideLabel(props.match.kind, 'need'),
      };
    if (s === 'need')
      return {
        name: props.match.offerOrgName,
        id: props.match.offerOrgId,
        role: sideLabel(props.match.kind, 'offer'),
      };
    return undefined;
  };
  const open = () => actions().decline || actions().waiting;
  const heading = () => `h${props.headingLevel ?? 3}`;
  const subheading = () => `h${(props.headingLevel ?? 3) + 1}`;
  /**
   * An open match waiting for an invited firm on the other side (or, for organizers, on either
   * side) that has not joined yet.
   */
  const waitsForJoin = () => {
    if (!isOpenMatch(props.match)) return false;
    const missing = props.match.notJoined ?? [];
    const s = side();
    return s ? missing.includes(s === 'offer' ? 'need' : 'offer') : missing.length > 0;
  };

  return (
    <article
      class="card match-card"
      data-testid="match-card"
      data-match-id={props.match.id}
      data-status={props.match.status}
      data-counterpart={counterpart()?.name ?? ''}
    >
      <header class="match-card-head">
        <div class="match-who">
          <Show
            when={counterpart()}
            fallback={
              <Dynamic component={heading()} class="match-counterpart">
                {t('matches.between', { offer: props.match.offerOrgName, need: props.match.needOrgName })}
              </Dynamic>
            }
          >
            {(c) => (
              <>
                <p class="match-role">{c().role}</p>
                <Dynamic component={heading()} class="match-counterpart">
                  <A href={`/orgs/${c().id}`}>{c().name}</A>
                </Dynamic>
              </>
            )}
          </Show>
        </div>
        <div class="match-badges">
          <Show when={waitsForJoin()}>
            <span class="badge badge-amber" data-testid="not-joined" title={t('matches.notJoinedHint')}>
              {t('matches.notJoined')}
            </span>
          </Show>
          <StatusBadge match={props.match} />
        </div>
      </header>
      <Show when={waitsForJoin()}>
        <p class="match-note muted" data-testid="not-joined-hint">
          {t('matches.notJoinedHint')}
        </p>
      </Show>

      <dl class="match-facts">
        <div>
          <dt>{props.match.kind === 'goods' ? t('matches.item') : t('matches.skill')}</dt>
          <dd>
            {itemName(props.match.kind, props.match.offerItem)}
            <Show when={props.match.substitute}>
              {' '}
              <span class="badge badge-amber" data-testid="substitute-badge">
                {t('matches.substitute')}
              </span>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('matches.quantity')}</dt>
          <dd class="match-quantity" data-testid="match-quantity">
            {formatQuantity(props.match.quantity, props.match.unit)}
          </dd>
        </div>
        <div>
          <dt>{t('matches.distance')}</dt>
          <dd>
            {t('matches.distanceValue', { km: formatKm(props.match.distanceKm) })}{' '}
            <span
              class={`badge ${props.match.crossProvince ? 'badge-amber' : 'badge-green'}`}
              data-testid="province-badge"
            >
              {props.match.crossProvince ? t('matches.crossProvince') : t('matches.inProvince')}
            </span>
          </dd>
        </div>
        <Show when={props.match.freightCost !== undefined}>
          <div>
            <dt>{t('matches.freight')}</dt>
            <dd>{formatMoney(props.match.freightCost ?? 0)}</dd>
          </div>
        </Show>
      </dl>

      <MatchTerms match={props.match} heading={subheading()} />

      <div class="match-why">
        <Dynamic component={subheading()} class="match-subtitle">
          {t('matches.reasons')}
        </Dynamic>
        <MatchReasons
          reasons={props.match.reasons}
          context={{ kind: props.match.kind, offerItem: props.match.offerItem, unit: props.match.unit }}
        />
      </div>

      <Show when={side()}>
        <Show
          when={props.match.status === 'confirmed' && props.match.counterpartContact}
          fallback={
            <Show when={props.match.status !== 'declined' && props.match.status !== 'expired'}>
              <p class="match-contact-hidden muted" data-testid="contact-hidden">
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                  <path d="M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1h1Zm2 0h6V7a3 3 0 0 0-6 0v3Z" />
                </svg>
                <span>{t('matches.contactHidden')}</span>
              </p>
            </Show>
          }
        >
          {(contact) => (
            <div class="match-contact" data-testid="match-contact">
              <span class="match-subtitle">{t('matches.contact')}</span>
              <span>
                {labelled('matches.contactName')}
                <strong data-testid="contact-name">{contact().name}</strong>
              </span>
              <span>
                {labelled('matches.contactPhone')}
                <a href={`tel:${contact().phone}`} data-testid="contact-phone">
                  {contact().phone}
                </a>
              </span>
            </div>
          )}
        </Show>
      </Show>

      <p class="match-meta">
        <span>{props.match.source === 'live' ? t('matches.sourceLive') : t('matches.sourceRun')}</span>
        <span>{t('matches.proposedAt', { date: formatDate(props.match.proposedAt, true) })}</span>
        <Show when={props.match.confirmedAt}>
          {(at) => <span>{t('matches.confirmedAt', { date: formatDate(at(), true) })}</span>}
        </Show>
        <Show when={open()}>
          <span>{t('matches.expires', { date: formatDate(props.match.expiresAt) })}</span>
        </Show>
      </p>

      <Show when={error()}>
        {(e) => (
          <div
            class="alert alert-error match-error"
            role="alert"
            data-testid="match-error"
            data-code={e().code}
          >
            {actionErrorText(e(), props.match)}
          </div>
        )}
      </Show>
      <Show when={done()}>
        {(key) => (
          <div class="alert alert-success match-done" role="status">
            {t(key())}
          </div>
        )}
      </Show>

      <Show
        when={
          actions().accept || actions().decline || actions().cancel || actions().waiting || props.showLink
        }
      >
        <div class="match-actions">
          <Show when={actions().waiting}>
            <span class="match-note" data-testid="match-waiting">
              {t('matches.waiting')}
            </span>
          </Show>
          <Show when={actions().confirms}>
            <span class="match-note">{t('matches.otherAccepted')}</span>
          </Show>
          <AnswerButtons actions={actions()} pending={pending()} run={run} testIdPrefix="match" />
          <Show when={actions().cancel}>
            <Show
              when={askCancel()}
              fallback={
                <button
                  type="button"
                  class="button"
                  data-testid="match-cancel"
                  onClick={() => setAskCancel(true)}
                >
                  {t('matches.cancel')}
                </button>
              }
            >
              <span class="match-note" role="alert">
                {t('matches.cancelQuestion')}
              </span>
              <button
                type="button"
                class="button button-danger"
                data-testid="match-cancel-yes"
                disabled={Boolean(pending())}
                onClick={async () => {
                  await run('cancel');
                  setAskCancel(false);
                }}
              >
                {pending() === 'cancel' ? t('matches.working') : t('matches.cancelYes')}
              </button>
              <button type="button" class="button button-ghost" onClick={() => setAskCancel(false)}>
                {t('matches.keep')}
              </button>
            </Show>
          </Show>
          <Show when={props.showLink}>
            <A href={`/matches/${props.match.id}`} class="match-link" data-testid="match-link">
              {t('matches.details')} →
            </A>
          </Show>
        </div>
      </Show>
      {props.children}
    </article>
  );
}
