import type { ListingKind } from './listing.ts';

/**
 * THE table of listing kinds: what each of the four kinds is and which of its fields play which
 * part. The schema, the commands, live matching, the stream filter, the import columns and the web
 * form read it instead of asking `kind === 'supply' || kind === 'demand'` and keeping their own
 * lists of field names. Pure and browser-safe.
 *
 *  - family: goods (a product spec in its unit) or labour (a skill, in people);
 *  - side: offer (supply, labour offer) or need (demand, labour request);
 *  - item: the catalogue entry it is about (`specId` or `skillId`);
 *  - amount: the field holding how much (`quantity` in the spec's unit, or `headcount`);
 *  - dates: the window's first and last day (the last is when an open listing expires);
 *  - reach: how far the offer travels (delivery or commute radius; needs have none);
 *  - price: the price field it may carry (unit price, ceiling price, daily wage);
 *  - certificates: the certificates it holds (an offer) or requires (a request), if any;
 *  - matching: the fields whose change can change its matches (live matching runs again);
 *  - material: the fields an accepted match's terms are made of (the product, the amount, the price,
 *    the place and the window): a change to one of them is a change of terms;
 *  - clearable: the optional fields an edit may clear with `null`.
 */
export type ListingFamily = 'goods' | 'labour';
export type ListingSide = 'offer' | 'need';

/** Where a listing is: every kind has these; an edit may clear the optional ones. */
const PLACE_FIELDS = ['adcode', 'lat', 'lng'] as const;
const PLACE_CLEARABLE = ['address', 'lat', 'lng'] as const;
const ALWAYS_CLEARABLE = ['note', ...PLACE_CLEARABLE] as const;

export interface ListingKindInfo {
  readonly kind: ListingKind;
  readonly family: ListingFamily;
  readonly side: ListingSide;
  readonly label: { readonly zh: string; readonly en: string };
  readonly item: 'specId' | 'skillId';
  readonly amount: 'quantity' | 'headcount';
  readonly dates: readonly [start: string, end: string];
  readonly reach?: 'deliveryRadiusKm' | 'commuteRadiusKm';
  readonly price: 'unitPrice' | 'ceilingPrice' | 'dailyWage';
  readonly certificates?: 'certificates' | 'certificatesRequired';
  readonly matching: readonly string[];
  readonly material: readonly string[];
  readonly clearable: readonly string[];
}

export const LISTING_KIND_TABLE = {
  supply: {
    kind: 'supply',
    family: 'goods',
    side: 'offer',
    label: { zh: '供应', en: 'supply' },
    item: 'specId',
    amount: 'quantity',
    dates: ['availableFrom', 'availableUntil'],
    reach: 'deliveryRadiusKm',
    price: 'unitPrice',
    matching: ['specId', ...PLACE_FIELDS, 'deliveryRadiusKm', 'availableFrom', 'availableUntil', 'unitPrice'],
    material: [
      'specId',
      'category',
      'unit',
      'quantity',
      'unitPrice',
      'minOrder',
      'adcode',
      'address',
      'lat',
      'lng',
      'deliveryRadiusKm',
      'availableFrom',
      'availableUntil',
    ],
    clearable: ['unitPrice', 'minOrder', 'stockOnHand', 'dailyCapacity', ...ALWAYS_CLEARABLE],
  },
  demand: {
    kind: 'demand',
    family: 'goods',
    side: 'need',
    label: { zh: '需求', en: 'demand' },
    item: 'specId',
    amount: 'quantity',
    dates: ['deliverFrom', 'neededBy'],
    price: 'ceilingPrice',
    matching: ['specId', ...PLACE_FIELDS, 'deliverFrom', 'neededBy', 'ceilingPrice', 'acceptsSubstitutes'],
    material: [
      'specId',
      'category',
      'unit',
      'quantity',
      'ceilingPrice',
      'acceptsSubstitutes',
      'adcode',
      'address',
      'lat',
      'lng',
      'deliverFrom',
      'neededBy',
    ],
    clearable: ['ceilingPrice', ...ALWAYS_CLEARABLE],
  },
  labour_offer: {
    kind: 'labour_offer',
    family: 'labour',
    side: 'offer',
    label: { zh: '共享员工·出借', en: 'staff to lend' },
    item: 'skillId',
    amount: 'headcount',
    dates: ['from', 'until'],
    reach: 'commuteRadiusKm',
    price: 'dailyWage',
    certificates: 'certificates',
    matching: ['skillId', ...PLACE_FIELDS, 'commuteRadiusKm', 'from', 'until', 'certificates'],
    material: [
      'skillId',
      'headcount',
      'dailyWage',
      'certificates',
      'needsHousing',
      'needsTransport',
      'adcode',
      'address',
      'lat',
      'lng',
      'commuteRadiusKm',
      'from',
      'until',
    ],
    clearable: ['dailyWage', ...ALWAYS_CLEARABLE],
  },
  labour_request: {
    kind: 'labour_request',
    family: 'labour',
    side: 'need',
    label: { zh: '共享员工·借用', en: 'staff wanted' },
    item: 'skillId',
    amount: 'headcount',
    dates: ['from', 'until'],
    price: 'dailyWage',
    certificates: 'certificatesRequired',
    matching: ['skillId', ...PLACE_FIELDS, 'from', 'until', 'certificatesRequired', 'minOverlapDays'],
    material: [
      'skillId',
      'headcount',
      'dailyWage',
      'certificatesRequired',
      'housingProvided',
      'transportProvided',
      'minOverlapDays',
      'adcode',
      'address',
      'lat',
      'lng',
      'from',
      'until',
    ],
    clearable: ['dailyWage', 'minOverlapDays', ...ALWAYS_CLEARABLE],
  },
} as const satisfies { readonly [K in ListingKind]: ListingKindInfo & { readonly kind: K } };

