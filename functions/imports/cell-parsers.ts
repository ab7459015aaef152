import type { Catalogue } from '../catalogue/catalogue.ts';
import { creditCodeRefusal, normaliseCreditCode } from '../orgs/credit-code.ts';
import { resolvePlace } from '../regions/regions.ts';
import { dateRange } from '../shared/date-range.ts';
import { MESSAGES, type MessageKey } from '../shared/i18n/messages.ts';
import { parseDate } from '../shared/parse/parse-date.ts';
import { parseNumber } from '../shared/parse/parse-number.ts';
import { parsePhone } from '../shared/parse/parse-phone.ts';
import { parseQuantity } from '../shared/parse/parse-quantity.ts';
import type { ParseParams, ParseResult } from '../shared/parse/parse-result.ts';
import type { CellResult } from './import-columns.ts';
import { numberHint } from './refusal-hints.ts';
import type { Cell } from './workbook.ts';

/**
 * Cell parsers for the import: each turns what a clerk typed into a listing field value, or a
 * message key saying why not. They adapt the shared forgiving parsers (numbers, dates, phones,
 * places) and the catalogue's look-ups (specs, units, skills, certificates): the catalogue in use,
 * handed in by the caller (`deps.catalogue.current()`), never a module-level one.
 */
function asKey(reason: string): MessageKey {
  return Object.hasOwn(MESSAGES, reason) ? (reason as MessageKey) : 'field.invalid_format';
}

function adapt<T>(result: ParseResult<T>, map: (value: T) => unknown = (v) => v): CellResult {
  if (result.ok) return { ok: true, value: map(result.value) };
  const params: ParseParams | undefined = result.params;
  return params
    ? { ok: false, key: asKey(result.reason), params: { ...params } }
    : { ok: false, key: asKey(result.reason) };
}

/** A refused number says what to change when it can (see refusal-hints.ts). */
function withHint(cell: Cell, result: CellResult, price: boolean, catalogue: Catalogue): CellResult {
  if (result.ok) return result;
  const hint = numberHint(cell, price, catalogue);
  return hint ? { ok: false, key: hint.key, params: hint.params } : result;
}

export const number = (cell: Cell, catalogue: Catalogue): CellResult =>
  withHint(cell, adapt(parseNumber(cell, { currency: false })), false, catalogue);
/** A price in CNY: `¥3,950` and `3950元` are read; `3950元/吨` is refused with the fix. */
export const price = (cell: Cell, catalogue: Catalogue): CellResult =>
  withHint(cell, adapt(parseNumber(cell, { currency: true })), true, catalogue);

/** A quantity as typed: the number and, when the cell names one (`0.5万吨`), its unit. */
export interface QuantityCell {
  amount: number;
  unit?: string;
}
export const quantity = (cell: Cell, catalogue: Catalogue): CellResult =>
  withHint(
    cell,
    adapt(
      parseQuantity(cell, { catalogue }),
      (q): QuantityCell => (q.unit ? { amount: q.value, unit: q.unit } : { amount: q.value }),
    ),
    false,
    catalogue,
  );
/** Dates in the same range the API accepts (see shared/date-range.ts). */
export const date = (cell: Cell): CellResult => adapt(parseDate(cell, dateRange()));
export const phone = (cell: Cell): CellResult => adapt(parsePhone(cell));
export const place = (cell: Cell): CellResult => adapt(resolvePlace(cell));
export const spec = (cell: Cell, catalogue: Catalogue): CellResult =>
  adapt(catalogue.resolveSpec(cell), (s) => s.id);
export const skill = (cell: Cell, catalogue: Catalogue): CellResult =>
  adapt(catalogue.resolveSkill(cell), (s) => s.id);

export const unit = (cell: Cell, catalogue: Catalogue): CellResult => {
  const found = catalogue.resolveUnit(String(cell));
  return found ? { ok: true, value: found.id } : { ok: false, key: 'field.unknown_unit' };
};

export const creditCode = (cell: Cell): CellResult => {
  const code = normaliseCreditCode(String(cell));
  const refusal = creditCodeRefusal(code);
  return refusal ? { ok: false, ...refusal } : { ok: true, value: code };
};

const YES = new Set(['是', '有', '需要', '提供', '接受', 'y', 'yes', 'true', '1', '√', '✓']);
const NO = new Set(['否', '无', '不需要', '不提供', '不接受', 'n', 'no', 'false', '0', '×', '✗']);
export const yesNo = (cell: Cell): CellResult => {
  if (typeof cell === 'boolean') return { ok: true, value: cell };
  const text = String(cell).trim().toLowerCase();
  if (YES.has(text)) return { ok: true, value: true };
  if (NO.has(text)) return { ok: true, value: false };
  return { ok: false, key: 'field.not_yes_no' };
};

/** Certificates by id or by name, separated by commas, 、 or ；. */
export const certificates = (cell: Cell, catalogue: Catalogue): CellResult => {
  const names = String(cell)
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const ids: string[] = [];
  for (const name of names) {
    const found = catalogue.resolveCertificate(name);
    if (!found.ok) return adapt(found);
    ids.push(found.value.id);
  }
  return { ok: true, value: ids };
};

/** A quantity typed in another unit of the same dimension (万只 for 只, kg for t), in the spec's unit. */
export function convertToSpecUnit(
  catalogue: Catalogue,
  value: number,
  unitId: string,
  specId: string,
): number | undefined {
  const target = catalogue.getSpec(specId)?.unit;
  if (!target) return undefined;
  if (unitId === target) return value;
  return catalogue.convertQuantity(value, unitId, target);
}

export function specUnit(catalogue: Catalogue, specId: string): string | undefined {
  return catalogue.getSpec(specId)?.unit;
}

export function specName(catalogue: Catalogue, specId: string, lang: 'zh' | 'en'): string {
  return catalogue.getSpec(specId)?.name[lang] ?? specId;
}

export function skillName(catalogue: Catalogue, skillId: string, lang: 'zh' | 'en'): string {
  return catalogue.getSkill(skillId)?.name[lang] ?? skillId;
}

export function unitSymbol(catalogue: Catalogue, unitId: string, lang: 'zh' | 'en'): string {
  return catalogue.getUnit(unitId)?.symbol[lang] ?? unitId;
}
