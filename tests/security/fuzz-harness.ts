import fc from 'fast-check';
import { getQueryParams } from 'hono/utils/url';
import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import { expect } from 'vitest';
import * as z from 'zod/mini';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp as createApp } from '../../functions/api/sheet-modules.ts';
import { defaultPreferences } from '../../functions/contract/user-notification.ts';
import { sniffDealFile } from '../../functions/deals/deal-file.ts';
import { listingPatch } from '../../functions/listings/listing.schema.ts';
import { describedRoutes } from '../../functions/shared/openapi.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { PASSWORD } from '../setup/fixtures.ts';
import {
  demandBody,
  inDays,
  labourOfferBody,
  labourRequestBody,
  supplyBody,
} from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';
import { type HostileSheet, hostileSheets, refusalOf } from './hostile-sheets.ts';
import { diffDumps, dumpTable } from './table-dump.ts';
import {
  buildWorld,
  catalogueEntries,
  dealTerms,
  freshCreditCode,
  notificationOf,
  PDF_TEXT,
  type Role,
  supplyCsv,
  uniqueEmail,
  type World,
} from './world.ts';

/**
 * Hostile input against every operation that takes a body, a query or a path parameter: generated
 * with fast-check from a valid request of each operation, then broken on purpose — wrong types,
 * missing and extra fields, huge strings and arrays, deep nesting, unicode edge cases, odd
 * numbers, impossible dates, injection-looking text, bad JSON, wrong media types, oversized
 * bodies, forged tokens and cursors. Each request must get a 4xx with the documented error body,
 * never a 5xx, and the table must be exactly as it was before.
 *
 * Whether a generated body or query really is invalid is decided by the very schema the route
 * validates with (kept only when it refuses); requests that are valid to the schema but wrong for
 * the domain (an unknown spec, dates out of order against the stored listing, a cursor from
 * another partition) are listed by hand and expected to be refused as well.
 */

// ── The operations ───────────────────────────────────────────────────────────────────────────────

interface Operation {
  readonly operationId: string;
  readonly method: string;
  /** Hono path, e.g. `/api/listings/:listingId`. */
  readonly honoPath: string;
  readonly paramNames: readonly string[];
  readonly bodySchema?: z.ZodMiniType;
  readonly querySchema?: z.ZodMiniType;
  readonly idempotent: boolean;
}

export const OPERATIONS: readonly Operation[] = describedRoutes(
  createApp(() => ({ config: { webOrigins: [], stage: 'test' } }) as unknown as Deps),
).map((route) => ({
  operationId: route.doc?.operationId ?? `${route.method} ${route.path}`,
  method: route.method,
  honoPath: route.honoPath,
  paramNames: [...route.honoPath.matchAll(/:(\w+)/g)].map((m) => m[1]!),
  bodySchema: route.inputs.find((i) => i?.target === 'json')?.schema,
  querySchema: route.inputs.find((i) => i?.target === 'query')?.schema,
  idempotent: Boolean(route.doc?.idempotent),
}));

/** Raw-body uploads: the body is the file, not JSON; a valid one of each and its media type. */
const RAW_BODIES: Readonly<Record<string, { readonly text: () => string; readonly contentType: string }>> = {
  uploadImport: { text: () => supplyCsv(), contentType: 'text/csv' },
  attachDealFile: { text: () => PDF_TEXT, contentType: 'application/pdf' },
};
const UPLOADS = new Set(Object.keys(RAW_BODIES));

export interface FuzzWorld extends World {
  readonly ids: {
    listingId: string;
    matchId: string;
    runId: string;
    importId: string;
    // matchmaking events (issue 9)
    eventId: string;
    registrationId: string;
    requestId: string;
    meetingId: string;
    dealId: string;
    confirmedMatchId: string;
    // the live day (issue 10)
    dashboardToken: string;
    // notifications (issue 13): one in the orgAdmin's own inbox
    notificationId: string;
  };
  /** Authorization headers that must all be refused: forged, tampered, expired, wrong audience… */
  readonly forgedAuthorizations: readonly string[];
  /** Spreadsheets beyond the sheet limits (rows, columns, cells, merges, cell length, zip size), with their refusals. */
  readonly hostileSheets: readonly HostileSheet[];
}

/** A cursor shape an operation pages with, to forge cursors just outside what it may read. */
interface CursorShape {
  readonly attributes: readonly string[];
  readonly partitionAttribute: string;
  /** The partition the request reads: forged cursors point elsewhere or outside `sortPrefix`. */
  readonly partitionValue: string;
  /** The sort-key prefix the request is confined to, when it has one. */
  readonly sortPrefix?: string;
}

interface OperationSpec {
  /** Who calls (validation comes first, but the owner gets furthest into the handler). */
  readonly role: Role;
  /** Valid bodies (one or more); mutations start from these. */
  readonly bodies?: (w: FuzzWorld) => unknown[];
  /** The schema the handler applies to the body, when it is not the route's own (editListing). */
  readonly bodySchema?: z.ZodMiniType;
  /** Bodies the schema accepts but the domain refuses (expected 4xx all the same). */
  readonly domainInvalid?: (w: FuzzWorld) => unknown[];
  /** A valid query. */
  readonly query?: (w: FuzzWorld) => Record<string, string>;
  readonly cursor?: (w: FuzzWorld) => CursorShape;
}

const PRIMARY = ['pk', 'sk'];
const GSI = (n: 1 | 2 | 3) => ['pk', 'sk', `gsi${n}pk`, `gsi${n}sk`];

const registration = () => ({
  org: {
    name: '新注册企业',
    creditCode: freshCreditCode(),
    kinds: ['manufacturer'],
    adcode: '350102',
    contact: { name: '赵工', phone: '13700001111' },
  },
  admin: { name: '赵六', email: uniqueEmail('fuzz-register'), password: PASSWORD },
});

