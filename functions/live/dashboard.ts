import { createHash } from 'node:crypto';
import type { Deps } from '../api/deps.ts';
import { slotGrid } from '../contract/events.ts';
import { type DashboardSnapshot, dayClock } from '../contract/live.ts';
import { centreOf, getRegion } from '../regions/regions.ts';
import { NotFoundError } from '../shared/errors.ts';

/**
 * The public big-screen dashboard of an event: a snapshot of counts and values — participants
 * checked in, meetings held, deals signed and their value by category and by region, where signed
 * supply comes from — reached by an unguessable token, without sign-in. It never carries a contact,
 * a price, a person or a listing: only counts, sums in fen, names of organisations' regions.
 *
 * The snapshot's ETag is a hash of its content, so `If-None-Match` answers 304 whenever nothing
 * changed, whoever changed what (a command, the stream, a deal): no counter to keep in step.
 */

const SIGNED = new Set(['contract', 'delivered']);
const INTENT = new Set(['intent', 'contract_proposed']);

/** The city a county belongs to (a city or province stays itself). */
function cityOf(adcode: string): string {
  if (adcode.endsWith('00')) return adcode;
  const city = `${adcode.slice(0, 4)}00`;
  return getRegion(city) ? city : adcode;
}

export async function dashboardSnapshot(
  deps: Deps,
  token: string,
): Promise<{ snapshot: DashboardSnapshot; etag: string }> {
  const eventId = await deps.live.dashboardEvent(token);
  const event = eventId ? await deps.events.get(eventId) : undefined;
  if (!event) throw new NotFoundError();
  const [registrations, checkIns, meetings, deals] = await Promise.all([
    deps.events.allRegistrations(event.id),
    deps.live.checkIns(event.id),
    deps.meetings.allMeetings(event.id),
    deps.deals.allForEvent(event.id),
  ]);
  const catalogue = await deps.catalogue.current();
  const signed = deals.filter((d) => SIGNED.has(d.status));
  const byCategory = new Map<
    string,
    { category: string; name: { zh: string; en: string }; deals: number; valueFen: number }
  >();
  const byRegion = new Map<string, { adcode: string; name: string; deals: number; valueFen: number }>();
  for (const d of signed) {
    const known = catalogue.getCategory(d.category);
    const c = byCategory.get(d.category) ?? {
      category: d.category,
      name: known ? { zh: known.name.zh, en: known.name.en } : { zh: d.category, en: d.category },
      deals: 0,
      valueFen: 0,
    };
    c.deals += 1;
    c.valueFen += d.amountFen;
    byCategory.set(d.category, c);
    const city = cityOf(d.offerAdcode);
    const r = byRegion.get(city) ?? {
      adcode: city,
      name: getRegion(city)?.name ?? city,
      deals: 0,
      valueFen: 0,
    };
    r.deals += 1;
    r.valueFen += d.amountFen;
    byRegion.set(city, r);
  }
  const slots = slotGrid(event);
  const clock = dayClock(slots, deps.clock.now());
  const snapshot: DashboardSnapshot = {
    title: event.title,
    date: event.startDate,
    participants: registrations.filter((r) => r.status === 'approved').length,
    checkedIn: checkIns.length,
    meetingsHeld: meetings.filter((m) => m.status === 'done').length,
    meetingsUnderWay: meetings.filter((m) => m.status === 'under_way').length,
    meetingsScheduled: meetings.filter((m) => m.status === 'scheduled').length,
    deals: signed.length,
    intents: deals.filter((d) => INTENT.has(d.status)).length,
    valueFen: signed.reduce((sum, d) => sum + d.amountFen, 0),
    byCategory: [...byCategory.values()].sort((a, b) => b.valueFen - a.valueFen),
    byRegion: [...byRegion.values()].sort((a, b) => b.valueFen - a.valueFen),
    supplyPoints: [...byRegion.values()].flatMap((r) => {
      const centre = centreOf(r.adcode);
      return centre
        ? [{ adcode: r.adcode, name: r.name, lat: centre.lat, lng: centre.lng, valueFen: r.valueFen }]
        : [];
    }),
    current: clock.current,
    next: clock.next,
    ...(clock.next !== null ? { nextStart: slots[clock.next]!.start } : {}),
    ...(deps.config.dynamoEndpoint !== undefined ? { stream: `/api/public/live/${token}/stream` } : {}),
  };
  const etag = `"${createHash('sha256').update(JSON.stringify(snapshot)).digest('base64url').slice(0, 27)}"`;
  return { snapshot, etag };
}
