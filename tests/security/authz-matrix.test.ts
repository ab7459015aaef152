import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp as createApp } from '../../functions/api/sheet-modules.ts';
import { defaultPreferences } from '../../functions/contract/user-notification.ts';
import { hideListing } from '../../functions/listings/listing-commands.ts';
import { openApiDocument } from '../../functions/shared/openapi.ts';
import { type ApiResponse, apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { inDays, supplyBody } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';
import {
  buildWorld,
  catalogueEntries,
  dealTerms,
  freshCreditCode,
  MARKERS,
  notificationOf,
  PDF_TEXT,
  ROLES,
  type Role,
  supplyCsv,
  uniqueEmail,
  type World,
} from './world.ts';

/**
 * Who may do what: every operation of the OpenAPI document × every role, against real resources
 * on DynamoDB Local. The expected outcome of each cell lives in MATRIX below and nowhere else; an
 * operation without a row fails the suite, so a new endpoint cannot ship without a decision.
 *
 * Roles: `member`/`orgAdmin` belong to org A, which owns every resource addressed (its listings,
 * imports, the offer side of its matches); `counterpart` is a member of org B, the other side of
 * A's matches; `otherMember`/`otherAdmin` belong to org C, which has nothing to do with them;
 * `organizer` is the org admin of a department seated in Fuzhou (350102) with the organizer
 * platform role, serving Fujian (35) where all the data is; `organizerStaff` is a colleague in that
 * department without the role; `admin` holds the platform admin role. Matching runs are owned by
 * the organizer's department. A row key `op[variant]` tests the same operation on a resource in
 * another state (a draft, an import made on a firm's behalf).
 *
 * Cells: `2xx` any success, otherwise the exact status.
 */
/** A platform admin acting directly on the domain (to put a listing into a state before a row). */
const SYSTEM_ADMIN = {
  userId: 'matrix-admin',
  email: 'matrix-admin@example.cn',
  orgId: 'matrix-admin-org',
  orgRole: 'org_admin',
  platformRoles: ['admin'],
  oversees: '',
} as const;

const MATRIX = `
operation                   | anonymous | member | orgAdmin | counterpart | otherMember | otherAdmin | organizer | organizerStaff | admin
health                      | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
openapi                     | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
signIn                      | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
jwks                        | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
me                          | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
registerOrg                 | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
listOrgsByRegion            | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
listInvitedOrgs             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
getOrg                      | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
updateOrg                   | 401       | 403    | 2xx      | 403         | 403         | 403        | 403       | 403            | 2xx
listOrgUsers                | 401       | 2xx    | 2xx      | 403         | 403         | 403        | 403       | 403            | 2xx
addOrgUser                  | 401       | 403    | 2xx      | 403         | 403         | 403        | 403       | 403            | 2xx
listRegions                 | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
postListing                 | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
searchListings              | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
searchListings[drafts]      | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
listSummary                 | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
exportSummary               | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
exportListings              | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
exportListings[drafts]      | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
myListings                  | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getListing                  | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getListing[draft]           | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 2xx       | 404            | 2xx
editListing                 | 401       | 2xx    | 2xx      | 403         | 403         | 403        | 403       | 403            | 403
editListing[draft]          | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 403       | 404            | 403
publishListing              | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 403       | 404            | 2xx
withdrawListing             | 401       | 2xx    | 2xx      | 403         | 403         | 403        | 403       | 403            | 2xx
hideListing                 | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
unhideListing               | 401       | 403    | 403      | 404         | 404         | 404        | 2xx       | 404            | 2xx
fulfilListing               | 401       | 2xx    | 2xx      | 403         | 403         | 403        | 403       | 403            | 2xx
listingAudit                | 401       | 2xx    | 2xx      | 403         | 403         | 403        | 2xx       | 403            | 2xx
listingMatches              | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getMatch                    | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
acceptMatch                 | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 403       | 404            | 403
declineMatch                | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 403       | 404            | 403
cancelMatch                 | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 403       | 404            | 403
inbox                       | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
myNotifications             | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
unreadNotifications         | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
markAllNotificationsRead    | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getNotificationPreferences  | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
saveNotificationPreferences | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
markNotificationRead        | 401       | 2xx    | 404      | 404         | 404         | 404        | 404       | 404            | 404
startMatchingRun            | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
listMatchingRuns            | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
getMatchingRun              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
matchingRunProposals        | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
publishMatchingRun          | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
importTemplate              | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
uploadImport                | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
listImports                 | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getImport                   | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 404       | 404            | 404
commitImport                | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 404       | 404            | 404
commitImport[onBehalf]      | 401       | 404    | 404      | 404         | 404         | 404        | 2xx       | 403            | 404
discardImport               | 401       | 403    | 2xx      | 404         | 404         | 404        | 404       | 404            | 404
catalogue                   | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
addSpec                     | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
addSkill                    | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
addCertificate              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
addSubstitution             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
auditLog                    | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
issueInvitation             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
issueInvitation[registered] | 401       | 403    | 403      | 403         | 403         | 403        | 409       | 403            | 409
createEvent                 | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
listEvents                  | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
myEvents                    | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
myEventRegistrations        | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getEvent                    | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getEvent[draft]             | 401       | 404    | 404      | 404         | 404         | 404        | 2xx       | 404            | 2xx
editEvent                   | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
editEvent[draft]            | 401       | 404    | 404      | 404         | 404         | 404        | 2xx       | 404            | 2xx
publishEvent                | 401       | 404    | 404      | 404         | 404         | 404        | 2xx       | 404            | 2xx
cancelEvent                 | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
closeEvent                  | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
copyEvent                   | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventSeries                 | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getPublicEvent              | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
listRegistrations           | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
registerForEvent            | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
myRegistration              | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getRegistration             | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 2xx       | 404            | 2xx
approveRegistration         | 401       | 403    | 403      | 404         | 404         | 404        | 2xx       | 404            | 2xx
refuseRegistration          | 401       | 403    | 403      | 404         | 404         | 404        | 2xx       | 404            | 2xx
withdrawRegistration        | 401       | 2xx    | 2xx      | 404         | 404         | 404        | 2xx       | 404            | 2xx
startEventRound             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventMatches                | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 2xx       | 403            | 2xx
eventParticipants           | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 2xx       | 403            | 2xx
listMeetingRequests         | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 2xx       | 403            | 2xx
requestMeeting              | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 403       | 403            | 403
acceptMeetingRequest        | 401       | 403    | 403      | 2xx         | 404         | 404        | 403       | 404            | 403
declineMeetingRequest       | 401       | 403    | 403      | 2xx         | 404         | 404        | 403       | 404            | 403
cancelMeetingRequest        | 401       | 2xx    | 2xx      | 403         | 404         | 404        | 403       | 404            | 403
getSchedule                 | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
generateSchedule            | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
publishSchedule             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
pinMeeting                  | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
unpinMeeting                | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventTimetable              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventReport                 | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventReport[draft]          | 401       | 404    | 404      | 404         | 404         | 404        | 2xx       | 404            | 2xx
exportEventReport           | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
eventCarryOver              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
regionDashboard             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
getAgenda                   | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 2xx       | 403            | 2xx
getAgendaIcs                | 401       | 2xx    | 2xx      | 2xx         | 403         | 403        | 2xx       | 403            | 2xx
recordDeal                  | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
myDeals                     | 401       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
getDeal                     | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
confirmDeal                 | 401       | 403    | 403      | 2xx         | 404         | 404        | 403       | 404            | 403
disputeDeal                 | 401       | 403    | 403      | 2xx         | 404         | 404        | 403       | 404            | 403
contractFromIntent          | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
reviseDeal                  | 401       | 2xx    | 2xx      | 403         | 404         | 404        | 403       | 404            | 403
withdrawDeal                | 401       | 2xx    | 2xx      | 403         | 404         | 404        | 403       | 404            | 403
deliverDeal                 | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
attachDealFile              | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 403       | 404            | 403
getDealFile                 | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
dealHistory                 | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
matchDeals                  | 401       | 2xx    | 2xx      | 2xx         | 404         | 404        | 2xx       | 404            | 2xx
adminCreateOrg              | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminVerifyOrg              | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminFindUser               | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminSetRoles               | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminSetUserStatus          | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminResetPassword          | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
adminStreamQuarantine       | 401       | 403    | 403      | 403         | 403         | 403        | 403       | 403            | 2xx
getLiveConsole              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
checkInParticipant          | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
lookUpCheckIn               | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
markNoShow                  | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
addLiveMeeting              | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
moveLiveMeeting             | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
startLiveMeeting            | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
finishLiveMeeting           | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
noShowLiveMeeting           | 401       | 403    | 403      | 403         | 403         | 403        | 2xx       | 403            | 2xx
getLiveDashboard            | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
streamLiveDashboard         | 2xx       | 2xx    | 2xx      | 2xx         | 2xx         | 2xx        | 2xx       | 2xx            | 2xx
`;

type Outcome = '2xx' | '400' | '401' | '403' | '404' | '409';
const OUTCOMES: readonly string[] = ['2xx', '400', '401', '403', '404', '409'];

interface Row {
  readonly key: string;
  readonly operationId: string;
  readonly expected: Readonly<Record<Role, Outcome>>;
}

function parseMatrix(text: string): Row[] {
  const [header, ...lines] = text
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()));
  if (header?.slice(1).join(',') !== ROLES.join(','))
    throw new Error(`matrix header must list ${ROLES.join(', ')}`);
  return lines.map((cells) => {
    const [key, ...outcomes] = cells as [string, ...string[]];
    if (outcomes.length !== ROLES.length)
      throw new Error(`${key}: ${outcomes.length} cells for ${ROLES.length} roles`);
    const bad = outcomes.filter((o) => !OUTCOMES.includes(o));
    if (bad.length > 0) throw new Error(`${key}: unknown outcome ${bad.join(', ')}`);
    return {
      key,
      operationId: key.replace(/\[.*\]$/, ''),
      expected: Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i] as Outcome])) as Record<
        Role,
        Outcome
      >,
    };
  });
}

