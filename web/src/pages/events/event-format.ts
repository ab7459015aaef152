import type { EventDay, MatchEvent, PublicEvent } from '../../api/events.ts';
import { formatDate } from '../../components/match-format.ts';
import { lang, langTag, t } from '../../i18n/index.ts';

/** "2026年12月8日 09:00–17:00" for each day of an event, joined. */
export function formatDays(days: readonly EventDay[]): string {
  return days.map((d) => `${formatDate(d.date)} ${d.start}–${d.end}`).join(t('events.daySeparator'));
}

/** A timestamp as local time of day (09:20). */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(langTag(lang()), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
}

/** A meeting's time: the day and its start–end. */
export function formatSlot(start: string, end: string): string {
  return `${formatDate(start)} ${formatTime(start)}–${formatTime(end)}`;
}

export function eventWhere(event: Pick<MatchEvent | PublicEvent, 'mode' | 'venue'>): string {
  const venue = event.venue ? `${event.venue.name}（${event.venue.address}）` : '';
  if (event.mode === 'online') return t('events.modes.online');
  if (event.mode === 'hybrid') return `${t('events.modes.hybrid')} · ${venue}`;
  return venue || t('events.modes.venue');
}

/** A table number as people read it (numbered from 1 on paper). */
export const tableLabel = (table: number | undefined): string =>
  table === undefined ? t('common.none') : t('events.tableNo', { n: table + 1 });
