import type { Catalogue } from '../catalogue/catalogue.ts';
import type { MessageKey, MessageParams } from '../shared/i18n/messages.ts';
import { parseNumberText } from '../shared/parse/parse-number.ts';

/**
 * When a number cell is refused, say what to change rather than only "not a number": `约500吨` →
 * remove 约 and the unit (500); `3950元/吨` → the price without the unit (3950); `300公里` → remove
 * the unit (300). The suggestion is only offered when what is left is a number we read; nothing is
 * ever accepted this way — the clerk decides.
 */
export interface Hint {
  key: MessageKey;
  params: MessageParams;
}

/** Words that make a number approximate (before or after it). */
const APPROXIMATE_BEFORE =
  /^(大约|大概|约为|约|近|将近|接近|不少于|不低于|至少|最少|超过|不超过|最多|多于|少于|~|～|≈)/;
const APPROXIMATE_AFTER = /(左右|上下|以上|以下|以内|多|余|来|余万|多万)$/;
const LEADING_NUMBER = /^[\d.,，]+(?:万|千|百|亿)?/;

function suggestion(text: string): string | undefined {
  const match = LEADING_NUMBER.exec(text)?.[0];
  if (!match) return undefined;
  const read = parseNumberText(match);
  return read.ok ? match.replace(/，/g, ',') : undefined;
}

function isUnitText(text: string, catalogue: Catalogue): boolean {
  return (
    text !== '' &&
    (catalogue.resolveUnit(text) !== undefined || /^(公里|千米|km|元|人|天|日|个月|月)$/i.test(text))
  );
}

export function numberHint(cell: unknown, price: boolean, catalogue: Catalogue): Hint | undefined {
  if (typeof cell !== 'string') return undefined;
  let text = cell.normalize('NFKC').replace(/\s+/g, '');
  let word = '';
  const before = APPROXIMATE_BEFORE.exec(text);
  if (before) {
    word = before[1]!;
    text = text.slice(word.length);
  }
  let unit = '';
  // 3950元/吨, 3950/吨, ¥3950每吨
  const perUnit = /^(?:¥|￥)?([\d.,]+(?:万|千)?)元?(?:\/|每)(.+)$/.exec(text);
  if (perUnit && !word) {
    const number = suggestion(perUnit[1]!);
    if (number) return { key: 'field.price_per_unit', params: { unit: perUnit[2]!, suggestion: number } };
  }
  const number = LEADING_NUMBER.exec(text)?.[0];
  if (!number) return undefined;
  let rest = text.slice(number.length);
  const after = APPROXIMATE_AFTER.exec(rest);
  if (after && !word) {
    word = after[1]!;
    rest = rest.slice(0, -word.length);
  } else if (after) rest = rest.slice(0, -after[1]!.length);
  if (price) rest = rest.replace(/^元/, '');
  if (rest !== '') {
    if (!isUnitText(rest, catalogue)) return undefined;
    unit = rest;
  }
  const suggested = suggestion(number);
  if (!suggested) return undefined;
  if (word)
    return {
      key: 'field.number_approximate',
      params: {
        word,
        andUnit: unit ? `和单位“${unit}”` : '',
        andUnitEn: unit ? ` and the unit “${unit}”` : '',
        suggestion: suggested,
      },
    };
  if (unit) return { key: 'field.number_with_unit', params: { unit, suggestion: suggested } };
  return undefined;
}
