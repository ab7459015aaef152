import * as z from 'zod/mini';
import { LISTING_KIND_TABLE } from './listing-kinds.ts';
import { adcode, isoDate, phone, text } from './schema-fields.ts';

/**
 * What a person submits for each kind of listing. Shared by the API, the spreadsheet import and the
 * web forms. Category, unit and remaining quantity are derived by the server, never submitted.
 */

const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9.\-_]{0,79}$/, { message: 'field.invalid_format' }));
/**
 * Numbers the way the database and a clerk both take them: finite, within a range, and with a fixed
 * precision — quantities to 0.001 of their unit, money to the fen (0.01 CNY). A value like 5e-324
 * or 1e-300 is refused at the edge with the field and the reason (DynamoDB refuses such numbers).
 * Whether a quantity is a whole number of its spec's smallest step is checked with the spec
 * (listing-commands.ts).
 */
export const QUANTITY_DECIMALS = 3;
export const MONEY_DECIMALS = 2;

/** Whether `value` has at most `places` decimals (robust to binary fractions like 0.1 + 0.2). */
export function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  const whole = Math.round(scaled);
  // A non-zero value that rounds to 0 (5e-324, 1e-300) has more decimals than allowed.
  if (whole === 0) return value === 0;
  return Math.abs(scaled - whole) <= 1e-6 * Math.max(1, Math.abs(scaled));
}

const decimalNumber = (min: 'positive' | 'non-negative', max: number, places: number) =>
  z.number().check(
    z.refine(Number.isFinite, { message: 'field.not_finite' }),
    min === 'positive' ? z.positive() : z.gte(0),
    z.lte(max),
    z.superRefine((value: number, ctx) => {
      if (!Number.isFinite(value) || hasAtMostDecimals(value, places)) return;
      ctx.issues.push({ code: 'custom', message: 'field.decimal_places', input: value, params: { places } });
    }),
  );
/** A quantity greater than 0 (so at least 0.001), at most `max`, at most three decimals. */
const positive = (max: number) => decimalNumber('positive', max, QUANTITY_DECIMALS);
/** A quantity that may be 0 (stock, capacity). */
const nonNegative = (max: number) => decimalNumber('non-negative', max, QUANTITY_DECIMALS);
/** Money in CNY greater than 0 (so at least one fen), at most `max`, to the fen. */
const money = (max: number) => decimalNumber('positive', max, MONEY_DECIMALS);
const wholeCount = (max: number) => z.number().check(z.int(), z.gte(1), z.lte(max));
const radiusKm = (max: number) =>
  z.number().check(z.refine(Number.isFinite, { message: 'field.not_finite' }), z.gte(1), z.lte(max));

const contact = z.strictObject({ name: text(50), phone });

const placeFields = {
  adcode,
  lat: z.optional(z.number().check(z.gte(3), z.lte(54))),
  lng: z.optional(z.number().check(z.gte(73), z.lte(136))),
  address: z.optional(text(200)),
  contact,
  note: z.optional(text(1000, 0)),
  /** Create straight away as open (default) or keep as a draft. */
  status: z.optional(z.enum(['draft', 'open'])),
};

export const MAX_QUANTITY = 1e9;
export const MAX_PRICE = 1e8;

export const supplyFields = {
  ...placeFields,
  specId: slug,
  quantity: positive(MAX_QUANTITY),
  stockOnHand: z.optional(nonNegative(MAX_QUANTITY)),
  dailyCapacity: z.optional(nonNegative(MAX_QUANTITY)),
  deliveryRadiusKm: radiusKm(3000),
  availableFrom: isoDate,
  availableUntil: isoDate,
  unitPrice: z.optional(money(MAX_PRICE)),
  minOrder: z.optional(positive(MAX_QUANTITY)),
};

export const demandFields = {
  ...placeFields,
  projectName: text(100),
  keyProject: z.optional(z.boolean()),
  specId: slug,
  quantity: positive(MAX_QUANTITY),
  deliverFrom: isoDate,
  neededBy: isoDate,
  ceilingPrice: z.optional(money(MAX_PRICE)),
  acceptsSubstitutes: z.optional(z.boolean()),
};

