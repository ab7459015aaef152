import { A, createAsync, type RouteSectionProps, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { getEvent, getRegistrations, register } from '../../api/events.ts';
import { type CarryOverOrg, getCarryOver } from '../../api/reports.ts';
import { lang, langTag, localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { useAction } from './event-action.ts';
import { EventHeader } from './event-detail.tsx';
import { myEventsChanged } from './events.data.ts';

/**
 * /events/:eventId/carry-over — the unmet demand of the series' previous event, proposed for this
 * one: the demand listings its participants enrolled that are still open and not fully met, by
 * organisation. The organizer registers a firm on its behalf with them (the ordinary registration
 * command, approved at once within capacity); firms already registered here are shown as such.
 */
export default function EventCarryOverPage(props: RouteSectionProps) {
  usePageTitle('reports.carryOver');
  const eventId = () => props.params.eventId ?? '';
  const event = createAsync(() => getEvent(eventId()));
  const carry = createAsync(() => getCarryOver(eventId()));
  return (
    <Show when={event()}>
      {(e) => (
        <>
          <EventHeader event={e()} back={`/events/${e().id}`} />
          <section class="card" aria-labelledby="carry-title" data-testid="carry-over">
            <h2 class="card-title" id="carry-title">
              {t('reports.carryOver')}
            </h2>
            <p class="muted">{t('reports.carryOverLead')}</p>
            <Show when={carry()}>
              {(c) => (
                <Show
                  when={c().previous}
                  fallback={<p data-testid="carry-none">{t('reports.noPrevious')}</p>}
                >
                  {(previous) => (
                    <>
                      <p data-testid="carry-previous">
                        {t('reports.previous', { title: previous().title, date: previous().startDate })}{' '}
                        <A href={`/events/${previous().eventId}/report`}>{t('reports.link')}</A>
                      </p>
                      <Show when={!c().canEnroll}>
                        <p class="hint">{t('reports.notPublished')}</p>
                      </Show>
                      <Show
                        when={c().orgs.length > 0}
                        fallback={<p data-testid="carry-empty">{t('reports.nothingCarried')}</p>}
                      >
                        <ul class="carry-list">
                          <For each={c().orgs}>
                            {(org) => <CarryOrg eventId={c().eventId} org={org} canEnroll={c().canEnroll} />}
                          </For>
                        </ul>
                      </Show>
                    </>
                  )}
                </Show>
              )}
            </Show>
          </section>
        </>
      )}
    </Show>
  );
}

const STATUS_KEYS = ['applied', 'approved', 'refused', 'withdrawn'] as const;

function CarryOrg(props: { eventId: string; org: CarryOverOrg; canEnroll: boolean }) {
  const number = (n: number) =>
    new Intl.NumberFormat(langTag(lang()), { maximumFractionDigits: 3 }).format(n);
  const [done, setDone] = createSignal(false);
  const enroll = useAction<unknown>(async () => {
    setDone(true);
    myEventsChanged();
    await revalidate([getCarryOver.keyFor(props.eventId), getRegistrations.keyFor(props.eventId)]);
  });
  const open = () =>
    props.org.registrationStatus === 'applied' || props.org.registrationStatus === 'approved';
  const status = () => {
    const s = props.org.registrationStatus;
    return s && (STATUS_KEYS as readonly string[]).includes(s)
      ? t(`events.registrationStatuses.${s as (typeof STATUS_KEYS)[number]}`)
      : s;
  };
  return (
    <li class="carry-org" data-testid="carry-org" data-org={props.org.orgId}>
      <div>
        <strong>{props.org.orgName}</strong>
        <ul class="carry-listings">
          <For each={props.org.listings}>
            {(l) => (
              <li data-testid="carry-listing" data-listing={l.listingId}>
                {l.name[lang()]} ·{' '}
                {t('reports.remaining', {
                  remaining: number(l.remaining),
                  quantity: number(l.quantity),
                  unit: l.unitSymbol[lang()],
                })}
              </li>
            )}
          </For>
        </ul>
        <Show when={props.org.registrationStatus}>
          <p class="muted" data-testid="carry-registration">
            {t('reports.registration', { status: status() ?? '' })}
          </p>
        </Show>
      </div>
      <div class="step-actions">
        <Show
          when={!open() && !done()}
          fallback={
            <span class="badge" data-testid="carry-enrolled">
              {t('reports.enrolledAlready')}
            </span>
          }
        >
          <button
            type="button"
            class="button button-primary"
            disabled={!props.canEnroll || Boolean(enroll.busy())}
            aria-busy={Boolean(enroll.busy())}
            data-testid="carry-enroll"
            onClick={() =>
              enroll.run('enroll', () =>
                register(props.eventId, {
                  orgId: props.org.orgId,
                  listingIds: props.org.listings.map((l) => l.listingId),
                  people: 1,
                }),
              )
            }
          >
            {enroll.busy() ? t('reports.enrolling') : t('reports.enroll')}
          </button>
        </Show>
        <Show when={enroll.error()}>
          {(e) => (
            <div class="alert alert-error" role="alert" data-testid="carry-error">
              {localized(e().messages)}
            </div>
          )}
        </Show>
      </div>
    </li>
  );
}
