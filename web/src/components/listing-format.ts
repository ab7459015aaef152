import { isGoodsListing } from '../../../functions/contract/listing.ts';
import type { Catalogue } from '../api/catalogue.ts';
import type { ListingView } from '../api/listings.ts';
import { langTag, t } from '../i18n/index.ts';
import { zh } from '../i18n/zh.ts';

/** How listings read: titles, quantities with their units, dates, in the current language. */

export function formatNumber(value: number | undefined): string {
  if (value === undefined || value === null || Number.isNaN(value)) return t('common.none');
  return new Intl.NumberFormat(langTag(), { maximumFractionDigits: 3 }).format(value);
}

/** `2020-03-15` → 2020年3月15日 / 15 Mar 2020 (a calendar day: no time zone shift). */
export function formatDay(day: string | undefined): string {
  if (!day) return t('common.none');
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(langTag(), { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return t('common.none');
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : new Intl.DateTimeFormat(langTag(), { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** The unit quantities of this listing are in: 吨 / t for goods, 人 / people for staff. */
export function unitOf(listing: ListingView, catalogue: Catalogue | undefined): string {
  if (isGoodsListing(listing)) {
    return catalogue?.unitSymbol(listing.unit) ?? listing.unit;
  }
  return t('listing.people');
}

/** What the listing is about: the spec (and project), or the skill. */
export function listingTitle(listing: ListingView, catalogue: Catalogue | undefined): string {
  switch (listing.kind) {
    case 'supply':
      return catalogue?.specName(listing.specId) ?? listing.specId;
    case 'demand':
      return `${listing.projectName} · ${catalogue?.specName(listing.specId) ?? listing.specId}`;
    default:
      return catalogue?.skillName(listing.skillId) ?? listing.skillId;
  }
}

/** The listing's window: [start, end] calendar days. */
export function periodOf(listing: ListingView): [string, string] {
  switch (listing.kind) {
    case 'supply':
      return [listing.availableFrom, listing.availableUntil];
    case 'demand':
      return [listing.deliverFrom, listing.neededBy];
    default:
      return [listing.from, listing.until];
  }
}

export const formatPeriod = (listing: ListingView): string => {
  const [from, until] = periodOf(listing);
  return `${formatDay(from)} – ${formatDay(until)}`;
};

/** The price a viewer may see, with its unit; undefined when there is none. */
export function priceOf(listing: ListingView, catalogue: Catalogue | undefined): string | undefined {
  const unit = unitOf(listing, catalogue);
  switch (listing.kind) {
    case 'supply':
      return listing.unitPrice === undefined
        ? undefined
        : `${formatNumber(listing.unitPrice)} ${t('listing.perUnit', { unit })}`;
    case 'demand':
      return listing.ceilingPrice === undefined
        ? undefined
        : `≤ ${formatNumber(listing.ceilingPrice)} ${t('listing.perUnit', { unit })}`;
    default:
      return listing.dailyWage === undefined
        ? undefined
        : `${formatNumber(listing.dailyWage)} ${t('listing.perDay')}`;
  }
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(offsetDays = 0): string {
  const date = new Date(Date.now() + offsetDays * 86_400_000);
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

const FIELD_ALIASES: Record<string, string> = {
  'contact.name': 'contactName',
  'contact.phone': 'contactPhone',
  'owner.name': 'ownerName',
  'owner.creditCode': 'ownerCreditCode',
};

/** The label of a listing field named as the API names it (`quantity`, `contact.phone`, …). */
export function fieldLabel(field: string): string {
  const name = FIELD_ALIASES[field] ?? field;
  return Object.hasOwn(zh.listing.field, name)
    ? t(`listing.field.${name as keyof typeof zh.listing.field}`)
    : field;
}
