import { createSignal, For } from 'solid-js';
import type { Listing } from '../../../functions/contract/listing.ts';
import { api } from '../api/client.ts';
import type { MatchReason } from '../api/matches.ts';
import { lang, t } from '../i18n/index.ts';
import {
  certificateName,
  formatDate,
  formatKm,
  formatMoney,
  formatNumber,
  formatQuantity,
  itemName,
  provinceName,
  stepOf,
  unitName,
} from './match-format.ts';

/**
 * The allocator's structured reasons as sentences in the reader's language: “距离 184.7 公里（配送半径
 * 300 公里内）”, “较近的供应商 X（62.6 公里）已被 Y（5,000 吨）用完”. Reasons that name other listings
 * (the nearer suppliers and the projects that took them) look their names up once.
 */

export interface ReasonContext {
  kind: 'goods' | 'labour';
  /** The offer's spec (goods): its step converts the allocator's per-step figures. */
  offerItem: string;
  unit: string;
}

type LabelRole = 'supplier' | 'project' | 'lender' | 'employer';

const [labels, setLabels] = createSignal<ReadonlyMap<string, string | null>>(new Map());
const asked = new Set<string>();

/** A short name for a listing: the project for a demand, else the organisation. */
function listingLabel(id: string, role: LabelRole): string {
  if (!asked.has(id)) {
    asked.add(id);
    api.get<Listing>(`/listings/${encodeURIComponent(id)}`).then(
      (listing) => {
        const name = listing.kind === 'demand' ? `${listing.projectName}` : listing.orgName;
        setLabels((m) => new Map(m).set(id, name));
      },
      () => setLabels((m) => new Map(m).set(id, null)),
    );
  }
  const known = labels().get(id);
  if (known) return known;
  const fallback = {
    supplier: 'reasons.someSupplier',
    project: 'reasons.someProject',
    lender: 'reasons.someLender',
    employer: 'reasons.someEmployer',
  } as const;
  return t(fallback[role]);
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value ?? 0));
const str = (value: unknown): string => (typeof value === 'string' ? value : String(value ?? ''));

interface Taker {
  demandId?: string;
  requestId?: string;
  quantity?: number;
  headcount?: number;
}

function takersText(reason: MatchReason, ctx: ReasonContext): string {
  const takers = (Array.isArray(reason.takenBy) ? reason.takenBy : []) as unknown as Taker[];
  const parts = takers.map((taker) => {
    const goods = ctx.kind === 'goods';
    const name = goods
      ? listingLabel(str(taker.demandId), 'project')
      : listingLabel(str(taker.requestId), 'employer');
    const quantity = goods
      ? formatQuantity(num(taker.quantity) * stepOf(ctx.offerItem), ctx.unit)
      : formatQuantity(num(taker.headcount), 'person');
    return t('reasons.taker', { name, quantity });
  });
  let text = parts.join(t('reasons.separator'));
  const others = num(reason.otherTakers);
  if (others > 0) text += `${lang() === 'zh' ? '' : ' '}${t('reasons.otherTakers', { count: others })}`;
  return text;
}

