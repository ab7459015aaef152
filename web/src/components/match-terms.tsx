import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import {
  type ListingTerms,
  MATERIAL_FIELDS,
  type MaterialField,
} from '../../../functions/contract/match-terms.ts';
import type { MatchSide, MatchView } from '../api/matches.ts';
import { type TranslationKey, t } from '../i18n/index.ts';
import { certificateName, formatDate, formatMoney, formatQuantity, itemName } from './match-format.ts';
import { sideLabel } from './match-side.ts';
import { RegionName } from './region-name.tsx';

/**
 * The terms of a match, as the sides accept them: for an open match nobody accepted yet, both
 * listings' terms as they stand (what accepting now accepts); once a side accepted, the terms it
 * accepted; once confirmed, the terms both confirmed. Above them, when a listing's material change
 * voided earlier acceptances: who changed what, and when.
 */

const PRICE: readonly MaterialField[] = ['unitPrice', 'ceilingPrice', 'dailyWage'];
/** Shown through the quantity (unit), the product (category) or together (lat with lng). */
const FOLDED: readonly MaterialField[] = ['category', 'unit', 'lng'];

function fieldLabel(field: MaterialField): string {
  if (field === 'lat' || field === 'lng') return t('matches.terms.point');
  return t(`listing.field.${field}` as TranslationKey);
}

function TermValue(props: { field: MaterialField; terms: ListingTerms }) {
  const v = () => props.terms.values[props.field];
  const goods = () => props.terms.kind === 'supply' || props.terms.kind === 'demand';
  const unit = () => (goods() ? String(props.terms.values.unit ?? '') : 'person');
  const text = (): string => {
    const value = v();
    const field = props.field;
    if (field === 'specId') return itemName('goods', String(value));
    if (field === 'skillId') return itemName('labour', String(value));
    if (field === 'quantity' || field === 'minOrder' || field === 'headcount')
      return formatQuantity(Number(value), unit());
    if (PRICE.includes(field)) return formatMoney(Number(value));
    if (field === 'lat') return `${value}, ${props.terms.values.lng ?? ''}`;
    if (typeof value === 'boolean') return value ? t('listing.yes') : t('listing.no');
    if (Array.isArray(value)) return value.map(certificateName).join(t('matches.terms.separator'));
    return String(value);
  };
  return (
    <Show when={props.field === 'adcode'} fallback={text()}>
      <RegionName adcode={String(v())} />
    </Show>
  );
}

function TermsList(props: { side: MatchSide; kind: MatchView['kind']; terms: ListingTerms }) {
  // In the contract's order (product, quantity, price, place, window), whatever order they were stored in.
  const fields = () =>
    (MATERIAL_FIELDS[props.terms.kind] as readonly MaterialField[]).filter(
      (f) => props.terms.values[f] !== undefined && !FOLDED.includes(f),
    );
  return (
    <div class="match-terms-side" data-testid={`terms-${props.side}`}>
      <p class="match-role">{sideLabel(props.kind, props.side)}</p>
      <dl class="match-facts">
        <For each={fields()}>
          {(field) => (
            <div data-field={field}>
              <dt>{fieldLabel(field)}</dt>
              <dd>
                <TermValue field={field} terms={props.terms} />
              </dd>
            </div>
          )}
        </For>
      </dl>
    </div>
  );
}

/** `heading`: the card's subheading level (h4 under a card titled h3). */
export function MatchTerms(props: { match: MatchView; heading: string }) {
  const shown = () => {
    const m = props.match;
    const accepted = m.acceptances?.need ?? m.acceptances?.offer;
    if (m.status === 'confirmed' && accepted) return { title: t('matches.terms.confirmed'), terms: accepted };
    const by: MatchSide | undefined =
      m.status === 'accepted_by_offer' ? 'offer' : m.status === 'accepted_by_need' ? 'need' : undefined;
    const acceptance = by ? m.acceptances?.[by] : undefined;
    if (by && acceptance)
      return {
        title: t('matches.terms.accepted', {
          side: sideLabel(m.kind, by),
          date: formatDate(acceptance.at, true),
        }),
        terms: acceptance,
      };
    if (m.currentTerms) return { title: t('matches.terms.current'), terms: m.currentTerms };
    return undefined;
  };
  const lastVoid = () => props.match.voided?.at(-1);
  return (
    <>
      <Show when={lastVoid()}>
        {(v) => (
          <div class="alert alert-warning" role="status" data-testid="terms-voided">
            {t('matches.terms.voided', {
              side: sideLabel(props.match.kind, v().changedSide),
              date: formatDate(v().at, true),
              fields: [
                ...new Set(
                  v()
                    .fields.filter((f) => !FOLDED.includes(f))
                    .map(fieldLabel),
                ),
              ].join(t('matches.terms.separator')),
            })}
          </div>
        )}
      </Show>
      <Show when={shown()}>
        {(s) => (
          <div class="match-terms" data-testid="match-terms">
            <Dynamic component={props.heading} class="match-subtitle">
              {s().title}
            </Dynamic>
            <div class="match-terms-grid">
              <TermsList side="offer" kind={props.match.kind} terms={s().terms.offer} />
              <TermsList side="need" kind={props.match.kind} terms={s().terms.need} />
            </div>
          </div>
        )}
      </Show>
    </>
  );
}
