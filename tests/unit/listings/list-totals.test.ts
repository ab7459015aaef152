import { describe, expect, it } from 'vitest';
import { summarise, totals } from '../../../functions/contract/list-summary.ts';
import type { Listing } from '../../../functions/contract/listing.ts';
import {
  ALL_CATEGORIES,
  contributionOf,
  decimalText,
  rowsFromTotals,
  type StoredTotal,
  slotId,
  totalsDelta,
  totalsFromScratch,
} from '../../../functions/listings/list-totals.ts';
import { decimalFromString } from '../../../functions/shared/parse/decimal.ts';

const supply = (over: Record<string, unknown> = {}) => ({
  id: 'L1',
  kind: 'supply',
  status: 'open',
  version: 1,
  adcode: '350403',
  category: 'steel',
  specId: 'rebar-hrb400e-25',
  unit: 't',
  remaining: 1000,
  ...over,
});

const text = (d: { mantissa: bigint; exponent: number }) => decimalText(d);

describe('a listing’s contribution to the 供应清单/需求清单 totals', () => {
  it('is its remaining quantity and one listing while open and of a goods kind', () => {
    expect(contributionOf(supply({ remaining: 12.345 }))).toEqual({
      side: 'supply',
      adcode: '350403',
      category: 'steel',
      specId: 'rebar-hrb400e-25',
      unit: 't',
      quantity: '12.345',
    });
    expect(contributionOf(supply({ status: 'draft' }))).toBeUndefined();
    expect(contributionOf(supply({ status: 'closed' }))).toBeUndefined();
    expect(contributionOf(supply({ kind: 'labour_offer' }))).toBeUndefined();
  });

  it('lands in four slots: city and county, every category and its own', () => {
    const delta = totalsDelta(undefined, contributionOf(supply()));
    expect(delta.map((d) => slotId(d.slot)).sort()).toEqual(
      [
        `35|${ALL_CATEGORIES}|city|350400|rebar-hrb400e-25|t`,
        `35|${ALL_CATEGORIES}|county|350403|rebar-hrb400e-25|t`,
        '35|steel|city|350400|rebar-hrb400e-25|t',
        '35|steel|county|350403|rebar-hrb400e-25|t',
      ].sort(),
    );
    expect(delta.every((d) => text(d.supply) === '1000' && d.supplyListings === 1)).toBe(true);
  });

  it('moves by the exact difference when the quantity changes, and not at all for a note', () => {
    const before = contributionOf(supply({ remaining: 10.2 }));
    const after = contributionOf(supply({ remaining: 10 }));
    const delta = totalsDelta(before, after);
    expect(delta).toHaveLength(4);
    expect(delta.every((d) => text(d.supply) === '-0.2' && d.supplyListings === 0)).toBe(true);
    expect(totalsDelta(before, contributionOf(supply({ remaining: 10.2, note: 'x' })))).toEqual([]);
  });

  it('leaves the old city and enters the new one when the place changes', () => {
    const delta = totalsDelta(
      contributionOf(supply({ adcode: '350403' })),
      contributionOf(supply({ adcode: '350102' })),
    );
    const byCity = Object.fromEntries(
      delta
        .filter((d) => d.slot.level === 'city' && d.slot.scope === ALL_CATEGORIES)
        .map((d) => [d.slot.region, [text(d.supply), d.supplyListings]]),
    );
    expect(byCity).toEqual({ '350400': ['-1000', -1], '350100': ['1000', 1] });
  });

  it('takes everything back when the listing closes', () => {
    const delta = totalsDelta(
      contributionOf(supply({ remaining: 7.5 })),
      contributionOf(supply({ status: 'closed' })),
    );
    expect(delta.every((d) => text(d.supply) === '-7.5' && d.supplyListings === -1)).toBe(true);
  });
});

describe('summary rows from totals', () => {
  it('adds decimals exactly (0.1 t + 0.2 t is 0.3 t) and works out the gap', () => {
    const fresh = totalsFromScratch([
      contributionOf(supply({ id: 'a', remaining: 0.1 })),
      contributionOf(supply({ id: 'b', remaining: 0.2 })),
      contributionOf(supply({ id: 'c', kind: 'demand', remaining: 0.7 })),
    ]);
    const stored: StoredTotal[] = fresh
      .filter((d) => d.slot.level === 'city' && d.slot.scope === ALL_CATEGORIES)
      .map((d) => ({ ...d, supply: text(d.supply), demand: text(d.demand) }));
    const rows = rowsFromTotals(stored);
    expect(rows).toEqual([
      {
        cityAdcode: '350400',
        specId: 'rebar-hrb400e-25',
        unit: 't',
        supply: 0.3,
        demand: 0.7,
        gap: 0.4,
        supplyListings: 2,
        demandListings: 1,
      },
    ]);
    expect(totals(rows)).toEqual({ supply: 0.3, demand: 0.7, gap: 0.4 });
  });

  it('drops slots whose listings all left', () => {
    const slot = totalsFromScratch([contributionOf(supply())])[0]!.slot;
    expect(
      rowsFromTotals([{ slot, supply: '0', demand: '0', supplyListings: 0, demandListings: 0 }]),
    ).toEqual([]);
  });

  it('equals the direct summary of the listings', () => {
    const listings = [
      supply({ id: 'a', remaining: 0.1 }),
      supply({ id: 'b', remaining: 0.2, adcode: '350102' }),
      supply({ id: 'c', kind: 'demand', remaining: 1.05, adcode: '350104' }),
      supply({ id: 'd', status: 'closed', remaining: 99 }),
    ] as unknown as Listing[];
    const stored = totalsFromScratch(listings.map((l) => contributionOf(l)))
      .filter((d) => d.slot.level === 'city' && d.slot.scope === ALL_CATEGORIES)
      .map((d) => ({ ...d, supply: text(d.supply), demand: text(d.demand) }));
    expect(rowsFromTotals(stored)).toEqual(summarise(listings));
  });
});

describe('decimal text', () => {
  it('writes decimals without exponent or float noise', () => {
    for (const t of ['0', '12', '-0.001', '1200.5', '30000', '0.3', '123456789012.345']) {
      expect(decimalText(decimalFromString(t)!)).toBe(t);
    }
  });
});