/** Every operation taking a body or a query needs an entry here (a test enforces it). */
export const SPECS: Readonly<Record<string, OperationSpec>> = {
  signIn: {
    role: 'anonymous',
    bodies: () => [{ email: 'someone@example.cn', password: 'not-the-password-1' }],
  },
  registerOrg: {
    role: 'anonymous',
    bodies: () => [registration()],
    domainInvalid: () => [
      { ...registration(), org: { ...registration().org, kinds: ['organizer'] } },
      { ...registration(), admin: { name: '弱密码', email: uniqueEmail('weak'), password: 'short' } },
    ],
  },
  listOrgsByRegion: {
    role: 'organizer',
    query: () => ({ region: '350102' }),
    cursor: () => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: 'ORGS#35',
      sortPrefix: '350102',
    }),
  },
  hideListing: {
    role: 'organizer',
    bodies: () => [{ reason: '数量不合常理' }],
  },
  listInvitedOrgs: {
    role: 'organizer',
    query: () => ({ region: '350102' }),
    cursor: () => ({
      attributes: GSI(2),
      partitionAttribute: 'gsi2pk',
      partitionValue: 'INVITED#35',
      sortPrefix: '350102',
    }),
  },
  updateOrg: {
    role: 'orgAdmin',
    bodies: () => [{ name: '甲钢铁有限公司' }, { contact: { name: '甲联系人', phone: '13812345670' } }],
    domainInvalid: () => [{ kinds: ['manufacturer', 'organizer'] }],
  },
  listOrgUsers: {
    role: 'orgAdmin',
    query: () => ({ limit: '10' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.a}#USERS`,
    }),
  },
  addOrgUser: {
    role: 'orgAdmin',
    bodies: () => [
      { name: '新同事', email: uniqueEmail('fuzz-added'), password: PASSWORD, orgRole: 'member' },
    ],
    domainInvalid: () => [{ name: '弱密码', email: uniqueEmail('weak'), password: 'abc', orgRole: 'member' }],
  },
  listRegions: { role: 'anonymous', query: () => ({ parent: '350000' }) },
  postListing: {
    role: 'orgAdmin',
    bodies: () => [supplyBody(), demandBody(), labourOfferBody(), labourRequestBody({ adcode: '350582' })],
    domainInvalid: () => [
      supplyBody({ specId: 'no-such-spec' }),
      supplyBody({ minOrder: 5000 }),
      labourOfferBody({ skillId: 'no-such-skill' }),
      labourOfferBody({ certificates: ['no-such-certificate'] }),
      labourRequestBody({ certificatesRequired: ['no-such-certificate'] }),
    ],
  },
  searchListings: {
    role: 'orgAdmin',
    query: () => ({ kind: 'supply', region: '350102' }),
    cursor: () => ({
      attributes: GSI(3),
      partitionAttribute: 'gsi3pk',
      partitionValue: 'LST#supply#35',
      sortPrefix: 'open#350102',
    }),
  },
  listSummary: { role: 'orgAdmin', query: () => ({ region: '350000', category: 'steel' }) },
  exportSummary: { role: 'orgAdmin', query: () => ({ region: '350000', category: 'steel', format: 'csv' }) },
  exportListings: { role: 'orgAdmin', query: () => ({ kind: 'supply', region: '350000', format: 'csv' }) },
  myListings: {
    role: 'orgAdmin',
    query: () => ({ kind: 'supply' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.a}#LISTINGS`,
      sortPrefix: 'supply#',
    }),
  },
  editListing: {
    role: 'orgAdmin',
    bodies: () => [{ quantity: 1200 }, { availableUntil: inDays(90), note: '补充说明' }],
    bodySchema: listingPatch.supply,
    domainInvalid: () => [
      { availableFrom: inDays(400) },
      { availableUntil: '2000-01-01' },
      { specId: 'no-such-spec' },
      { minOrder: 1e8 },
    ],
  },
  listingAudit: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: PRIMARY,
      partitionAttribute: 'pk',
      partitionValue: `AUDIT#listing#${w.ids.listingId}`,
    }),
  },
  acceptMatch: {
    role: 'orgAdmin',
    // The terms versions of both listings the caller saw (a new listing's are 1).
    query: () => ({ offerTermsVersion: '1', needTermsVersion: '1' }),
  },
  myNotifications: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: PRIMARY,
      partitionAttribute: 'pk',
      partitionValue: `UNOTIF#${w.actors.orgAdmin.userId}`,
      sortPrefix: 'N#',
    }),
  },
  saveNotificationPreferences: {
    role: 'orgAdmin',
    bodies: () => [{ ...defaultPreferences(), version: 0 }],
    // a version that was never read: 409, nothing saved
    domainInvalid: () => [{ ...defaultPreferences(), version: 7 }],
  },
  inbox: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({ attributes: PRIMARY, partitionAttribute: 'pk', partitionValue: `INBOX#${w.orgs.a}` }),
  },
  startMatchingRun: {
    role: 'organizer',
    bodies: () => [{ kind: 'goods', region: '350000', category: 'cement' }],
    domainInvalid: () => [{ kind: 'goods', region: '110000' }],
  },
  listMatchingRuns: {
    role: 'organizer',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.organizer}#RUNS`,
    }),
  },
  matchingRunProposals: { role: 'organizer', query: () => ({ page: '0' }) },
  importTemplate: { role: 'orgAdmin', query: () => ({ kind: 'supply', format: 'csv' }) },
  uploadImport: {
    role: 'orgAdmin',
    query: () => ({ kind: 'supply', format: 'csv', fileName: 'survey.csv' }),
  },
  addSpec: {
    role: 'organizer',
    bodies: () => [catalogueEntries.spec()],
    domainInvalid: () => [
      { ...catalogueEntries.spec(), unit: 'furlong' },
      { ...catalogueEntries.spec(), product: 'no-such-product' },
      { ...catalogueEntries.spec(), category: 'cement' },
      { ...catalogueEntries.spec(), id: 'rebar-hrb400e-25' },
    ],
  },
  addSkill: {
    role: 'organizer',
    bodies: () => [catalogueEntries.skill()],
    domainInvalid: () => [{ ...catalogueEntries.skill(), requires: ['no-such-certificate'] }],
  },
  addCertificate: { role: 'organizer', bodies: () => [catalogueEntries.certificate()] },
  addSubstitution: {
    role: 'organizer',
    bodies: () => [
      { supply: 'rebar-hrb400e-22', demand: 'rebar-hrb400e-25', basis: { zh: '测试', en: 'Test' } },
    ],
    domainInvalid: () => [
      { supply: 'no-such-spec', demand: 'rebar-hrb400e-25', basis: { zh: '测试', en: 'Test' } },
      { supply: 'rebar-hrb400e-25', demand: 'rebar-hrb400e-25', basis: { zh: '测试', en: 'Test' } },
      { supply: 'cement-po-42.5', demand: 'mask-kn95-gb2626', basis: { zh: '测试', en: 'Test' } },
    ],
  },
  // ── matchmaking events (issue 9) ──
  createEvent: {
    role: 'organizer',
    bodies: () => [eventBody({ categories: [] }), eventBody({ mode: 'online', venue: undefined, rooms: 8 })],
    domainInvalid: () => [
      eventBody({ region: '110000' }),
      eventBody({ region: '359999' }),
      eventBody({ categories: ['no-such-category'] }),
      eventBody({ meetingMinutes: 240, days: [{ date: inDays(21), start: '09:00', end: '10:00' }] }),
      eventBody({ mode: 'venue', venue: undefined }),
    ],
  },
  listEvents: {
    role: 'orgAdmin',
    query: () => ({ region: '350000', month: inDays(21).slice(0, 7) }),
    cursor: () => ({
      attributes: GSI(2),
      partitionAttribute: 'gsi2pk',
      partitionValue: `EVENTS#${inDays(21).slice(0, 7)}#35`,
      sortPrefix: '35',
    }),
  },
  myEvents: {
    role: 'organizer',
    query: () => ({ month: inDays(21).slice(0, 7) }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.organizer}#EVENTS`,
      sortPrefix: inDays(21).slice(0, 7),
    }),
  },
  myEventRegistrations: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.a}#REGS`,
    }),
  },
  editEvent: {
    role: 'organizer',
    bodies: () => [{ capacity: 50 }, { title: '新标题', description: '说明' }],
    domainInvalid: () => [
      { region: '110000' },
      { categories: ['no-such-category'] },
      { registrationDeadline: inDays(30) },
      { capacity: 2, days: [{ date: inDays(21), start: '09:00', end: '09:10' }] },
    ],
  },
  copyEvent: {
    role: 'organizer',
    bodies: () => [
      { days: [{ date: inDays(35), start: '09:00', end: '12:00' }], registrationDeadline: inDays(28) },
    ],
    domainInvalid: () => [
      { days: [{ date: inDays(35), start: '09:00', end: '09:10' }], registrationDeadline: inDays(28) },
    ],
  },
  eventSeries: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(3),
      partitionAttribute: 'gsi3pk',
      partitionValue: `SERIES#${w.ids.eventId}`,
    }),
  },
  listRegistrations: {
    role: 'organizer',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: PRIMARY,
      partitionAttribute: 'pk',
      partitionValue: `EVENT#${w.ids.eventId}`,
      sortPrefix: 'REG#',
    }),
  },
  registerForEvent: {
    role: 'orgAdmin',
    bodies: (w) => [{ listingIds: [w.ids.listingId], people: 2 }],
    domainInvalid: (w) => [
      { listingIds: [w.ids.listingId], people: 2, orgId: w.orgs.c },
      { listingIds: [w.ids.matchId], people: 2 },
      {
        listingIds: [w.ids.listingId],
        people: 2,
        availability: [{ date: inDays(22), start: '09:00', end: '10:00' }],
      },
    ],
  },
  refuseRegistration: { role: 'organizer', bodies: () => [{ reason: '清单与本次对接会不符' }] },
  requestMeeting: {
    role: 'orgAdmin',
    bodies: (w) => [{ toOrgId: w.orgs.b, note: '介绍产品' }],
    domainInvalid: (w) => [{ toOrgId: w.orgs.a }, { toOrgId: w.orgs.c }],
  },
  pinMeeting: {
    role: 'organizer',
    bodies: () => [{ slot: 1 }, { slot: 2, table: 1 }],
    domainInvalid: () => [{ slot: 400 }, { slot: 0, table: 999 }],
  },
  getAgenda: { role: 'orgAdmin', query: (w) => ({ orgId: w.orgs.a }) },
  // reports (issue 10)
  exportEventReport: { role: 'organizer', query: () => ({ lang: 'en' }) },
  regionDashboard: { role: 'organizer', query: () => ({ region: '350000', month: '2026-03' }) },
  // the live day (issue 10)
  getLiveDashboard: { role: 'anonymous', query: () => ({}) },
  lookUpCheckIn: { role: 'organizer', query: () => ({}) },
  streamLiveDashboard: { role: 'anonymous', query: () => ({}) },
  checkInParticipant: {
    role: 'organizer',
    bodies: (w) => [{ orgId: w.orgs.a }, { token: 'A'.repeat(32) }],
    domainInvalid: (w) => [{ orgId: w.orgs.c }, { token: 'B'.repeat(32) }, { token: 'not a scanned code' }],
  },
  markNoShow: {
    role: 'organizer',
    bodies: (w) => [{ orgId: w.orgs.a }],
    domainInvalid: (w) => [{ orgId: w.orgs.c }],
  },
  addLiveMeeting: {
    role: 'organizer',
    bodies: (w) => [{ offerOrgId: w.orgs.a, needOrgId: w.orgs.b, slot: 1, table: 1 }],
    domainInvalid: (w) => [
      { offerOrgId: w.orgs.a, needOrgId: w.orgs.b },
      { offerOrgId: w.orgs.a, needOrgId: w.orgs.a },
      { offerOrgId: w.orgs.c, needOrgId: w.orgs.b },
      { offerOrgId: w.orgs.a, needOrgId: w.orgs.b, slot: 400 },
    ],
  },
  moveLiveMeeting: {
    role: 'organizer',
    bodies: () => [{ slot: 1 }, { slot: 2, table: 1 }],
    domainInvalid: () => [{ slot: 400 }, { slot: 0, table: 999 }],
  },
  auditLog: {
    role: 'admin',
    query: () => ({ day: new Date().toISOString().slice(0, 10) }),
    cursor: () => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `AUDITDAY#${new Date().toISOString().slice(0, 10)}`,
    }),
  },
  // deals (functions/deals/)
  recordDeal: {
    role: 'orgAdmin',
    bodies: (w) => [{ matchId: w.ids.confirmedMatchId, document: 'intent', ...dealTerms() }],
    domainInvalid: (w) => [
      { matchId: w.ids.matchId, document: 'intent', ...dealTerms() },
      {
        offerListingId: w.ids.listingId,
        needListingId: w.ids.listingId,
        document: 'contract',
        ...dealTerms(),
      },
      {
        matchId: w.ids.confirmedMatchId,
        document: 'contract',
        ...dealTerms(),
        quantity: 1e9,
        unitPrice: '99999999',
      },
    ],
  },
  myDeals: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.a}#DEALS`,
    }),
  },
  disputeDeal: { role: 'counterpart', bodies: () => [{ reason: '单价有误' }] },
  contractFromIntent: { role: 'orgAdmin', bodies: () => [{ quantity: 60 }, { unitPrice: '3800.5' }] },
  reviseDeal: { role: 'orgAdmin', bodies: () => [{ quantity: 40, note: '修改数量' }] },
  attachDealFile: { role: 'orgAdmin' },
  dealHistory: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: PRIMARY,
      partitionAttribute: 'pk',
      partitionValue: `AUDIT#deal#${w.ids.dealId}`,
    }),
  },
  matchDeals: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `MATCH#${w.ids.matchId}#DEALS`,
    }),
  },
  // -- the platform admin's area (issue 12) --
  adminCreateOrg: {
    role: 'admin',
    bodies: () => [
      {
        org: {
          name: '福州市工业和信息化局',
          creditCode: freshCreditCode(),
          kinds: ['organizer'],
          adcode: '350102',
          contact: { name: '陈科长', phone: '059187000000' },
        },
        jurisdiction: '350100',
        admin: { name: '陈七', email: uniqueEmail('fuzz-admin-org'), password: PASSWORD },
      },
    ],
    domainInvalid: () => {
      const org = (kinds: string[], adcode = '350102') => ({
        name: '某某局',
        creditCode: freshCreditCode(),
        kinds,
        adcode,
        contact: { name: '陈科长', phone: '059187000000' },
      });
      const admin = () => ({ name: '陈七', email: uniqueEmail('fuzz-admin-org'), password: PASSWORD });
      return [
        { org: org(['organizer']), admin: admin() },
        { org: org(['organizer']), jurisdiction: '370000', admin: admin() },
        { org: org(['manufacturer']), jurisdiction: '350000', admin: admin() },
        { org: org(['organizer']), jurisdiction: '350100', admin: { ...admin(), password: 'short' } },
      ];
    },
  },
  adminFindUser: { role: 'admin', query: (w) => ({ email: w.actors.otherMember.email }) },
  adminSetRoles: { role: 'admin', bodies: () => [{ platformRoles: ['organizer'] }] },
  adminSetUserStatus: { role: 'admin', bodies: () => [{ disabled: true }] },
  adminResetPassword: {
    role: 'admin',
    bodies: () => [{ password: 'Another-pass-2026' }],
    domainInvalid: () => [{ password: 'short' }, { password: 'onlyletterslong' }],
  },
  adminStreamQuarantine: {
    role: 'admin',
    query: () => ({ limit: '5' }),
    cursor: () => ({ attributes: PRIMARY, partitionAttribute: 'pk', partitionValue: 'QUARANTINE#STREAM' }),
  },
  listImports: {
    role: 'orgAdmin',
    query: () => ({ limit: '5' }),
    cursor: (w) => ({
      attributes: GSI(1),
      partitionAttribute: 'gsi1pk',
      partitionValue: `ORG#${w.orgs.a}#IMPORTS`,
    }),
  },
};

