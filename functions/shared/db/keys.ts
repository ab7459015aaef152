/**
 * Every key in the table is built here and nowhere else (single-table design; see
 * infra/table-schema.ts for the attributes). Each entity documents its access patterns.
 */

export interface ItemKey {
  pk: string;
  sk: string;
}

export const keys = {
  /** Organisation profile. gsi1: organisations by province, then adcode (organizers browse their region). */
  org: (orgId: string): ItemKey => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  orgByRegion: (provinceCode: string, adcode: string, orgId: string) => ({
    gsi1pk: keys.orgRegionPartition(provinceCode),
    gsi1sk: `${adcode}#${orgId}`,
  }),
  orgRegionPartition: (provinceCode: string) => `ORGS#${provinceCode}`,
  /**
   * gsi2 (sparse): organisations an organizer's import listed that have not claimed their account yet,
   * by province, then adcode; the key goes when the firm claims it (organizers follow who is missing).
   */
  invitedOrgByRegion: (provinceCode: string, adcode: string, orgId: string) => ({
    gsi2pk: keys.invitedOrgsPartition(provinceCode),
    gsi2sk: `${adcode}#${orgId}`,
  }),
  invitedOrgsPartition: (provinceCode: string) => `INVITED#${provinceCode}`,
  /** Guard item making the credit code unique across organisations. */
  creditCode: (code: string): ItemKey => ({ pk: `CREDIT#${code}`, sk: 'CREDIT' }),

  /** User profile (with its password hash when identity is local). gsi1: users of an organisation. */
  user: (userId: string): ItemKey => ({ pk: keys.userPartition(userId), sk: 'USER' }),
  userPartition: (userId: string) => `USER#${userId}`,
  userByOrg: (orgId: string, email: string) => ({ gsi1pk: keys.orgUsersPartition(orgId), gsi1sk: email }),
  orgUsersPartition: (orgId: string) => `ORG#${orgId}#USERS`,
  /** Guard item making the email unique, and the sign-in lookup from email to user id. */
  email: (email: string): ItemKey => ({ pk: `EMAIL#${email}`, sk: 'EMAIL' }),

  /** A fixed-window counter (sign-in attempts). Expires by TTL. */
  rateWindow: (scope: string, subject: string, windowStart: number): ItemKey => ({
    pk: `RATE#${scope}#${subject}`,
    sk: String(windowStart),
  }),

  /** A stored response for a retried creating request. Expires by TTL. */
  idempotency: (userId: string, idempotencyKey: string): ItemKey => ({
    pk: `IDEMP#${userId}`,
    sk: idempotencyKey,
  }),

  /**
   * A listing. Access patterns, each one Query:
   *  - gsi1: an organisation's listings by kind and status (`ORG#<org>#LISTINGS`, `<kind>#<status>#<id>`);
   *  - gsi2: by kind, category and province, then status and region prefix — a search on category and
   *    city is `begins_with(gsi2sk, "open#3501")` (adcodes nest: province 35, city 3501, county 350102);
   *  - gsi3: by kind and province without category (`LST#<kind>#<prov>`, `<status>#<adcode>#<id>`).
   * Ids are ULIDs, so within a region the order is oldest → newest.
   */
  listing: (listingId: string): ItemKey => ({ pk: keys.listingPartition(listingId), sk: 'LISTING' }),
  listingPartition: (listingId: string) => `LISTING#${listingId}`,
  listingIndexes: (l: {
    id: string;
    orgId: string;
    kind: string;
    status: string;
    category: string;
    adcode: string;
  }) => ({
    gsi1pk: keys.orgListingsPartition(l.orgId),
    gsi1sk: `${l.kind}#${l.status}#${l.id}`,
    gsi2pk: keys.listingsByCategoryPartition(l.kind, l.category, l.adcode.slice(0, 2)),
    gsi2sk: `${l.status}#${l.adcode}#${l.id}`,
    gsi3pk: keys.listingsByRegionPartition(l.kind, l.adcode.slice(0, 2)),
    gsi3sk: `${l.status}#${l.adcode}#${l.id}`,
  }),
  orgListingsPartition: (orgId: string) => `ORG#${orgId}#LISTINGS`,
  listingsByCategoryPartition: (kind: string, category: string, provinceCode: string) =>
    `LST#${kind}#${category}#${provinceCode}`,
  listingsByRegionPartition: (kind: string, provinceCode: string) => `LST#${kind}#${provinceCode}`,

  /** An audit record: who changed what, when. pk per entity; gsi1 per day for organizers' review. */
  audit: (entity: string, entityId: string, at: string, id: string): ItemKey => ({
    pk: keys.auditEntityPartition(entity, entityId),
    sk: `${at}#${id}`,
  }),
  auditByDay: (day: string, at: string, id: string) => ({
    gsi1pk: keys.auditDayPartition(day),
    gsi1sk: `${at}#${id}`,
  }),
  auditEntityPartition: (entity: string, entityId: string) => `AUDIT#${entity}#${entityId}`,
  auditDayPartition: (day: string) => `AUDITDAY#${day}`,

  /**
   * A match between an offer listing and a need listing; the id is derived from the pair, so one
   * pair has one match. gsi1: the matches of an offer listing; gsi2: of a need listing; gsi3 (sparse,
   * only while the match is open): open matches by expiry, so the sweep finds lapsed ones with one Query.
   */
  match: (matchId: string): ItemKey => ({ pk: `MATCH#${matchId}`, sk: 'MATCH' }),
  matchIndexes: (m: {
    id: string;
    offerListingId: string;
    needListingId: string;
    status: string;
    expiresAt: string;
    open: boolean;
  }) => ({
    gsi1pk: keys.listingMatchesPartition(m.offerListingId),
    gsi1sk: `${m.status}#${m.id}`,
    gsi2pk: keys.listingMatchesPartition(m.needListingId),
    gsi2sk: `${m.status}#${m.id}`,
    ...(m.open ? { gsi3pk: keys.openMatchesPartition(), gsi3sk: `${m.expiresAt}#${m.id}` } : {}),
  }),
  listingMatchesPartition: (listingId: string) => `LMATCH#${listingId}`,
  openMatchesPartition: () => 'OPENMATCH',

  /** An organisation's inbox: proposals and changes to its matches, newest first. */
  notification: (orgId: string, at: string, notificationId: string): ItemKey => ({
    pk: keys.inboxPartition(orgId),
    sk: `${at}#${notificationId}`,
  }),
  inboxPartition: (orgId: string) => `INBOX#${orgId}`,

  /** A batch matching run over a scope, with its proposals in chunks. gsi1: an organizer org's runs. */
  matchingRun: (runId: string): ItemKey => ({ pk: keys.runPartition(runId), sk: 'RUN' }),
  runPartition: (runId: string) => `RUN#${runId}`,
  matchingRunChunk: (runId: string, index: number): ItemKey => ({
    pk: keys.runPartition(runId),
    sk: `PROPOSALS#${String(index).padStart(5, '0')}`,
  }),
  matchingRunByOrg: (orgId: string, runId: string) => ({
    gsi1pk: keys.orgRunsPartition(orgId),
    gsi1sk: runId,
  }),
  orgRunsPartition: (orgId: string) => `ORG#${orgId}#RUNS`,

  /** A spreadsheet import job and its chunks of good rows. gsi1: an organisation's imports, newest first. */
  importJob: (importId: string): ItemKey => ({ pk: keys.importPartition(importId), sk: 'IMPORT' }),
  importPartition: (importId: string) => `IMPORT#${importId}`,
  importChunk: (importId: string, index: number): ItemKey => ({
    pk: keys.importPartition(importId),
    sk: `CHUNK#${String(index).padStart(5, '0')}`,
  }),
  importByOrg: (orgId: string, importId: string) => ({
    gsi1pk: keys.orgImportsPartition(orgId),
    gsi1sk: importId,
  }),
  orgImportsPartition: (orgId: string) => `ORG#${orgId}#IMPORTS`,

  /** Catalogue entries added by organizers and admins (one small partition). */
  catalogueAddition: (kind: string, id: string): ItemKey => ({
    pk: keys.catalogueAdditionsPartition(),
    sk: `${kind}#${id}`,
  }),
  catalogueAdditionsPartition: () => 'CATALOGUE',

  // ── matchmaking events (issue 9) ──────────────────────────────────────────────────────────
  /**
   * An event. Access patterns, each one Query:
   *  - gsi1: an organizer's events by first day (`ORG#<org>#EVENTS`, `<startDate>#<id>`; a month is a prefix);
   *  - gsi2 (sparse: not while a draft): events by month and province, then region and day
   *    (`EVENTS#<YYYY-MM>#<prov>`, `<adcode>#<startDate>#<id>`; a city is `begins_with(gsi2sk, "3501")`);
   *  - gsi3: a series' events in date order (`SERIES#<seriesId>`, `<startDate>#<id>`).
   * The event's partition also holds its registrations, meeting requests, meetings, schedule and
   * the links to the matches its round proposed (sort-key prefixes below).
   */
  event: (eventId: string): ItemKey => ({ pk: keys.eventPartition(eventId), sk: 'EVENT' }),
  eventIndexes: (e: {
    id: string;
    organizerOrgId: string;
    seriesId: string;
    region: string;
    startDate: string;
    listed: boolean;
  }) => ({
    gsi1pk: keys.organizerEventsPartition(e.organizerOrgId),
    gsi1sk: `${e.startDate}#${e.id}`,
    ...(e.listed
      ? {
          gsi2pk: keys.eventsByMonthPartition(e.startDate.slice(0, 7), e.region.slice(0, 2)),
          gsi2sk: `${e.region}#${e.startDate}#${e.id}`,
        }
      : {}),
    gsi3pk: keys.seriesPartition(e.seriesId),
    gsi3sk: `${e.startDate}#${e.id}`,
  }),
  organizerEventsPartition: (orgId: string) => `ORG#${orgId}#EVENTS`,
  eventsByMonthPartition: (month: string, provinceCode: string) => `EVENTS#${month}#${provinceCode}`,
  seriesPartition: (seriesId: string) => `SERIES#${seriesId}`,
  eventPartition: (eventId: string) => `EVENT#${eventId}`,

  /** A registration, in its event's partition; gsi1: an organisation's registrations by event day. */
  registration: (eventId: string, registrationId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `REG#${registrationId}`,
  }),
  registrationByOrg: (orgId: string, startDate: string, eventId: string) => ({
    gsi1pk: keys.orgRegistrationsPartition(orgId),
    gsi1sk: `${startDate}#${eventId}`,
  }),
  registrationPrefix: () => 'REG#',
  orgRegistrationsPartition: (orgId: string) => `ORG#${orgId}#REGS`,

  /** A meeting request; gsi1: those an organisation made at an event, gsi2: those made to it. */
  meetingRequest: (eventId: string, requestId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `MREQ#${requestId}`,
  }),
  meetingRequestIndexes: (r: { id: string; eventId: string; fromOrgId: string; toOrgId: string }) => ({
    gsi1pk: keys.orgMeetingRequestsPartition(r.eventId, r.fromOrgId),
    gsi1sk: r.id,
    gsi2pk: keys.orgMeetingRequestsPartition(r.eventId, r.toOrgId),
    gsi2sk: r.id,
  }),
  meetingRequestPrefix: () => 'MREQ#',
  orgMeetingRequestsPartition: (eventId: string, orgId: string) => `EVMREQ#${eventId}#${orgId}`,

  /** A meeting; gsi1: the offering side's agenda at the event, gsi2: the needing side's (by slot). */
  meeting: (eventId: string, meetingId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `MEET#${meetingId}`,
  }),
  meetingIndexes: (m: {
    id: string;
    eventId: string;
    offerOrgId: string;
    needOrgId: string;
    slot: number;
  }) => ({
    gsi1pk: keys.agendaPartition(m.eventId, m.offerOrgId),
    gsi1sk: `${String(m.slot + 1).padStart(4, '0')}#${m.id}`,
    gsi2pk: keys.agendaPartition(m.eventId, m.needOrgId),
    gsi2sk: `${String(m.slot + 1).padStart(4, '0')}#${m.id}`,
  }),
  meetingPrefix: () => 'MEET#',
  agendaPartition: (eventId: string, orgId: string) => `AGENDA#${eventId}#${orgId}`,
  /** The event's schedule: its state and the scheduler's figures. */
  schedule: (eventId: string): ItemKey => ({ pk: keys.eventPartition(eventId), sk: 'SCHEDULE' }),
  /** A match the event's round proposed (the match itself lives under MATCH#). */
  eventMatch: (eventId: string, matchId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `EMATCH#${matchId}`,
  }),
  eventMatchPrefix: () => 'EMATCH#',

  // ── the live day (issue 10) ───────────────────────────────────────────────────────────────
  /** An organisation's check-in at an event (in the event's partition). */
  checkIn: (eventId: string, orgId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `CHECKIN#${orgId}`,
  }),
  checkInPrefix: () => 'CHECKIN#',
  /** An organisation's check-in token at an event, on the event side (one per approved registration). */
  checkInTokenOfOrg: (eventId: string, orgId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `CHECKINTOKEN#${orgId}`,
  }),
  checkInTokenPrefix: () => 'CHECKINTOKEN#',
  /** The same token looked up by its value (the QR code's URL carries only the token). */
  checkInToken: (token: string): ItemKey => ({ pk: `CHECKINTOKEN#${token}`, sk: 'TOKEN' }),
  /** The event's big-screen dashboard token, on the event side and by value. */
  dashboardTokenOfEvent: (eventId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: 'DASHTOKEN',
  }),
  dashboardToken: (token: string): ItemKey => ({ pk: `DASHTOKEN#${token}`, sk: 'TOKEN' }),
  /** A change made during the live day (check-in, no-show, added or moved meeting) with what moved. */
  liveChange: (eventId: string, changeId: string): ItemKey => ({
    pk: keys.eventPartition(eventId),
    sk: `LIVECHANGE#${changeId}`,
  }),
  liveChangePrefix: () => 'LIVECHANGE#',

  /**
   * Where older versions kept the local signing key. The key now lives in a file, never in the
   * table; `npm start` deletes this item if an old `.data/` still has it.
   */
  legacyLocalSigningKey: (): ItemKey => ({ pk: keys.systemPartition(), sk: 'SIGNING_KEY' }),
  /** The partition of the site's own bookkeeping items (one each). */
  systemPartition: () => 'SYSTEM',
  /**
   * A stream record the stream handler could not process after its retries, set aside for an
   * operator (one small partition, newest last; the event id keeps a redelivery from adding twice).
   */
  streamQuarantine: (eventId: string): ItemKey => ({ pk: keys.streamQuarantinePartition(), sk: eventId }),
  streamQuarantinePartition: () => 'QUARANTINE#STREAM',

  /**
   * A deal (签约) and its index items, all in the deal's own partition and written in one transaction:
   *  - the deal (`DEAL#<id>`, `DEAL`): gsi1 the deals of a match, gsi2 of an event, gsi3 by the need's
   *    province and month (`DEALS#<prov>`, `<yyyy-mm>#<adcode>#<id>`) for organizers' regional views;
   *  - one party item per side (`DEAL#<id>`, `PARTY#<org>`), a copy of the deal whose gsi1 is that
   *    organisation's deals, newest first: "my organisation's deals" is one Query whichever side it was on.
   */
  deal: (dealId: string): ItemKey => ({ pk: keys.dealPartition(dealId), sk: 'DEAL' }),
  dealPartition: (dealId: string) => `DEAL#${dealId}`,
  dealIndexes: (d: {
    id: string;
    matchId?: string;
    eventId?: string;
    needAdcode: string;
    createdAt: string;
  }) => ({
    ...(d.matchId ? { gsi1pk: keys.matchDealsPartition(d.matchId), gsi1sk: d.id } : {}),
    ...(d.eventId ? { gsi2pk: keys.eventDealsPartition(d.eventId), gsi2sk: d.id } : {}),
    gsi3pk: keys.regionDealsPartition(d.needAdcode.slice(0, 2)),
    gsi3sk: `${d.createdAt.slice(0, 7)}#${d.needAdcode}#${d.id}`,
  }),
  dealParty: (dealId: string, orgId: string): ItemKey => ({
    pk: keys.dealPartition(dealId),
    sk: `PARTY#${orgId}`,
  }),
  dealPartyIndex: (dealId: string, orgId: string) => ({
    gsi1pk: keys.orgDealsPartition(orgId),
    gsi1sk: dealId,
  }),
  orgDealsPartition: (orgId: string) => `ORG#${orgId}#DEALS`,
  matchDealsPartition: (matchId: string) => `MATCH#${matchId}#DEALS`,
  eventDealsPartition: (eventId: string) => `EVENT#${eventId}#DEALS`,
  regionDealsPartition: (provinceCode: string) => `DEALS#${provinceCode}`,

  // ── list totals (issue 11) ─────────────────────────────────────────────────────────────────
  /**
   * A listing's last applied contribution to the 供应清单/需求清单 totals, with the listing version it
   * reflects, in the listing's own partition (functions/listings/list-totals.repo.ts).
   */
  listTotalsContribution: (listingId: string): ItemKey => ({
    pk: keys.listingPartition(listingId),
    sk: 'TOTALS',
  }),
  /**
   * A running total, one partition per province (`TOTALS#<prov>`). Sort keys, so that a summary for a
   * province, city or county, with or without a category, is one Query on a prefix:
   *   `<scope>#CITY#<city adcode>#<spec>#<unit>` and `<scope>#COUNTY#<county adcode>#<spec>#<unit>`,
   * scope being `ALL` or `CAT:<category>` (categories and spec ids have no `#`).
   */
  listTotal: (s: {
    province: string;
    scope: string;
    level: 'city' | 'county';
    region: string;
    specId: string;
    unit: string;
  }): ItemKey => ({
    pk: keys.listTotalsPartition(s.province),
    sk: `${keys.listTotalsScope(s.scope)}#${s.level === 'city' ? 'CITY' : 'COUNTY'}#${s.region}#${s.specId}#${s.unit}`,
  }),
  listTotalsScope: (scope: string) => (scope === '*' ? 'ALL' : `CAT:${scope}`),
  listTotalsPartition: (province: string) => `TOTALS#${province}`,
  /** The prefix of a region's totals: county level for a county, city level for a city or province. */
  listTotalsPrefix: (regionPrefix: string, scope: string) =>
    `${keys.listTotalsScope(scope)}#${regionPrefix.length === 6 ? 'COUNTY' : 'CITY'}#${regionPrefix}`,
  /** Every total of a province (the rebuild's replacement), with the province's other items excluded. */
  listTotalsAllPrefixes: () => ['ALL#', 'CAT:'],
  /** Present while `npm run rebuild:totals` replaces a province's totals; stream changes wait as pending items. */
  listTotalsRebuild: (province: string): ItemKey => ({
    pk: keys.listTotalsPartition(province),
    sk: 'REBUILD',
  }),
  listTotalsPending: (province: string, listingId: string): ItemKey => ({
    pk: keys.listTotalsPartition(province),
    sk: `PENDING#${listingId}`,
  }),
  listTotalsPendingPrefix: () => 'PENDING#',
  /** Written when the totals were first built (a new table, or the first rebuild of an older one). */
  listTotalsBuilt: (): ItemKey => ({ pk: keys.systemPartition(), sk: 'LIST_TOTALS_BUILT' }),

  // ── notifications to people (issue 13) ───────────────────────────────────────────────────
  /**
   * A user's notifications, newest first (`UNOTIF#<user>`, `N#<id>`: ids are time-ordered and derived
   * from the fact and the user, so a redelivered fact finds its notification there), and in the same
   * partition the count of unread ones, kept in the transactions that add and read them.
   */
  userNotification: (userId: string, notificationId: string): ItemKey => ({
    pk: keys.userNotificationsPartition(userId),
    sk: `N#${notificationId}`,
  }),
  userNotificationsPartition: (userId: string) => `UNOTIF#${userId}`,
  userNotificationPrefix: () => 'N#',
  unreadNotifications: (userId: string): ItemKey => ({
    pk: keys.userNotificationsPartition(userId),
    sk: 'UNREAD',
  }),
  /** A user's notification preferences, next to the user. */
  notificationPreferences: (userId: string): ItemKey => ({
    pk: keys.userPartition(userId),
    sk: 'NOTIFYPREFS',
  }),
  /** An e-mail or SMS to send (the sender Lambda is driven by its stream record); id from notification + channel. */
  outboxMessage: (messageId: string): ItemKey => ({ pk: `OUTBOX#${messageId}`, sk: 'OUTBOX' }),

  /** Marks that demo data was loaded. */
  demoSeed: (): ItemKey => ({ pk: keys.systemPartition(), sk: 'DEMO_SEED' }),
} as const;
