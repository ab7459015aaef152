import * as z from 'zod/mini';
import { adcode, isoDate, phone, text } from '../shared/schema-fields.ts';

/**
 * What a person submits for each kind of listing. Shared by the API, the spreadsheet import and the
 * web forms. Category, unit and remaining quantity are derived by the server, never submitted.
 */

const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9.\-_]{0,79}$/, { message: 'field.invalid_format' }));
const positive = (max: number) =>
  z.number().check(z.refine(Number.isFinite, { message: 'field.not_finite' }), z.positive(), z.lte(max));
const nonNegative = (max: number) =>
  z.number().check(z.refine(Number.isFinite, { message: 'field.not_finite' }), z.gte(0), z.lte(max));
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
  unitPrice: z.optional(positive(MAX_PRICE)),
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
  ceilingPrice: z.optional(positive(MAX_PRICE)),
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
  dailyWage: z.optional(positive(100_000)),
  needsHousing: z.optional(z.boolean()),
  needsTransport: z.optional(z.boolean()),
};

export const labourRequestFields = {
  ...placeFields,
  skillId: slug,
  headcount: wholeCount(100_000),
  from: isoDate,
  until: isoDate,
  dailyWage: z.optional(positive(100_000)),
  housingProvided: z.optional(z.boolean()),
  transportProvided: z.optional(z.boolean()),
  certificatesRequired: z.optional(certificateList),
  minOverlapDays: z.optional(wholeCount(3660)),
};

/** Date pairs that must be in order, by kind: [start field, end field]. */
export const DATE_PAIRS = {
  supply: ['availableFrom', 'availableUntil'],
  demand: ['deliverFrom', 'neededBy'],
  labour_offer: ['from', 'until'],
  labour_request: ['from', 'until'],
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
    if ((value.lat === undefined) !== (value.lng === undefined)) {
      ctx.issues.push({
        code: 'custom',
        message: 'field.required',
        input: value,
        path: [value.lat === undefined ? 'lat' : 'lng'],
      });
    }
  });
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
