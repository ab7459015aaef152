import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { getMatchDeals, getMyDeals } from '../api/deals.ts';
import type { MatchView } from '../api/matches.ts';
import { t } from '../i18n/index.ts';
import { DealRow } from './deal-card.tsx';
import { DealForm } from './deal-form.tsx';

/**
 * On a confirmed match: the deals recorded on it and, for its two sides (or an organizer recording
 * what both reported on paper), the form to record a letter of intent or a contract.
 */
export function MatchDeals(props: {
  match: MatchView;
  viewerOrgId: string | undefined;
  organizer: boolean;
  /** The event meeting after which the deal is recorded (opened from the agenda). */
  at?: { eventId: string; meetingId: string } | undefined;
}) {
  const deals = createAsync(() => getMatchDeals(props.match.id));
  const [open, setOpen] = createSignal(false);
  const [done, setDone] = createSignal<string>();
  const isSide = () =>
    props.viewerOrgId === props.match.offerOrgId || props.viewerOrgId === props.match.needOrgId;
  return (
    <Show when={props.match.status === 'confirmed' && props.match.kind === 'goods'}>
      <section class="card match-deals" data-testid="match-deals">
        <h2 class="card-title">{t('deals.onMatch')}</h2>
        <Show when={(deals()?.items.length ?? 0) > 0}>
          <ul class="deal-list">
            <For each={deals()?.items}>
              {(deal) => <DealRow deal={deal} viewerOrgId={props.viewerOrgId} />}
            </For>
          </ul>
        </Show>
        <Show when={done()}>
          <p class="alert alert-success" role="status" data-testid="deal-recorded">
            {done()}
          </p>
        </Show>
        <Show when={isSide() || props.organizer}>
          <Show
            when={open()}
            fallback={
              <button
                type="button"
                class="button button-primary"
                onClick={() => {
                  setDone(undefined);
                  setOpen(true);
                }}
                data-testid="deal-record-open"
              >
                {t('deals.record')}
              </button>
            }
          >
            <p class="hint">{isSide() ? t('deals.recordLead') : t('deals.recordPaperLead')}</p>
            <Show when={props.at}>
              <p class="hint" data-testid="deal-at-meeting">
                {t('deals.atMeeting')}
              </p>
            </Show>
            <DealForm
              mode="record"
              matchId={props.match.id}
              {...(props.at ? { at: props.at } : {})}
              paper={!isSide()}
              quantity={props.match.quantity}
              unit={props.match.unit}
              deliveryAdcode={props.match.needAdcode}
              onDone={(deal) => {
                setOpen(false);
                setDone(deal.recordedAs === 'organizer' ? t('deals.recordedPaper') : t('deals.recorded'));
                void revalidate([getMatchDeals.keyFor(props.match.id), getMyDeals.key]);
              }}
            />
          </Show>
        </Show>
      </section>
    </Show>
  );
}
