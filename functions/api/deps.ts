import { AuditRepo } from '../audit/audit.repo.ts';
import type { IdentityProvider } from '../auth/identity.ts';
import type { CognitoIdentityOptions } from '../auth/identity-cognito.ts';
import { localIdentity } from '../auth/identity-local.ts';
import { SignInThrottle } from '../auth/sign-in-throttle.repo.ts';
import {
  createEphemeralSigningKey,
  loadOrCreateSigningKeyFile,
  type SigningKey,
} from '../auth/signing-key.ts';
import { createTokenVerifier, type TokenVerifier } from '../auth/token-verifier.ts';
import { UserRepo } from '../auth/user.repo.ts';
import { CatalogueAdditionsRepo } from '../catalogue/catalogue-additions.repo.ts';
import { CatalogueStore } from '../catalogue/catalogue-store.ts';
import { DealRepo } from '../deals/deal.repo.ts';
import { type FileStore, LocalFileStore } from '../deals/file-store.ts';
// matchmaking events (issue 9)
import { EventRepo } from '../events/event.repo.ts';
import { ImportJobRepo } from '../imports/import-job.repo.ts';
import type { SheetIO } from '../imports/sheet-io.ts';
import { ListTotalsRepo } from '../listings/list-totals.repo.ts';
import { ListingRepo } from '../listings/listing.repo.ts';
// the live day (issue 10)
import { LiveRepo } from '../live/live.repo.ts';
import { MatchRepo } from '../matches/match.repo.ts';
import { MatchingRunRepo } from '../matches/matching-run.repo.ts';
import { MeetingRepo } from '../meetings/meeting.repo.ts';
// notifications (issue 13)
import { NotificationRepo } from '../notifications/notification.repo.ts';
import { OrgRepo } from '../orgs/org.repo.ts';
import { type Clock, systemClock } from '../shared/clock.ts';
import type { Config } from '../shared/config.ts';
import { dynamoClient } from '../shared/db/client.ts';
import { Table } from '../shared/db/table.ts';
import { StreamQuarantineRepo } from '../streams/stream-quarantine.repo.ts';

/** Everything the routes need, built once per process (per Lambda container). */
export interface Deps {
  readonly config: Config;
  readonly clock: Clock;
  readonly table: Table;
  readonly tokens: TokenVerifier;
  readonly identity: IdentityProvider;
  readonly signingKey?: () => Promise<SigningKey>;
  readonly orgs: OrgRepo;
  readonly users: UserRepo;
  readonly signInThrottle: SignInThrottle;
  readonly audit: AuditRepo;
  readonly listings: ListingRepo;
  /** 供应清单/需求清单 running totals, maintained from the stream (issue 11). */
  readonly listTotals: ListTotalsRepo;
  readonly imports: ImportJobRepo;
  readonly matches: MatchRepo;
  readonly runs: MatchingRunRepo;
  readonly catalogueAdditions: CatalogueAdditionsRepo;
  /** The catalogue in use (the base and the stored additions): `await deps.catalogue.current()`. */
  readonly catalogue: CatalogueStore;
  // hardening (issue 12)
  readonly streamQuarantine: StreamQuarantineRepo;
  // matchmaking events (issue 9)
  readonly events: EventRepo;
  readonly meetings: MeetingRepo;
  // deals
  readonly deals: DealRepo;
  /** Files of signed papers: S3 in AWS, a folder on disk locally. */
  readonly files: FileStore;
  // performance (issue 11)
  /** Where spreadsheets are parsed and written; undefined: inline (functions/imports/sheet-io-inline.ts). */
  readonly sheets?: SheetIO;
  // the live day (issue 10)
  readonly live: LiveRepo;
  // notifications (issue 13)
  readonly notifications: NotificationRepo;
}

/**
 * The adapters to AWS services other than DynamoDB, handed in by the one entry point that uses them
 * (functions/api/handler.ts). The other Lambdas (sheets, stream, maintenance) never administer users
 * or touch deal files, so their bundles do not carry these clients and their roles are not granted
 * them (tests/infra/iam-from-code.test.ts derives each role's actions from its bundle).
 */
