import type { Catalogue } from '../catalogue/catalogue.ts';
import { fenToWanText, fenToYiText } from '../contract/money.ts';
import type {
  CountValue,
  DealFigures,
  DepartmentFigures,
  EventReport,
  ReportCategoryRow,
  ReportDemandRow,
  ReportRegionRow,
} from '../contract/report.ts';
import type { Deal } from '../deals/deal.ts';
import type { CheckIn } from '../live/live.ts';
import type { Match } from '../matches/match.ts';
import type { Meeting } from '../meetings/meeting.ts';
import { fullName, getRegion } from '../regions/regions.ts';
import {
  addDecimal,
  type Decimal,
  decimalFromNumber,
  decimalToNumber,
  ZERO,
} from '../shared/parse/decimal.ts';
import type { MatchEvent } from './event.ts';
import type { Registration } from './registration.ts';

/**
 * The event report (issue 10): what an event did, computed from what the repositories hold — its
 * registrations, check-ins, the round's matches, the meetings and the deals that carry its id. Pure:
 * no I/O, no clock but the one given. Money is summed in BigInt fen and handed out as integer text;
 * quantities are summed on exact decimals. Letters of intent count as intent, contracts (signed or
 * delivered) as signed value; deals awaiting the other side, disputed or withdrawn count as neither.
 */

export interface EventReportInput {
  event: MatchEvent;
  registrations: readonly Registration[];
  checkIns: readonly Pick<CheckIn, 'orgId'>[];
  matches: readonly Pick<Match, 'status'>[];
  meetings: readonly Pick<Meeting, 'status'>[];
  deals: readonly Deal[];
  now: Date;
  /** The catalogue in use (names of specs, units and categories). */
  catalogue: Catalogue;
}

const SIGNED = new Set<Deal['status']>(['contract', 'delivered']);
const INTENT = new Set<Deal['status']>(['intent']);
const PENDING = new Set<Deal['status']>(['intent_proposed', 'contract_proposed']);

/** What kind of figure a deal is in the report, if any. */
export function dealFigure(deal: Pick<Deal, 'status'>): 'contract' | 'intent' | 'pending' | undefined {
  if (SIGNED.has(deal.status)) return 'contract';
  if (INTENT.has(deal.status)) return 'intent';
  if (PENDING.has(deal.status)) return 'pending';
  return undefined;
}

/** A running count and BigInt sum of fen. */
class Tally {
  count = 0;
  fen = 0n;
  add(amountFen: number): void {
    this.count += 1;
    this.fen += BigInt(amountFen);
  }
  view(): CountValue {
    return { count: this.count, valueFen: this.fen.toString() };
  }
}

class DealTally {
  readonly intents = new Tally();
  readonly contracts = new Tally();
  add(deal: Deal): void {
    const figure = dealFigure(deal);
    if (figure === 'contract') this.contracts.add(deal.amountFen);
    else if (figure === 'intent') this.intents.add(deal.amountFen);
  }
  view(): DealFigures {
    return { intents: this.intents.view(), contracts: this.contracts.view() };
  }
}

/** The city a county belongs to (a city, a province or a county-level city stays itself). */
export function cityOf(adcode: string): string {
  const region = getRegion(adcode);
  if (!region || region.level !== 'district') return adcode;
  return getRegion(region.parent)?.level === 'city' ? region.parent : adcode;
}

export function provinceOf(adcode: string): string {
  return `${adcode.slice(0, 2)}0000`;
}

