import { baseCatalogue, type Catalogue } from '../../catalogue/catalogue.ts';
import {
  MAX_NUMBER_TEXT,
  type NumberFailureReason,
  type ParseNumberOptions,
  parseNumber,
  parseNumberText,
} from './parse-number.ts';
import { failed, isBlank, type ParseResult, parsed } from './parse-result.ts';

/**
 * A quantity with its unit in one cell, as clerks type it: `500吨`, `500 t`, `10万只`, `1.2万吨`,
 * `3,000 kg`, `20方`, `两千件`. The unit is the longest catalogue unit the text ends with (`10万只`
 * is 10 wan-piece, not 10万 piece — the same amount). A bare number has no unit.
 *
 * With `unit`, the result is converted into that unit (exactly, for the power-of-ten units) and a bare
 * number is taken to be in it already; a unit of another dimension (吨 for masks) is refused.
 */

export type QuantityFailureReason = NumberFailureReason | 'field.unknown_unit' | 'field.unit_mismatch';

export interface Quantity {
  readonly value: number;
  /** Catalogue unit id (`t`, `wan-piece` …), or undefined when the cell had none and no `unit` was asked for. */
  readonly unit: string | undefined;
}

export interface ParseQuantityOptions extends ParseNumberOptions {
  /** Convert into this unit (id or alias). */
  unit?: string;
  /** Resolve units against this catalogue (default: the base catalogue). */
  catalogue?: Catalogue;
}

/** Characters a number may be made of (Arabic, Chinese, grouping, sign, multipliers). */
const NUMBER_PREFIX = /^[\d.,+\-−()零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億点]+/;

function split(text: string, catalogue: Catalogue): { number: string; unit: string | undefined } | undefined {
  for (let i = 1; i < text.length; i++) {
    const unitText = text.slice(i);
    if (catalogue.resolveUnit(unitText) && parseNumberText(text.slice(0, i), { allowNegative: true }).ok) {
      return { number: text.slice(0, i), unit: catalogue.resolveUnit(unitText)!.id };
    }
  }
  return undefined;
}

export function parseQuantity(
  cell: unknown,
  options: ParseQuantityOptions = {},
): ParseResult<Quantity, QuantityFailureReason> {
  const catalogue = options.catalogue ?? baseCatalogue;
  const target =
    options.unit === undefined
      ? undefined
      : (catalogue.getUnit(options.unit) ?? catalogue.resolveUnit(options.unit));
  if (options.unit !== undefined && !target) throw new RangeError(`unknown target unit ${options.unit}`);
  if (isBlank(cell)) return failed('field.required');

  let numberPart: unknown = cell;
  let unit: string | undefined;
  if (typeof cell === 'string') {
    // Bounded before the suffix search (which is quadratic in the text): no quantity is this long.
    if (cell.length > MAX_NUMBER_TEXT + 20) return failed('field.number_invalid');
    const text = cell.normalize('NFKC').replace(/\s+/g, '');
    const parts = split(text, catalogue);
    if (parts) {
      numberPart = parts.number;
      unit = parts.unit;
    } else {
      const prefix = NUMBER_PREFIX.exec(text)?.[0] ?? '';
      const rest = text.slice(prefix.length);
      if (prefix !== '' && rest !== '' && parseNumberText(prefix, { allowNegative: true }).ok) {
        return failed('field.unknown_unit', { unit: rest });
      }
      numberPart = text;
    }
  }
  // Sign and currency now; whole-number and bounds checks apply to the converted value.
  const number = parseNumber(numberPart, {
    allowNegative: options.allowNegative,
    currency: options.currency,
  });
  if (!number.ok) return number;
  let value = number.value;
  if (target) {
    if (unit !== undefined && unit !== target.id) {
      const converted = catalogue.convertQuantity(value, unit, target.id);
      if (converted === undefined) return failed('field.unit_mismatch', { from: unit, to: target.id });
      value = converted;
    }
    unit = target.id;
  }
  const bounded = parseNumber(value, options);
  if (!bounded.ok) return bounded;
  return parsed({ value: bounded.value, unit });
}
