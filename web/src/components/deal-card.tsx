import { A } from '@solidjs/router';
import type { DealStatus, DealView } from '../api/deals.ts';
import { t } from '../i18n/index.ts';
import { formatFen } from './deal-format.ts';
import { formatDate, formatQuantity, itemName } from './match-format.ts';

const STATUS_TONE: Record<DealStatus, string> = {
  intent_proposed: 'badge-amber',
  intent: 'badge-blue',
  contract_proposed: 'badge-amber',
  contract: 'badge-green',
  delivered: 'badge-green',
  disputed: 'badge-red',
  withdrawn: 'badge-muted',
};

export function DealStatusBadge(props: { status: DealStatus }) {
  return (
    <span class={`badge ${STATUS_TONE[props.status]}`} data-testid="deal-status" data-status={props.status}>
      {t(`dealStatus.${props.status}`)}
    </span>
  );
}

/** The other side, seen from `orgId` (or both names, for an organizer). */
export function counterpartName(deal: DealView, orgId: string | undefined): string {
  if (orgId === deal.offerOrgId) return deal.needOrgName;
  if (orgId === deal.needOrgId) return deal.offerOrgName;
  return `${deal.offerOrgName} → ${deal.needOrgName}`;
}

/** One deal as a row of a list: what, how much, the amount, the other side, the state. */
export function DealRow(props: { deal: DealView; viewerOrgId: string | undefined }) {
  return (
    <li class="deal-row" data-testid="deal-row" data-deal-id={props.deal.id}>
      <div class="deal-row-main">
        <A href={`/deals/${props.deal.id}`} class="deal-row-title">
          {itemName('goods', props.deal.specId)} · {formatQuantity(props.deal.quantity, props.deal.unit)}
        </A>
        <p class="deal-row-meta">
          {t(`deals.${props.deal.document}`)} · {counterpartName(props.deal, props.viewerOrgId)} ·{' '}
          {formatDate(props.deal.createdAt)}
        </p>
      </div>
      <div class="deal-row-side">
        <span class="deal-row-amount" data-testid="deal-amount">
          {formatFen(props.deal.amountFen)}
        </span>
        <DealStatusBadge status={props.deal.status} />
      </div>
    </li>
  );
}