/** part ÷ whole in percent, one decimal, rounded half up, on exact decimals (`"37.5"`). */
export function percentText(part: number, whole: number): string {
  if (whole <= 0) return '0.0';
  const scale = (n: number) => {
    const d = decimalFromNumber(n);
    const shifted = d.exponent + 3; // quantities carry at most three decimals
    return shifted >= 0 ? d.mantissa * 10n ** BigInt(shifted) : d.mantissa / 10n ** BigInt(-shifted);
  };
  const p = scale(part);
  const w = scale(whole);
  const tenths = (p * 1000n * 2n + w) / (2n * w);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** The departments' figures from counts and a BigInt sum of fen. */
export function departmentFigures(
  events: number,
  firms: number,
  deals: number,
  fen: bigint,
): DepartmentFigures {
  return {
    events,
    firms,
    deals,
    valueFen: fen.toString(),
    valueYi: fenToYiText(fen),
    valueWan: fenToWanText(fen),
  };
}

function byValueThenName<T extends { contracts: CountValue; intents: CountValue }>(
  key: (row: T) => string,
): (a: T, b: T) => number {
  return (a, b) => {
    const byValue = BigInt(b.contracts.valueFen) - BigInt(a.contracts.valueFen);
    if (byValue !== 0n) return byValue > 0n ? 1 : -1;
    const byIntent = BigInt(b.intents.valueFen) - BigInt(a.intents.valueFen);
    if (byIntent !== 0n) return byIntent > 0n ? 1 : -1;
    return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  };
}

function regionRows(tallies: Map<string, DealTally>): ReportRegionRow[] {
  return [...tallies.entries()]
    .map(([adcode, tally]) => ({
      adcode,
      name: getRegion(adcode)?.name ?? adcode,
      provinceAdcode: provinceOf(adcode),
      provinceName: getRegion(provinceOf(adcode))?.name ?? provinceOf(adcode),
      ...tally.view(),
    }))
    .sort(byValueThenName((r) => r.adcode));
}

function demandRows(
  catalogue: Catalogue,
  registrations: readonly Registration[],
  deals: readonly Deal[],
): {
  rows: ReportDemandRow[];
  listings: number;
  fullyMet: number;
} {
  interface Row {
    specId: string;
    unit: string;
    listings: number;
    enrolled: Decimal;
    met: Decimal;
    intended: Decimal;
  }
  const enrolledListing = new Map<string, { quantity: number; row: Row }>();
  const rows = new Map<string, Row>();
  for (const registration of registrations) {
    if (registration.status !== 'approved') continue;
    for (const listing of registration.listings) {
      if (listing.kind !== 'demand' || enrolledListing.has(listing.id)) continue;
      const key = `${listing.item}|${listing.unit}`;
      const row = rows.get(key) ?? {
        specId: listing.item,
        unit: listing.unit,
        listings: 0,
        enrolled: ZERO,
        met: ZERO,
        intended: ZERO,
      };
      row.listings += 1;
      row.enrolled = addDecimal(row.enrolled, decimalFromNumber(listing.quantity));
      rows.set(key, row);
      enrolledListing.set(listing.id, { quantity: listing.quantity, row });
    }
  }
  const metOf = new Map<string, Decimal>();
  for (const deal of deals) {
    const enrolled = enrolledListing.get(deal.needListingId);
    if (!enrolled || deal.unit !== enrolled.row.unit) continue;
    const figure = dealFigure(deal);
    if (figure === 'contract') {
      enrolled.row.met = addDecimal(enrolled.row.met, decimalFromNumber(deal.quantity));
      metOf.set(
        deal.needListingId,
        addDecimal(metOf.get(deal.needListingId) ?? ZERO, decimalFromNumber(deal.quantity)),
      );
    } else if (figure === 'intent') {
      enrolled.row.intended = addDecimal(enrolled.row.intended, decimalFromNumber(deal.quantity));
    }
  }
  let fullyMet = 0;
  for (const [listingId, { quantity }] of enrolledListing) {
    const met = metOf.get(listingId);
    if (met && decimalToNumber(met) >= quantity) fullyMet += 1;
  }
  const out = [...rows.values()]
    .map((row): ReportDemandRow => {
      const spec = catalogue.getSpec(row.specId);
      const unit = catalogue.getUnit(row.unit);
      const enrolled = decimalToNumber(row.enrolled);
      const met = decimalToNumber(row.met);
      return {
        specId: row.specId,
        name: spec ? { zh: spec.name.zh, en: spec.name.en } : { zh: row.specId, en: row.specId },
        unit: row.unit,
        unitSymbol: unit ? { zh: unit.symbol.zh, en: unit.symbol.en } : { zh: row.unit, en: row.unit },
        listings: row.listings,
        enrolled,
        met,
        intended: decimalToNumber(row.intended),
        metPercent: percentText(met, enrolled),
      };
    })
    .sort((a, b) => (a.specId < b.specId ? -1 : a.specId > b.specId ? 1 : a.unit < b.unit ? -1 : 1));
  return { rows: out, listings: enrolledListing.size, fullyMet };
}

export function eventReport(input: EventReportInput): EventReport {
  const { event, registrations, checkIns, matches, meetings, deals, catalogue } = input;
  const count = <T>(items: readonly T[], test: (item: T) => boolean) => items.filter(test).length;
  const approvedOrgs = new Set(registrations.filter((r) => r.status === 'approved').map((r) => r.orgId));

  const total = new DealTally();
  const pending = new Tally();
  const byCategory = new Map<string, DealTally>();
  const byCity = new Map<string, DealTally>();
  const byProvince = new Map<string, DealTally>();
  const dealFirms = new Set<string>();
  for (const deal of deals) {
    const figure = dealFigure(deal);
    if (figure === 'pending') pending.add(deal.amountFen);
    if (figure !== 'contract' && figure !== 'intent') continue;
    total.add(deal);
    const tallyOf = (map: Map<string, DealTally>, key: string) => {
      const tally = map.get(key) ?? new DealTally();
      map.set(key, tally);
      return tally;
    };
    tallyOf(byCategory, deal.category).add(deal);
    tallyOf(byCity, cityOf(deal.offerAdcode)).add(deal);
    tallyOf(byProvince, provinceOf(deal.offerAdcode)).add(deal);
    if (figure === 'contract') {
      dealFirms.add(deal.offerOrgId);
      dealFirms.add(deal.needOrgId);
    }
  }
  const demand = demandRows(catalogue, registrations, deals);
  const days = event.days.map((d) => d.date).sort();
  const totals = total.view();
  // Participating firms: approved participants, and any firm that signed at the event without one.
  const firms = new Set([...approvedOrgs, ...dealFirms]);

  return {
    eventId: event.id,
    title: event.title,
    organizerName: event.organizerName,
    region: event.region,
    regionName: fullName(event.region) ?? event.region,
    status: event.status,
    startDate: days[0] ?? event.startDate,
    endDate: days[days.length - 1] ?? event.startDate,
    generatedAt: input.now.toISOString(),
    participants: {
      registered: registrations.length,
      approved: approvedOrgs.size,
      checkedIn: new Set(checkIns.map((c) => c.orgId)).size,
      refused: count(registrations, (r) => r.status === 'refused'),
      withdrawn: count(registrations, (r) => r.status === 'withdrawn'),
    },
    matches: {
      proposed: matches.length,
      accepted: count(matches, (m) =>
        ['accepted_by_offer', 'accepted_by_need', 'confirmed'].includes(m.status),
      ),
      confirmed: count(matches, (m) => m.status === 'confirmed'),
      declined: count(matches, (m) => m.status === 'declined'),
      expired: count(matches, (m) => m.status === 'expired'),
      cancelled: count(matches, (m) => m.status === 'cancelled'),
    },
    meetings: {
      scheduled: count(meetings, (m) => ['scheduled', 'under_way', 'done', 'no_show'].includes(m.status)),
      held: count(meetings, (m) => m.status === 'done'),
      underWay: count(meetings, (m) => m.status === 'under_way'),
      noShows: count(meetings, (m) => m.status === 'no_show'),
      cancelled: count(meetings, (m) => m.status === 'cancelled'),
    },
    deals: {
      ...totals,
      pending: pending.view(),
      disputed: count(deals, (d) => d.status === 'disputed'),
    },
    byCategory: [...byCategory.entries()]
      .map(([category, tally]): ReportCategoryRow => {
        const known = catalogue.getCategory(category);
        return {
          category,
          name: known ? { zh: known.name.zh, en: known.name.en } : { zh: category, en: category },
          ...tally.view(),
        };
      })
      .sort(byValueThenName((r) => r.category)),
    byCity: regionRows(byCity),
    byProvince: regionRows(byProvince),
    demand: demand.rows,
    demandListingsFullyMet: {
      listings: demand.listings,
      fullyMet: demand.fullyMet,
      percent: percentText(demand.fullyMet, demand.listings),
    },
    department: departmentFigures(1, firms.size, totals.contracts.count, total.contracts.fen),
  };
}
