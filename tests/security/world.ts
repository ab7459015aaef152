import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { defaultPreferences } from '../../functions/contract/user-notification.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import type { MatchingRun } from '../../functions/matches/matching-run.ts';
import { executeRun } from '../../functions/matches/run-matching.ts';
import { notificationFor } from '../../functions/notifications/notification-commands.ts';
import type { NotificationFact } from '../../functions/notifications/notification-facts.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { newId } from '../../functions/shared/ids.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import type { freshTable } from '../setup/test-table.ts';
import { type EventWorld, eventWorld } from './world-events.ts';

/**
 * The cast of the security suites: real organisations and users on a fresh table, each signed in
 * through the API, and factories for fresh resources they own (so a request that changes a
 * resource never changes what the next request sees).
 */

export type TestContext = Awaited<ReturnType<typeof freshTable>>;

/** Who calls. The first six are the roles of the brief; the last three sharpen "not owned". */
export const ROLES = [
  'anonymous',
  'member',
  'orgAdmin',
  'counterpart',
  'otherMember',
  'otherAdmin',
  'organizer',
  'organizerStaff',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];
export type SignedInRole = Exclude<Role, 'anonymous'>;

export interface Actor {
  readonly token: string;
  readonly userId: string;
  readonly orgId: string;
  readonly email: string;
}

/** Markers that only the owning organisation (and organizers) may ever read back. */
export const MARKERS = {
  orgPhone: '13812345670',
  listingPhone: '13912345670',
  unitPrice: 3987.65,
} as const;

let creditSeed = 7_000;
/** A valid credit code nobody in this run has used yet. */
export function freshCreditCode(): string {
  creditSeed += 1;
  return makeCreditCode({ seed: creditSeed });
}

/** A catalogue id nobody has used (a slug: lower case, digits, dashes). */
export function uniqueSlug(label: string): string {
  return `${label}-${randomUUID().slice(0, 12)}`;
}

