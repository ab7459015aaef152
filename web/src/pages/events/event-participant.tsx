import { A, createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { isGoodsListing } from '../../../../functions/contract/listing.ts';
import { getCatalogue } from '../../api/catalogue.ts';
import {
  type Availability,
  can,
  EVENT_LISTING_KINDS,
  getEvent,
  getEventMatches,
  getMeetingRequests,
  getMyRegistration,
  getParticipants,
  type MatchEvent,
  type MeetingRequest,
  moveMeetingRequest,
  moveRegistration,
  type Registration,
  register,
  requestMeeting,
} from '../../api/events.ts';
import { fetchMyListings, kindsForOrg, type ListingView } from '../../api/listings.ts';
import { useMe } from '../../components/app-shell.data.ts';
import { Field, FormMessage } from '../../components/field.tsx';
import { listingTitle } from '../../components/listing-format.ts';
import { MatchCard } from '../../components/match-card.tsx';
import { formatDate, formatQuantity, useCatalogue } from '../../components/match-format.ts';
import { createFormErrors, fieldId } from '../../forms.ts';
import { localized, t } from '../../i18n/index.ts';
import { useAction } from './event-action.ts';
import { EventFacts } from './event-facts.tsx';
import { RegistrationBadge } from './event-status.tsx';
import { myEventsChanged } from './events.data.ts';

/**
 * What a firm sees of an event: how to take part (apply with some of its open listings, the hours
 * it can attend and how many people come), its registration's state, its proposed matches for the
 * event, meeting requests to and from other participants, and its agenda once the schedule is out.
 */
export function ParticipantPanels(props: { event: MatchEvent }) {
  const registration = createAsync(() => getMyRegistration(props.event.id));
  const approved = () => registration()?.status === 'approved';
  return (
    <>
      <Show when={registration() !== undefined}>
        <Show
          when={registration()}
          fallback={
            <Show
              when={can(props.event, 'register')}
              fallback={<p class="card muted">{t('events.registrationClosed')}</p>}
            >
              <ApplyForm event={props.event} />
            </Show>
          }
        >
          {(r) => <RegistrationState event={props.event} registration={r()} />}
        </Show>
      </Show>
      <Show when={approved()}>
        <Show when={props.event.scheduleStatus === 'published'}>
          <section class="card agenda-callout" data-testid="agenda-callout">
            <p>{t('events.agendaReady')}</p>
            <A
              href={`/events/${props.event.id}/agenda`}
              class="button button-primary"
              data-testid="agenda-link"
            >
              {t('events.myAgenda')}
            </A>
          </section>
        </Show>
        <EventMatches event={props.event} />
        <MeetingRequests event={props.event} />
      </Show>
      <EventFacts event={props.event} />
    </>
  );
}

function RegistrationState(props: { event: MatchEvent; registration: Registration }) {
  const withdraw = useAction<unknown>(() => revalidate(getMyRegistration.keyFor(props.event.id)));
  return (
    <section class="card" aria-labelledby="my-registration-title" data-testid="my-registration">
      <div class="card-head">
        <h2 id="my-registration-title" class="card-title">
          {t('events.myRegistration')}
        </h2>
        <RegistrationBadge status={props.registration.status} />
      </div>
      <p>{t(`events.registrationHelp.${props.registration.status}`)}</p>
      <Show when={props.registration.reason}>
        {(reason) => (
          <p data-testid="registration-reason">
            {t('events.refusedBecause')}
            {reason()}
          </p>
        )}
      </Show>
      <p class="muted">
        {t('events.registrationSummary', {
          listings: props.registration.listingIds.length,
          people: props.registration.people,
        })}
      </p>
      <Show when={can(props.registration, 'withdraw')}>
        <button
          type="button"
          class="button"
          data-testid="registration-withdraw"
          onClick={() =>
            withdraw.run('withdraw', () =>
              moveRegistration(props.event.id, props.registration.id, 'withdraw'),
            )
          }
        >
          {t('events.withdraw')}
        </button>
      </Show>
    </section>
  );
}

const APPLY_FIELDS = ['listingIds', 'availability', 'people'] as const;

/** The event's days, whole, as the starting availability. */
export const wholeDays = (event: MatchEvent): Availability[] =>
  event.days.map((d) => ({ date: d.date, start: d.start, end: d.end }));

/** Apply to the event with some of my open listings. */
function ApplyForm(props: { event: MatchEvent }) {
  const me = useMe();
  useCatalogue();
  const catalogue = createAsync(() => getCatalogue());
  const listings = createAsync(async () => {
    const m = me();
    if (!m) return [] as ListingView[];
    // only the listings the event matches: goods (supply, demand), staff, or both
    const kinds = kindsForOrg(m.org.kinds).filter((kind) =>
      EVENT_LISTING_KINDS[props.event.kind].includes(kind),
    );
    const pages = await Promise.all(
      kinds.map((kind) => fetchMyListings({ kind, status: 'open', limit: 100 })),
    );
    return pages.flatMap((p) => p.items);
  });
  const [chosen, setChosen] = createSignal<string[]>([]);
  const [availability, setAvailability] = createSignal<Availability[]>(wholeDays(props.event));
  const [people, setPeople] = createSignal('2');
  const errors = createFormErrors(APPLY_FIELDS);
  const [pending, setPending] = createSignal(false);
  const setWindow = (i: number, patch: Partial<Availability>) =>
    setAvailability((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = async (ev: SubmitEvent) => {
    ev.preventDefault();
    if (pending()) return;
    errors.clear();
    setPending(true);
    try {
      await register(props.event.id, {
        listingIds: chosen(),
        availability: availability(),
        people: Number(people()),
      });
      myEventsChanged();
      await revalidate([getMyRegistration.keyFor(props.event.id), getEvent.keyFor(props.event.id)]);
    } catch (error) {
      errors.showApiError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <section class="card" aria-labelledby="apply-title" data-testid="apply">
      <h2 id="apply-title" class="card-title">
        {t('events.applyTitle')}
      </h2>
      <p class="muted">{t('events.applyLead')}</p>
      <FormMessage
        id="apply-error"
        message={errors.form()}
        extra={errors.unplaced().map((f) => localized(f.messages))}
      />
      <form class="form" novalidate onSubmit={submit} data-testid="apply-form">
        <Field
          field="listingIds"
          label={t('events.enrolListings')}
          group
          error={errors.forField('listingIds')}
        >
          <Show when={listings()}>
            {(list) => (
              <Show
                when={list().length > 0}
                fallback={
                  <p class="muted" data-testid="apply-no-listings">
                    {t('events.noOpenListings')}
                  </p>
                }
              >
                <div class="check-list" id={fieldId('listingIds')}>
                  <For each={list()}>
                    {(l) => (
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={chosen().includes(l.id)}
                          data-testid="apply-listing"
                          data-listing-id={l.id}
                          data-kind={l.kind}
                          onChange={(e) => {
                            const on = e.currentTarget.checked;
                            setChosen((c) => (on ? [...c, l.id] : c.filter((x) => x !== l.id)));
                            errors.clearField('listingIds');
                          }}
                        />
                        <span>
                          <span class="badge badge-muted">{t(`listingKinds.${l.kind}`)}</span>{' '}
                          {listingTitle(l, catalogue())}
                          {' · '}
                          {isGoodsListing(l)
                            ? formatQuantity(l.quantity, l.unit)
                            : t('events.headcount', { n: l.headcount })}
                        </span>
                      </label>
                    )}
                  </For>
                </div>
              </Show>
            )}
          </Show>
        </Field>
        <Field
          field="availability"
          label={t('events.availability')}
          hint={t('events.availabilityHint')}
          group
          error={errors.forField('availability')}
        >
          <div class="rows">
            <For each={availability()}>
              {(a, i) => (
                <div class="row-inputs" data-testid="apply-window">
                  <span>{formatDate(a.date)}</span>
                  <label>
                    <span class="sr-only">{t('events.from')}</span>
                    <input
                      type="time"
                      value={a.start}
                      onInput={(e) => setWindow(i(), { start: e.currentTarget.value })}
                    />
                  </label>
                  <span aria-hidden="true">–</span>
                  <label>
                    <span class="sr-only">{t('events.to')}</span>
                    <input
                      type="time"
                      value={a.end}
                      onInput={(e) => setWindow(i(), { end: e.currentTarget.value })}
                    />
                  </label>
                </div>
              )}
            </For>
          </div>
        </Field>
        <Field field="people" label={t('events.people')} error={errors.forField('people')}>
          <input
            id={fieldId('people')}
            type="number"
            min="1"
            value={people()}
            onInput={(e) => setPeople(e.currentTarget.value)}
            data-testid="apply-people"
          />
        </Field>
        <div class="form-actions">
          <button
            type="submit"
            class="button button-primary"
            disabled={pending()}
            aria-busy={pending()}
            data-testid="apply-submit"
          >
            {pending() ? t('matches.working') : t('events.apply')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** My proposed matches from the event's round: accept or decline (the match cards). */
function EventMatches(props: { event: MatchEvent }) {
  const me = useMe();
  const matches = createAsync(() => getEventMatches(props.event.id));
  return (
    <section class="card" aria-labelledby="event-matches-title" data-testid="event-matches">
      <h2 id="event-matches-title" class="card-title">
        {t('events.myMatches')}
      </h2>
      <Show when={matches()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t('events.noMatchesYet')}</p>}>
            <div class="match-list">
              <For each={list()}>
                {(m) => (
                  <MatchCard
                    match={m}
                    viewerOrgId={me()?.org.id}
                    onChanged={() => revalidate(getEventMatches.keyFor(props.event.id))}
                  />
                )}
              </For>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}

/** Ask another participant for a meeting; answer the requests I received. */
function MeetingRequests(props: { event: MatchEvent }) {
  const me = useMe();
  const requests = createAsync(() => getMeetingRequests(props.event.id));
  const participants = createAsync(() => getParticipants(props.event.id));
  const [to, setTo] = createSignal('');
  const refresh = () => revalidate(getMeetingRequests.keyFor(props.event.id));
  const ask = useAction<unknown>(async () => {
    setTo('');
    await refresh();
  });
  const others = () => (participants() ?? []).filter((p) => p.orgId !== me()?.org.id);
  return (
    <section class="card" aria-labelledby="meeting-requests-title" data-testid="meeting-requests">
      <h2 id="meeting-requests-title" class="card-title">
        {t('events.meetingRequests')}
      </h2>
      <p class="muted">{t('events.meetingRequestsLead')}</p>
      <form
        class="row-inputs"
        onSubmit={(e) => {
          e.preventDefault();
          if (to()) void ask.run('ask', () => requestMeeting(props.event.id, to()));
        }}
      >
        <label class="inline-field">
          <span>{t('events.meetWith')}</span>
          <select value={to()} onChange={(e) => setTo(e.currentTarget.value)} data-testid="meeting-to">
            <option value="">{t('events.choose')}</option>
            <For each={others()}>{(p) => <option value={p.orgId}>{p.orgName}</option>}</For>
          </select>
        </label>
        <button
          type="submit"
          class="button"
          disabled={!to() || Boolean(ask.busy())}
          data-testid="meeting-ask"
        >
          {t('events.askMeeting')}
        </button>
      </form>
      <Show when={ask.error()}>
        {(e) => (
          <div class="alert alert-error" role="alert">
            {localized(e().messages)}
          </div>
        )}
      </Show>
      <Show when={(requests() ?? []).length > 0}>
        <ul class="request-list">
          <For each={requests()}>
            {(r) => (
              <RequestRow
                event={props.event}
                request={r}
                mine={r.fromOrgId === me()?.org.id}
                onChanged={refresh}
              />
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}

const REQUEST_MOVES = ['accept', 'decline', 'cancel'] as const;

function RequestRow(props: {
  event: MatchEvent;
  request: MeetingRequest;
  mine: boolean;
  onChanged: () => Promise<void>;
}) {
  const move = useAction<unknown>(props.onChanged);
  return (
    <li class="request-row" data-testid="meeting-request" data-status={props.request.status}>
      <div>
        <strong>
          {props.mine
            ? t('events.requestTo', { name: props.request.toOrgName })
            : t('events.requestFrom', { name: props.request.fromOrgName })}
        </strong>{' '}
        <span class="badge badge-muted" data-testid="meeting-request-status">
          {t(`events.requestStatuses.${props.request.status}`)}
        </span>
        <Show when={props.request.expiresAt && props.request.status === 'requested'}>
          <span class="muted">
            {' '}
            · {t('matches.expires', { date: formatDate(props.request.expiresAt, true) })}
          </span>
        </Show>
      </div>
      <div class="step-actions">
        <For each={REQUEST_MOVES.filter((m) => can(props.request, m))}>
          {(m) => (
            <button
              type="button"
              class={`button ${m === 'accept' ? 'button-primary' : ''}`}
              disabled={Boolean(move.busy())}
              data-testid={`meeting-${m}`}
              onClick={() => move.run(m, () => moveMeetingRequest(props.event.id, props.request.id, m))}
            >
              {t(`events.requestMoves.${m}`)}
            </button>
          )}
        </For>
      </div>
      <Show when={move.error()}>
        {(e) => (
          <div class="alert alert-error" role="alert">
            {localized(e().messages)}
          </div>
        )}
      </Show>
    </li>
  );
}
