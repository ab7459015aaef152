import { type Accessor, createSignal } from 'solid-js';
import { type Catalogue, fetchCatalogue } from '../api/catalogue.ts';
import { COUNTRY, fetchRegions, type Region } from '../api/regions.ts';
import { lang, langTag } from '../i18n/index.ts';

/**
 * Numbers, money, dates, units and names for the match and run pages, in the current language.
 * The catalogue (spec, skill and unit names) and the province names load once, in the background:
 * until they arrive, ids stand in for names, so nothing waits on them.
 */

const [catalogue, setCatalogue] = createSignal<Catalogue>();
let catalogueAsked = false;

/** The catalogue once loaded (reactive); the first call starts loading it. */
export function useCatalogue(): Accessor<Catalogue | undefined> {
  if (!catalogueAsked) {
    catalogueAsked = true;
    fetchCatalogue().then(setCatalogue, () => {
      catalogueAsked = false; // ask again next time
    });
  }
  return catalogue;
}

const [provinces, setProvinces] = createSignal<Region[]>();
let provincesAsked = false;

/** Name of a province from its 2-digit code (`35` → 福建省), or the code until the list is loaded. */
export function provinceName(code: string | undefined): string {
  if (!code) return '';
  if (!provincesAsked) {
    provincesAsked = true;
    fetchRegions(COUNTRY).then(setProvinces, () => {
      provincesAsked = false;
    });
  }
  const adcode = code.length >= 6 ? code.slice(0, 6) : `${code.slice(0, 2)}0000`;
  return provinces()?.find((p) => p.adcode === adcode)?.name ?? code;
}

export function formatNumber(value: number, maxFraction = 1): string {
  return new Intl.NumberFormat(langTag(lang()), { maximumFractionDigits: maxFraction }).format(value);
}

export function formatPercent(share: number, maxFraction = 1): string {
  return new Intl.NumberFormat(langTag(lang()), {
    style: 'percent',
    maximumFractionDigits: maxFraction,
  }).format(share);
}

/** CNY: cents for small amounts (a unit price), whole yuan for large ones (a total). */
export function formatMoney(value: number): string {
  const digits = Math.abs(value) < 1000 ? 2 : 0;
  return new Intl.NumberFormat(langTag(lang()), {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  }).format(value);
}

export function formatKm(km: number): string {
  return formatNumber(km, km < 10 ? 2 : 1);
}

/** An ISO date or timestamp as a date; a timestamp with `time` also shows the time. */
export function formatDate(iso: string | undefined, time = false): string {
  if (!iso) return '';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(
    langTag(lang()),
    time ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
  ).format(date);
}

/** What follows a number: 吨 / t, 人 / people. */
export function unitSymbol(unitId: string | undefined): string {
  if (!unitId) return '';
  return catalogue()?.unitSymbol(unitId) ?? unitId;
}

/** The unit's name for "per …" phrases: 每吨 / per tonne. */
export function unitName(unitId: string | undefined): string {
  if (!unitId) return '';
  return catalogue()?.unitById.get(unitId)?.name[lang()] ?? unitSymbol(unitId);
}

export function formatQuantity(quantity: number, unitId: string | undefined): string {
  const symbol = unitSymbol(unitId);
  return symbol ? `${formatNumber(quantity, 3)} ${symbol}` : formatNumber(quantity, 3);
}

/** A spec (goods) or skill (labour) in the current language. */
export function itemName(kind: 'goods' | 'labour', id: string): string {
  const c = catalogue();
  if (!c) return id;
  return kind === 'goods' ? c.specName(id) : c.skillName(id);
}

/** The smallest step of a spec: the allocator's reasons count quantities and unit costs per step. */
export function stepOf(specId: string): number {
  return catalogue()?.specById.get(specId)?.step ?? 1;
}

export function certificateName(id: string): string {
  return catalogue()?.certificateName(id) ?? id;
}