/** Who calls operations that need no spec (path parameters only, or nothing). */
function roleFor(operation: Operation): Role {
  const spec = SPECS[operation.operationId];
  if (spec) return spec.role;
  return operation.honoPath.startsWith('/api/matching-runs') ? 'organizer' : 'orgAdmin';
}

function paramValue(w: FuzzWorld, name: string): string {
  const values: Record<string, string> = {
    orgId: w.orgs.a,
    listingId: w.ids.listingId,
    matchId: w.ids.matchId,
    runId: w.ids.runId,
    importId: w.ids.importId,
    eventId: w.ids.eventId,
    registrationId: w.ids.registrationId,
    requestId: w.ids.requestId,
    meetingId: w.ids.meetingId,
    dealId: w.ids.dealId,
    userId: w.actors.otherMember.userId,
    token: w.ids.dashboardToken,
    notificationId: w.ids.notificationId,
  };
  const value = values[name];
  if (!value) throw new Error(`no real id for path parameter ${name}`);
  return value;
}

// ── The world ────────────────────────────────────────────────────────────────────────────────────

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

async function forgeAuthorizations(world: World): Promise<string[]> {
  const { deps } = world.ctx;
  const key = await deps.signingKey!();
  const { tokenIssuer: issuer, tokenAudience: audience } = deps.config;
  const member = world.actors.member;
  const [header, payload, signature] = member.token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const asAdmin = { ...claims, 'cognito:groups': ['admin'] };
  const now = Math.floor(Date.now() / 1000);
  const signed = (
    body: Record<string, unknown>,
    options: { iss?: string; aud?: string; exp?: number } = {},
  ) =>
    new SignJWT(body)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
      .setIssuer(options.iss ?? issuer)
      .setAudience(options.aud ?? audience)
      .setIssuedAt(now - 7200)
      .setExpirationTime(options.exp ?? now + 3600)
      .sign(key.privateKey);
  const stranger = await generateKeyPair('ES256');
  const publicJwk = JSON.stringify((await deps.signingKey!()).publicJwks.keys[0]);
  return [
    'Bearer',
    'Bearer x',
    'Bearer null',
    'bearer ',
    'Basic YWRtaW46YWRtaW4=',
    'Token abc',
    `Bearer ${member.token}x`,
    `Bearer ${member.token.slice(0, -4)}`,
    `Bearer ${header}.${base64url(JSON.stringify(asAdmin))}.${signature}`,
    `Bearer ${header}.${payload}.`,
    `Bearer ${header}.${payload}`,
    `Bearer ${'A'.repeat(100_000)}`,
    `Bearer ${new UnsecuredJWT(asAdmin)
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(now + 3600)
      .encode()}`,
    `Bearer ${await new SignJWT(asAdmin)
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(now + 3600)
      .sign(new TextEncoder().encode(publicJwk))}`,
    `Bearer ${await new SignJWT(asAdmin)
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime(now + 3600)
      .sign(stranger.privateKey)}`,
    `Bearer ${await signed(claims, { exp: now - 600 })}`,
    `Bearer ${await signed(claims, { iss: 'https://evil.example' })}`,
    `Bearer ${await signed(claims, { aud: 'someone-else' })}`,
    `Bearer ${await signed({ ...claims, token_use: 'access' })}`,
    `Bearer ${await signed({ ...claims, 'custom:org_role': 'owner' })}`,
    `Bearer ${await signed({ sub: 'x', email: 'x@example.cn' })}`,
  ];
}

