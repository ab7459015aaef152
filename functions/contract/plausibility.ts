import type { FieldIssue } from './errors.ts';
import { DATE_PAIRS } from './listing.schema.ts';
import { isGoodsKind } from './listing-kinds.ts';
import type { Message } from './messages.ts';

/**
 * THE plausibility rules of a listing, one set for the web form, the API and the spreadsheet import
 * (browser-safe, pure). The schema says what is well formed; these say what a real listing can be:
 *
 *  - a quantity (and stock, daily capacity, minimum order) within a sane maximum for its unit
 *    family — no 999,999,999 t of demand;
 *  - quantities in whole steps of the spec's smallest step — no 0.3 t where the step is 1 t;
 *  - a window that ends today or later (a new listing, or an edit that moves the end);
 *  - a labour request's minimum days within its own period.
 */

/**
 * The most one listing may hold, per unit (the unit a spec is counted in). Sized from the largest
 * real cases with room to spare: a provincial key project's cement or a steel mill's months of
 * rebar stay under 2 million t; a province's daily mask output under 300 million pieces.
 */
export const MAX_QUANTITY_BY_UNIT: Readonly<Record<string, number>> = {
  t: 2_000_000,
  'wan-t': 200,
  kg: 2_000_000_000,
  jin: 4_000_000_000,
  g: 1_000_000_000,
  m3: 2_000_000,
  L: 50_000_000,
  mL: 1_000_000_000,
  piece: 300_000_000,
  'wan-piece': 30_000,
  item: 50_000_000,
  'wan-item': 5_000,
  machine: 10_000,
  person: 100_000,
};
/** For a unit not in the table (a catalogue addition): the schema's own bound. */
export const DEFAULT_MAX_QUANTITY = 1_000_000_000;

export function maxQuantityFor(unit: string): number {
  return MAX_QUANTITY_BY_UNIT[unit] ?? DEFAULT_MAX_QUANTITY;
}

/** How a message writes the units of spec quantities (吨 in Chinese, t in English). */
const UNIT_WORDS: Readonly<Record<string, Message>> = {
  t: { zh: '吨', en: 't' },
  'wan-t': { zh: '万吨', en: '× 10 kt' },
  kg: { zh: '千克', en: 'kg' },
  jin: { zh: '斤', en: 'jin' },
  g: { zh: '克', en: 'g' },
  m3: { zh: '立方米', en: 'm³' },
  L: { zh: '升', en: 'L' },
  mL: { zh: '毫升', en: 'mL' },
  piece: { zh: '只', en: 'pieces' },
  'wan-piece': { zh: '万只', en: '× 10k pieces' },
  item: { zh: '件', en: 'items' },
  'wan-item': { zh: '万件', en: '× 10k items' },
  machine: { zh: '台', en: 'machines' },
  person: { zh: '人', en: 'people' },
};

export function unitWord(unit: string): Message {
  return UNIT_WORDS[unit] ?? { zh: unit, en: unit };
}

/** A number with thousands separators and no float noise (at most three decimals). */
export function plainNumber(value: number): string {
  return (Math.round(value * 1000) / 1000).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Whether `value` is a whole number (≥ 1) of `step`s, within the rounding of three decimals. */
export function isWholeSteps(value: number, step: number): boolean {
  const steps = value / step;
  return Math.abs(steps - Math.round(steps)) <= 1e-6 * Math.max(1, steps) && Math.round(steps) >= 1;
}

/** Days from `from` to `until`, both counted (ISO dates). */
export function daysInclusive(from: string, until: string): number {
  return Math.round((Date.parse(`${until}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Today as `YYYY-MM-DD` in China (UTC+8): a window ending "today" is still open for the day. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface PlausibilityOptions {
  /** The spec's unit and smallest step (goods); absent for labour or an unknown spec. */
  readonly spec?: { readonly unit: string; readonly step: number };
  /** Today (`YYYY-MM-DD`, China time). */
  readonly today: string;
  /** Check the window's end against today (creating, or an edit that changes the window). */
  readonly checkWindowEnd: boolean;
}

type Fields = Readonly<Record<string, unknown>> & { readonly kind: keyof typeof DATE_PAIRS };

const QUANTITY_FIELDS = ['quantity', 'stockOnHand', 'dailyCapacity', 'minOrder'] as const;
const STEP_FIELDS = ['quantity', 'minOrder'] as const;

/** Every plausibility issue of a listing's fields, each naming its field (empty when plausible). */
export function plausibilityIssues(listing: Fields, options: PlausibilityOptions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { spec } = options;
  if (spec && isGoodsKind(listing.kind)) {
    const maximum = maxQuantityFor(spec.unit);
    for (const field of QUANTITY_FIELDS) {
      const value = listing[field];
      if (typeof value !== 'number') continue;
      if (value > maximum) {
        issues.push({
          field,
          key: 'field.implausible_quantity',
          params: { maximum: plainNumber(maximum), unit: unitWord(spec.unit) },
        });
      } else if ((STEP_FIELDS as readonly string[]).includes(field) && !isWholeSteps(value, spec.step)) {
        issues.push({
          field,
          key: 'field.quantity_step',
          params: { step: plainNumber(spec.step), unit: unitWord(spec.unit) },
        });
      }
    }
  }
  const [startField, endField] = DATE_PAIRS[listing.kind];
  const start = listing[startField];
  const end = listing[endField];
  if (options.checkWindowEnd && typeof end === 'string' && end < options.today) {
    issues.push({ field: endField, key: 'field.window_over', params: { today: options.today } });
  }
  const minDays = listing.minOverlapDays;
  if (
    listing.kind === 'labour_request' &&
    typeof minDays === 'number' &&
    typeof start === 'string' &&
    typeof end === 'string' &&
    end >= start
  ) {
    const days = daysInclusive(start, end);
    if (minDays > days)
      issues.push({ field: 'minOverlapDays', key: 'field.min_days_beyond_period', params: { days } });
  }
  return issues;
}
