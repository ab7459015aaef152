import { cityOf, type SummaryRow, summaryRows } from '../contract/list-summary.ts';
import { isGoodsKind } from '../contract/listing-kinds.ts';
import {
  addDecimal,
  type Decimal,
  decimalFromNumber,
  decimalFromString,
  ZERO,
} from '../shared/parse/decimal.ts';

/**
 * Running totals of the 供应清单/需求清单 (issue 11), pure: what one listing adds to the totals, how
 * the totals change when a listing moves from one state to the next, and the totals of a set of
 * listings computed from scratch. The repository (list-totals.repo.ts) applies the changes to DynamoDB
 * exactly once per listing version; this file never touches the database.
 *
 * A listing counts while it is open and of a goods kind (supply, demand): its remaining quantity and
 * one listing, in the unit it is listed in. Each contribution lands in four total slots of its
 * province — by city and by county, each over all categories and within its own category — so that a
 * summary for a province, city or county, with or without a category, is one Query on a sort-key prefix.
 */

export type TotalsSide = 'supply' | 'demand';

/**
 * The `type` of every item the totals keep. The stream consumer writes them itself, so their own
 * stream records are of no use to it: the AWS event source mapping filters them out (infra/api.ts).
 */
export const LIST_TOTALS_ITEM_TYPES = {
  total: 'list-total',
  contribution: 'list-contribution',
  pending: 'list-totals-pending',
  rebuild: 'list-totals-rebuild',
  built: 'list-totals-built',
} as const;

/** What one listing version adds to the totals (absent: nothing — draft, closed, labour). */
export interface Contribution {
  side: TotalsSide;
  /** The listing's 6-digit adcode. */
  adcode: string;
  category: string;
  specId: string;
  unit: string;
  /** Remaining quantity, exact decimal text (e.g. "1200.5"). */
  quantity: string;
}

/** A listing version as the totals see it: its id, its version and its contribution. */
export interface ListingTotalsState {
  listingId: string;
  version: number;
  contribution?: Contribution;
}

/** The version written for a listing that no longer exists: nothing older can ever apply after it. */
export const REMOVED_VERSION = Number.MAX_SAFE_INTEGER;

/** Where a contribution is totalled. `scope` is `*` (every category) or the category. */
export interface TotalsSlot {
  province: string;
  level: 'city' | 'county';
  /** The city's adcode (level city) or the county's (level county). */
  region: string;
  scope: string;
  category: string;
  specId: string;
  unit: string;
}

export const ALL_CATEGORIES = '*';

/** A change to one slot (or, from scratch, a slot's value). Quantities are exact. */
export interface SlotDelta {
  slot: TotalsSlot;
  supply: Decimal;
  demand: Decimal;
  supplyListings: number;
  demandListings: number;
}

interface ListingLike {
  id?: unknown;
  kind?: unknown;
  status?: unknown;
  version?: unknown;
  adcode?: unknown;
  category?: unknown;
  specId?: unknown;
  unit?: unknown;
  remaining?: unknown;
}

/** Exact decimal text of a decimal (no exponent): 12.5, -0.001, 3000. */
export function decimalText(d: Decimal): string {
  const negative = d.mantissa < 0n;
  const digits = (negative ? -d.mantissa : d.mantissa).toString();
  let text: string;
  if (d.exponent >= 0) text = digits + '0'.repeat(d.exponent);
  else {
    const places = -d.exponent;
    const padded = digits.padStart(places + 1, '0');
    text = `${padded.slice(0, padded.length - places)}.${padded.slice(padded.length - places)}`;
  }
  return negative && d.mantissa !== 0n ? `-${text}` : text;
}

function quantityOf(value: unknown): Decimal | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return decimalFromNumber(value);
  if (typeof value === 'string') return decimalFromString(value);
  // NumberValue (exact reads) and anything else that prints as a number
  if (value !== null && typeof value === 'object') return decimalFromString(String(value));
  return undefined;
}

/** What a listing (an entity, or a stream image of one) adds to the totals; undefined when nothing. */
export function contributionOf(listing: ListingLike): Contribution | undefined {
  if (!isGoodsKind(listing.kind)) return undefined;
  if (listing.status !== 'open') return undefined;
  const { adcode, category, specId, unit } = listing;
  if (typeof adcode !== 'string' || !/^\d{6}$/.test(adcode)) return undefined;
  if (typeof category !== 'string' || typeof specId !== 'string' || typeof unit !== 'string')
    return undefined;
  const quantity = quantityOf(listing.remaining);
  if (!quantity) return undefined;
  return { side: listing.kind, adcode, category, specId, unit, quantity: decimalText(quantity) };
}