/** Valid catalogue additions, each with a fresh id. */
export const catalogueEntries = {
  spec: () => ({
    id: uniqueSlug('sec-rebar'),
    category: 'steel',
    product: 'rebar',
    name: { zh: '测试螺纹钢', en: 'Test rebar' },
    unit: 't',
    standard: 'GB/T 1499.2-2018',
    step: 1,
    freightCnyPerUnitKm: 0.45,
    deliveryRadiusKm: 300,
  }),
  skill: () => ({
    id: uniqueSlug('sec-skill'),
    name: { zh: '测试工种', en: 'Test skill' },
    sector: 'manufacturing',
    aliases: [],
    requires: [],
  }),
  certificate: () => ({
    id: uniqueSlug('sec-cert'),
    name: { zh: '测试证书', en: 'Test certificate' },
    issuer: { zh: '测试机构', en: 'Test issuer' },
  }),
};

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.cn`;
}

export interface World {
  readonly ctx: TestContext;
  readonly actors: Record<SignedInRole, Actor>;
  /** Org A owns the resources; B is the other side of A's matches; C is unrelated. */
  readonly orgs: { a: string; aCreditCode: string; b: string; c: string; organizer: string; admin: string };
  tokenOf(role: Role): string | undefined;
  supplyOfA(options?: { status?: 'draft' | 'open' }): Promise<string>;
  demandOfB(): Promise<string>;
  proposedMatch(): Promise<{ matchId: string; offerListingId: string; needListingId: string }>;
  confirmedMatch(): Promise<{ matchId: string; offerListingId: string; needListingId: string }>;
  importOfA(): Promise<string>;
  /** An organizer's import for a firm not registered yet (a registered one is never posted for). */
  importOnBehalf(): Promise<string>;
  queuedRun(): Promise<string>;
  doneRun(): Promise<string>;
  /** A new spec in the catalogue (added by the organizer), for substitution rules. */
  addedSpec(): Promise<string>;
  /** An organisation the organizer's import listed before it registered (in Fujian). */
  invitedOrg(): Promise<string>;
  /** Matchmaking events (issue 9). */
  readonly events: EventWorld;
  /** A deal org A recorded on a confirmed A–B match, moved to `state` (with the scan of the paper if asked). */
  dealOfA(state: DealState, options?: { withFile?: boolean }): Promise<{ dealId: string; matchId: string }>;
}

export type DealState = 'intent_proposed' | 'intent' | 'disputed' | 'contract';

/** A minimal PDF: what the file endpoints are sent. */
export const PDF_TEXT = '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n';

export const dealTerms = () => ({
  quantity: 50,
  unitPrice: '3900',
  deliveryFrom: today,
  deliveryUntil: inDays(20),
  deliveryAdcode: '350102',
});

export function supplyCsv(options: { onBehalfOf?: { name: string; creditCode: string } } = {}): string {
  const owner = options.onBehalfOf;
  const header = [
    ...(owner ? ['企业名称', '统一社会信用代码'] : []),
    '产品规格',
    '可供数量',
    '单位',
    '出厂地点',
    '配送半径（公里）',
    '供货开始日期',
    '供货截止日期',
    '联系人',
    '联系电话',
  ];
  const row = [
    ...(owner ? [owner.name, owner.creditCode] : []),
    'HRB400E Φ25',
    '500',
    '吨',
    '福建省三明市三元区',
    '300',
    today,
    inDays(60),
    '林工',
    '13905981234',
  ];
  return `${header.join(',')}\n${row.join(',')}\n`;
}

async function addMember(ctx: TestContext, orgId: string, adminToken: string, label: string): Promise<Actor> {
  const api = apiClient(ctx.app);
  const email = uniqueEmail(label);
  const added = await api.post<{ id: string }>(
    `/api/orgs/${orgId}/users`,
    { name: '同事', email, password: PASSWORD, orgRole: 'member' },
    { token: adminToken },
  );
  expect(added.status, `adding ${label}`).toBe(201);
  const signedIn = await api.post<{ token: string }>('/api/auth/sign-in', { email, password: PASSWORD });
  expect(signedIn.status, `signing ${label} in`).toBe(200);
  return { token: signedIn.body.token, userId: added.body.id, orgId, email };
}

function actorOf(made: Awaited<ReturnType<typeof makeOrg>>): Actor {
  return { token: made.token, userId: made.user.id, orgId: made.org.id, email: made.user.email };
}

export async function buildWorld(ctx: TestContext): Promise<World> {
  const { deps } = ctx;
  const api = apiClient(ctx.app);
  const aCreditCode = freshCreditCode();
  const a = await makeOrg(deps, {
    name: '甲钢铁有限公司',
    kinds: ['manufacturer', 'builder', 'labour_provider', 'labour_user'],
    adcode: '350403',
    creditCode: aCreditCode,
  });
  const b = await makeOrg(deps, {
    name: '乙建设集团',
    kinds: ['builder'],
    adcode: '350102',
    creditCode: freshCreditCode(),
  });
  const c = await makeOrg(deps, {
    name: '丙制造公司',
    kinds: ['manufacturer'],
    adcode: '350582',
    creditCode: freshCreditCode(),
  });
  const organizer = await makeOrg(deps, {
    name: '福建省工业和信息化厅',
    kinds: ['organizer'],
    adcode: '350102',
    creditCode: makeCreditCode({ seed: ++creditSeed, authority: '1', category: '1', region: '350000' }),
    platformRoles: ['organizer'],
  });
  const admin = await makeOrg(deps, {
    name: '平台运营',
    kinds: ['organizer'],
    adcode: '110101',
    creditCode: freshCreditCode(),
    platformRoles: ['admin'],
  });
  const actors: Record<SignedInRole, Actor> = {
    member: await addMember(ctx, a.org.id, a.token, 'a-member'),
    orgAdmin: actorOf(a),
    counterpart: await addMember(ctx, b.org.id, b.token, 'b-member'),
    otherMember: await addMember(ctx, c.org.id, c.token, 'c-member'),
    otherAdmin: actorOf(c),
    organizer: actorOf(organizer),
    organizerStaff: await addMember(ctx, organizer.org.id, organizer.token, 'organizer-staff'),
    admin: actorOf(admin),
  };
  // Org A's own contact carries a marker no outsider may read back.
  const contact = await api.patch(
    `/api/orgs/${a.org.id}`,
    { contact: { name: '甲联系人', phone: MARKERS.orgPhone } },
    { token: a.token },
  );
  expect(contact.status).toBe(200);

  async function post(token: string, body: Record<string, unknown>): Promise<string> {
    const res = await api.post<{ id: string }>('/api/listings', body, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function supplyOfA(options: { status?: 'draft' | 'open' } = {}): Promise<string> {
    return await post(
      a.token,
      supplyBody({
        unitPrice: MARKERS.unitPrice,
        contact: { name: '甲销售', phone: MARKERS.listingPhone },
        ...(options.status ? { status: options.status } : {}),
      }),
    );
  }

  async function demandOfB(): Promise<string> {
    return await post(b.token, demandBody());
  }

  async function proposedMatch() {
    const offerListingId = await supplyOfA();
    const needListingId = await demandOfB();
    const offer = (await deps.listings.get(offerListingId)) as Listing;
    const need = (await deps.listings.get(needListingId)) as Listing;
    const now = new Date().toISOString();
    const match: Match = {
      id: newId(),
      kind: 'goods',
      offerListingId: offer.id,
      offerOrgId: offer.orgId,
      offerOrgName: offer.orgName,
      needListingId: need.id,
      needOrgId: need.orgId,
      needOrgName: need.orgName,
      needAdcode: need.adcode,
      offerItem: 'rebar-hrb400e-25',
      needItem: 'rebar-hrb400e-25',
      quantity: 100,
      unit: 't',
      distanceKm: 150,
      crossProvince: false,
      substitute: false,
      reasons: [],
      status: 'proposed',
      source: 'test',
      proposedAt: now,
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      updatedAt: now,
      version: 1,
    };
    expect(await proposeMatch(deps, match, { userId: 'system', orgId: 'system' })).toBe(true);
    return { matchId: match.id, offerListingId, needListingId };
  }

  async function confirmedMatch() {
    const proposed = await proposedMatch();
    const first = await api.post(`/api/matches/${proposed.matchId}/accept`, undefined, { token: a.token });
    const second = await api.post(`/api/matches/${proposed.matchId}/accept`, undefined, {
      token: actors.counterpart.token,
    });
    expect([first.status, second.status]).toEqual([200, 200]);
    return proposed;
  }

  async function upload(token: string, csv: string): Promise<string> {
    const res = await api.call<{ id: string }>('POST', '/api/imports?kind=supply&format=csv', {
      token,
      rawBody: csv,
      contentType: 'text/csv',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function queuedRun(): Promise<string> {
    const res = await api.post<{ id: string }>(
      '/api/matching-runs',
      { kind: 'goods', region: '350000', category: 'cement' },
      { token: organizer.token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.id;
  }

  async function doneRun(): Promise<string> {
    const runId = await queuedRun();
    await executeRun(deps, (await deps.runs.get(runId)) as MatchingRun);
    expect((await deps.runs.get(runId))?.status).toBe('done');
    return runId;
  }

  async function addedSpec(): Promise<string> {
    const spec = catalogueEntries.spec();
    const res = await api.post('/api/catalogue/specs', spec, { token: organizer.token });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return spec.id;
  }

  async function invitedOrg(): Promise<string> {
    const creditCode = freshCreditCode();
    const importId = await upload(
      organizer.token,
      supplyCsv({ onBehalfOf: { name: '待注册企业', creditCode } }),
    );
    const committed = await api.post<{ status: string }>(`/api/imports/${importId}/commit`, undefined, {
      token: organizer.token,
    });
    expect(committed.body.status).toBe('committed');
    const org = await deps.orgs.findByCreditCode(creditCode);
    expect(org?.invited).toBe(true);
    return org!.id;
  }

  async function dealOfA(state: DealState, options: { withFile?: boolean } = {}) {
    const { matchId } = await confirmedMatch();
    const recorded = await api.post<{ id: string }>(
      '/api/deals',
      { matchId, document: state === 'contract' ? 'contract' : 'intent', ...dealTerms() },
      { token: a.token },
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const dealId = recorded.body.id;
    const step = async (path: string, body?: unknown) => {
      const res = await api.post(`/api/deals/${dealId}/${path}`, body, { token: actors.counterpart.token });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    };
    if (state === 'intent' || state === 'contract') await step('confirm');
    if (state === 'disputed') await step('dispute', { reason: '数量不对' });
    if (options.withFile) {
      const put = await api.call('PUT', `/api/deals/${dealId}/file`, {
        token: a.token,
        rawBody: PDF_TEXT,
        contentType: 'application/pdf',
      });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    }
    return { dealId, matchId };
  }

  return {
    ctx,
    actors,
    orgs: {
      a: a.org.id,
      aCreditCode,
      b: b.org.id,
      c: c.org.id,
      organizer: organizer.org.id,
      admin: admin.org.id,
    },
    tokenOf: (role) => (role === 'anonymous' ? undefined : actors[role].token),
    supplyOfA,
    demandOfB,
    proposedMatch,
    confirmedMatch,
    importOfA: () => upload(a.token, supplyCsv()),
    importOnBehalf: () =>
      upload(
        organizer.token,
        supplyCsv({ onBehalfOf: { name: '闽侯新钢铁有限公司', creditCode: freshCreditCode() } }),
      ),
    queuedRun,
    doneRun,
    addedSpec,
    invitedOrg,
    events: eventWorld(
      ctx,
      { a: a.token, b: b.token, organizer: organizer.token },
      { supplyOfA, demandOfB },
      { b: b.org.id },
    ),
    dealOfA,
  };
}

/** A notification in `role`'s own inbox (a proposal told to that user), for the per-user endpoints. */
export async function notificationOf(w: World, role: SignedInRole): Promise<string> {
  const actor = w.actors[role];
  const fact: NotificationFact = {
    kind: 'match_proposed',
    sourceId: `inbox:${randomUUID()}`,
    orgId: actor.orgId,
    at: new Date().toISOString(),
    link: '/inbox',
    params: { counterpart: '乙方', product: '螺纹钢', quantity: '10 吨' },
  };
  const { deps } = w.ctx;
  const { notification } = notificationFor(
    fact,
    { id: actor.userId, orgId: actor.orgId, email: actor.email },
    defaultPreferences(),
    '',
  );
  await deps.table.transact([
    deps.notifications.notificationItem(notification),
    deps.notifications.unreadItem(actor.userId, 1),
  ]);
  return notification.id;
}
