import { createHash } from 'node:crypto';
import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import type { Deps } from '../api/deps.ts';
import { auditEntry, diff } from '../audit/audit.ts';
import { isOrganizer, type Principal } from '../auth/principal.ts';
import { managesEvent } from '../contract/events.ts';
import { isGoodsListing } from '../contract/listing.ts';
import { registrationIdFor } from '../events/registration.ts';
import type { Listing } from '../listings/listing.ts';
import type { Match } from '../matches/match.ts';
import { canSeeMatch, sideOf } from '../matches/match.ts';
import { isHeld } from '../meetings/meeting.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { unknownAdcode } from '../regions/adcode-check.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed } from '../shared/db/table.ts';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  NotFoundError,
  PayloadTooLargeError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import { addDecimal, decimalFromNumber, decimalToNumber } from '../shared/parse/decimal.ts';
import type { DealTermsInput, RecordDealInput } from './deal.schema.ts';
import {
  type Deal,
  type DealAction,
  type DealRole,
  type DealViewer,
  dealLifecycle,
  dealRolesOf,
  mayAttachFile,
} from './deal.ts';
import { dealFileKey, MAX_DEAL_FILE_BYTES, sniffDealFile } from './deal-file.ts';
import { amountFen, MAX_AMOUNT_FEN, yuanToFen } from './money.ts';

/**
 * What happens to deals. Every write carries the deal's two party items and its audit entry in the
 * same transaction, conditioned on the version read. Confirming a contract (or an organizer's paper
 * contract) also draws its quantity down from both listings there, each conditioned on staying at
 * or above zero; the confirmed match's reservation is turned into part of the contract first (the
 * match is marked, so a second contract on it or a cancellation cannot count it again).
 */

type Actor = Principal | { userId: string; orgId: string };

const MAX_ATTEMPTS = 8;

// ── Loading ─────────────────────────────────────────────────────────────────────────────────────

/** A deal the caller may see (else 404), with the caller's roles towards it. */
export async function loadVisibleDeal(
  deps: Deps,
  principal: Principal,
  dealId: string,
): Promise<{ deal: Deal; viewer: DealViewer; roles: DealRole[] }> {
  const viewer = await viewerFor(deps, principal);
  const deal = await deps.deals.get(dealId);
  const roles = deal ? dealRolesOf(viewer, deal) : [];
  if (!deal || roles.length === 0) throw new NotFoundError();
  return { deal, viewer, roles };
}

// ── Terms ───────────────────────────────────────────────────────────────────────────────────────

interface Terms {
  quantity: number;
  unitPrice: string;
  unitPriceFen: number;
  amountFen: number;
  deliveryFrom: string;
  deliveryUntil: string;
  deliveryAdcode: string;
  deliveryAddress?: string;
  note?: string;
}

/** Exact terms from validated input: the price as fen, the amount worked out in fen. */
function termsOf(input: Required<Pick<DealTermsInput, 'quantity' | 'unitPrice'>> & DealTermsInput): Terms {
  const places = unknownAdcode('deliveryAdcode', input.deliveryAdcode);
  if (places.length > 0) throw new ValidationError(places); // the contract checks only its form
  const unitPriceFen = yuanToFen(input.unitPrice)!;
  const amount = amountFen(input.quantity, unitPriceFen);
  if (amount > BigInt(MAX_AMOUNT_FEN)) {
    throw new ValidationError([{ field: 'quantity', key: 'field.amount_too_big' }]);
  }
  return {
    quantity: input.quantity,
    unitPrice: `${Math.trunc(unitPriceFen / 100)}.${String(unitPriceFen % 100).padStart(2, '0')}`,
    unitPriceFen,
    amountFen: Number(amount),
    deliveryFrom: input.deliveryFrom!,
    deliveryUntil: input.deliveryUntil!,
    deliveryAdcode: input.deliveryAdcode!,
    ...(input.deliveryAddress !== undefined ? { deliveryAddress: input.deliveryAddress } : {}),
    ...(input.note !== undefined && input.note !== '' ? { note: input.note } : {}),
  };
}

