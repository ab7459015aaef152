import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  Annotations,
  App,
  type AppProps,
  CfnOutput,
  type Environment,
  Stack,
  type StackProps,
  Tags,
  Token,
  Validations,
} from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { type ApiThrottle, GongxuApi, httpApiDomain } from './api.ts';
import { GongxuAuth } from './auth.ts';
import { GongxuDealFiles } from './deal-files.ts';
import { GongxuNotify, notifyContextOf } from './notify.ts';
import { GongxuTable } from './table.ts';
import { GongxuWeb } from './web.ts';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

const THROTTLE: Record<Stage, ApiThrottle> = {
  dev: { rateLimit: 20, burstLimit: 40 },
  prod: { rateLimit: 200, burstLimit: 400 },
};

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface GongxuStackProps extends StackProps {
  readonly stage: Stage;
  /** Built SPA; defaults to web/dist. */
  readonly webDistPath?: string;
  /** Extra CORS origins for the API (e.g. a local web dev server); default none. */
  readonly webOrigins?: readonly string[];
}

/** Everything Gongxu runs on in one AWS account/region: `Gongxu-<stage>`. */
export class GongxuStack extends Stack {
  readonly table: GongxuTable;
  readonly auth: GongxuAuth;
  readonly api: GongxuApi;
  readonly dealFiles: GongxuDealFiles;
  readonly web: GongxuWeb;
  /** Notifications: SES identity, SMS origination, the sender Lambda (infra/notify.ts). */
  readonly notify: GongxuNotify;

  constructor(scope: Construct, id: string, props: GongxuStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const isProduction = stage === 'prod';

    this.table = new GongxuTable(this, 'Data', { stage, isProduction });
    this.auth = new GongxuAuth(this, 'Auth', { stage, isProduction });
    this.dealFiles = new GongxuDealFiles(this, 'DealFiles', { stage, isProduction });
    this.api = new GongxuApi(this, 'Api', {
      stage,
      isProduction,
      table: this.table,
      userPool: this.auth.userPool,
      userPoolClient: this.auth.client,
      throttle: THROTTLE[stage],
      webOrigins: props.webOrigins ?? [],
      dealFiles: this.dealFiles,
    });
    this.web = new GongxuWeb(this, 'Web', {
      stage,
      isProduction,
      apiDomainName: httpApiDomain(this.api.httpApi),
      webDistPath: props.webDistPath ?? DEFAULT_WEB_DIST,
    });

    this.notify = new GongxuNotify(this, 'Notify', {
      stage,
      isProduction,
      table: this.table,
      context: notifyContextOf((key) => this.node.tryGetContext(key)),
      logRetention: RetentionDays.ONE_MONTH,
      userPoolId: this.auth.userPool.userPoolId,
      userPoolClientId: this.auth.client.userPoolClientId,
    });
    // Links in e-mails and SMS: the site's own address (-c publicUrl=… for a custom domain).
    const publicUrl = this.node.tryGetContext('publicUrl');
    this.api.streamFunction.addEnvironment(
      'PUBLIC_URL',
      typeof publicUrl === 'string' && publicUrl !== ''
        ? publicUrl
        : `https://${this.web.distribution.distributionDomainName}`,
    );

    if (!Token.isUnresolved(this.region) && this.region.startsWith('cn-')) {
      Annotations.of(this).addWarningV2(
        'gongxu:china-region',
        'Cognito user pools, CloudFront Functions and origin access control are not available in the AWS ' +
          'China regions, so this stack will not deploy there; use a global region.',
      );
    }

    new CfnOutput(this, 'WebUrl', {
      description: 'The web app (and /api/* behind it)',
      value: `https://${this.web.distribution.distributionDomainName}`,
    });
    new CfnOutput(this, 'ApiUrl', {
      description: 'The HTTP API ($default stage) without CloudFront',
      value: this.api.defaultStage.url,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.table.tableName });
  }
}

export function parseStage(value: unknown): Stage {
  const stage = value ?? 'dev';
  if (typeof stage !== 'string' || !(STAGES as readonly string[]).includes(stage)) {
    throw new Error(`Unknown stage ${JSON.stringify(stage)}: use -c stage=${STAGES.join('|')}`);
  }
  return stage as Stage;
}

export interface CreateAppOptions extends AppProps {
  readonly webDistPath?: string;
  /** Defaults to the CLI's CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION (environment-agnostic without). */
  readonly env?: Environment;
}

/** The CDK app: the stage from `-c stage=dev|prod` (default dev), cdk-nag AwsSolutions on everything. */
export function createApp(options: CreateAppOptions = {}): { app: App; stack: GongxuStack } {
  const { webDistPath, env, ...appProps } = options;
  const app = new App(appProps);
  const stage = parseStage(app.node.tryGetContext('stage'));
  const webOrigins = String(app.node.tryGetContext('webOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);

  const stack = new GongxuStack(app, `Gongxu-${stage}`, {
    stage,
    webDistPath,
    webOrigins,
    description: `Gongxu (供需) supply–demand matchmaking — ${stage}`,
    env: env ?? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    terminationProtection: stage === 'prod',
  });

  Tags.of(app).add('project', 'gongxu');
  Tags.of(app).add('stage', stage);
  Tags.of(app).add('managed-by', 'aws-cdk');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) createApp();
