import { Show } from 'solid-js';
import type { MatchEvent, PublicEvent } from '../../api/events.ts';
import { formatDate } from '../../components/match-format.ts';
import { RegionName } from '../../components/region-name.tsx';
import { t } from '../../i18n/index.ts';
import { eventWhere, formatDays } from './event-format.ts';

/** What, when, where and who organizes: the event's facts, for every viewer. */
export function EventFacts(props: { event: MatchEvent | PublicEvent }) {
  return (
    <section class="card" aria-labelledby="event-facts-title">
      <h2 id="event-facts-title" class="card-title">
        {t('events.facts')}
      </h2>
      <dl class="details" data-testid="event-facts">
        <div>
          <dt>{t('events.kind')}</dt>
          <dd>{t(`events.kinds.${props.event.kind}`)}</dd>
        </div>
        <div>
          <dt>{t('events.region')}</dt>
          <dd>
            <RegionName adcode={props.event.region} />
          </dd>
        </div>
        <div>
          <dt>{t('events.when')}</dt>
          <dd>{formatDays(props.event.days)}</dd>
        </div>
        <div>
          <dt>{t('events.where')}</dt>
          <dd>{eventWhere(props.event)}</dd>
        </div>
        <Show when={props.event.venue}>
          {(v) => (
            <div>
              <dt>{t('events.tables')}</dt>
              <dd>{v().tables}</dd>
            </div>
          )}
        </Show>
        <div>
          <dt>{t('events.meetingMinutes')}</dt>
          <dd>{t('events.minutes', { n: props.event.meetingMinutes })}</dd>
        </div>
        <Show when={(props.event.breaks ?? []).length > 0}>
          <div>
            <dt>{t('events.breaks')}</dt>
            <dd>
              {(props.event.breaks ?? []).map((b) => `${b.start}–${b.end}`).join(t('events.daySeparator'))}
            </dd>
          </div>
        </Show>
        <div>
          <dt>{t('events.deadline')}</dt>
          <dd>{formatDate(props.event.registrationDeadline)}</dd>
        </div>
        <div>
          <dt>{t('events.capacity')}</dt>
          <dd>{props.event.capacity}</dd>
        </div>
        <div>
          <dt>{t('events.organizer')}</dt>
          <dd>{props.event.organizerName}</dd>
        </div>
      </dl>
    </section>
  );
}
