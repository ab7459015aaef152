import type { Listing, ListingKind } from './listing.ts';
import { MATERIAL_FIELDS_BY_KIND } from './listing-kinds.ts';

/**
 * The terms a side accepts when it accepts a match: the material fields of both listings as they
 * stood at that moment, with each listing's terms version. A listing's `termsVersion` moves only
 * when one of its material fields changes (not when confirmations draw its remaining quantity down,
 * nor when its note or contact changes), so a confirmation can be conditioned on the listings'
 * terms still being the ones accepted (functions/matches/match-commands.ts), and an edit that
 * changes them voids the acceptances instead of carrying them over (bait and switch, issue 12).
 *
 * Pure and browser-safe.
 */

/** What the product, the amount, the price, the place and the window are, per kind of listing. */
export const MATERIAL_FIELDS = MATERIAL_FIELDS_BY_KIND;

export type MaterialField = (typeof MATERIAL_FIELDS)[ListingKind][number];

/** One listing's terms as a side accepted them. */
export interface ListingTerms {
  listingId: string;
  kind: ListingKind;
  /** The listing's terms version at acceptance (0 for listings written before terms had versions). */
  termsVersion: number;
  /** The material fields that have a value, by name. */
  values: Partial<Record<MaterialField, string | number | boolean | string[]>>;
}

/** An acceptance: who accepted, when, and the terms of both listings they saw. */
export interface Acceptance {
  at: string;
  userId: string;
  offer: ListingTerms;
  need: ListingTerms;
}

/** A material change to a listing voided the acceptances the match had: which, why, when. */
export interface VoidedAcceptance {
  at: string;
  /** The side whose listing changed. */
  changedSide: 'offer' | 'need';
  listingId: string;
  /** The material fields that changed. */
  fields: MaterialField[];
  /** The sides whose acceptance was voided. */
  sides: ('offer' | 'need')[];
}

/** How many voidings a match keeps (the newest). */
export const MAX_VOIDED_KEPT = 10;

export const termsVersionOf = (listing: Pick<Listing, 'termsVersion'>): number => listing.termsVersion ?? 0;

export function termsOf(listing: Listing): ListingTerms {
  const values: ListingTerms['values'] = {};
  const source = listing as unknown as Record<string, unknown>;
  for (const field of MATERIAL_FIELDS[listing.kind]) {
    const value = source[field];
    if (value !== undefined) values[field] = value as string | number | boolean | string[];
  }
  return { listingId: listing.id, kind: listing.kind, termsVersion: termsVersionOf(listing), values };
}

const same = (a: unknown, b: unknown): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b;

/** The material fields whose value differs between two versions of one listing. */
export function changedTerms(before: Listing, after: Listing): MaterialField[] {
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  return MATERIAL_FIELDS[after.kind].filter((field) => !same(a[field], b[field]));
}
