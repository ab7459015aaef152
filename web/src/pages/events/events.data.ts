import { query } from '@solidjs/router';
import { fetchMyEvents, fetchMyRegistrations, fetchOpenEvents } from '../../api/events.ts';

let version = 0;

/** Says the organizer's events changed (created, published, copied): the list fetches afresh. */
export function myEventsChanged(): void {
  version += 1;
}

export const eventsVersion = (): number => version;

/** The first page of the organizer's own events, of a month (empty = all). */
export const getMyEventsPage = query(
  (month: string, _version: number) => fetchMyEvents({ month }),
  'myEventsPage',
);

/** The first page of published events firms can take part in (a month, a region). */
export const getOpenEventsPage = query(
  (month: string, region: string, _version: number) => fetchOpenEvents({ month, region }),
  'openEventsPage',
);

/** The first page of my organisation's registrations (the events it takes part in). */
export const getMyRegistrationsPage = query(
  (_version: number) => fetchMyRegistrations(),
  'myRegistrationsPage',
);

/** This month as YYYY-MM (local time). */
export function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