/** The deal's terms with a revision applied (fields not given stay). */
function revisedTerms(deal: Deal, revision: DealTermsInput): Terms {
  const merged = {
    quantity: revision.quantity ?? deal.quantity,
    unitPrice: revision.unitPrice ?? deal.unitPrice,
    deliveryFrom: revision.deliveryFrom ?? deal.deliveryFrom,
    deliveryUntil: revision.deliveryUntil ?? deal.deliveryUntil,
    deliveryAdcode: revision.deliveryAdcode ?? deal.deliveryAdcode,
    deliveryAddress: revision.deliveryAddress ?? deal.deliveryAddress,
    note: revision.note ?? deal.note,
  };
  if (merged.deliveryUntil < merged.deliveryFrom) {
    throw new ValidationError([{ field: 'deliveryUntil', key: 'field.date_order' }]);
  }
  return termsOf(merged);
}

// ── Drawing quantities down ─────────────────────────────────────────────────────────────────────

/** a − b on exact decimals (10.2 − 10 is 0.2, not 0.1999999999999993). */
function minus(a: number, b: number): number {
  return decimalToNumber(addDecimal(decimalFromNumber(a), decimalFromNumber(-b)));
}

function remainingChange(deps: Deps, listingId: string, delta: number, now: string): TransactWriteItem {
  if (delta > 0) {
    return deps.table.updateItem(
      keys.listing(listingId),
      {
        expression: 'SET remaining = remaining - :q, version = version + :one, updatedAt = :now',
        values: { ':q': delta, ':one': 1, ':now': now },
      },
      {
        expression: '#status = :open AND remaining >= :q',
        names: { '#status': 'status' },
        values: { ':open': 'open' },
      },
    );
  }
  return deps.table.updateItem(
    keys.listing(listingId),
    {
      expression: 'SET remaining = remaining + :q, version = version + :one, updatedAt = :now',
      values: { ':q': -delta, ':one': 1, ':now': now },
    },
    { expression: 'attribute_exists(pk)' },
  );
}

interface DrawDown {
  items: TransactWriteItem[];
  /** Positions within `items`. */
  matchAt?: number;
  offerAt?: number;
  needAt?: number;
  drawnQuantity: number;
  reservationUsed: number;
}

/**
 * The writes that make a contract count on both listings: the match's reservation (if still unused)
 * becomes part of it, and only the difference is drawn down (or given back).
 */