const certificateList = z.array(slug).check(z.maxLength(20));

export const labourOfferFields = {
  ...placeFields,
  skillId: slug,
  headcount: wholeCount(100_000),
  from: isoDate,
  until: isoDate,
  commuteRadiusKm: radiusKm(3000),
  certificates: z.optional(certificateList),
  dailyWage: z.optional(money(100_000)),
  needsHousing: z.optional(z.boolean()),
  needsTransport: z.optional(z.boolean()),
};

export const labourRequestFields = {
  ...placeFields,
  skillId: slug,
  headcount: wholeCount(100_000),
  from: isoDate,
  until: isoDate,
  dailyWage: z.optional(money(100_000)),
  housingProvided: z.optional(z.boolean()),
  transportProvided: z.optional(z.boolean()),
  certificatesRequired: z.optional(certificateList),
  minOverlapDays: z.optional(wholeCount(3660)),
};

/** Date pairs that must be in order, by kind: [start field, end field] (from the table of kinds). */
export const DATE_PAIRS = {
  supply: LISTING_KIND_TABLE.supply.dates,
  demand: LISTING_KIND_TABLE.demand.dates,
  labour_offer: LISTING_KIND_TABLE.labour_offer.dates,
  labour_request: LISTING_KIND_TABLE.labour_request.dates,
} as const;

type Dated = Record<string, unknown>;

function datesInOrder(kind: keyof typeof DATE_PAIRS) {
  const [start, end] = DATE_PAIRS[kind];
  return z.superRefine((value: Dated, ctx) => {
    const a = value[start];
    const b = value[end];
    if (typeof a === 'string' && typeof b === 'string' && b < a) {
      ctx.issues.push({ code: 'custom', message: 'field.date_order', input: value, path: [end] });
    }
    const point = pointIssue(value);
    if (point) ctx.issues.push({ code: 'custom', message: point.key, input: value, path: [point.field] });
  });
}

/**
 * A point is a latitude with its longitude: one without the other (posted, or left by a PATCH that
 * sets or clears only one) is refused on the missing one. The form, the API (create and edit) and
 * the import apply this one rule.
 */
export function pointIssue(value: {
  lat?: unknown;
  lng?: unknown;
}): { field: 'lat' | 'lng'; key: 'field.point_pair' } | undefined {
  if ((value.lat === undefined) === (value.lng === undefined)) return undefined;
  return { field: value.lat === undefined ? 'lat' : 'lng', key: 'field.point_pair' };
}

export const supplyInput = z
  .strictObject({ kind: z.literal('supply'), ...supplyFields })
  .check(datesInOrder('supply'));
export const demandInput = z
  .strictObject({ kind: z.literal('demand'), ...demandFields })
  .check(datesInOrder('demand'));
export const labourOfferInput = z
  .strictObject({ kind: z.literal('labour_offer'), ...labourOfferFields })
  .check(datesInOrder('labour_offer'));
export const labourRequestInput = z
  .strictObject({ kind: z.literal('labour_request'), ...labourRequestFields })
  .check(datesInOrder('labour_request'));

export const listingInput = z.discriminatedUnion('kind', [
  supplyInput,
  demandInput,
  labourOfferInput,
  labourRequestInput,
]);
export type ListingInput = z.output<typeof listingInput>;

/** Each kind's fields, as submitted (the patch schema's keys). */
export const FIELDS_BY_KIND = {
  supply: supplyFields,
  demand: demandFields,
  labour_offer: labourOfferFields,
  labour_request: labourRequestFields,
} as const;

/** Changes to a listing: any of its kind's fields (the kind itself cannot change). */
export const listingPatch = {
  supply: z.partial(z.strictObject(supplyFields)),
  demand: z.partial(z.strictObject(demandFields)),
  labour_offer: z.partial(z.strictObject(labourOfferFields)),
  labour_request: z.partial(z.strictObject(labourRequestFields)),
} as const;

export const INPUT_SCHEMA_BY_KIND = {
  supply: supplyInput,
  demand: demandInput,
  labour_offer: labourOfferInput,
  labour_request: labourRequestInput,
} as const;