const ROWS = parseMatrix(MATRIX);

interface Operation {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly public: boolean;
}

/** The operations as the OpenAPI document publishes them. */
function documentedOperations(): Operation[] {
  const app = createApp(() => ({ config: { webOrigins: [], stage: 'test' } }) as unknown as Deps);
  const doc = openApiDocument(app, { title: 'authz', version: '0' });
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => {
      const op = operation as { operationId: string; security: unknown[] };
      return {
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        public: op.security.length === 0,
      };
    }),
  );
}

const OPERATIONS = documentedOperations();
const OPERATION_BY_ID = new Map(OPERATIONS.map((o) => [o.operationId, o]));

/** What to send: path parameters (real ids), query and body valid for the operation. */
interface Call {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  raw?: { text: string; contentType: string };
}

/** Builds the request for one cell, creating fresh resources (owned by org A unless stated). */
const TARGETS: Record<string, (world: World, role: Role) => Promise<Call>> = {
  health: async () => ({}),
  openapi: async () => ({}),
  signIn: async (w) => ({ body: { email: w.actors.otherMember.email, password: PASSWORD } }),
  jwks: async () => ({}),
  me: async () => ({}),
  registerOrg: async () => ({
    body: {
      org: {
        name: '新注册企业',
        creditCode: freshCreditCode(),
        kinds: ['manufacturer'],
        adcode: '350102',
        contact: { name: '赵工', phone: '13700001111' },
      },
      admin: { name: '赵六', email: uniqueEmail('register'), password: PASSWORD },
    },
  }),
  listOrgsByRegion: async () => ({ query: { region: '350000' } }),
  listInvitedOrgs: async () => ({ query: { region: '350000' } }),
  getOrg: async (w) => ({ params: { orgId: w.orgs.a } }),
  updateOrg: async (w) => ({ params: { orgId: w.orgs.a }, body: { name: '甲钢铁有限公司' } }),
  listOrgUsers: async (w) => ({ params: { orgId: w.orgs.a } }),
  addOrgUser: async (w) => ({
    params: { orgId: w.orgs.a },
    body: { name: '新同事', email: uniqueEmail('added'), password: PASSWORD, orgRole: 'member' },
  }),
  listRegions: async () => ({ query: { parent: '350000' } }),
  postListing: async () => ({ body: supplyBody() }),
  searchListings: async () => ({ query: { kind: 'supply', region: '350000' } }),
  'searchListings[drafts]': async () => ({ query: { kind: 'supply', region: '350000', status: 'draft' } }),
  listSummary: async () => ({ query: { region: '350000' } }),
  exportSummary: async () => ({ query: { region: '350000', format: 'csv' } }),
  exportListings: async () => ({ query: { kind: 'supply', region: '350000', format: 'csv' } }),
  'exportListings[drafts]': async () => ({
    query: { kind: 'supply', region: '350000', format: 'csv', status: 'draft' },
  }),
  myListings: async () => ({}),
  getListing: async (w) => ({ params: { listingId: await w.supplyOfA() } }),
  'getListing[draft]': async (w) => ({ params: { listingId: await w.supplyOfA({ status: 'draft' }) } }),
  editListing: async (w) => ({ params: { listingId: await w.supplyOfA() }, body: { quantity: 1200 } }),
  'editListing[draft]': async (w) => ({
    params: { listingId: await w.supplyOfA({ status: 'draft' }) },
    body: { quantity: 1200 },
  }),
  publishListing: async (w) => ({ params: { listingId: await w.supplyOfA({ status: 'draft' }) } }),
  withdrawListing: async (w) => ({ params: { listingId: await w.supplyOfA() } }),
  fulfilListing: async (w) => ({ params: { listingId: await w.supplyOfA() } }),
  hideListing: async (w) => ({
    params: { listingId: await w.supplyOfA() },
    body: { reason: '数量不合常理' },
  }),
  unhideListing: async (w) => {
    const listingId = await w.supplyOfA();
    await hideListing(w.ctx.deps, SYSTEM_ADMIN, listingId, 'hide', '数量不合常理');
    return { params: { listingId } };
  },
  listingAudit: async (w) => ({ params: { listingId: await w.supplyOfA() } }),
  listingMatches: async (w) => ({ params: { listingId: (await w.proposedMatch()).offerListingId } }),
  getMatch: async (w) => ({ params: { matchId: (await w.proposedMatch()).matchId } }),
  acceptMatch: async (w) => ({ params: { matchId: (await w.proposedMatch()).matchId } }),
  declineMatch: async (w) => ({ params: { matchId: (await w.proposedMatch()).matchId } }),
  cancelMatch: async (w) => ({ params: { matchId: (await w.confirmedMatch()).matchId } }),
  inbox: async () => ({}),
  // notifications (issue 13): each user's own; the notification marked read is the member's
  myNotifications: async () => ({}),
  unreadNotifications: async () => ({}),
  markAllNotificationsRead: async () => ({}),
  getNotificationPreferences: async () => ({}),
  saveNotificationPreferences: async (w, role) => ({
    body: {
      ...defaultPreferences(),
      version:
        role === 'anonymous'
          ? 0
          : (await w.ctx.deps.notifications.preferences(w.actors[role].userId)).version,
    },
  }),
  markNotificationRead: async (w) => ({ params: { notificationId: await notificationOf(w, 'member') } }),
  startMatchingRun: async () => ({ body: { kind: 'goods', region: '350000', category: 'cement' } }),
  listMatchingRuns: async () => ({}),
  getMatchingRun: async (w) => ({ params: { runId: await w.queuedRun() } }),
  matchingRunProposals: async (w) => ({ params: { runId: await w.doneRun() }, query: { page: '0' } }),
  publishMatchingRun: async (w) => ({ params: { runId: await w.doneRun() } }),
  importTemplate: async () => ({ query: { kind: 'supply', format: 'csv' } }),
  uploadImport: async (w, role) => ({
    query: { kind: 'supply', format: 'csv' },
    raw: {
      // Organizers (and admins) import on firms' behalf: their template names the firm.
      text:
        role === 'organizer' || role === 'admin'
          ? supplyCsv({ onBehalfOf: { name: '甲钢铁有限公司', creditCode: w.orgs.aCreditCode } })
          : supplyCsv(),
      contentType: 'text/csv',
    },
  }),
  listImports: async () => ({}),
  getImport: async (w) => ({ params: { importId: await w.importOfA() } }),
  commitImport: async (w) => ({ params: { importId: await w.importOfA() } }),
  'commitImport[onBehalf]': async (w) => ({ params: { importId: await w.importOnBehalf() } }),
  discardImport: async (w) => ({ params: { importId: await w.importOfA() } }),
  catalogue: async () => ({}),
  // deals: org A recorded each one on a confirmed A–B match
  recordDeal: async (w) => ({
    body: { matchId: (await w.confirmedMatch()).matchId, document: 'intent', ...dealTerms() },
  }),
  myDeals: async () => ({}),
  getDeal: async (w) => ({ params: { dealId: (await w.dealOfA('intent_proposed')).dealId } }),
  confirmDeal: async (w) => ({ params: { dealId: (await w.dealOfA('intent_proposed')).dealId } }),
  disputeDeal: async (w) => ({
    params: { dealId: (await w.dealOfA('intent_proposed')).dealId },
    body: { reason: '单价有误' },
  }),
  contractFromIntent: async (w) => ({
    params: { dealId: (await w.dealOfA('intent')).dealId },
    body: { quantity: 60 },
  }),
  reviseDeal: async (w) => ({
    params: { dealId: (await w.dealOfA('disputed')).dealId },
    body: { quantity: 40 },
  }),
  withdrawDeal: async (w) => ({ params: { dealId: (await w.dealOfA('intent_proposed')).dealId } }),
  deliverDeal: async (w) => ({ params: { dealId: (await w.dealOfA('contract')).dealId } }),
  attachDealFile: async (w) => ({
    params: { dealId: (await w.dealOfA('intent_proposed')).dealId },
    raw: { text: PDF_TEXT, contentType: 'application/pdf' },
  }),
  getDealFile: async (w) => ({
    params: { dealId: (await w.dealOfA('intent_proposed', { withFile: true })).dealId },
  }),
  dealHistory: async (w) => ({ params: { dealId: (await w.dealOfA('intent_proposed')).dealId } }),
  matchDeals: async (w) => ({ params: { matchId: (await w.dealOfA('intent_proposed')).matchId } }),
  // ── the live day (issue 10) ──
  getLiveConsole: async (w) => ({ params: { eventId: (await w.events.scheduledAndPublished()).eventId } }),
  checkInParticipant: async (w) => ({
    params: { eventId: (await w.events.scheduledAndPublished()).eventId },
    body: { orgId: w.orgs.a },
  }),
  lookUpCheckIn: async (w) => {
    const { eventId } = await w.events.scheduledAndPublished();
    return { params: { token: await w.ctx.deps.live.ensureCheckInToken(eventId, w.orgs.a, 'A') } };
  },
  markNoShow: async (w) => ({
    params: { eventId: (await w.events.scheduledAndPublished()).eventId },
    body: { orgId: w.orgs.a },
  }),
  addLiveMeeting: async (w) => {
    // A and B take part without a meeting; the published schedule is empty; the organizer adds one.
    const { eventId } = await w.events.withParticipants();
    const organizer = apiClient(w.ctx.app);
    const asOrganizer = { token: w.tokenOf('organizer')! };
    expect((await organizer.post(`/api/events/${eventId}/schedule`, undefined, asOrganizer)).status).toBe(
      200,
    );
    expect(
      (await organizer.post(`/api/events/${eventId}/schedule/publish`, undefined, asOrganizer)).status,
    ).toBe(200);
    return { params: { eventId }, body: { offerOrgId: w.orgs.a, needOrgId: w.orgs.b } };
  },
  moveLiveMeeting: async (w) => ({
    params: { ...(await w.events.scheduledAndPublished()) },
    body: { slot: 2 },
  }),
  startLiveMeeting: async (w) => ({ params: { ...(await w.events.scheduledAndPublished()) } }),
  finishLiveMeeting: async (w) => {
    const made = await w.events.scheduledAndPublished();
    const started = await apiClient(w.ctx.app).post(
      `/api/events/${made.eventId}/live/meetings/${made.meetingId}/start`,
      undefined,
      { token: w.tokenOf('organizer')! },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    return { params: { ...made } };
  },
  noShowLiveMeeting: async (w) => ({ params: { ...(await w.events.scheduledAndPublished()) } }),
  getLiveDashboard: async (w) => ({
    params: {
      token: await w.ctx.deps.live.ensureDashboardToken((await w.events.scheduledAndPublished()).eventId),
    },
  }),
  streamLiveDashboard: async (w) => ({
    params: {
      token: await w.ctx.deps.live.ensureDashboardToken((await w.events.scheduledAndPublished()).eventId),
    },
  }),
  issueInvitation: async (w) => ({ params: { orgId: await w.invitedOrg() } }),
  'issueInvitation[registered]': async (w) => ({ params: { orgId: w.orgs.a } }),
  auditLog: async () => ({ query: { day: new Date().toISOString().slice(0, 10) } }),
  addSpec: async () => ({ body: catalogueEntries.spec() }),
  addSkill: async () => ({ body: catalogueEntries.skill() }),
  addCertificate: async () => ({ body: catalogueEntries.certificate() }),
  // ── matchmaking events (issue 9) ──
  createEvent: async () => ({ body: eventBody({ categories: [] }) }),
  listEvents: async () => ({ query: { region: '350000', month: eventBody().days[0]!.date.slice(0, 7) } }),
  myEvents: async () => ({}),
  myEventRegistrations: async () => ({}),
  getEvent: async (w) => ({ params: { eventId: await w.events.published() } }),
  'getEvent[draft]': async (w) => ({ params: { eventId: await w.events.draft() } }),
  editEvent: async (w) => ({ params: { eventId: await w.events.published() }, body: { capacity: 50 } }),
  'editEvent[draft]': async (w) => ({ params: { eventId: await w.events.draft() }, body: { capacity: 50 } }),
  publishEvent: async (w) => ({ params: { eventId: await w.events.draft() } }),
  cancelEvent: async (w) => ({ params: { eventId: await w.events.published() } }),
  closeEvent: async (w) => ({ params: { eventId: await w.events.published() } }),
  copyEvent: async (w) => ({
    params: { eventId: await w.events.published() },
    body: { days: [{ date: inDays(35), start: '09:00', end: '12:00' }], registrationDeadline: inDays(28) },
  }),
  eventSeries: async (w) => ({ params: { eventId: await w.events.published() } }),
  getPublicEvent: async (w) => ({ params: { eventId: await w.events.published() } }),
  listRegistrations: async (w) => ({ params: { eventId: (await w.events.withApplicants()).eventId } }),
  registerForEvent: async (w, role) => {
    const eventId = await w.events.published();
    if (role === 'organizer' || role === 'admin') {
      return { params: { eventId }, body: { listingIds: [await w.supplyOfA()], people: 2, orgId: w.orgs.a } };
    }
    if (role === 'anonymous')
      return { params: { eventId }, body: { listingIds: [await w.supplyOfA()], people: 2 } };
    const own = await apiClient(w.ctx.app).post<{ id: string }>('/api/listings', supplyBody(), {
      token: w.actors[role].token,
    });
    return { params: { eventId }, body: { listingIds: [own.body.id], people: 2 } };
  },
  myRegistration: async (w) => ({ params: { eventId: (await w.events.withApplicants()).eventId } }),
  getRegistration: async (w) => {
    const made = await w.events.withApplicants();
    return { params: { eventId: made.eventId, registrationId: made.registrationA } };
  },
  approveRegistration: async (w) => {
    const made = await w.events.withApplicants();
    return { params: { eventId: made.eventId, registrationId: made.registrationA } };
  },
  refuseRegistration: async (w) => {
    const made = await w.events.withApplicants();
    return {
      params: { eventId: made.eventId, registrationId: made.registrationA },
      body: { reason: '清单不符' },
    };
  },
  withdrawRegistration: async (w) => {
    const made = await w.events.withApplicants();
    return { params: { eventId: made.eventId, registrationId: made.registrationA } };
  },
  startEventRound: async (w) => ({ params: { eventId: (await w.events.withParticipants()).eventId } }),
  eventMatches: async (w) => ({ params: { eventId: (await w.events.withParticipants()).eventId } }),
  eventParticipants: async (w) => ({ params: { eventId: (await w.events.withParticipants()).eventId } }),
  listMeetingRequests: async (w) => ({ params: { eventId: (await w.events.meetingRequest()).eventId } }),
  requestMeeting: async (w, role) => ({
    params: { eventId: (await w.events.withParticipants()).eventId },
    body: { toOrgId: role === 'counterpart' ? w.orgs.a : w.orgs.b },
  }),
  acceptMeetingRequest: async (w) => ({ params: { ...(await w.events.meetingRequest()) } }),
  declineMeetingRequest: async (w) => ({ params: { ...(await w.events.meetingRequest()) } }),
  cancelMeetingRequest: async (w) => ({ params: { ...(await w.events.meetingRequest()) } }),
  getSchedule: async (w) => ({ params: { eventId: (await w.events.scheduled()).eventId } }),
  generateSchedule: async (w) => ({ params: { eventId: (await w.events.scheduled()).eventId } }),
  publishSchedule: async (w) => ({ params: { eventId: (await w.events.scheduled()).eventId } }),
  pinMeeting: async (w) => ({ params: { ...(await w.events.scheduled()) }, body: { slot: 1 } }),
  unpinMeeting: async (w) => ({ params: { ...(await w.events.scheduled()) } }),
  eventTimetable: async (w) => ({ params: { eventId: (await w.events.scheduledAndPublished()).eventId } }),
  getAgenda: async (w) => ({ params: { eventId: (await w.events.scheduledAndPublished()).eventId } }),
  // -- reports (issue 10) --
  eventReport: async (w) => ({ params: { eventId: (await w.events.withParticipants()).eventId } }),
  'eventReport[draft]': async (w) => ({ params: { eventId: await w.events.draft() } }),
  exportEventReport: async (w) => ({
    params: { eventId: (await w.events.withParticipants()).eventId },
    query: { lang: 'zh' },
  }),
  eventCarryOver: async (w) => ({ params: { eventId: await w.events.published() } }),
  regionDashboard: async () => ({ query: { region: '350000' } }),
  getAgendaIcs: async (w) => ({ params: { eventId: (await w.events.scheduledAndPublished()).eventId } }),
  // -- the platform admin's area (issue 12) --
  adminCreateOrg: async () => ({
    body: {
      org: {
        name: '福州市工业和信息化局',
        creditCode: freshCreditCode(),
        kinds: ['organizer'],
        adcode: '350102',
        contact: { name: '陈科长', phone: '059187000000' },
      },
      jurisdiction: '350100',
      admin: { name: '陈七', email: uniqueEmail('admin-created'), password: PASSWORD },
    },
  }),
  adminVerifyOrg: async (w) => ({ params: { orgId: w.orgs.c } }),
  adminFindUser: async (w) => ({ query: { email: w.actors.otherMember.email } }),
  adminSetRoles: async (w) => ({
    params: { userId: (await makeOrg(w.ctx.deps, { creditCode: freshCreditCode() })).user.id },
    body: { platformRoles: ['organizer'] },
  }),
  adminSetUserStatus: async (w) => ({
    params: { userId: (await makeOrg(w.ctx.deps, { creditCode: freshCreditCode() })).user.id },
    body: { disabled: true },
  }),
  adminResetPassword: async (w) => ({
    params: { userId: (await makeOrg(w.ctx.deps, { creditCode: freshCreditCode() })).user.id },
    body: { password: 'Another-pass-2026' },
  }),
  adminStreamQuarantine: async () => ({}),
  addSubstitution: async (w) => ({
    body: {
      supply: await w.addedSpec(),
      demand: 'rebar-hrb400e-25',
      basis: { zh: '强度更高', en: 'Stronger' },
    },
  }),
};

/** Roles that must never read org A's contact details, nor its listings' contacts and prices. */
const OUTSIDERS: readonly Role[] = ['anonymous', 'otherMember', 'otherAdmin', 'organizerStaff'];

function matches(outcome: Outcome, status: number): boolean {
  return outcome === '2xx' ? status >= 200 && status < 300 : status === Number(outcome);
}

function textOf(response: ApiResponse<unknown>): string {
  return typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
}

describe('authorization matrix', () => {
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(await freshTable());
  });

  it('has exactly one row per documented operation, and every row names one', () => {
    const documented = OPERATIONS.map((o) => o.operationId);
    const rowed = new Set(ROWS.filter((r) => r.key === r.operationId).map((r) => r.key));
    const missing = documented.filter((id) => !rowed.has(id));
    const unknown = ROWS.filter((r) => !OPERATION_BY_ID.has(r.operationId)).map((r) => r.key);
    const duplicated = ROWS.map((r) => r.key).filter((key, i, all) => all.indexOf(key) !== i);

    expect(missing, 'operations without a row in MATRIX').toEqual([]);
    expect(unknown, 'rows naming no documented operation').toEqual([]);
    expect(duplicated, 'rows given twice').toEqual([]);
  });

  it('has a request for every row', () => {
    expect(ROWS.filter((r) => !TARGETS[r.key]).map((r) => r.key)).toEqual([]);
  });

  it('agrees with the document: public operations admit anonymous callers, the others answer 401', () => {
    const disagreements = ROWS.filter((row) => {
      const operation = OPERATION_BY_ID.get(row.operationId);
      if (!operation) return false;
      return operation.public ? row.expected.anonymous !== '2xx' : row.expected.anonymous !== '401';
    }).map((r) => r.key);

    expect(disagreements).toEqual([]);
  });

  describe.each(ROWS)('$key', (row) => {
    it.each(ROLES)('as %s', async (role) => {
      // Arrange
      const operation = OPERATION_BY_ID.get(row.operationId);
      const target = TARGETS[row.key];
      if (!operation || !target) throw new Error(`${row.key}: no operation or no request for it`);
      const call = await target(world, role);
      let path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
        const value = call.params?.[name];
        if (!value) throw new Error(`${row.key}: no value for path parameter ${name}`);
        return encodeURIComponent(value);
      });
      if (call.query) path += `?${new URLSearchParams(call.query)}`;
      const token = world.tokenOf(role) ?? null;

      // Act
      const response = await apiClient(world.ctx.app).call(operation.method, path, {
        token,
        ...(call.raw ? { rawBody: call.raw.text, contentType: call.raw.contentType } : { body: call.body }),
      });

      // Assert
      const expected = row.expected[role];
      expect(
        matches(expected, response.status),
        `${operation.method} ${path} as ${role}: expected ${expected}, got ${response.status} ${textOf(response).slice(0, 300)}`,
      ).toBe(true);
      const text = textOf(response);
      expect(text).not.toContain('scrypt$');
      expect(text).not.toContain('passwordHash');
      if (response.status >= 400) {
        expect(response.body).toMatchObject({
          error: {
            code: expect.any(String),
            message: expect.any(String),
            messages: { zh: expect.any(String), en: expect.any(String) },
          },
        });
      } else if (OUTSIDERS.includes(role) || role === 'counterpart') {
        expect(text, `org A's contact leaked to ${role}`).not.toContain(MARKERS.orgPhone);
        if (role !== 'counterpart') {
          expect(text, `a listing contact leaked to ${role}`).not.toContain(MARKERS.listingPhone);
          expect(text, `a listing price leaked to ${role}`).not.toContain(String(MARKERS.unitPrice));
        }
      }
    });
  });
});

