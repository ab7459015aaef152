import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Effect, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel,
  Architecture,
  FilterCriteria,
  LoggingFormat,
  Runtime,
  StartingPosition,
  SystemLogLevel,
} from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup, MetricFilter, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  DEAL_FILE_ROUTE_PATHS,
  EVENT_ROUTE_PATHS,
  type FunctionRoute,
  MARKET_ROUTE_PATHS,
} from '../functions/api/function-routes.ts';
import { SHEET_ROUTE_PATHS } from '../functions/api/sheet-routes.ts';
import { LIST_TOTALS_ITEM_TYPES } from '../functions/listings/list-totals.ts';
import { NOTIFICATION_ITEM_TYPES } from '../functions/notifications/item-types.ts';
import type { GongxuDealFiles } from './deal-files.ts';
import { LAMBDA_BUNDLING, LAMBDA_ENTRIES, LAMBDA_NODE_OPTIONS } from './lambda-bundling.ts';
import type { GongxuTable } from './table.ts';

/**
 * The DynamoDB data-plane actions functions/shared/db/table.ts calls, and nothing else (no Scan, no
 * batch operations, no table management). TransactWriteItems has no IAM action of its own: each item
 * in a transaction is authorised as its Put/Update/Delete, and a condition check as
 * ConditionCheckItem (the list totals' transaction checks that no rebuild holds the province).
 * tests/infra/iam-from-code.test.ts derives the list from each Lambda's bundle and fails if a grant
 * is unused or a call is not granted. The totals rebuild's batch writes run from an operator's
 * command (`npm run rebuild:totals -- --aws`), never in a Lambda.
 */
export const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
] as const;

/** Queries are the only operation the API runs on the indexes. */
export const INDEX_ACTIONS = ['dynamodb:Query'] as const;

/** What functions/auth/identity-cognito.ts calls (sign-in itself is the unauthenticated InitiateAuth). */
export const USER_POOL_ACTIONS = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminSetUserPassword',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
] as const;

export interface ApiThrottle {
  /** Steady-state requests per second for the whole API. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface GongxuApiProps {
  readonly stage: string;
  readonly isProduction: boolean;
  readonly table: GongxuTable;
  readonly userPool: UserPool;
  readonly userPoolClient: UserPoolClient;
  readonly throttle: ApiThrottle;
  /** Extra CORS origins for the API (WEB_ORIGINS). Empty: same-origin only (web and API share CloudFront). */
  readonly webOrigins?: readonly string[];
  readonly logRetention?: RetentionDays;
  /** The bucket of signed deals' files (the API reads and writes them). */
  readonly dealFiles: GongxuDealFiles;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const entry = (path: string): string => `${repoRoot}${path}`;

/**
 * The backend: the HTTP API (`$default` stage) in front of the request-path Lambdas — the API
 * function on the catch-all routes, the market, events and deal-files functions and the sheets
 * function on their paths (functions/api/function-routes.ts, sheet-routes.ts), each bundled from its
 * own route modules —, the DynamoDB Streams Lambda with its event source mapping and on-failure
 * queue, and the scheduled maintenance Lambda.
 */
export class GongxuApi extends Construct {
  readonly httpApi: HttpApi;
  readonly defaultStage: HttpStage;
  /** The catch-all: accounts, organisations, regions, the catalogue, audit, admin (Cognito users). */
  readonly apiFunction: NodejsFunction;
  /** Listings, matches, the inbox, matching runs, deals. */
  readonly marketFunction: NodejsFunction;
  /** Events, meetings, the live day, reports. */
  readonly eventsFunction: NodejsFunction;
  /** The scans of signed papers: the only function with the S3 client and the bucket's grant. */
  readonly dealFilesFunction: NodejsFunction;
  /** Spreadsheet imports, templates and exports (exceljs, papaparse): kept out of the API's cold start. */
  readonly sheetsFunction: NodejsFunction;
  readonly streamFunction: NodejsFunction;
  readonly streamFailureQueue: Queue;
  /** In alarm when a stream batch exhausted its retries (a message in the on-failure queue). */
  readonly streamFailureAlarm: Alarm;
  /** In alarm when the stream handler set a record aside (its `stream record quarantined` log line). */
  readonly streamQuarantineAlarm: Alarm;
  readonly maintenanceFunction: NodejsFunction;