export async function buildFuzzWorld(): Promise<FuzzWorld> {
  const world = await buildWorld(await freshTable());
  const match = await world.proposedMatch();
  const event = await world.events.scheduledAndPublished();
  const deal = await world.dealOfA('intent_proposed');
  const partial: FuzzWorld = {
    ...world,
    ids: {
      listingId: match.offerListingId,
      matchId: match.matchId,
      runId: await world.queuedRun(),
      importId: await world.importOfA(),
      eventId: event.eventId,
      registrationId: event.registrationA,
      requestId: event.requestId,
      meetingId: event.meetingId,
      dealId: deal.dealId,
      confirmedMatchId: deal.matchId,
      dashboardToken: await world.ctx.deps.live.ensureDashboardToken(event.eventId),
      notificationId: await notificationOf(world, 'orgAdmin'),
    },
    forgedAuthorizations: [],
    hostileSheets: await hostileSheets(2),
  };
  return { ...partial, forgedAuthorizations: await forgeAuthorizations(world) };
}

// ── Hostile values ───────────────────────────────────────────────────────────────────────────────

const LONE_SURROGATES = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'a\uD83D', '\uDE00b', '林\uD800工'];
const UNICODE_EDGES = [
  ...LONE_SURROGATES,
  '\u202E',
  '\u202Eexe.fdp',
  '\u200F\u05E9\u05DC\u05D5\u05DD',
  '\u0645\u0631\u062D\u0628\u0627',
  '\u200B',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u00AD',
  '林\u200B工',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  '🀄',
  '𠮷野家',
  '\u0000',
  '\u0007',
  '\u001B[31mred',
  'e\u0301\u0301\u0301\u0301',
  '\u00A0',
  'ｆｕｌｌｗｉｄｔｈ',
  '\u2028\u2029',
  'İı',
  'ﬃ',
  '\uFFFD',
  '\uFFFF',
  '\u{10FFFF}',
  '١٢٣٤٥٦',
  '３５０１０２',
  '①②③',
  ' ',
  '\t\n',
];
const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as is
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '%',
  '%E0%A4%A',
  'file:///etc/passwd',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'attribute_exists(pk)',
  '#status = :open',
  ':q',
  'ORG#x#USERS',
  'SYSTEM',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '+1+1',
  '-2+3',
  '\\',
  '"',
  "'",
  '`',
  '{"$gt":""}',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  '0000000000000000000000000Z',
  '01M8409QBA70DPR57M745HA5G2',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));
const edgeChar = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: loneSurrogate },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '\u202E',
      '\u200B',
      '\u200D',
      '\uFEFF',
      '\u0000',
      '\u0301',
      '%',
      '#',
      '&',
      '=',
    ),
  },
);
const HUGE = 100_000;
const hugeString = fc
  .constantFrom('A', '的', '🀄', '\u200B', '\uD800', "'", '<', '9')
  .map((ch) => ch.repeat(Math.ceil(HUGE / ch.length)));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE_EDGES) },
  { weight: 3, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 3, arbitrary: fc.string({ unit: edgeChar, maxLength: 40 }) },
  { weight: 1, arbitrary: hugeString },
);
const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    -0,
    0.5,
    1e308,
    -1e308,
    2 ** 53 + 2,
    5e-324,
    1e21,
    -(2 ** 63),
    4_294_967_296,
    1e9 + 1,
    1e8 + 0.5,
    // below the precision (0.001 of a unit, a fen) or beyond what DynamoDB stores
    1e-300,
    -5e-324,
    0.0001,
    3950.125,
    1e300,
    1e126,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);
const impossibleDate = fc.constantFrom(
  '2021-02-29',
  '2020-02-30',
  '2020-13-01',
  '2020-00-10',
  '2020-04-31',
  '0000-00-00',
  '9999-99-99',
  '2020-1-1',
  '20200101',
  '2020/01/01',
  '+275760-09-13',
  '-000001-01-01',
  '2020-01-01T00:00:00Z',
  ' 2020-01-01',
  '２０２０-０１-０１',
  'yesterday',
  '2020-W01-1',
  // outside the one date range (2000-01-01 to ten years ahead): real calendar dates all the same
  '0099-01-01',
  '0001-01-01',
  '1999-12-31',
  inDays(366 * 10 + 5),
  '9999-12-31',
);
const deepValue = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { n: value };
  return value;
});
const hugeArray = fc
  .integer({ min: 1_000, max: 20_000 })
  .map((n) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? i : 'x')));

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], { '': '' }, '') },
  { weight: 1, arbitrary: impossibleDate },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: hugeArray },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
/** Extra keys: mass-assignment attempts first (an owner, a role, a remaining quantity…). */
const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'id',
    'orgId',
    'orgName',
    'postedByOrgId',
    'remaining',
    'version',
    'createdBy',
    'pk',
    'sk',
    'gsi1pk',
    'passwordHash',
    'platformRoles',
    'orgRole',
    'jurisdiction',
    'invited',
    'kind ',
    'KIND',
    '',
  ),
  fc.constantFrom(...UNICODE_EDGES),
  fc.string({ unit: edgeChar, maxLength: 12 }),
);

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

export class HostileRequest {
  constructor(
    readonly method: string,
    readonly path: string,
    readonly headers: Readonly<Record<string, string>>,
    readonly body: string | Uint8Array | undefined,
    readonly label: string,
  ) {}

  [fc.toStringMethod](): string {
    const body =
      this.body === undefined
        ? ''
        : typeof this.body === 'string'
          ? ` body(${this.body.length})=${JSON.stringify(this.body.slice(0, 160))}`
          : ` bytes(${this.body.byteLength})`;
    return `${this.method} ${this.path.slice(0, 200)} [${this.label}]${body}`;
  }
}

/** Lone surrogates become U+FFFD, as a URL carries them (encodeURIComponent refuses them). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function clip(value: string, max = 80): string {
  return value.length > max ? `${value.slice(0, max)}…(${value.length})` : value;
}

function pathOf(w: FuzzWorld, operation: Operation, override?: { name: string; raw: string }): string {
  return operation.honoPath.replace(/:(\w+)/g, (_, name: string) =>
    override?.name === name ? override.raw : encodeURIComponent(paramValue(w, name)),
  );
}

function queryString(pairs: readonly (readonly [string, string])[], rawTail = ''): string {
  const encoded = new URLSearchParams(pairs.map(([k, v]) => [wellFormed(k), wellFormed(v)])).toString();
  const all = [encoded, rawTail].filter(Boolean).join('&');
  return all ? `?${all}` : '';
}

function authHeaders(w: FuzzWorld, role: Role): Record<string, string> {
  const token = w.tokenOf(role);
  return token ? { authorization: `Bearer ${token}` } : {};
}

function baseQueryPairs(w: FuzzWorld, operation: Operation): [string, string][] {
  return Object.entries(SPECS[operation.operationId]?.query?.(w) ?? {});
}

function validBodyText(w: FuzzWorld, operation: Operation): string | undefined {
  const bodies = SPECS[operation.operationId]?.bodies?.(w);
  return bodies ? JSON.stringify(bodies[0]) : undefined;
}

/** A valid request of the operation (valid path, query and body), to break in one way only. */
function validRequest(
  w: FuzzWorld,
  operation: Operation,
  label: string,
  headers: Record<string, string> = {},
) {
  const raw = RAW_BODIES[operation.operationId];
  const body = raw ? raw.text() : validBodyText(w, operation);
  return new HostileRequest(
    operation.method,
    `${pathOf(w, operation)}${queryString(baseQueryPairs(w, operation))}`,
    {
      ...authHeaders(w, roleFor(operation)),
      ...(body === undefined ? {} : { 'content-type': raw ? raw.contentType : 'application/json' }),
      ...headers,
    },
    body,
    label,
  );
}

