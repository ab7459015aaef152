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

export function summarise(listings: readonly Listing[]): SummaryRow[] {
  const rows = new Map<string, SummaryRow>();
  for (const listing of listings) {
    if (listing.kind !== 'supply' && listing.kind !== 'demand') continue;
    if (listing.status !== 'open') continue;
    const goods = listing as SupplyListing | DemandListing;
    const city = cityOf(goods.adcode);
    const key = `${city}|${goods.specId}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        cityAdcode: city,
        specId: goods.specId,
        unit: goods.unit,
        supply: 0,
        demand: 0,
        gap: 0,
        supplyListings: 0,
        demandListings: 0,
      };
      rows.set(key, row);
    }
    if (goods.kind === 'supply') {
      row.supply += goods.remaining;
      row.supplyListings += 1;
    } else {
      row.demand += goods.remaining;
      row.demandListings += 1;
    }
    row.gap = row.demand - row.supply;
  }
  return [...rows.values()].sort(
    (a, b) => a.cityAdcode.localeCompare(b.cityAdcode) || a.specId.localeCompare(b.specId),
  );
}

export function totals(rows: readonly SummaryRow[]): { supply: number; demand: number; gap: number } {
  const supply = rows.reduce((s, r) => s + r.supply, 0);
  const demand = rows.reduce((s, r) => s + r.demand, 0);
  return { supply, demand, gap: demand - supply };
}
