import * as z from 'zod/mini';
import { hasQuantityPrecision, yuanToFen } from './money.ts';
import { adcode, id, isoDate, text } from './schema-fields.ts';

/**
 * What a person submits to record a deal, to turn an intent into a contract, to revise a disputed
 * one, or to dispute one. Shared by the API and the web form. The amount, the spec, the unit and
 * the two sides are derived by the server from the match (or the two listings), never submitted.
 */

export const MAX_DEAL_QUANTITY = 1e9;
/** 1亿 yuan per unit is beyond any product in the catalogue. */
export const MAX_UNIT_PRICE_FEN = 10_000_000_000;

const quantity = z
  .number()
  .check(
    z.refine(Number.isFinite, { message: 'field.not_finite' }),
    z.positive(),
    z.lte(MAX_DEAL_QUANTITY),
    z.refine(hasQuantityPrecision, { message: 'field.quantity_precision' }),
  );

/** Yuan with at most two decimals, as text (`"3987.65"`, preferred) or a JSON number. */
const unitPrice = z.union([z.string().check(z.maxLength(20)), z.number()]).check(
  z.refine(
    (value) => {
      const fen = yuanToFen(value);
      return fen !== undefined && fen > 0 && fen <= MAX_UNIT_PRICE_FEN;
    },
    { message: 'field.money' },
  ),
);

const termFields = {
  quantity,
  unitPrice,
  deliveryFrom: isoDate,
  deliveryUntil: isoDate,
  deliveryAdcode: adcode,
  deliveryAddress: z.optional(text(200)),
  note: z.optional(text(1000, 0)),
};

type Dated = { deliveryFrom?: string; deliveryUntil?: string };

const deliveryInOrder = z.superRefine((value: Dated, ctx) => {
  if (value.deliveryFrom && value.deliveryUntil && value.deliveryUntil < value.deliveryFrom) {
    ctx.issues.push({ code: 'custom', message: 'field.date_order', input: value, path: ['deliveryUntil'] });
  }
});

export const recordDealInput = z
  .strictObject({
    /** The confirmed match the deal comes from. */
    matchId: z.optional(id),
    /** An organizer's paper deal between two listings that had no match in Gongxu. */
    offerListingId: z.optional(id),
    needListingId: z.optional(id),
    /**
     * The matchmaking event the deal was made at (the two sides its approved participants), and the
     * meeting there after which it was recorded (the two sides' meeting, which took place). A deal
     * from a match the event's round proposed belongs to that event without saying so.
     */
    eventId: z.optional(id),
    meetingId: z.optional(id),
    document: z.enum(['intent', 'contract']),
    ...termFields,
  })
  .check(
    // One refinement for both rules: zod stops at the first check that reports an issue.
    z.superRefine((value, ctx) => {
      if (value.deliveryUntil < value.deliveryFrom) {
        ctx.issues.push({
          code: 'custom',
          message: 'field.date_order',
          input: value,
          path: ['deliveryUntil'],
        });
      }
      const pair = value.offerListingId !== undefined || value.needListingId !== undefined;
      if (value.matchId === undefined && !pair) {
        ctx.issues.push({ code: 'custom', message: 'field.required', input: value, path: ['matchId'] });
      }
      if (value.matchId !== undefined && pair) {
        const field = value.offerListingId !== undefined ? 'offerListingId' : 'needListingId';
        ctx.issues.push({ code: 'custom', message: 'field.match_or_listings', input: value, path: [field] });
      }
      if (value.meetingId !== undefined && value.eventId === undefined) {
        ctx.issues.push({
          code: 'custom',
          message: 'field.deal_meeting_needs_event',
          input: value,
          path: ['eventId'],
        });
      }
      if (value.matchId === undefined && pair) {
        for (const field of ['offerListingId', 'needListingId'] as const) {
          if (value[field] === undefined)
            ctx.issues.push({ code: 'custom', message: 'field.required', input: value, path: [field] });
        }
      }
    }),
  );
export type RecordDealInput = z.output<typeof recordDealInput>;

/** New terms when an intent becomes a contract or a disputed deal is revised (all optional). */
export const dealTermsInput = z.partial(z.strictObject(termFields)).check(deliveryInOrder);
export type DealTermsInput = z.output<typeof dealTermsInput>;

export const disputeDealInput = z.strictObject({ reason: text(500) });
export type DisputeDealInput = z.output<typeof disputeDealInput>;

export const mineDealsSide = z.enum(['offer', 'need']);