// ── Body mutations ───────────────────────────────────────────────────────────────────────────────

type Path = readonly (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

function containerPaths(value: unknown): Path[] {
  return [[], ...pathsOf(value).filter((p) => isRecord(valueAt(value, p)))];
}

function isRecord(value: unknown): value is Record<string | number, unknown> {
  return value !== null && typeof value === 'object';
}

function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path) {
    if (!isRecord(node)) return undefined;
    node = node[segment];
  }
  return node;
}

/** Sets an own property, even `__proto__`, so JSON.stringify sends it. */
function setOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = valueAt(root, path.slice(0, -1));
  if (isRecord(parent)) setOwn(parent, path[path.length - 1]!, value);
  return root;
}

function deleteAt(root: unknown, path: Path): unknown {
  const parent = valueAt(root, path.slice(0, -1));
  if (isRecord(parent)) delete parent[path[path.length - 1]!];
  return root;
}

type Mutation = { readonly label: string; readonly apply: (body: unknown) => unknown };

const DATE_PAIRS: readonly (readonly [string, string])[] = [
  ['availableFrom', 'availableUntil'],
  ['deliverFrom', 'neededBy'],
  ['from', 'until'],
];

function mutationsFor(base: unknown): fc.Arbitrary<Mutation> {
  const paths = pathsOf(base);
  const containers = containerPaths(base);
  const options: fc.WeightedArbitrary<Mutation>[] = [
    {
      weight: 2,
      arbitrary: hostileValue.map((value) => ({ label: 'replace the whole body', apply: () => value })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.constantFrom(...containers), hostileKey, hostileValue)
        .map(([path, key, value]) => ({
          label: `add ${clip(path.join('.'), 30)}.${clip(key, 30)}`,
          apply: (body: unknown) => {
            const parent = valueAt(body, path);
            if (isRecord(parent)) setOwn(parent, key, value);
            return body;
          },
        })),
    },
  ];
  if (paths.length > 0) {
    options.push(
      {
        weight: 6,
        arbitrary: fc.tuple(fc.constantFrom(...paths), hostileValue).map(([path, value]) => ({
          label: `set ${path.join('.')}`,
          apply: (body: unknown) => setAt(body, path, value),
        })),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(...paths).map((path) => ({
          label: `delete ${path.join('.')}`,
          apply: (body: unknown) => deleteAt(body, path),
        })),
      },
    );
  }
  const pairs = DATE_PAIRS.filter(([from, until]) => isRecord(base) && from in base && until in base);
  if (pairs.length > 0) {
    options.push({
      weight: 2,
      arbitrary: fc.constantFrom(...pairs).map(([from, until]) => ({
        label: `dates out of order ${from}/${until}`,
        apply: (body: unknown) => {
          if (!isRecord(body)) return body;
          const start = body[from];
          setOwn(body, from, body[until]);
          setOwn(body, until, start);
          return body;
        },
      })),
    });
  }
  return fc.oneof(...options);
}

function rejects(schema: z.ZodMiniType, value: unknown): boolean {
  return !z.safeParse(schema, value).success;
}

function hostileBodies(
  bases: readonly unknown[],
  schema: z.ZodMiniType,
): fc.Arbitrary<{ body: unknown; label: string }> {
  return fc
    .constantFrom(...bases.map((_, i) => i))
    .chain((i) =>
      fc.array(mutationsFor(bases[i]), { minLength: 1, maxLength: 3 }).map((mutations) => {
        let body: unknown = structuredClone(bases[i]);
        for (const mutation of mutations) body = mutation.apply(body);
        return { body, label: mutations.map((m) => m.label).join('; ') };
      }),
    )
    .filter(({ body }) => rejects(schema, body));
}

// ── Query mutations ──────────────────────────────────────────────────────────────────────────────

const hostileQueryValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '-1',
      '0',
      '101',
      '1000',
      '99999',
      '1e3',
      '0x10',
      '1.5',
      ' 5',
      '5 ',
      '١٢',
      '',
      '350000 ',
      '35000',
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** What the server sees of a query string: Hono's own parser, grouped as `query()` does. */
function parsedQuery(search: string): Record<string, string | string[]> {
  const all = getQueryParams(`http://localhost/x?${search}`) as Record<string, string[]>;
  return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
}

function knownKeys(schema: z.ZodMiniType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: object };
  return Object.keys(json.properties ?? {});
}

function hostileQueries(
  base: readonly [string, string][],
  schema: z.ZodMiniType,
): fc.Arbitrary<{ pairs: [string, string][]; rawTail: string; label: string }> {
  const keys = knownKeys(schema);
  const known = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('cursor');
  const unknownKey = hostileKey.filter((k) => !keys.includes(wellFormed(k)));
  type QueryMutation = { label: string; apply: (pairs: [string, string][]) => [string, string][] };
  const mutation: fc.Arbitrary<QueryMutation> = fc.oneof(
    fc.tuple(known, hostileQueryValue).map(
      ([key, value]): QueryMutation => ({
        label: `set ${key}=${clip(value, 30)}`,
        apply: (pairs) => [...pairs.filter(([k]) => k !== key), [key, value]],
      }),
    ),
    fc.tuple(known, hostileQueryValue).map(
      ([key, value]): QueryMutation => ({
        label: `repeat ${key}`,
        apply: (pairs) => [...pairs, [key, pairs.find(([k]) => k === key)?.[1] ?? 'x'], [key, value]],
      }),
    ),
    fc.tuple(unknownKey, hostileQueryValue).map(
      ([key, value]): QueryMutation => ({
        label: `add ${clip(key, 30)}`,
        apply: (pairs) => [...pairs, [key, value]],
      }),
    ),
    fc.constantFrom(...keys, 'none').map(
      (key): QueryMutation => ({
        label: `drop ${key}`,
        apply: (pairs) => pairs.filter(([k]) => k !== key),
      }),
    ),
  );
  const rawTail = fc.oneof(
    { weight: 5, arbitrary: fc.constant('') },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%E0%A4%A=1',
        'zz%ZZ=%ZZ',
        '%=%',
        '&&&',
        '=',
        'zz[]=1&zz[]=2',
        'zz=%00',
        'zz%00=1',
      ),
    },
  );
  return fc
    .tuple(fc.array(mutation, { minLength: 1, maxLength: 3 }), rawTail)
    .map(([mutations, tail]) => {
      let pairs: [string, string][] = base.map(([k, v]) => [k, v]);
      for (const m of mutations) pairs = m.apply(pairs);
      return {
        pairs,
        rawTail: tail,
        label: mutations.map((m) => m.label).join('; ') + (tail ? `; raw ${tail}` : ''),
      };
    })
    .filter(({ pairs, rawTail }) => rejects(schema, parsedQuery(queryString(pairs, rawTail).slice(1))));
}

