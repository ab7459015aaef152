import { query } from '@solidjs/router';
import type { DealTermsInput, RecordDealInput } from '../../../functions/contract/deal.schema.ts';
import type { Deal, DealAction, DealStatus } from '../../../functions/contract/deal.ts';
import { api } from './client.ts';
import { newIdempotencyKey, sendJson, sendRaw } from './imports.ts';
import type { CursorPage } from './load-more.ts';

/**
 * Deals (签约): letters of intent and contracts recorded on confirmed matches. The API says what
 * the viewer may do with each (its `actions`); the web shows exactly those buttons.
 */
export type { Deal, DealAction, DealStatus };

export type DealView = Deal & { actions: DealAction[] };

const path = (dealId: string, action?: string) =>
  `/deals/${encodeURIComponent(dealId)}${action ? `/${action}` : ''}`;

export const fetchMyDeals = (cursor?: string, limit = 20): Promise<CursorPage<DealView>> =>
  api.get<CursorPage<DealView>>('/deals/mine', { query: { cursor, limit } });

export const fetchDeal = (dealId: string): Promise<DealView> => api.get<DealView>(path(dealId));

export const fetchMatchDeals = (matchId: string): Promise<CursorPage<DealView>> =>
  api.get<CursorPage<DealView>>(`/matches/${encodeURIComponent(matchId)}/deals`, { query: { limit: 50 } });

export const getMyDeals = query(() => fetchMyDeals(), 'myDeals');
export const getDeal = query((dealId: string) => fetchDeal(dealId), 'deal');
export const getMatchDeals = query((matchId: string) => fetchMatchDeals(matchId), 'matchDeals');

/** POST /api/deals, with an idempotency key so a retried submission records one deal. */
export const recordDeal = (input: RecordDealInput, idempotencyKey = newIdempotencyKey()): Promise<DealView> =>
  sendJson<DealView>('POST', '/deals', input, { 'Idempotency-Key': idempotencyKey });

/** The endpoint each lifecycle action goes through (some share one: the server picks the transition). */
export const ACTION_ENDPOINT: Record<DealAction, string> = {
  confirmIntent: 'confirm',
  confirmContract: 'confirm',
  dispute: 'dispute',
  proposeContract: 'contract',
  signOnPaper: 'contract',
  reviseIntent: 'revise',
  reviseContract: 'revise',
  withdraw: 'withdraw',
  cancelIntent: 'withdraw',
  deliver: 'deliver',
};

export const moveDeal = (dealId: string, action: DealAction, body: unknown = {}): Promise<DealView> =>
  api.post<DealView>(path(dealId, ACTION_ENDPOINT[action]), body);

export const disputeDeal = (dealId: string, reason: string) => moveDeal(dealId, 'dispute', { reason });

export const reviseTerms = (dealId: string, action: DealAction, terms: DealTermsInput) =>
  moveDeal(dealId, action, terms);

/** PUT /api/deals/:id/file with the file's bytes (the server judges the type by its content). */
export async function uploadDealFile(dealId: string, file: File): Promise<DealView> {
  const response = await sendRaw('PUT', path(dealId, 'file'), {
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: await file.arrayBuffer(),
  });
  return (await response.json()) as DealView;
}

/** The file's bytes as a blob URL (it needs the bearer token, so a plain link will not do). */
export async function dealFileUrl(dealId: string): Promise<string> {
  const response = await sendRaw('GET', path(dealId, 'file'), { accept: '*/*' });
  return URL.createObjectURL(await response.blob());
}