/** One reason as a sentence (reactive: follows the language and the names as they load). */
export function reasonText(reason: MatchReason, ctx: ReasonContext): string {
  const step = ctx.kind === 'goods' ? stepOf(ctx.offerItem) : 1;
  const unit = unitName(ctx.unit);
  switch (reason.code) {
    case 'distance':
      return t('reasons.distance', {
        km: formatKm(num(reason.distanceKm)),
        radius: formatNumber(num(reason.radiusKm), 0),
      });
    case 'freight':
      return t('reasons.freight', {
        unit,
        perUnit: formatMoney(num(reason.perUnit) / step),
        total: formatMoney(num(reason.total)),
      });
    case 'in-province':
      return t('reasons.inProvince', { province: provinceName(str(reason.provinceCode)) });
    case 'cross-province':
      if (ctx.kind === 'labour' || reason.offerProvinceCode !== undefined) {
        return t('reasons.crossProvinceLabour', {
          from: provinceName(str(reason.offerProvinceCode ?? reason.supplyProvinceCode)),
          to: provinceName(str(reason.requestProvinceCode ?? reason.demandProvinceCode)),
        });
      }
      return t('reasons.crossProvince', {
        from: provinceName(str(reason.supplyProvinceCode)),
        to: provinceName(str(reason.demandProvinceCode)),
        unit,
        penalty: formatMoney(num(reason.penaltyPerUnit) / step),
        total: formatMoney(num(reason.total)),
      });
    case 'date-overlap':
      return t('reasons.dateOverlap', {
        days: num(reason.days),
        from: formatDate(str(reason.from)),
        until: formatDate(str(reason.until)),
      });
    case 'price-within-ceiling':
      return t('reasons.priceWithinCeiling', {
        unit,
        price: formatMoney(num(reason.unitPrice)),
        ceiling: formatMoney(num(reason.ceilingPrice)),
      });
    case 'substitute':
      return t('reasons.substitute', {
        supply: itemName('goods', str(reason.supplySpecId)),
        demand: itemName('goods', str(reason.demandSpecId)),
      });
    case 'nearer-supply-exhausted':
      return t('reasons.nearerExhausted', {
        name: listingLabel(str(reason.supplyId), 'supplier'),
        km: formatKm(num(reason.distanceKm)),
        takers: takersText(reason, ctx),
      });
    case 'nearer-supply-costlier':
    case 'nearer-supply-tied':
      return t(reason.code === 'nearer-supply-tied' ? 'reasons.nearerTied' : 'reasons.nearerCostlier', {
        name: listingLabel(str(reason.supplyId), 'supplier'),
        km: formatKm(num(reason.distanceKm)),
        unit,
        cost: formatMoney(num(reason.unitCost) / 1000 / step),
        chosen: formatMoney(num(reason.chosenUnitCost) / 1000 / step),
        border: reason.crossProvince ? t('reasons.border') : '',
      });
    case 'commute':
      return t('reasons.commute', {
        km: formatKm(num(reason.distanceKm)),
        radius: formatNumber(num(reason.radiusKm), 0),
      });
    case 'period-overlap':
      return t('reasons.periodOverlap', {
        days: num(reason.days),
        from: formatDate(str(reason.from)),
        until: formatDate(str(reason.until)),
        required: num(reason.requiredDays),
      });
    case 'certificates-held': {
      const list = Array.isArray(reason.certificates) ? reason.certificates : [];
      return t('reasons.certificatesHeld', {
        certificates: list.map((c) => certificateName(String(c))).join(t('reasons.separator')),
      });
    }
    case 'nearer-offer-exhausted':
      return t('reasons.nearerOfferExhausted', {
        name: listingLabel(str(reason.offerId), 'lender'),
        km: formatKm(num(reason.distanceKm)),
        takers: takersText(reason, ctx),
      });
    case 'nearer-offer-costlier':
    case 'nearer-offer-tied':
      return t(
        reason.code === 'nearer-offer-tied' ? 'reasons.nearerOfferTied' : 'reasons.nearerOfferCostlier',
        {
          name: listingLabel(str(reason.offerId), 'lender'),
          km: formatKm(num(reason.distanceKm)),
          cost: formatKm(num(reason.unitCost) / 1000),
          chosen: formatKm(num(reason.chosenUnitCost) / 1000),
        },
      );
    default:
      return t('reasons.unknown', { code: reason.code });
  }
}

export function MatchReasons(props: { reasons: readonly MatchReason[]; context: ReasonContext }) {
  return (
    <ul class="match-reasons">
      <For each={props.reasons}>
        {(reason) => (
          <li data-code={reason.code} classList={{ 'is-alternative': reason.code.startsWith('nearer-') }}>
            {reasonText(reason, props.context)}
          </li>
        )}
      </For>
    </ul>
  );
}
