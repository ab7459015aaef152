import { addDecimal, type Decimal, decimalFromNumber, decimalToNumber, ZERO } from './decimal.ts';
import type { DemandListing, Listing, SupplyListing } from './listing.ts';

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

/**
 * The rows straight from listings (the direct recomputation the stream-maintained totals are checked
 * against). Quantities are summed as exact decimals: 0.1 t + 0.2 t is 0.3 t, not 0.30000000000000004.
 */
export function summarise(listings: readonly Listing[]): SummaryRow[] {
  const rows = new Map<string, { row: SummaryRow; supply: Decimal; demand: Decimal }>();
  for (const listing of listings) {
    if (listing.kind !== 'supply' && listing.kind !== 'demand') continue;
    if (listing.status !== 'open') continue;
    const goods = listing as SupplyListing | DemandListing;
    const city = cityOf(goods.adcode);
    const key = `${city}|${goods.specId}|${goods.unit}`;
    let entry = rows.get(key);
    if (!entry) {
      entry = {
        row: {
          cityAdcode: city,
          specId: goods.specId,
          unit: goods.unit,
          supply: 0,
          demand: 0,
          gap: 0,
          supplyListings: 0,
          demandListings: 0,
        },
        supply: ZERO,
        demand: ZERO,
      };
      rows.set(key, entry);
    }
    const remaining = decimalFromNumber(goods.remaining);
    if (goods.kind === 'supply') {
      entry.supply = addDecimal(entry.supply, remaining);
      entry.row.supplyListings += 1;
    } else {
      entry.demand = addDecimal(entry.demand, remaining);
      entry.row.demandListings += 1;
    }
  }
  return [...rows.values()]
    .map(({ row, supply, demand }) => ({
      ...row,
      supply: decimalToNumber(supply),
      demand: decimalToNumber(demand),
      gap: decimalToNumber(minus(demand, supply)),
    }))
    .sort(
      (a, b) =>
        a.cityAdcode.localeCompare(b.cityAdcode) ||
        a.specId.localeCompare(b.specId) ||
        a.unit.localeCompare(b.unit),
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
