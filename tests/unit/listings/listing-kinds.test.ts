import { describe, expect, it } from 'vitest';
import { FIELDS_BY_KIND, INPUT_SCHEMA_BY_KIND } from '../../../functions/contract/listing.schema.ts';
import { LISTING_KINDS, type ListingKind } from '../../../functions/contract/listing.ts';
import {
  amountOf,
  isClearable,
  isGoodsKind,
  isOfferKind,
  itemOf,
  kindFor,
  kindInfo,
  kindsOf,
  LISTING_KIND_TABLE,
  MATCHING_FIELDS,
  pairOf,
  reachOf,
  windowOf,
} from '../../../functions/contract/listing-kinds.ts';
import { demandBody, labourOfferBody, labourRequestBody, supplyBody } from '../../setup/listing-inputs.ts';

const BODIES: Record<ListingKind, Record<string, unknown>> = {
  supply: supplyBody({ stockOnHand: 10, dailyCapacity: 5, minOrder: 5, note: 'n', address: 'a' }),
  demand: demandBody({ note: 'n', address: 'a', lat: 26, lng: 119 }),
  labour_offer: labourOfferBody({ note: 'n' }),
  labour_request: labourRequestBody({ minOverlapDays: 10, note: 'n' }),
};
/** What the server derives on every goods listing (never submitted). */
const DERIVED = new Set(['category', 'unit']);

describe('the table of listing kinds', () => {
  it('has one row per kind, each naming only fields its kind has', () => {
    expect(Object.keys(LISTING_KIND_TABLE).sort()).toEqual([...LISTING_KINDS].sort());
    for (const kind of LISTING_KINDS) {
      const info = kindInfo(kind) as (typeof LISTING_KIND_TABLE)[ListingKind];
      const fields = new Set(Object.keys(FIELDS_BY_KIND[kind]));
      const named = [
        info.item,
        info.amount,
        ...info.dates,
        info.price,
        ...('reach' in info ? [info.reach] : []),
        ...('certificates' in info ? [info.certificates] : []),
        ...info.matching,
        ...info.material,
        ...info.clearable,
      ];
      for (const field of named) {
        expect(fields.has(field) || DERIVED.has(field), `${kind}.${field}`).toBe(true);
      }
      expect(info.kind).toBe(kind);
    }
  });

  it('clearable fields are exactly the optional ones a valid listing may go without', () => {
    for (const kind of LISTING_KINDS) {
      const schema = INPUT_SCHEMA_BY_KIND[kind];
      expect(schema.safeParse(BODIES[kind]).success, kind).toBe(true);
      for (const field of Object.keys(FIELDS_BY_KIND[kind])) {
        if (field === 'lat' || field === 'lng') continue; // cleared together (the schema wants both or none)
        const { [field]: _dropped, ...without } = BODIES[kind];
        const optional = schema.safeParse(without).success;
        // status is chosen at posting (draft or open), not a field an edit clears
        if (field === 'status') continue;
        // booleans and certificate lists default when absent; an edit sets them, never clears them
        const defaults = typeof BODIES[kind][field] === 'boolean' || Array.isArray(BODIES[kind][field]);
        if (defaults) {
          expect(isClearable(kind, field), `${kind}.${field}`).toBe(false);
          continue;
        }
        expect(isClearable(kind, field), `${kind}.${field}`).toBe(optional);
      }
      expect(isClearable(kind, 'lat') && isClearable(kind, 'lng')).toBe(true);
    }
  });

  it('has its dates as the window the schema keeps in order', () => {
    for (const kind of LISTING_KINDS) {
      const [start, end] = kindInfo(kind).dates;
      const swapped = { ...BODIES[kind], [start]: BODIES[kind][end], [end]: BODIES[kind][start] };
      const result = INPUT_SCHEMA_BY_KIND[kind].safeParse(swapped);
      expect(result.success, kind).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(end);
    }
  });

  it('answers family, side and the accessors from the one table', () => {
    expect(kindsOf('goods')).toEqual(['supply', 'demand']);
    expect(kindsOf('labour')).toEqual(['labour_offer', 'labour_request']);
    expect(kindsOf(undefined, 'need')).toEqual(['demand', 'labour_request']);
    expect(kindFor('labour', 'offer')).toBe('labour_offer');
    expect(pairOf('goods')).toEqual(['supply', 'demand']);
    expect(LISTING_KINDS.filter(isGoodsKind)).toEqual(['supply', 'demand']);
    expect(LISTING_KINDS.filter(isOfferKind)).toEqual(['supply', 'labour_offer']);
    const supply = { ...BODIES.supply, kind: 'supply' as const };
    const request = { ...BODIES.labour_request, kind: 'labour_request' as const };
    expect(amountOf(supply)).toBe(1000);
    expect(amountOf(request)).toBe(30);
    expect(itemOf(supply)).toBe('rebar-hrb400e-25');
    expect(itemOf(request)).toBe('sewing-operator');
    expect(windowOf(request)).toEqual({
      start: BODIES.labour_request.from,
      end: BODIES.labour_request.until,
    });
    expect(reachOf(supply)).toBe(300);
    expect(reachOf(request)).toBe(0);
  });

  it('lets live matching see every field the allocator reads (the stream filter)', () => {
    for (const field of [
      'status',
      'remaining',
      'specId',
      'skillId',
      'adcode',
      'lat',
      'lng',
      'deliveryRadiusKm',
      'commuteRadiusKm',
      'availableFrom',
      'availableUntil',
      'deliverFrom',
      'neededBy',
      'from',
      'until',
      'unitPrice',
      'ceilingPrice',
      'acceptsSubstitutes',
      'certificates',
      'certificatesRequired',
      'minOverlapDays',
    ]) {
      expect(MATCHING_FIELDS, field).toContain(field);
    }
    expect(new Set(MATCHING_FIELDS).size).toBe(MATCHING_FIELDS.length);
  });

  it('keeps every matching field material: a change that rematches is a change of terms', () => {
    for (const kind of LISTING_KINDS) {
      const material = new Set<string>(kindInfo(kind).material);
      for (const field of kindInfo(kind).matching) expect(material.has(field), `${kind}.${field}`).toBe(true);
    }
  });
});