  constructor(scope: Construct, id: string, props: GongxuApiProps) {
    super(scope, id);
    const retention = props.logRetention ?? RetentionDays.ONE_MONTH;
    const removalPolicy = props.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const { table } = props.table;

    const environment = {
      STAGE: props.stage,
      DEAL_FILES_BUCKET: props.dealFiles.bucket.bucketName,
      TABLE_NAME: table.tableName,
      AUTH_MODE: 'cognito',
      COGNITO_USER_POOL_ID: props.userPool.userPoolId,
      COGNITO_CLIENT_ID: props.userPoolClient.userPoolClientId,
      WEB_ORIGINS: (props.webOrigins ?? []).join(','),
      ...(LAMBDA_NODE_OPTIONS ? { NODE_OPTIONS: LAMBDA_NODE_OPTIONS } : {}),
    };

    // --- API Lambda: the catch-all, and the one function that administers Cognito users -------
    this.apiFunction = this.requestFunction('Api', {
      description: `Gongxu ${props.stage} HTTP API (Hono)`,
      roleDescription: `Gongxu ${props.stage} API Lambda`,
      entry: LAMBDA_ENTRIES.api,
      environment,
      retention,
      removalPolicy,
      table: props.table,
    });
    (this.apiFunction.role as Role).addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'UserPoolAdministration',
        effect: Effect.ALLOW,
        actions: [...USER_POOL_ACTIONS],
        resources: [props.userPool.userPoolArn],
      }),
    );

    // --- The other request-path Lambdas: each is built from its own route modules only
    // (functions/api/*-modules.ts), so a cold start compiles only the code of its routes.
    this.marketFunction = this.requestFunction('Market', {
      description: `Gongxu ${props.stage} listings, matches, matching runs and deals`,
      entry: LAMBDA_ENTRIES.market,
      environment,
      retention,
      removalPolicy,
      table: props.table,
    });
    this.eventsFunction = this.requestFunction('Events', {
      description: `Gongxu ${props.stage} matchmaking events, meetings, the live day and reports`,
      entry: LAMBDA_ENTRIES.events,
      environment,
      retention,
      removalPolicy,
      table: props.table,
    });
    this.dealFilesFunction = this.requestFunction('DealFiles', {
      description: `Gongxu ${props.stage} scans of signed deals (S3)`,
      entry: LAMBDA_ENTRIES.dealFiles,
      environment,
      retention,
      removalPolicy,
      table: props.table,
    });
    const dealFilesRole = this.dealFilesFunction.role as Role;
    props.dealFiles.grantApi(dealFilesRole);
    const filesStack = Stack.of(props.dealFiles.bucket);
    const filesBucketId: string = filesStack.resolve(
      filesStack.getLogicalId(props.dealFiles.bucket.node.defaultChild as CfnBucket),
    );
    Validations.of(dealFilesRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${filesBucketId}.Arn>/deals/*]`,
      reason:
        'The deal-files function gets and puts the objects of signed deals under the deals/ prefix of the deal-files bucket ' +
        '(one object per uploaded scan, keyed by deal and file id); it cannot list, delete or reach other keys.',
    });

    // --- Sheets Lambda: the spreadsheet routes (see functions/api/sheet-modules.ts) ----------------
    this.sheetsFunction = this.requestFunction('Sheets', {
      description: `Gongxu ${props.stage} spreadsheet imports and exports`,
      roleDescription: `Gongxu ${props.stage} spreadsheet Lambda`,
      entry: LAMBDA_ENTRIES.sheets,
      // parsing a 10,000-row .xlsx is CPU-bound: more memory is more CPU
      memorySize: 2048,
      environment,
      retention,
      removalPolicy,
      table: props.table,
    });

    // --- HTTP API ----------------------------------------------------------------------------
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `gongxu-${props.stage}`,
      description: `Gongxu ${props.stage} API; CORS is handled by the application`,
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'HttpApiAccessLogs', { retention, removalPolicy });
    this.defaultStage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
            method: '$context.httpMethod',
            path: '$context.path',
            routeKey: '$context.routeKey',
            protocol: '$context.protocol',
            status: '$context.status',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            error: '$context.error.message',
          }),
        ),
      },
    });
    const integration = new HttpLambdaIntegration('ApiIntegration', this.apiFunction);
    this.httpApi.addRoutes({ path: '/{proxy+}', methods: [HttpMethod.ANY], integration });
    this.httpApi.addRoutes({ path: '/', methods: [HttpMethod.ANY], integration });
    const routeTo = (id: string, fn: NodejsFunction, routes: readonly FunctionRoute[]) => {
      const target = new HttpLambdaIntegration(`${id}Integration`, fn);
      for (const route of routes) {
        this.httpApi.addRoutes({
          path: route.path,
          methods: route.methods.map((m) => HttpMethod[m]),
          integration: target,
        });
      }
    };
    routeTo('Sheets', this.sheetsFunction, SHEET_ROUTE_PATHS);
    routeTo('Market', this.marketFunction, MARKET_ROUTE_PATHS);
    routeTo('Events', this.eventsFunction, EVENT_ROUTE_PATHS);
    routeTo('DealFiles', this.dealFilesFunction, DEAL_FILE_ROUTE_PATHS);

    const authorizationReason =
      'Authorization is done by the application: public routes (sign-in, regions, public events, OpenAPI) ' +
      'share the path routes with protected ones, and every function’s Hono app verifies Cognito ID tokens ' +
      '(issuer, audience, JWKS signature) on every protected route.';
    Validations.of(this.httpApi).acknowledge({ id: 'AwsSolutions-APIG4', reason: authorizationReason });

    // --- DynamoDB Streams Lambda ---------------------------------------------------------------
    this.streamFailureQueue = new Queue(this, 'StreamFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.streamFailureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the stream event source mapping (it receives ' +
        'the metadata of batches that exhausted their retries); a DLQ of a DLQ adds nothing.',
    });

    const streamLogGroup = new LogGroup(this, 'StreamFunctionLogs', { retention, removalPolicy });
    const streamRole = new Role(this, 'StreamFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Gongxu ${props.stage} DynamoDB Streams Lambda`,
    });
    streamLogGroup.grantWrite(streamRole);
    this.addTableAccess(streamRole, props.table);

    this.streamFunction = new NodejsFunction(this, 'StreamFunction', {
      ...functionDefaults(),
      description: `Gongxu ${props.stage} DynamoDB Streams consumer`,
      entry: entry(LAMBDA_ENTRIES.stream),
      handler: 'handler',
      // a batch can run live matching (min-cost flow) for up to 100 changed listings
      memorySize: 1024,
      timeout: Duration.minutes(5),
      role: streamRole,
      logGroup: streamLogGroup,
      environment,
    });
    this.streamFunction.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.streamFailureQueue),
        // The list totals' own items (written by this function) need no invocation: every record
        // passes except those. Removals all pass (a removed listing leaves the totals).
        filters: STREAM_FILTERS,
      }),
    );
    // What an operator must see: batches that exhausted their retries, and records set aside.
    this.streamFailureAlarm = new Alarm(this, 'StreamFailuresAlarm', {
      alarmDescription: `Gongxu ${props.stage}: a DynamoDB stream batch exhausted its retries (see the StreamFailures queue)`,
      metric: this.streamFailureQueue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    const quarantined = new MetricFilter(this, 'StreamQuarantinedFilter', {
      logGroup: streamLogGroup,
      filterPattern: FilterPattern.stringValue('$.message', '=', 'stream record quarantined'),
      metricNamespace: 'Gongxu',
      metricName: `StreamRecordsQuarantined-${props.stage}`,
      metricValue: '1',
      defaultValue: 0,
    });
    this.streamQuarantineAlarm = new Alarm(this, 'StreamQuarantineAlarm', {
      alarmDescription: `Gongxu ${props.stage}: the stream handler set a record aside (GET /api/admin/stream-quarantine)`,
      metric: quarantined.metric({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    Validations.of(streamRole).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams (granted by the DynamoDB event source) does not support resource-level ' +
        'permissions; every other stream action is scoped to the table stream ARN.',
    });
    // --- Scheduled maintenance: the daily listing-expiry sweep ------------------------------------
    const maintenanceLogGroup = new LogGroup(this, 'MaintenanceFunctionLogs', { retention, removalPolicy });
    const maintenanceRole = new Role(this, 'MaintenanceFunctionRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Gongxu ${props.stage} scheduled maintenance Lambda`,
    });
    maintenanceLogGroup.grantWrite(maintenanceRole);
    this.addTableAccess(maintenanceRole, props.table);
    this.maintenanceFunction = new NodejsFunction(this, 'MaintenanceFunction', {
      ...functionDefaults(),
      description: `Gongxu ${props.stage} daily expiry of listings whose window ended`,
      entry: entry(LAMBDA_ENTRIES.maintenance),
      handler: 'handler',
      memorySize: 512,
      timeout: Duration.minutes(10),
      role: maintenanceRole,
      logGroup: maintenanceLogGroup,
      environment,
    });
    new Rule(this, 'DailyMaintenance', {
      description: 'Gongxu: expire listings whose window has ended (00:30 China time)',
      schedule: Schedule.cron({ minute: '30', hour: '16' }),
      targets: [new LambdaFunction(this.maintenanceFunction, { retryAttempts: 2 })],
    });
  }

  /**
   * A request-path Lambda behind the HTTP API: its own role (table access; described as the function
   * unless `roleDescription` is given), logs, 1024 MB unless `memorySize` is given, 29 s.
   */
  private requestFunction(
    id: string,
    options: {
      description: string;
      roleDescription?: string;
      entry: string;
      memorySize?: number;
      environment: Record<string, string>;
      retention: RetentionDays;
      removalPolicy: RemovalPolicy;
      table: GongxuTable;
    },
  ): NodejsFunction {
    const logGroup = new LogGroup(this, `${id}FunctionLogs`, {
      retention: options.retention,
      removalPolicy: options.removalPolicy,
    });
    const role = new Role(this, `${id}FunctionRole`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: options.roleDescription ?? options.description,
    });
    logGroup.grantWrite(role);
    this.addTableAccess(role, options.table);
    return new NodejsFunction(this, `${id}Function`, {
      ...functionDefaults(),
      description: options.description,
      entry: entry(options.entry),
      handler: 'handler',
      memorySize: options.memorySize ?? 1024,
      timeout: Duration.seconds(29),
      role,
      logGroup,
      environment: options.environment,
    });
  }

  /** Item read/write on the table, Query on its indexes: one statement each, nothing account-wide. */
  private addTableAccess(role: Role, table: GongxuTable): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'TableItems',
        effect: Effect.ALLOW,
        actions: [...TABLE_ITEM_ACTIONS],
        resources: [table.table.tableArn],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'TableIndexes',
        effect: Effect.ALLOW,
        actions: [...INDEX_ACTIONS],
        resources: [...table.indexArns],
      }),
    );
  }
}