/** Cursors no page ever handed out: garbage, or well-formed but for another partition or range. */
function forgedCursors(shape: CursorShape | undefined): fc.Arbitrary<{ cursor: string; label: string }> {
  const garbage = fc
    .oneof(hostileString, fc.base64String({ minLength: 4, maxLength: 200 }))
    .filter((s) => s.length > 0)
    .map((cursor) => ({ cursor, label: 'garbage cursor' }));
  if (!shape) return garbage;
  const keyWith = (partition: string, sort: unknown, extra: Record<string, unknown> = {}) => {
    const key: Record<string, unknown> = {};
    for (const attribute of shape.attributes) key[attribute] = attribute.endsWith('sk') ? sort : 'ORG#x';
    key[shape.partitionAttribute] = partition;
    return base64url(JSON.stringify({ ...key, ...extra }));
  };
  const foreignPartition = fc
    .tuple(
      fc.constantFrom(
        `${shape.partitionValue}x`,
        shape.partitionValue.replace(/[0-9A-Z]{26}/, '01M8409QBA70DPR57M745HA5G2'),
        'ORGS#11',
        'SYSTEM',
        `INBOX#${'0'.repeat(26)}`,
        '',
      ),
      hostileString,
    )
    .filter(([partition]) => partition !== shape.partitionValue)
    .map(([partition, sort]) => ({
      cursor: keyWith(partition, sort),
      label: `cursor into ${clip(partition, 40)}`,
    }));
  const outsideRange = fc
    .constantFrom('~', 'zzz', '000000', 'closed#350102#x', 'draft#350102#x', 'demand#open#x', '3')
    .filter((sort) => shape.sortPrefix !== undefined && !sort.startsWith(shape.sortPrefix))
    .map((sort) => ({
      cursor: keyWith(shape.partitionValue, sort),
      label: `cursor outside ${shape.sortPrefix}`,
    }));
  const malformed = fc
    .constantFrom<unknown>(
      [],
      null,
      'x',
      { pk: 1 },
      { [shape.partitionAttribute]: shape.partitionValue },
      { ...Object.fromEntries(shape.attributes.map((a) => [a, 'x'.repeat(2000)])) },
    )
    .map((value) => ({ cursor: base64url(JSON.stringify(value)), label: 'malformed cursor' }));
  const options = [garbage, foreignPartition, malformed];
  return shape.sortPrefix ? fc.oneof(...options, outsideRange) : fc.oneof(...options);
}

// ── Families ─────────────────────────────────────────────────────────────────────────────────────