async function drawDown(deps: Deps, deal: Deal, now: string): Promise<DrawDown> {
  const items: TransactWriteItem[] = [];
  const out: DrawDown = { items, drawnQuantity: deal.quantity, reservationUsed: 0 };
  if (deal.matchId) {
    const match = await deps.matches.get(deal.matchId);
    if (match && match.status === 'confirmed' && match.contractDealId === undefined) {
      out.reservationUsed = match.quantity;
      out.matchAt = items.length;
      items.push(
        deps.table.updateItem(
          keys.match(match.id),
          {
            expression: 'SET contractDealId = :deal, version = version + :one, updatedAt = :now',
            values: { ':deal': deal.id, ':one': 1, ':now': now },
          },
          {
            expression: '#status = :confirmed AND attribute_not_exists(contractDealId)',
            names: { '#status': 'status' },
            values: { ':confirmed': 'confirmed' },
          },
        ),
      );
    }
  }
  const delta = minus(deal.quantity, out.reservationUsed);
  if (delta !== 0) {
    out.offerAt = items.length;
    items.push(remainingChange(deps, deal.offerListingId, delta, now));
    out.needAt = items.length;
    items.push(remainingChange(deps, deal.needListingId, delta, now));
  }
  return out;
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * Writes `build()`'s items in one transaction, rebuilding and retrying when it lost a race that a
 * fresh read can settle (a transaction conflict, a match's reservation used meanwhile); a failed
 * listing condition is a 409 naming the side short of quantity.
 */
async function writeWithRetry(
  deps: Deps,
  build: () => Promise<{ items: TransactWriteItem[]; draw?: DrawDown; base: number }>,
): Promise<DrawDown | undefined> {
  for (let attempt = 1; ; attempt++) {
    const { items, draw, base } = await build();
    try {
      await deps.table.transact(items);
      return draw;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      const failed = error.failedIndexes;
      const at = (position: number | undefined) => position !== undefined && failed.includes(base + position);
      if (failed.includes(0)) throw new ConflictError();
      if (draw && (at(draw.offerAt) || at(draw.needAt))) {
        const offer = at(draw.offerAt);
        throw new ConflictError(offer ? 'deal_short_offer' : 'deal_short_need', undefined, [
          { field: offer ? 'offerListingId' : 'needListingId', key: 'field.insufficient_remaining' },
        ]);
      }
      // A conflict with a concurrent transaction, or the match changed meanwhile: read again.
      if (attempt >= MAX_ATTEMPTS) throw new ConflictError();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

// ── Recording ───────────────────────────────────────────────────────────────────────────────────

function goodsListing(listing: Listing | undefined): listing is Listing & { kind: 'supply' | 'demand' } {
  return listing !== undefined && isGoodsListing(listing);
}

/**
 * The event (and meeting) a deal is recorded at, checked: the event is published (or closed, after
 * the day), both sides are its approved participants, the meeting is one of that event
 * between exactly these two sides and took place (published, not cancelled, not a no-show). A deal
 * from a match the event's round proposed belongs to that event unless another one is named (422).
 * An organizer recording one must manage the event (403).
 */
async function eventLink(
  deps: Deps,
  viewer: DealViewer,
  input: RecordDealInput,
  match: Match | undefined,
  offerOrgId: string,
  needOrgId: string,
  recordedAs: Deal['recordedAs'],
): Promise<{ eventId?: string; meetingId?: string }> {
  if (input.eventId !== undefined && match?.eventId !== undefined && input.eventId !== match.eventId) {
    throw new ValidationError([{ field: 'eventId', key: 'field.deal_event_mismatch' }]);
  }
  const eventId = input.eventId ?? match?.eventId;
  if (eventId === undefined) return {};
  if (input.eventId === undefined) return { eventId }; // the match's own event: the round put both there
  const event = await deps.events.get(eventId);
  const manages = event !== undefined && managesEvent(viewer, event);
  if (!event || event.status === 'draft' || event.status === 'cancelled') {
    throw new ValidationError([{ field: 'eventId', key: 'field.deal_unknown_event' }]);
  }
  if (recordedAs === 'organizer' && !manages) throw new ForbiddenError();
  const registrations = await Promise.all(
    [offerOrgId, needOrgId].map((orgId) =>
      deps.events.getRegistration(eventId, registrationIdFor(eventId, orgId)),
    ),
  );
  if (registrations.some((r) => r?.status !== 'approved')) {
    throw new ValidationError([{ field: 'eventId', key: 'field.deal_not_at_event' }]);
  }
  if (input.meetingId === undefined) return { eventId };
  const meeting = await deps.meetings.getMeeting(eventId, input.meetingId);
  if (!meeting) throw new ValidationError([{ field: 'meetingId', key: 'field.deal_unknown_meeting' }]);
  const pair = new Set([meeting.offerOrgId, meeting.needOrgId]);
  if (!pair.has(offerOrgId) || !pair.has(needOrgId)) {
    throw new ValidationError([{ field: 'meetingId', key: 'field.deal_meeting_other_orgs' }]);
  }
  if (!isHeld(meeting)) {
    throw new ValidationError([{ field: 'meetingId', key: 'field.deal_meeting_not_held' }]);
  }
  return { eventId, meetingId: meeting.id };
}

/** Records a letter of intent or a contract from a confirmed match (a side), or a paper deal (an organizer). */
export async function recordDeal(deps: Deps, principal: Principal, input: RecordDealInput): Promise<Deal> {
  const viewer = await viewerFor(deps, principal);
  let match: Match | undefined;
  let offerListingId: string;
  let needListingId: string;
  let recordedAs: Deal['recordedAs'];
  if (input.matchId) {
    match = await deps.matches.get(input.matchId);
    if (!match || !canSeeMatch(viewer, match)) throw new NotFoundError();
    const side = sideOf(principal, match);
    if (!side && !isOrganizer(principal)) throw new ForbiddenError();
    recordedAs = side ?? 'organizer';
    if (match.kind !== 'goods')
      throw new ValidationError([{ field: 'matchId', key: 'field.deal_goods_only' }]);
    if (match.status !== 'confirmed') throw new ConflictError('deal_needs_confirmed_match');
    offerListingId = match.offerListingId;
    needListingId = match.needListingId;
  } else {
    // Two listings without a match: only an organizer, recording what both sides reported on paper.
    if (!isOrganizer(principal)) throw new ForbiddenError();
    recordedAs = 'organizer';
    offerListingId = input.offerListingId!;
    needListingId = input.needListingId!;
  }
  const [offer, need] = await Promise.all([
    deps.listings.get(offerListingId),
    deps.listings.get(needListingId),
  ]);
  if (!match) {
    const issues: FieldIssue[] = [];
    if (offer?.kind !== 'supply' || offer.status === 'draft')
      issues.push({ field: 'offerListingId', key: 'field.deal_needs_supply' });
    if (need?.kind !== 'demand' || need.status === 'draft')
      issues.push({ field: 'needListingId', key: 'field.deal_needs_demand' });
    if (issues.length > 0) throw new ValidationError(issues);
    if (viewer.oversees === undefined || !need!.adcode.startsWith(viewer.oversees))
      throw new ForbiddenError();
    if (offer!.orgId === need!.orgId)
      throw new ValidationError([{ field: 'needListingId', key: 'field.deal_same_org' }]);
  }
  if (!goodsListing(offer) || !goodsListing(need)) throw new NotFoundError();
  if (offer.unit !== need.unit)
    throw new ValidationError([{ field: 'needListingId', key: 'field.unit_mismatch' }]);
  const spec = (await deps.catalogue.current()).getSpec(offer.specId);
  const terms = termsOf(input);
  const link = await eventLink(deps, viewer, input, match, offer.orgId, need.orgId, recordedAs);
  const now = deps.clock.now().toISOString();
  const organizerPaper = recordedAs === 'organizer';
  const status = organizerPaper
    ? input.document === 'contract'
      ? 'contract'
      : 'intent'
    : input.document === 'contract'
      ? 'contract_proposed'
      : 'intent_proposed';
  const deal: Deal = {
    id: newId(),
    document: input.document,
    status,
    ...(match ? { matchId: match.id } : {}),
    ...link,
    offerListingId: offer.id,
    offerOrgId: offer.orgId,
    offerOrgName: offer.orgName,
    offerAdcode: offer.adcode,
    needListingId: need.id,
    needOrgId: need.orgId,
    needOrgName: need.orgName,
    needAdcode: need.adcode,
    specId: offer.specId,
    category: spec?.category ?? offer.category,
    unit: offer.unit,
    ...terms,
    recordedByOrgId: principal.orgId,
    recordedByUserId: principal.userId,
    recordedAs,
    ...(status === 'contract' ? { signedAt: now } : {}),
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  const draw = await writeWithRetry(deps, async () => {
    const draw = status === 'contract' ? await drawDown(deps, deal, now) : undefined;
    const created = deps.deals.createItems(
      draw ? { ...deal, drawnQuantity: draw.drawnQuantity, reservationUsed: draw.reservationUsed } : deal,
    );
    return {
      items: [
        ...created,
        ...(draw?.items ?? []),
        deps.audit.item(auditEntry(principal, 'deal', deal.id, `record_${input.document}`, now, newId())),
      ],
      draw,
      base: created.length,
    };
  });
  return draw ? { ...deal, drawnQuantity: draw.drawnQuantity, reservationUsed: draw.reservationUsed } : deal;
}

// ── Moving along the lifecycle ──────────────────────────────────────────────────────────────────

/**
 * Moves a deal by `action` on behalf of a caller holding `roles`: 403 when none of them may take
 * it, 409 when the deal's state has no such move. `change` adds fields (revised terms, a reason);
 * a move into `contract` draws the quantity down in the same transaction.
 */
async function move(
  deps: Deps,
  actor: Actor,
  deal: Deal,
  roles: readonly DealRole[],
  action: DealAction,
  change: Partial<Deal> = {},
): Promise<Deal> {
  const status = transition(dealLifecycle, deal.status, action, roles);
  const now = deps.clock.now().toISOString();
  let next: Deal = { ...deal, ...change, status, updatedAt: now, version: deal.version + 1 };
  if (status === 'contract') next.signedAt = now;
  if (status === 'intent_proposed' || status === 'contract_proposed') delete next.disputeReason;
  await writeWithRetry(deps, async () => {
    const draw = status === 'contract' ? await drawDown(deps, next, now) : undefined;
    if (draw) next = { ...next, drawnQuantity: draw.drawnQuantity, reservationUsed: draw.reservationUsed };
    const saved = deps.deals.saveItems(next, deal.version);
    return {
      items: [
        ...saved,
        ...(draw?.items ?? []),
        deps.audit.item(
          auditEntry(
            actor,
            'deal',
            deal.id,
            action,
            now,
            newId(),
            diff(deal as unknown as Record<string, unknown>, next as unknown as Record<string, unknown>),
          ),
        ),
      ],
      draw,
      base: saved.length,
    };
  });
  return next;
}

/** The other side confirms what was recorded: an intent, or a contract (which draws the quantity down). */
export async function confirmDeal(deps: Deps, principal: Principal, dealId: string): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  const action: DealAction = deal.status === 'contract_proposed' ? 'confirmContract' : 'confirmIntent';
  return await move(deps, principal, deal, roles, action);
}

export async function disputeDeal(
  deps: Deps,
  principal: Principal,
  dealId: string,
  reason: string,
): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  return await move(deps, principal, deal, roles, 'dispute', { disputeReason: reason });
}

/**
 * An intent becomes a contract: a side proposes it (with revised terms; the other side confirms),
 * an organizer records the paper contract both sides reported (it counts at once).
 */
export async function contractFromIntent(
  deps: Deps,
  principal: Principal,
  dealId: string,
  revision: DealTermsInput,
): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  const action: DealAction = roles.includes('party') ? 'proposeContract' : 'signOnPaper';
  const terms = revisedTerms(deal, revision);
  const recordedAs = roles.includes('party')
    ? principal.orgId === deal.offerOrgId
      ? 'offer'
      : 'need'
    : 'organizer';
  return await move(deps, principal, deal, roles, action, {
    ...terms,
    document: 'contract',
    recordedByOrgId: principal.orgId,
    recordedByUserId: principal.userId,
    recordedAs,
  });
}

/** The recorder revises a disputed deal and submits it again to the other side. */
export async function reviseDeal(
  deps: Deps,
  principal: Principal,
  dealId: string,
  revision: DealTermsInput,
): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  const action: DealAction = deal.document === 'contract' ? 'reviseContract' : 'reviseIntent';
  return await move(deps, principal, deal, roles, action, revisedTerms(deal, revision));
}

/** The recorder withdraws an unconfirmed or disputed deal; either side (or an organizer) cancels an intent. */
export async function withdrawDeal(deps: Deps, principal: Principal, dealId: string): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  const action: DealAction = deal.status === 'intent' ? 'cancelIntent' : 'withdraw';
  return await move(deps, principal, deal, roles, action);
}

export async function deliverDeal(deps: Deps, principal: Principal, dealId: string): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  return await move(deps, principal, deal, roles, 'deliver');
}