type Table = typeof LISTING_KIND_TABLE;

export function kindInfo<K extends ListingKind>(kind: K): Table[K] {
  return LISTING_KIND_TABLE[kind];
}

export const familyOfKind = (kind: ListingKind): ListingFamily => LISTING_KIND_TABLE[kind].family;
export const sideOfKind = (kind: ListingKind): ListingSide => LISTING_KIND_TABLE[kind].side;
/** Whether a value names a kind of the table (a stream image may carry anything). */
export const isListingKind = (kind: unknown): kind is ListingKind =>
  typeof kind === 'string' && Object.hasOwn(LISTING_KIND_TABLE, kind);
export const isGoodsKind = (kind: unknown): kind is 'supply' | 'demand' =>
  isListingKind(kind) && familyOfKind(kind) === 'goods';
export const isOfferKind = (kind: unknown): kind is 'supply' | 'labour_offer' =>
  isListingKind(kind) && sideOfKind(kind) === 'offer';

const KINDS = Object.keys(LISTING_KIND_TABLE) as ListingKind[];

/** The kinds of a family (and side): `kindsOf('goods')` → supply, demand; `kindsOf(undefined, 'need')`. */
export function kindsOf(family?: ListingFamily, side?: ListingSide): ListingKind[] {
  return KINDS.filter(
    (k) =>
      (family === undefined || LISTING_KIND_TABLE[k].family === family) &&
      (side === undefined || LISTING_KIND_TABLE[k].side === side),
  );
}

/** The one kind of a family on a side: `kindFor('goods', 'offer')` is supply. */
export function kindFor(family: ListingFamily, side: ListingSide): ListingKind {
  return kindsOf(family, side)[0]!;
}

/** The offer and the need kind of a family, in that order (a matching run's inputs). */
export function pairOf(family: ListingFamily): [offer: ListingKind, need: ListingKind] {
  return [kindFor(family, 'offer'), kindFor(family, 'need')];
}

/** Which material fields each kind has (an accepted match's terms). */
export const MATERIAL_FIELDS_BY_KIND: { readonly [K in ListingKind]: Table[K]['material'] } = {
  supply: LISTING_KIND_TABLE.supply.material,
  demand: LISTING_KIND_TABLE.demand.material,
  labour_offer: LISTING_KIND_TABLE.labour_offer.material,
  labour_request: LISTING_KIND_TABLE.labour_request.material,
};

/** Every field any kind's matching depends on, with the state and what is left (the stream filter). */
export const MATCHING_FIELDS: readonly string[] = [
  'status',
  'remaining',
  ...new Set(KINDS.flatMap((k) => LISTING_KIND_TABLE[k].matching)),
];

/** A listing, an input or a view: anything that says its kind. */
type Fields = { readonly kind: ListingKind };
const field = (listing: Fields, name: string): unknown =>
  (listing as unknown as Record<string, unknown>)[name];

/** How much the listing is for: its quantity or its headcount. */
export function amountOf(listing: Fields): number {
  return field(listing, LISTING_KIND_TABLE[listing.kind].amount) as number;
}

/** What it is about: the spec or the skill. */
export function itemOf(listing: Fields): string {
  return field(listing, LISTING_KIND_TABLE[listing.kind].item) as string;
}

/** Its window's first and last day. */
export function windowOf(listing: Fields): { start: string; end: string } {
  const [start, end] = LISTING_KIND_TABLE[listing.kind].dates;
  return { start: field(listing, start) as string, end: field(listing, end) as string };
}

/** How far the offer reaches (0 for needs). */
export function reachOf(listing: Fields): number {
  const reach: string | undefined = (LISTING_KIND_TABLE[listing.kind] as ListingKindInfo).reach;
  return reach === undefined ? 0 : (field(listing, reach) as number);
}

/** The price it carries, if any (unit or ceiling price in CNY, or daily wage). */
export function priceOf(listing: Fields): number | undefined {
  return field(listing, LISTING_KIND_TABLE[listing.kind].price) as number | undefined;
}

/** Whether an edit may clear this field of this kind with `null`. */
export function isClearable(kind: ListingKind, name: string): boolean {
  return (LISTING_KIND_TABLE[kind].clearable as readonly string[]).includes(name);
}