export interface Family {
  readonly name: string;
  /** Requests at scale 1. */
  readonly runs: number;
  /** `reject`: a documented 4xx (this very status when given), the table unchanged. */
  readonly expect: 'reject' | 'noServerError';
  readonly status?: number;
  readonly arbitrary: (w: FuzzWorld) => fc.Arbitrary<HostileRequest>;
  /** More to check of each answer (a problem, or undefined). */
  readonly check?: (request: HostileRequest, status: number, text: string) => string | undefined;
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const FOREIGN_MEDIA_TYPES = [
  'text/plain',
  'text/html',
  'text/csv',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/octet-stream',
  'application/javascript',
  'application/jsonx',
  'application/json-seq',
  'application/x-json',
  'json',
  'image/png',
  '*/*',
];
const BAD_JSON = [
  '',
  ' ',
  '{',
  '}',
  '{"a":}',
  "{'a':1}",
  '{"a":1,}',
  '[1,2',
  'NaN',
  '{"quantity": NaN}',
  '{"quantity": Infinity}',
  '{"quantity": -Infinity}',
  '{"quantity": 0x10}',
  '{"quantity": 01}',
  '{"quantity": .5}',
  'undefined',
  '\uFEFF{',
  '{"a":1}{"b":2}',
  '{"a":1} x',
  '{"a":"\u0000"}',
  '{"a":"\\x41"}',
  '{"a":"\\u12"}',
  '{a:1}',
  '// comment\n{}',
  '{"a":1 /* c */}',
  "{'__proto__': {}}",
  `${'['.repeat(100_000)}`,
  `${'{"a":'.repeat(50_000)}`,
];

/** As the server reads a body: decoded as UTF-8, which drops a leading byte-order mark. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text.replace(/^\uFEFF/, ''));
    return true;
  } catch {
    return false;
  }
}

function byteString(value: string): boolean {
  return /^[\x21-\x7e\x80-\xff][\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value;
}

export function families(scale: number): Family[] {
  const list: Family[] = [];
  const runs = (n: number) => Math.max(1, Math.round(n * scale));
  for (const operation of OPERATIONS) {
    const id = operation.operationId;
    const spec = SPECS[id];
    const role = roleFor(operation);
    const headers = (w: FuzzWorld) => authHeaders(w, role);

    if (operation.bodySchema && spec?.bodies) {
      const schema = spec.bodySchema ?? operation.bodySchema;
      list.push({
        name: `${id} · hostile body`,
        runs: runs(40),
        expect: 'reject',
        arbitrary: (w) =>
          fc
            .tuple(
              hostileBodies(spec.bodies!(w), schema),
              operation.idempotent
                ? fc.option(
                    fc.oneof(
                      fc.stringMatching(/^[A-Za-z0-9_.:-]{1,128}$/),
                      fc.constantFrom('a'.repeat(129), 'key with spaces', 'ключ', '../x', '%00'),
                    ),
                  )
                : fc.constant(null),
            )
            .filter(([, key]) => key === null || byteString(key))
            .map(
              ([{ body, label }, key]) =>
                new HostileRequest(
                  operation.method,
                  pathOf(w, operation),
                  {
                    ...headers(w),
                    'content-type': 'application/json',
                    ...(key ? { 'idempotency-key': key } : {}),
                  },
                  JSON.stringify(body) ?? 'null',
                  key ? `${label}; idempotency-key ${clip(key, 20)}` : label,
                ),
            ),
      });
      if (spec.domainInvalid) {
        list.push({
          name: `${id} · valid shape, refused by the domain`,
          runs: runs(5),
          expect: 'reject',
          arbitrary: (w) =>
            fc
              .constantFrom(...spec.domainInvalid!(w))
              .map(
                (body) =>
                  new HostileRequest(
                    operation.method,
                    pathOf(w, operation),
                    { ...headers(w), 'content-type': 'application/json' },
                    JSON.stringify(body),
                    'domain-invalid',
                  ),
              ),
        });
      }
      list.push({
        name: `${id} · malformed JSON`,
        runs: runs(12),
        expect: 'reject',
        status: 400,
        arbitrary: (w) => {
          const valid = validBodyText(w, operation)!;
          return fc
            .oneof(
              fc.constantFrom(...BAD_JSON),
              fc.string({ unit: edgeChar, maxLength: 60 }),
              fc.nat({ max: valid.length - 1 }).map((cut) => valid.slice(0, cut)),
              fc
                .tuple(fc.nat({ max: valid.length }), fc.constantFrom('{', ',', '"', ':', ']', '\\', 'x'))
                .map(([at, ch]) => valid.slice(0, at) + ch + valid.slice(at)),
            )
            .filter((text) => !isJson(text))
            .map(
              (text) =>
                new HostileRequest(
                  operation.method,
                  pathOf(w, operation),
                  { ...headers(w), 'content-type': 'application/json' },
                  text,
                  'malformed JSON',
                ),
            );
        },
      });
      list.push({
        name: `${id} · not JSON media type`,
        runs: runs(8),
        expect: 'reject',
        status: 415,
        arbitrary: (w) =>
          fc
            .option(fc.constantFrom(...FOREIGN_MEDIA_TYPES), { freq: 6 })
            .filter((type) => type === null || !JSON_MEDIA_TYPE.test(type.split(';')[0]!.trim()))
            .map(
              (type) =>
                new HostileRequest(
                  operation.method,
                  pathOf(w, operation),
                  { ...headers(w), ...(type ? { 'content-type': type } : {}) },
                  // A valid body: only the media type is wrong. Without a content-type header, the
                  // body goes as bytes so nothing adds one.
                  type
                    ? validBodyText(w, operation)!
                    : new TextEncoder().encode(validBodyText(w, operation)!),
                  `content-type ${type ?? '(none)'}`,
                ),
            ),
      });
    }

    if (operation.bodySchema || UPLOADS.has(id)) {
      const limit = UPLOADS.has(id) ? 4 * 1024 * 1024 : 256 * 1024;
      list.push({
        name: `${id} · oversized body`,
        runs: UPLOADS.has(id) ? runs(1) : runs(2),
        expect: 'reject',
        status: 413,
        arbitrary: (w) =>
          fc
            .tuple(fc.integer({ min: limit + 1, max: limit + 300_000 }), fc.boolean())
            .map(([size, withLength]) => {
              const valid = RAW_BODIES[id]?.text() ?? validBodyText(w, operation) ?? '{}';
              const padded = UPLOADS.has(id)
                ? `${valid}${'x,'.repeat(Math.ceil(size / 2))}`
                : JSON.stringify({ ...(JSON.parse(valid) as object), note: 'A'.repeat(size) });
              return new HostileRequest(
                operation.method,
                `${pathOf(w, operation)}${queryString(baseQueryPairs(w, operation))}`,
                {
                  ...headers(w),
                  'content-type': RAW_BODIES[id]?.contentType ?? 'application/json',
                  ...(withLength ? { 'content-length': String(Buffer.byteLength(padded)) } : {}),
                },
                padded,
                `${Buffer.byteLength(padded)} bytes${withLength ? ' with content-length' : ''}`,
              );
            }),
      });
    }

    if (operation.querySchema && spec?.query) {
      const schema = operation.querySchema;
      list.push({
        name: `${id} · hostile query`,
        runs: runs(35),
        expect: 'reject',
        arbitrary: (w) =>
          hostileQueries(baseQueryPairs(w, operation), schema).map(
            ({ pairs, rawTail, label }) =>
              new HostileRequest(
                operation.method,
                `${pathOf(w, operation)}${queryString(pairs, rawTail)}`,
                { ...validRequest(w, operation, '').headers },
                validRequest(w, operation, '').body,
                label,
              ),
          ),
      });
      if (knownKeys(schema).includes('cursor')) {
        list.push({
          name: `${id} · forged cursor`,
          runs: runs(10),
          expect: 'reject',
          status: 400,
          arbitrary: (w) =>
            forgedCursors(spec.cursor?.(w)).map(
              ({ cursor, label }) =>
                new HostileRequest(
                  operation.method,
                  `${pathOf(w, operation)}${queryString([...baseQueryPairs(w, operation), ['cursor', cursor]])}`,
                  { ...headers(w) },
                  undefined,
                  label,
                ),
            ),
        });
      }
    }

    if (id === 'attachDealFile') {
      // Anything that is not a PDF, JPEG or PNG by its first bytes, whatever it is labelled.
      list.push({
        name: `${id} · hostile file`,
        runs: runs(30),
        expect: 'reject',
        arbitrary: (w) =>
          fc
            .tuple(
              fc.oneof(
                fc.constant(new Uint8Array(0)),
                fc.uint8Array({ minLength: 1, maxLength: 4096 }),
                fc.string({ unit: edgeChar, maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
                fc.constantFrom(...INJECTIONS).map((s) => new TextEncoder().encode(s)),
                fc.constant(new TextEncoder().encode('PDF-1.4 %%EOF')),
                fc.constant(Uint8Array.from([0x89, 0x50, 0x4e, 0x47])),
              ),
              fc.constantFrom(
                'application/pdf',
                'image/png',
                'image/jpeg',
                'application/octet-stream',
                'text/html',
              ),
            )
            .filter(([bytes]) => sniffDealFile(bytes) === undefined)
            .map(
              ([bytes, type]) =>
                new HostileRequest(
                  operation.method,
                  pathOf(w, operation),
                  { ...headers(w), 'content-type': type },
                  bytes,
                  `${bytes.byteLength} bytes as ${type}`,
                ),
            ),
      });
    }

    if (id === 'uploadImport') {
      list.push({
        name: `${id} · hostile file`,
        runs: runs(30),
        expect: 'reject',
        arbitrary: (w) =>
          fc
            .tuple(
              fc.oneof(
                fc.constant(new Uint8Array(0)),
                fc.uint8Array({ minLength: 1, maxLength: 4096 }),
                fc.string({ unit: edgeChar, maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
                fc
                  .array(fc.oneof(hostileString, fc.constantFrom(...INJECTIONS)), {
                    minLength: 1,
                    maxLength: 12,
                  })
                  .map((cells) => new TextEncoder().encode(`${cells.join(',')}\n${cells.join(',')}\n`)),
                fc
                  .uint8Array({ minLength: 0, maxLength: 2048 })
                  .map((bytes) => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...bytes])),
              ),
              fc.constantFrom('csv', 'xlsx'),
            )
            .map(
              ([bytes, format]) =>
                new HostileRequest(
                  operation.method,
                  `${pathOf(w, operation)}?kind=supply&format=${format}`,
                  { ...headers(w), 'content-type': 'application/octet-stream' },
                  bytes,
                  `${bytes.byteLength} bytes as ${format}`,
                ),
            ),
      });
    }

    if (id === 'uploadImport') {
      // Sheets whose reach is hostile (issue 12's cell at row 2,500, column 2,500, and its class):
      // refused before exceljs loads them, each with the limit it passed.
      list.push({
        name: `${id} · hostile sheet dimensions`,
        runs: runs(24),
        expect: 'reject',
        status: 400,
        arbitrary: (w) =>
          fc
            .constantFrom(...w.hostileSheets)
            .map(
              (sheet) =>
                new HostileRequest(
                  operation.method,
                  `${pathOf(w, operation)}?kind=supply&format=${sheet.format}`,
                  { ...headers(w), 'content-type': 'application/octet-stream' },
                  sheet.bytes,
                  `${sheet.label} (${sheet.format}, ${sheet.bytes.byteLength} bytes) → ${sheet.refusal}`,
                ),
            ),
        check: (request, _status, text) => {
          const expected = /→ (\S+)$/.exec(request.label)?.[1];
          const got = refusalOf(JSON.parse(text));
          return got === expected ? undefined : `refused as ${got}, expected ${expected}`;
        },
      });
    }

    if (operation.paramNames.length > 0) {
      list.push({
        name: `${id} · hostile path parameter`,
        runs: runs(12),
        expect: 'reject',
        arbitrary: (w) =>
          fc
            .tuple(fc.constantFrom(...operation.paramNames), hostileString, fc.boolean())
            // Static segments (mine, summary, export, template) are other routes, not hostile ids.
            .filter(([, value]) => !/^[a-z.]*$/.test(value) && !/^[0-9A-HJKMNP-TV-Z]{26}$/.test(value))
            .map(([name, value, raw]) => {
              const safeRaw = raw && /^[\x21-\x7e]+$/.test(value) && !/[/?#]/.test(value);
              const segment = safeRaw ? value : encodeURIComponent(wellFormed(value));
              const valid = validRequest(w, operation, '');
              const query = valid.path.includes('?') ? valid.path.slice(valid.path.indexOf('?')) : '';
              return new HostileRequest(
                operation.method,
                `${pathOf(w, operation, { name, raw: segment })}${query}`,
                valid.headers,
                valid.body,
                `${name}=${clip(value, 40)}${safeRaw ? ' (raw)' : ''}`,
              );
            }),
      });
      list.push({
        name: `${id} · unknown id`,
        runs: runs(2),
        expect: 'reject',
        arbitrary: (w) =>
          fc.tuple(fc.constantFrom(...operation.paramNames), fc.ulid()).map(([name, value]) => {
            const valid = validRequest(w, operation, '');
            const query = valid.path.includes('?') ? valid.path.slice(valid.path.indexOf('?')) : '';
            return new HostileRequest(
              operation.method,
              `${pathOf(w, operation, { name, raw: value.toUpperCase() })}${query}`,
              valid.headers,
              valid.body,
              `unknown ${name}`,
            );
          }),
      });
    }

    list.push({
      name: `${id} · forged or broken token`,
      runs: runs(4),
      expect: 'reject',
      status: 401,
      arbitrary: (w) =>
        fc
          .oneof(
            { weight: 3, arbitrary: fc.constantFrom(...w.forgedAuthorizations) },
            {
              weight: 1,
              arbitrary: fc
                .string({ unit: 'binary-ascii', minLength: 1, maxLength: 300 })
                .map((s) => `Bearer ${s}`),
            },
          )
          .filter(byteString)
          .map((authorization) =>
            validRequest(w, operation, `authorization ${clip(authorization, 40)}`, { authorization }),
          ),
    });
  }

  // Valid requests whose text is full of unicode edge cases: they may be taken (2xx) or refused, but
  // never with a 5xx (DynamoDB and the JSON on the way must cope with lone surrogates and friends).
  const unicodeTargets: [string, (w: FuzzWorld, text: string) => unknown][] = [
    [
      'postListing',
      (_, text) => supplyBody({ note: text, address: text, contact: { name: text, phone: '13905981234' } }),
    ],
    ['editListing', (_, text) => ({ note: text })],
    ['updateOrg', (_, text) => ({ name: `甲${text}钢铁` })],
  ];
  for (const [id, bodyOf] of unicodeTargets) {
    const operation = OPERATIONS.find((o) => o.operationId === id);
    if (!operation) continue;
    list.push({
      name: `${id} · unicode edge cases in accepted text`,
      runs: runs(15),
      expect: 'noServerError',
      arbitrary: (w) =>
        fc
          .oneof(
            fc.constantFrom(...UNICODE_EDGES),
            fc.string({ unit: edgeChar, minLength: 1, maxLength: 30 }),
          )
          .map(
            (text) =>
              new HostileRequest(
                operation.method,
                pathOf(w, operation),
                { ...authHeaders(w, roleFor(operation)), 'content-type': 'application/json' },
                JSON.stringify(bodyOf(w, text)),
                `text ${JSON.stringify(text)}`,
              ),
          ),
    });
  }
  return list;
}

// ── Running ──────────────────────────────────────────────────────────────────────────────────────

export interface FuzzStats {
  tried: number;
  clientErrors: number;
  serverErrors: number;
  successes: number;
  dbDiffs: number;
}

export const newStats = (): FuzzStats => ({
  tried: 0,
  clientErrors: 0,
  serverErrors: 0,
  successes: 0,
  dbDiffs: 0,
});

export function summaryLine(label: string, stats: FuzzStats): string {
  return (
    `${label}: ${stats.tried} requests tried, ${stats.clientErrors} 4xx, ${stats.serverErrors} 5xx, ` +
    `${stats.successes} 2xx (accepted-unicode family only), ${stats.dbDiffs} db diffs`
  );
}

interface ErrorBodyShape {
  error?: { code?: unknown; message?: unknown; messages?: { zh?: unknown; en?: unknown } };
}

async function send(w: FuzzWorld, request: HostileRequest): Promise<{ status: number; text: string }> {
  const body = request.body instanceof Uint8Array ? (request.body as Uint8Array<ArrayBuffer>) : request.body;
  const response = await w.ctx.app.request(request.path, {
    method: request.method,
    headers: request.headers,
    body,
  });
  return { status: response.status, text: await response.text() };
}

function documentedErrorBody(text: string): boolean {
  try {
    const { error } = JSON.parse(text) as ErrorBodyShape;
    return (
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      typeof error.messages?.zh === 'string' &&
      typeof error.messages.en === 'string' &&
      error.messages.zh.length > 0 &&
      error.messages.en.length > 0
    );
  } catch {
    return false;
  }
}

/** Keys a caller must never set: ownership, roles, derived quantities, storage keys, prototypes. */
const PRIVILEGED_KEYS = [
  '__proto__',
  'constructor',
  'id',
  'orgId',
  'postedByOrgId',
  'remaining',
  'version',
  'pk',
  'platformRoles',
  'orgRole',
  'passwordHash',
  'jurisdiction',
];

/** Each operation's valid body with one privileged key added (own property, even `__proto__`). */
export function massAssignmentRequests(w: FuzzWorld): HostileRequest[] {
  return OPERATIONS.filter((o) => o.bodySchema && SPECS[o.operationId]?.bodies).flatMap((operation) => {
    const spec = SPECS[operation.operationId]!;
    const schema = spec.bodySchema ?? operation.bodySchema!;
    return PRIVILEGED_KEYS.flatMap((key) => {
      const body = structuredClone(spec.bodies!(w)[0]) as Record<string, unknown>;
      // Keys the operation does take (orgRole when adding a user) are not extra.
      if (!rejects(schema, { ...body, [key]: body[key] })) return [];
      setOwn(body, key, key === '__proto__' ? { quantity: 1, orgId: w.orgs.c } : 'x');
      return [
        new HostileRequest(
          operation.method,
          pathOf(w, operation),
          { ...authHeaders(w, roleFor(operation)), 'content-type': 'application/json' },
          JSON.stringify(body),
          `extra ${key}`,
        ),
      ];
    });
  });
}

/** Sends one request that must be refused; returns what went wrong, if anything. */
export async function refusal(
  w: FuzzWorld,
  request: HostileRequest,
  stats: FuzzStats,
): Promise<string | undefined> {
  const { status, text } = await send(w, request);
  stats.tried += 1;
  if (status >= 500) stats.serverErrors += 1;
  else if (status >= 400) stats.clientErrors += 1;
  else stats.successes += 1;
  const what = `${request[fc.toStringMethod]()} → ${status} ${text.slice(0, 200)}`;
  if (status < 400 || status >= 500) return what;
  return documentedErrorBody(text) ? undefined : `undocumented error body: ${what}`;
}

/** Sends `family.runs × scale` generated requests (fixed seed) and checks every answer and the table. */
export async function runFamily(w: FuzzWorld, family: Family, options: { seed: number }, stats: FuzzStats) {
  const before = family.expect === 'reject' ? await dumpTable(w.ctx.deps) : undefined;
  await fc.assert(
    fc.asyncProperty(family.arbitrary(w), async (request) => {
      const { status, text } = await send(w, request);
      stats.tried += 1;
      if (status >= 500) stats.serverErrors += 1;
      else if (status >= 400) stats.clientErrors += 1;
      else stats.successes += 1;
      const what = `${request[fc.toStringMethod]()} → ${status} ${text.slice(0, 200)}`;
      if (status >= 500) throw new Error(`server error: ${what}`);
      if (family.expect === 'reject') {
        if (status < 400) throw new Error(`accepted: ${what}`);
        if (family.status !== undefined && status !== family.status) {
          throw new Error(`expected ${family.status}: ${what}`);
        }
      }
      if (status >= 400 && !documentedErrorBody(text)) throw new Error(`undocumented error body: ${what}`);
      const problem = family.check?.(request, status, text);
      if (problem) throw new Error(`${problem}: ${what}`);
    }),
    { seed: options.seed, numRuns: family.runs, endOnFailure: false },
  );
  if (before) {
    const changes = diffDumps(before, await dumpTable(w.ctx.deps));
    if (changes.length > 0) stats.dbDiffs += 1;
    expect(changes, `${family.name} changed the table`).toEqual([]);
  }
}

/** Fixed seed per family: the same requests on every run. */
export function seedFor(name: string, base = 20_200_315): number {
  let hash = base;
  for (const ch of name) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return hash;
}

/** Operations that take a body or a query but have no spec: a new endpoint must be added here. */
export function operationsWithoutSpec(): string[] {
  return OPERATIONS.filter(
    (o) => (o.bodySchema || o.querySchema || UPLOADS.has(o.operationId)) && !SPECS[o.operationId],
  ).map((o) => o.operationId);
}

/** Specs whose valid bodies or queries the schema refuses (mutations would start from nonsense). */
export function invalidBases(w: FuzzWorld): string[] {
  const problems: string[] = [];
  for (const operation of OPERATIONS) {
    const spec = SPECS[operation.operationId];
    if (!spec) continue;
    const bodySchema = spec.bodySchema ?? operation.bodySchema;
    for (const body of spec.bodies?.(w) ?? []) {
      if (bodySchema && rejects(bodySchema, body))
        problems.push(`${operation.operationId} body ${JSON.stringify(body)}`);
    }
    if (spec.query && operation.querySchema && rejects(operation.querySchema, spec.query(w))) {
      problems.push(`${operation.operationId} query ${JSON.stringify(spec.query(w))}`);
    }
  }
  return problems;
}