describe("an organizer's jurisdiction", () => {
  let world: World;
  let shandong: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    world = await buildWorld(await freshTable());
    shandong = await makeOrg(world.ctx.deps, {
      name: '山东省工业和信息化厅',
      kinds: ['organizer'],
      adcode: '370102',
      creditCode: freshCreditCode(),
      platformRoles: ['organizer'],
    });
  });

  it('keeps an organizer from another province out of Fujian: no org list, no run there, no Fujian run', async () => {
    // Arrange
    const api = apiClient(world.ctx.app, { token: shandong.token });
    const fujianRun = await world.queuedRun();

    // Act
    const orgs = await api.get('/api/orgs?region=350000');
    const run = await api.post('/api/matching-runs', { kind: 'goods', region: '350000' });
    const read = await api.get(`/api/matching-runs/${fujianRun}`);
    const own = await api.get('/api/orgs?region=370000');

    // Assert
    expect([orgs.status, run.status, read.status, own.status]).toEqual([403, 403, 404, 200]);
  });

  it('shows an organizer from another province no Fujian drafts, contacts, prices or audit trails', async () => {
    // Arrange
    const api = apiClient(world.ctx.app, { token: shandong.token });
    const draft = await world.supplyOfA({ status: 'draft' });
    const open = await world.supplyOfA();

    // Act
    const readDraft = await api.get(`/api/listings/${draft}`);
    const readOpen = await api.get(`/api/listings/${open}`);
    const audit = await api.get(`/api/listings/${open}/audit`);
    const drafts = await api.get('/api/listings?kind=supply&region=350000&status=draft');

    // Assert
    expect([readDraft.status, readOpen.status, audit.status, drafts.status]).toEqual([404, 200, 403, 403]);
    expect(JSON.stringify(readOpen.body)).not.toContain(MARKERS.listingPhone);
    expect(JSON.stringify(readOpen.body)).not.toContain(String(MARKERS.unitPrice));
  });

  it("refuses to let a department's own admin move its seat to another province and widen its reach", async () => {
    // Arrange
    const api = apiClient(world.ctx.app, { token: world.actors.organizer.token });

    // Act
    const moved = await api.patch(`/api/orgs/${world.orgs.organizer}`, { adcode: '110101' });
    const beijing = await api.get('/api/orgs?region=110000');
    const seat = await apiClient(world.ctx.app, { token: world.actors.admin.token }).get<{ adcode: string }>(
      `/api/orgs/${world.orgs.organizer}`,
    );

    // Assert
    expect(moved.status).toBe(400);
    expect(beijing.status).toBe(403);
    expect(seat.body.adcode).toBe('350102');
  });

  it("refuses to let a department's own admin drop the organizer kind (the first step of moving it unchecked)", async () => {
    // Arrange
    const api = apiClient(world.ctx.app, { token: world.actors.organizer.token });

    // Act
    const dropped = await api.patch(`/api/orgs/${world.orgs.organizer}`, { kinds: ['manufacturer'] });

    // Assert
    expect(dropped.status).toBe(400);
  });

  it('lets a department move within its province, and a platform admin move it anywhere', async () => {
    // Arrange
    const own = apiClient(world.ctx.app, { token: world.actors.organizer.token });
    const admin = apiClient(world.ctx.app, { token: world.actors.admin.token });

    // Act
    const withinFujian = await own.patch(`/api/orgs/${world.orgs.organizer}`, { adcode: '350103' });
    const byAdmin = await admin.patch(`/api/orgs/${shandong.org.id}`, { adcode: '370103' });

    // Assert
    expect([withinFujian.status, byAdmin.status]).toEqual([200, 200]);
  });
});