export interface AwsAdapters {
  readonly cognitoIdentity?: (options: CognitoIdentityOptions) => IdentityProvider;
  readonly s3Files?: (bucket: string) => FileStore;
}

/** What a function without the adapter answers if it is ever asked (a wiring error: a 500). */
function unavailable(what: string): never {
  throw new Error(`${what} is not available in this function (only the API Lambda is given it)`);
}

const noCognito: IdentityProvider = {
  kind: 'cognito',
  prepareUser: async () => unavailable('Cognito user administration'),
  afterUserCreated: async () => unavailable('Cognito user administration'),
  signIn: async () => unavailable('Cognito sign-in'),
  afterRolesChanged: async () => unavailable('Cognito user administration'),
  setPassword: async () => unavailable('Cognito user administration'),
};

const noBucket: FileStore = {
  put: async () => unavailable('The deal files bucket'),
  get: async () => unavailable('The deal files bucket'),
};

export function buildDeps(config: Config, clock: Clock = systemClock, aws: AwsAdapters = {}): Deps {
  const table = new Table(dynamoClient(config), config.tableName);
  const users = new UserRepo(table);
  const currentUser = (userId: string) => users.get(userId);
  let signingKey: (() => Promise<SigningKey>) | undefined;
  let identity: IdentityProvider;
  let tokens: TokenVerifier;
  if (config.authMode === 'cognito') {
    if (!config.cognitoUserPoolId || !config.cognitoClientId || !config.jwksUrl) {
      throw new Error('AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID');
    }
    identity = aws.cognitoIdentity
      ? aws.cognitoIdentity({
          region: config.region,
          userPoolId: config.cognitoUserPoolId,
          clientId: config.cognitoClientId,
        })
      : noCognito;
    tokens = createTokenVerifier({
      keys: { kind: 'remote', url: config.jwksUrl },
      issuer: config.tokenIssuer,
      audience: config.tokenAudience,
      currentUser,
    });
  } else {
    let cached: Promise<SigningKey> | undefined;
    const loadKey = (): Promise<SigningKey> => {
      cached ??= (
        config.localKeyFile ? loadOrCreateSigningKeyFile(config.localKeyFile) : createEphemeralSigningKey()
      ).catch((error) => {
        cached = undefined;
        throw error;
      });
      return cached;
    };
    signingKey = loadKey;
    identity = localIdentity({
      signingKey: loadKey,
      issuer: config.tokenIssuer,
      audience: config.tokenAudience,
      ttlSeconds: config.tokenTtlSeconds,
      clock,
    });
    tokens = createTokenVerifier({
      keys: { kind: 'local', jwks: async () => (await loadKey()).publicJwks },
      issuer: config.tokenIssuer,
      audience: config.tokenAudience,
      clock,
      currentUser,
    });
  }
  const audit = new AuditRepo(table);
  const catalogueAdditions = new CatalogueAdditionsRepo(table);
  return {
    config,
    clock,
    table,
    tokens,
    identity,
    signingKey,
    orgs: new OrgRepo(table),
    users,
    signInThrottle: new SignInThrottle(table, clock),
    audit,
    listings: new ListingRepo(table, audit),
    listTotals: new ListTotalsRepo(table),
    imports: new ImportJobRepo(table),
    matches: new MatchRepo(table),
    runs: new MatchingRunRepo(table),
    catalogueAdditions,
    catalogue: new CatalogueStore(catalogueAdditions),
    // hardening (issue 12)
    streamQuarantine: new StreamQuarantineRepo(table),
    // matchmaking events (issue 9)
    events: new EventRepo(table, audit),
    meetings: new MeetingRepo(table),
    deals: new DealRepo(table),
    live: new LiveRepo(table),
    notifications: new NotificationRepo(table),
    files: config.dealFilesBucket
      ? (aws.s3Files?.(config.dealFilesBucket) ?? noBucket)
      : new LocalFileStore(config.filesDir),
  };
}