/** What the stream Lambda is invoked for (patterns are ORed): see the event source mapping. */
export const STREAM_FILTERS = [
  FilterCriteria.filter({ eventName: ['REMOVE'] }),
  FilterCriteria.filter({
    dynamodb: {
      NewImage: {
        type: {
          S: [
            {
              'anything-but': [
                ...Object.values(LIST_TOTALS_ITEM_TYPES),
                ...Object.values(NOTIFICATION_ITEM_TYPES),
              ],
            },
          ],
        },
      },
    },
  }),
  FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: [{ exists: false }] } } } }),
];

function functionDefaults(): Partial<NodejsFunctionProps> {
  return {
    runtime: Runtime.NODEJS_24_X,
    architecture: Architecture.ARM_64,
    loggingFormat: LoggingFormat.JSON,
    applicationLogLevelV2: ApplicationLogLevel.INFO,
    systemLogLevelV2: SystemLogLevel.WARN,
    bundling: {
      ...LAMBDA_BUNDLING,
      externalModules: [...LAMBDA_BUNDLING.externalModules],
      mainFields: [...LAMBDA_BUNDLING.mainFields],
    },
  };
}

/** The region-qualified HTTP API host (the CloudFront origin for `/api/*`). */
export function httpApiDomain(api: HttpApi): string {
  const stack = Stack.of(api);
  return `${api.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
}