/** A listing version as the totals see it, or undefined when the value is not a listing version. */
export function totalsStateOf(listing: ListingLike): ListingTotalsState | undefined {
  if (typeof listing.id !== 'string' || typeof listing.version !== 'number') return undefined;
  return { listingId: listing.id, version: listing.version, contribution: contributionOf(listing) };
}

/** The four slots a contribution lands in. */
export function slotsOf(c: Contribution): TotalsSlot[] {
  const province = c.adcode.slice(0, 2);
  const base = { province, category: c.category, specId: c.specId, unit: c.unit };
  const city = cityOf(c.adcode);
  return [
    { ...base, level: 'city', region: city, scope: ALL_CATEGORIES },
    { ...base, level: 'county', region: c.adcode, scope: ALL_CATEGORIES },
    { ...base, level: 'city', region: city, scope: c.category },
    { ...base, level: 'county', region: c.adcode, scope: c.category },
  ];
}

export function slotId(s: TotalsSlot): string {
  return [s.province, s.scope, s.level, s.region, s.specId, s.unit].join('|');
}

function negate(d: Decimal): Decimal {
  return { mantissa: -d.mantissa, exponent: d.exponent };
}

function addInto(map: Map<string, SlotDelta>, contribution: Contribution, sign: 1 | -1): void {
  const quantity = decimalFromString(contribution.quantity)!;
  const signed = sign === 1 ? quantity : negate(quantity);
  for (const slot of slotsOf(contribution)) {
    const id = slotId(slot);
    let delta = map.get(id);
    if (!delta) {
      delta = { slot, supply: ZERO, demand: ZERO, supplyListings: 0, demandListings: 0 };
      map.set(id, delta);
    }
    if (contribution.side === 'supply') {
      delta.supply = addDecimal(delta.supply, signed);
      delta.supplyListings += sign;
    } else {
      delta.demand = addDecimal(delta.demand, signed);
      delta.demandListings += sign;
    }
  }
}

function isNothing(d: SlotDelta): boolean {
  return (
    d.supply.mantissa === 0n && d.demand.mantissa === 0n && d.supplyListings === 0 && d.demandListings === 0
  );
}

/**
 * How the totals change when a listing's contribution goes from `before` to `after`: one delta per
 * slot touched, slots that net to nothing left out (a note edit changes no total).
 */
export function totalsDelta(before: Contribution | undefined, after: Contribution | undefined): SlotDelta[] {
  const map = new Map<string, SlotDelta>();
  if (before) addInto(map, before, -1);
  if (after) addInto(map, after, 1);
  return [...map.values()].filter((d) => !isNothing(d));
}

/** The provinces a change touches (where its slots are). */
export function provincesOf(...contributions: (Contribution | undefined)[]): string[] {
  return [...new Set(contributions.flatMap((c) => (c ? [c.adcode.slice(0, 2)] : [])))].sort();
}

/** The totals of a set of contributions, from scratch (the rebuild and the tests' direct recomputation). */
export function totalsFromScratch(contributions: Iterable<Contribution | undefined>): SlotDelta[] {
  const map = new Map<string, SlotDelta>();
  for (const c of contributions) if (c) addInto(map, c, 1);
  return [...map.values()].filter((d) => !isNothing(d));
}

/** A stored total as the repository reads it back (quantities as exact decimal text). */
export interface StoredTotal {
  slot: TotalsSlot;
  supply: string;
  demand: string;
  supplyListings: number;
  demandListings: number;
}

/**
 * The summary rows of stored totals read for one region (all of one level and scope): one row per
 * city, spec and unit, in the summary's order. Slots whose listings all left are dropped; a county
 * summary's slots are its county's, shown under its city as the summary does.
 */
export function rowsFromTotals(stored: readonly StoredTotal[]): SummaryRow[] {
  return summaryRows(
    stored
      .filter((t) => t.supplyListings !== 0 || t.demandListings !== 0)
      .map((t) => ({
        cityAdcode: cityOf(t.slot.region),
        specId: t.slot.specId,
        unit: t.slot.unit,
        supply: decimalFromString(t.supply) ?? ZERO,
        demand: decimalFromString(t.demand) ?? ZERO,
        supplyListings: t.supplyListings,
        demandListings: t.demandListings,
      })),
  );
}