// ── The file of the signed paper ────────────────────────────────────────────────────────────────

/** Stores the scan of the signed paper (PDF, JPEG or PNG by its bytes) and points the deal at it. */
export async function attachDealFile(
  deps: Deps,
  principal: Principal,
  dealId: string,
  bytes: Uint8Array,
  declaredType: string | undefined,
): Promise<Deal> {
  const { deal, roles } = await loadVisibleDeal(deps, principal, dealId);
  if (!mayAttachFile(deal, roles)) {
    // A side of a withdrawn deal: 409 naming its state; anyone else (an organizer following it): 403.
    if (roles.includes('party')) throw new ConflictError('deal_withdrawn');
    throw new ForbiddenError();
  }
  if (bytes.byteLength > MAX_DEAL_FILE_BYTES) throw new PayloadTooLargeError('4 MB');
  if (bytes.byteLength === 0) throw new ValidationError([{ field: 'file', key: 'field.required' }]);
  const contentType = sniffDealFile(bytes);
  if (!contentType) throw new UnsupportedMediaTypeError('deal_file_type');
  if (declaredType && declaredType !== contentType && declaredType !== 'application/octet-stream') {
    throw new UnsupportedMediaTypeError('deal_file_type');
  }
  const now = deps.clock.now().toISOString();
  const fileId = newId();
  await deps.files.put(dealFileKey(deal.id, fileId), bytes, contentType);
  const next: Deal = {
    ...deal,
    file: {
      id: fileId,
      contentType,
      size: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedAt: now,
      uploadedByOrgId: principal.orgId,
    },
    updatedAt: now,
    version: deal.version + 1,
  };
  try {
    await deps.table.transact([
      ...deps.deals.saveItems(next, deal.version),
      deps.audit.item(
        auditEntry(principal, 'deal', deal.id, 'attach_file', now, newId(), {
          file: { from: deal.file?.sha256 ?? null, to: next.file!.sha256 },
        }),
      ),
    ]);
  } catch (error) {
    if (error instanceof ConditionFailed) throw new ConflictError();
    throw error;
  }
  return next;
}

/** The bytes of the deal's file, for those who may see the deal. */
export async function readDealFile(
  deps: Deps,
  principal: Principal,
  dealId: string,
): Promise<{ deal: Deal; body: Uint8Array; contentType: string }> {
  const { deal } = await loadVisibleDeal(deps, principal, dealId);
  if (!deal.file) throw new NotFoundError('deal_no_file');
  const stored = await deps.files.get(dealFileKey(deal.id, deal.file.id));
  if (!stored) throw new NotFoundError('deal_no_file');
  return { deal, body: stored.body, contentType: deal.file.contentType };
}
