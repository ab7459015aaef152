import {
  type DashboardCityRow,
  type DashboardEventRow,
  MONTHLY_EVENT_TARGET,
  type RegionDashboard,
} from '../contract/report.ts';
import type { Deal } from '../deals/deal.ts';
import { childrenOf, fullName, getRegion } from '../regions/regions.ts';
import type { MatchEvent } from './event.ts';
import { cityOf, dealFigure, departmentFigures } from './event-report.ts';

/**
 * The organizer's region dashboard (issue 10): this month's events per city of its jurisdiction
 * against the target of ten, their participants, deals and signed value, and the series whose unmet
 * demand waits for their next event. Pure: the events and their deals come from the repositories.
 */

export interface RegionDashboardInput {
  month: string;
  /** The jurisdiction shown: a province, a city or a county (adcode). */
  region: string;
  /** Today in Beijing (YYYY-MM-DD): events that started by then were held. */
  today: string;
  /** The month's events in the region (drafts are never listed; cancelled ones are left out here). */
  events: readonly MatchEvent[];
  dealsOf: (eventId: string) => readonly Deal[];
  /** Every event of each series that has an event this month (to find the next one). */
  seriesEvents: (seriesId: string) => readonly MatchEvent[];
}

/** The cities a dashboard has a row for, target or not: a province's cities, or the region itself. */
export function dashboardCities(region: string): string[] {
  const level = getRegion(region)?.level;
  if (level === 'province') {
    const cities = childrenOf(region).filter((r) => r.level === 'city');
    return cities.length > 0 ? cities.map((r) => r.adcode) : [region];
  }
  return [region];
}

function cityRow(adcode: string, rows: readonly DashboardEventRow[]): DashboardCityRow {
  const held = rows.filter((r) => r.held).length;
  const fen = rows.reduce((sum, r) => sum + BigInt(r.valueFen), 0n);
  const figures = departmentFigures(rows.length, 0, 0, fen);
  return {
    adcode,
    name: getRegion(adcode)?.name ?? adcode,
    events: rows.length,
    held,
    target: MONTHLY_EVENT_TARGET,
    met: held >= MONTHLY_EVENT_TARGET,
    participants: rows.reduce((sum, r) => sum + r.participants, 0),
    deals: rows.reduce((sum, r) => sum + r.deals, 0),
    valueFen: figures.valueFen,
    valueYi: figures.valueYi,
    valueWan: figures.valueWan,
  };
}

export function regionDashboard(input: RegionDashboardInput): RegionDashboard {
  const cities = dashboardCities(input.region);
  const provinceLevel = getRegion(input.region)?.level === 'province';
  const events = input.events
    .filter((e) => e.status !== 'cancelled' && e.status !== 'draft')
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.id < b.id ? -1 : 1));
  const rows = events.map((event) => {
    const deals = input.dealsOf(event.id);
    let signed = 0;
    let intents = 0;
    let fen = 0n;
    for (const deal of deals) {
      const figure = dealFigure(deal);
      if (figure === 'contract') {
        signed += 1;
        fen += BigInt(deal.amountFen);
      } else if (figure === 'intent') intents += 1;
    }
    // A province-wide event (its region the province itself) belongs to no one city.
    const city = provinceLevel ? cityOf(event.region) : input.region;
    const row: DashboardEventRow & { city: string } = {
      eventId: event.id,
      title: event.title,
      startDate: event.startDate,
      status: event.status,
      held: event.startDate <= input.today,
      participants: event.approvedCount,
      deals: signed,
      valueFen: fen.toString(),
      intents,
      seriesId: event.seriesId,
      city,
    };
    return row;
  });
  const byCity = new Map<string, (DashboardEventRow & { city: string })[]>();
  for (const row of rows) byCity.set(row.city, [...(byCity.get(row.city) ?? []), row]);
  const wide = provinceLevel ? (byCity.get(input.region) ?? []) : [];

  const series: RegionDashboard['series'] = [];
  for (const seriesId of new Set(rows.map((r) => r.seriesId))) {
    // The next event may still be a draft: the organizer is preparing it.
    const all = input
      .seriesEvents(seriesId)
      .filter((e) => e.status !== 'cancelled')
      .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    const heldThisMonth = rows.filter((r) => r.seriesId === seriesId && r.held);
    const last = heldThisMonth[heldThisMonth.length - 1];
    if (!last || all.length < 2) continue; // a one-off event is no series
    const next = all.find((e) => e.startDate > last.startDate);
    series.push({ seriesId, title: last.title, lastEventId: last.eventId, nextEventId: next?.id ?? null });
  }

  const totalFen = rows.reduce((sum, r) => sum + BigInt(r.valueFen), 0n);
  return {
    month: input.month,
    region: input.region,
    regionName: fullName(input.region) ?? input.region,
    target: MONTHLY_EVENT_TARGET,
    cities: cities.map((adcode) => cityRow(adcode, byCity.get(adcode) ?? [])),
    provinceWide: wide.length > 0 ? cityRow(input.region, wide) : null,
    events: rows,
    department: departmentFigures(
      rows.filter((r) => r.held).length,
      rows.reduce((sum, r) => sum + r.participants, 0),
      rows.reduce((sum, r) => sum + r.deals, 0),
      totalFen,
    ),
    series,
  };
}
