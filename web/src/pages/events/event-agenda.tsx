import { A, createAsync, type RouteSectionProps } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ApiError } from '../../api/client.ts';
import { downloadAgendaIcs, getAgenda } from '../../api/events.ts';
import type { MatchReason } from '../../api/matches.ts';
import { formatQuantity, itemName, useCatalogue } from '../../components/match-format.ts';
import { MatchReasons } from '../../components/match-reasons.tsx';
import { absoluteUrl, QrCode } from '../../components/qr-code.tsx';
import { localized, t } from '../../i18n/index.ts';
import { usePageTitle } from '../../page-title.ts';
import { eventWhere, formatDays, formatSlot, tableLabel } from './event-format.ts';

/**
 * /events/:eventId/agenda — a participant's own meetings: when, at which table (or the video link),
 * with whom, what was matched and why. Made for a phone, printable (bad Wi-Fi at venues), and as an
 * .ics file for a calendar.
 */
/** A match's family: goods, or shared employees. */
const goodsOrLabour = (kind: string): 'goods' | 'labour' => (kind === 'labour' ? 'labour' : 'goods');

export default function EventAgendaPage(props: RouteSectionProps) {
  usePageTitle('events.myAgenda');
  useCatalogue();
  const agenda = createAsync(() => getAgenda(props.params.eventId ?? ''));
  const [icsError, setIcsError] = createSignal<ApiError>();
  const download = async () => {
    setIcsError(undefined);
    try {
      await downloadAgendaIcs(props.params.eventId ?? '');
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setIcsError(e);
    }
  };
  return (
    <Show when={agenda()}>
      {(a) => (
        <div class="agenda printable" data-testid="agenda">
          <header class="page-header">
            <div>
              <p class="eyebrow no-print">
                <A href={`/events/${a().event.id}`}>{t('events.backToEvent')}</A>
              </p>
              <h1 class="page-title">{t('events.agendaOf', { org: a().orgName })}</h1>
              <p class="page-lead">
                {a().event.title} · {formatDays(a().event.days)} · {eventWhere(a().event)}
              </p>
            </div>
          </header>
          <div class="toolbar no-print">
            <button type="button" class="button" onClick={() => window.print()} data-testid="agenda-print">
              {t('events.print')}
            </button>
            <button type="button" class="button" onClick={download} data-testid="agenda-ics">
              {t('events.addToCalendar')}
            </button>
          </div>
          <Show when={icsError()}>
            {(e) => (
              <div class="alert alert-error" role="alert">
                {localized(e().messages)}
              </div>
            )}
          </Show>
          <Show when={a().checkInUrl}>
            {(url) => (
              <section
                class="card agenda-checkin"
                data-testid="agenda-checkin"
                aria-labelledby="agenda-checkin-title"
              >
                <QrCode
                  value={absoluteUrl(url())}
                  label={t('liveCheckIn.qrLabel', { org: a().orgName })}
                  size={160}
                  testId="agenda-qr"
                />
                <div>
                  <h2 id="agenda-checkin-title" class="card-title">
                    {t('liveCheckIn.agendaCode')}
                  </h2>
                  <p class="muted">{t('liveCheckIn.agendaCodeText')}</p>
                </div>
              </section>
            )}
          </Show>
          <Show when={a().items.length > 0} fallback={<p class="card muted">{t('events.agendaEmpty')}</p>}>
            <ol class="agenda-list">
              <For each={a().items}>
                {(item) => (
                  <li
                    class="card agenda-item"
                    data-testid="agenda-item"
                    data-counterpart={item.counterpartName}
                  >
                    <div class="agenda-when">
                      <strong data-testid="agenda-time">{formatSlot(item)}</strong>
                      <Show when={a().event.mode !== 'online'}>
                        <span class="agenda-table" data-testid="agenda-table">
                          {tableLabel(item.table, a().event.mode)}
                        </span>
                      </Show>
                      <Show when={item.videoLink}>
                        {(link) => (
                          <a
                            href={link()}
                            class="agenda-video"
                            data-testid="agenda-video"
                            rel="noopener"
                            target="_blank"
                          >
                            {t('events.videoRoom')}
                            <span class="print-only"> {link()}</span>
                          </a>
                        )}
                      </Show>
                    </div>
                    <Show when={item.movedFrom}>
                      {(from) => (
                        <p class="agenda-moved" data-testid="agenda-moved">
                          {t('events.agendaMovedFrom', {
                            time: from().start,
                            table: tableLabel(from().table, a().event.mode),
                          })}
                        </p>
                      )}
                    </Show>
                    <h2 class="agenda-counterpart">{item.counterpartName}</h2>
                    <Show when={item.requested}>
                      <p class="muted">{t('events.fromRequest')}</p>
                    </Show>
                    <For each={item.matches}>
                      {(m) => (
                        <div class="agenda-match">
                          <p>
                            <strong>{itemName(goodsOrLabour(m.kind), m.offerItem)}</strong> ·{' '}
                            {formatQuantity(m.quantity, m.unit)}
                          </p>
                          <Show when={item.status === 'under_way' || item.status === 'done'}>
                            <A
                              href={`/matches/${m.id}?eventId=${a().event.id}&meetingId=${item.meetingId}`}
                              class="button button-small no-print"
                              data-testid="agenda-record-deal"
                            >
                              {t('deals.recordAfterMeeting')}
                            </A>
                          </Show>
                          <MatchReasons
                            reasons={m.reasons as unknown as MatchReason[]}
                            context={{ kind: goodsOrLabour(m.kind), offerItem: m.offerItem, unit: m.unit }}
                          />
                        </div>
                      )}
                    </For>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </div>
      )}
    </Show>
  );
}
