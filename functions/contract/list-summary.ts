import { addDecimal, type Decimal, decimalFromNumber, decimalToNumber, ZERO } from './decimal.ts';
import { isGoodsListing, type Listing } from './listing.ts';
import { isOfferKind } from './listing-kinds.ts';

/**
 * 供应清单 / 需求清单: for a region and category, the open supply and demand totals by city and
 * spec, and the gap (demand − supply) a department has to close. Pure: works on listings read by
 * the repository.
 */
export interface SummaryRow {
  /** City adcode (4-digit prefix + '00'), e.g. 350100. */
  cityAdcode: string;
  specId: string;
  unit: string;
  supply: number;
  demand: number;
  /** demand − supply; positive means the city is short. */
  gap: number;
  supplyListings: number;
  demandListings: number;
}

export function cityOf(adcode: string): string {
  return `${adcode.slice(0, 4)}00`;
}

/** a − b exactly. */
function minus(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, { mantissa: -b.mantissa, exponent: b.exponent });
}

/** What one listing, or one stored total, adds to a summary row (the city's adcode, exact quantities). */
export interface SummaryPart {
  cityAdcode: string;
  specId: string;
  unit: string;
  supply: Decimal;
  demand: Decimal;
  supplyListings: number;
  demandListings: number;
}

/**
 * The summary rows of parts: one row per city, spec and unit, quantities summed as exact decimals
 * (0.1 t + 0.2 t is 0.3 t, not 0.30000000000000004), in the summary's order.
 */
export function summaryRows(parts: Iterable<SummaryPart>): SummaryRow[] {
  const rows = new Map<string, SummaryPart>();
  for (const part of parts) {
    const key = `${part.cityAdcode}|${part.specId}|${part.unit}`;
    const row = rows.get(key);
    if (!row) {
      rows.set(key, { ...part });
      continue;
    }
    row.supply = addDecimal(row.supply, part.supply);
    row.demand = addDecimal(row.demand, part.demand);
    row.supplyListings += part.supplyListings;
    row.demandListings += part.demandListings;
  }
  return [...rows.values()]
    .map((row) => ({
      ...row,
      supply: decimalToNumber(row.supply),
      demand: decimalToNumber(row.demand),
      gap: decimalToNumber(minus(row.demand, row.supply)),
    }))
    .sort(
      (a, b) =>
        a.cityAdcode.localeCompare(b.cityAdcode) ||
        a.specId.localeCompare(b.specId) ||
        a.unit.localeCompare(b.unit),
    );
}

/**
 * The rows straight from listings (the direct recomputation the stream-maintained totals are checked
 * against): each open supply or demand listing adds its remaining quantity and one listing.
 */
export function summarise(listings: readonly Listing[]): SummaryRow[] {
  return summaryRows(
    listings.flatMap((listing): SummaryPart[] => {
      if (!isGoodsListing(listing) || listing.status !== 'open') return [];
      const goods = listing;
      const remaining = decimalFromNumber(goods.remaining);
      const supply = isOfferKind(goods.kind);
      return [
        {
          cityAdcode: cityOf(goods.adcode),
          specId: goods.specId,
          unit: goods.unit,
          supply: supply ? remaining : ZERO,
          demand: supply ? ZERO : remaining,
          supplyListings: supply ? 1 : 0,
          demandListings: supply ? 0 : 1,
        },
      ];
    }),
  );
}

/** The region's totals over its rows, exact (rows of different units are added as the table shows them). */
export function totals(rows: readonly SummaryRow[]): { supply: number; demand: number; gap: number } {
  let supply = ZERO;
  let demand = ZERO;
  for (const r of rows) {
    supply = addDecimal(supply, decimalFromNumber(r.supply));
    demand = addDecimal(demand, decimalFromNumber(r.demand));
  }
  return {
    supply: decimalToNumber(supply),
    demand: decimalToNumber(demand),
    gap: decimalToNumber(minus(demand, supply)),
  };
}
