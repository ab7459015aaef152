/**
 * Reports (issue 10): the event report an organizer is judged by, the departments' format, and the
 * organizer's region dashboard with the series' carried-over demand. Response shapes shared by the
 * API and the web. Money is counted in fen; sums are given as integer text (`"4922754"`), exact
 * whatever their size, and formatted with functions/contract/money.ts. Quantities are sums on exact
 * decimals, given as numbers with at most three decimals. Pure and browser-safe.
 */

/** An exact sum of fen as integer text (`"4922754"` = ¥49,227.54). */
export type FenText = string;

/** A count and a value in fen. */
export interface CountValue {
  count: number;
  valueFen: FenText;
}

/** Deals of one kind of paper: letters of intent both sides confirmed, and contracts signed (or delivered). */
export interface DealFigures {
  intents: CountValue;
  contracts: CountValue;
}

export interface ReportCategoryRow extends DealFigures {
  category: string;
  name: { zh: string; en: string };
}

/** Where the signed supply comes from: a city (or a province, for the province total rows). */
export interface ReportRegionRow extends DealFigures {
  adcode: string;
  name: string;
  provinceAdcode: string;
  provinceName: string;
}

/** The event's enrolled demand for one spec and unit, and how much of it the event's contracts met. */
export interface ReportDemandRow {
  specId: string;
  name: { zh: string; en: string };
  unit: string;
  unitSymbol: { zh: string; en: string };
  /** Demand listings enrolled by approved participants. */
  listings: number;
  /** Their quantity as enrolled. */
  enrolled: number;
  /** Quantity of the event's signed contracts on those listings. */
  met: number;
  /** Quantity of the event's confirmed letters of intent on them (not counted as met). */
  intended: number;
  /** met / enrolled in percent, one decimal, rounded half up (`"37.5"`); `"0.0"` when nothing was enrolled. */
  metPercent: string;
}

/** The departments' format: numbers of events, participating firms, deals, signed value in 亿元 and 万元. */
export interface DepartmentFigures {
  events: number;
  firms: number;
  deals: number;
  valueFen: FenText;
  /** 亿元 with four decimals (`"0.0049"`), exact then rounded half up. */
  valueYi: string;
  /** 万元 with two decimals (`"4.92"`), exact then rounded half up. */
  valueWan: string;
}

export interface EventReport {
  eventId: string;
  title: string;
  organizerName: string;
  region: string;
  regionName: string;
  status: string;
  startDate: string;
  endDate: string;
  generatedAt: string;
  participants: {
    /** Organisations that registered (any state). */
    registered: number;
    approved: number;
    checkedIn: number;
    refused: number;
    withdrawn: number;
  };
  /** The event's matching round. */
  matches: {
    /** Every proposal the round published. */
    proposed: number;
    /** Proposals at least one side accepted (still waiting for the other, or confirmed). */
    accepted: number;
    /** Confirmed by both sides (and not cancelled since). */
    confirmed: number;
    declined: number;
    expired: number;
    cancelled: number;
  };
  meetings: {
    /** Meetings placed on the published schedule (cancelled ones left out). */
    scheduled: number;
    held: number;
    underWay: number;
    noShows: number;
    cancelled: number;
  };
  deals: DealFigures & {
    /** Recorded and awaiting the other side's confirmation (not yet counted). */
    pending: CountValue;
    disputed: number;
  };
  byCategory: ReportCategoryRow[];
  /** By the supply's city. */
  byCity: ReportRegionRow[];
  /** By the supply's province. */
  byProvince: ReportRegionRow[];
  demand: ReportDemandRow[];
  /** The whole event's enrolled demand met, in percent of listings fully met (`"25.0"`). */
  demandListingsFullyMet: { listings: number; fullyMet: number; percent: string };
  department: DepartmentFigures;
}

// ── The organizer's region dashboard ────────────────────────────────────────────────────────────

/** Every city is asked to hold at least this many matchmaking events a month. */
export const MONTHLY_EVENT_TARGET = 10;

export interface DashboardEventRow {
  eventId: string;
  title: string;
  startDate: string;
  status: string;
  /** Held: its first day is today or before (and it was not cancelled). */
  held: boolean;
  participants: number;
  deals: number;
  valueFen: FenText;
  intents: number;
  seriesId: string;
}

export interface DashboardCityRow {
  adcode: string;
  name: string;
  /** Events of the month (not cancelled, not drafts). */
  events: number;
  held: number;
  target: number;
  /** held ≥ target. */
  met: boolean;
  participants: number;
  deals: number;
  valueFen: FenText;
  valueYi: string;
  valueWan: string;
}

export interface RegionDashboard {
  month: string;
  region: string;
  regionName: string;
  target: number;
  cities: DashboardCityRow[];
  /** Events whose region is the province itself (not one city). */
  provinceWide: DashboardCityRow | null;
  events: (DashboardEventRow & { city: string })[];
  department: DepartmentFigures;
  /** Series with an event this month and a next event: the carried-over demand waits there. */
  series: { seriesId: string; title: string; lastEventId: string; nextEventId: string | null }[];
}

// ── Carried-over demand ─────────────────────────────────────────────────────────────────────────

/** A demand listing of the previous event of the series that is still open and not fully met. */
export interface CarryOverListing {
  listingId: string;
  orgId: string;
  orgName: string;
  specId: string;
  name: { zh: string; en: string };
  quantity: number;
  remaining: number;
  unit: string;
  unitSymbol: { zh: string; en: string };
  /** Already enrolled at this event. */
  enrolled: boolean;
}

export interface CarryOverOrg {
  orgId: string;
  orgName: string;
  /** Its registration at this event, if any (the organizer registers it on its behalf otherwise). */
  registrationStatus: string | null;
  listings: CarryOverListing[];
}

export interface CarryOver {
  eventId: string;
  /** The previous event of the series (by first day), or null when this is the first. */
  previous: { eventId: string; title: string; startDate: string } | null;
  orgs: CarryOverOrg[];
  /** Whether the event still takes registrations on behalf (published). */
  canEnroll: boolean;
}
