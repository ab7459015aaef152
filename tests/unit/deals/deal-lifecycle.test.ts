import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../functions/auth/principal.ts';
import {
  allowedDealActions,
  DEAL_ACTIONS,
  DEAL_STATUSES,
  type Deal,
  type DealAction,
  type DealStatus,
  dealLifecycle,
  dealRolesOf,
  rolesMayTake,
} from '../../../functions/deals/deal.ts';
import { AppError } from '../../../functions/shared/errors.ts';
import { transition } from '../../../functions/shared/lifecycle.ts';

/** The deal's state graph, written out once more by hand: every (state, action) pair is checked against it. */
const EXPECTED: Record<DealAction, { from: DealStatus[]; to: DealStatus }> = {
  confirmIntent: { from: ['intent_proposed'], to: 'intent' },
  confirmContract: { from: ['contract_proposed'], to: 'contract' },
  dispute: { from: ['intent_proposed', 'contract_proposed'], to: 'disputed' },
  proposeContract: { from: ['intent'], to: 'contract_proposed' },
  signOnPaper: { from: ['intent'], to: 'contract' },
  reviseIntent: { from: ['disputed'], to: 'intent_proposed' },
  reviseContract: { from: ['disputed'], to: 'contract_proposed' },
  withdraw: { from: ['intent_proposed', 'contract_proposed', 'disputed'], to: 'withdrawn' },
  cancelIntent: { from: ['intent'], to: 'withdrawn' },
  deliver: { from: ['contract'], to: 'delivered' },
};

const cases = DEAL_STATUSES.flatMap((state) =>
  DEAL_ACTIONS.map((action) => ({ state, action, allowed: EXPECTED[action].from.includes(state) })),
);

describe('deal lifecycle', () => {
  it('has exactly the transitions written out here', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...DEAL_ACTIONS].sort());
  });

  it.each(cases.filter((c) => c.allowed))('allows $action from $state', ({ state, action }) => {
    expect(transition(dealLifecycle, state, action)).toBe(EXPECTED[action].to);
  });

  it.each(cases.filter((c) => !c.allowed))('refuses $action from $state with a 409', ({ state, action }) => {
    let thrown: unknown;
    try {
      transition(dealLifecycle, state, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).status).toBe(409);
    expect((thrown as AppError).key).toBe('invalid_transition');
  });

  it('ends in delivered or withdrawn, from which nothing moves', () => {
    for (const state of dealLifecycle.terminal) {
      expect(DEAL_ACTIONS.filter((a) => EXPECTED[a].from.includes(state))).toEqual([]);
    }
  });
});

describe('who may move a deal', () => {
  const principal = (orgId: string, organizer = false): Principal & { oversees?: string } => ({
    userId: `u-${orgId}`,
    email: `${orgId}@example.cn`,
    orgId,
    orgRole: 'member',
    platformRoles: organizer ? ['organizer'] : [],
    ...(organizer ? { oversees: '35' } : {}),
  });
  const deal = (status: DealStatus, recordedByOrgId = 'offer-org'): Deal =>
    ({
      id: 'D',
      status,
      offerOrgId: 'offer-org',
      needOrgId: 'need-org',
      needAdcode: '350102',
      recordedByOrgId,
    }) as Deal;

  it('gives the recording side, the other side and an overseeing organizer their roles, and strangers none', () => {
    expect(dealRolesOf(principal('offer-org'), deal('intent_proposed'))).toEqual(['party', 'recorder']);
    expect(dealRolesOf(principal('need-org'), deal('intent_proposed'))).toEqual(['party', 'counterpart']);
    expect(dealRolesOf(principal('dept', true), deal('intent_proposed'))).toEqual(['organizer']);
    expect(dealRolesOf({ ...principal('dept', true), oversees: '37' }, deal('intent_proposed'))).toEqual([]);
    expect(dealRolesOf(principal('stranger'), deal('intent_proposed'))).toEqual([]);
  });

  it.each([
    ['intent_proposed', 'offer-org', ['withdraw']],
    ['intent_proposed', 'need-org', ['confirmIntent', 'dispute']],
    ['contract_proposed', 'need-org', ['confirmContract', 'dispute']],
    ['intent', 'need-org', ['proposeContract', 'cancelIntent']],
    ['disputed', 'offer-org', ['reviseIntent', 'reviseContract', 'withdraw']],
    ['disputed', 'need-org', []],
    ['contract', 'need-org', ['deliver']],
    ['delivered', 'offer-org', []],
  ] as const)('in %s, %s may take %j', (status, orgId, actions) => {
    expect(allowedDealActions(principal(orgId), deal(status))).toEqual(actions);
  });

  it('lets an organizer record the paper contract of an intent, cancel it or confirm delivery, and nothing a side does', () => {
    expect(allowedDealActions(principal('dept', true), deal('intent'))).toEqual([
      'signOnPaper',
      'cancelIntent',
    ]);
    expect(rolesMayTake('confirmContract', ['organizer'])).toBe(false);
    expect(rolesMayTake('dispute', ['organizer'])).toBe(false);
  });
});
