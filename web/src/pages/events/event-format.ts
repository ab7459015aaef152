import type { EventDay, EventMode, MatchEvent, PublicEvent } from '../../api/events.ts';
import { formatDate } from '../../components/match-format.ts';
import { t } from '../../i18n/index.ts';

/** "2026年12月8日 09:00–17:00" for each day of an event, joined. */
export function formatDays(days: readonly EventDay[]): string {
  return days.map((d) => `${formatDate(d.date)} ${d.start}–${d.end}`).join(t('events.daySeparator'));
}

/** A meeting's time: its day and hours, in the event's local time ("2026年12月23日 09:20–09:40"). */
export function formatSlot(slot: { date: string; start: string; end: string }): string {
  return `${formatDate(slot.date)} ${slot.start}–${slot.end}`;
}

export function eventWhere(event: Pick<MatchEvent | PublicEvent, 'mode' | 'venue'>): string {
  const venue = event.venue ? `${event.venue.name} · ${event.venue.address}` : '';
  if (event.mode === 'online') return t('events.modes.online');
  if (event.mode === 'hybrid') return `${t('events.modes.hybrid')} · ${venue}`;
  return venue || t('events.modes.venue');
}

/** A table (numbered from 1) or, online, a video room. */
export const tableLabel = (table: number | undefined, mode?: EventMode): string =>
  table === undefined
    ? t('common.none')
    : mode === 'online'
      ? t('events.roomNo', { n: table })
      : t('events.tableNo', { n: table });
