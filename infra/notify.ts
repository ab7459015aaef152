import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
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
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { NOTIFICATION_ITEM_TYPES } from '../functions/notifications/item-types.ts';
import { LAMBDA_BUNDLING, LAMBDA_ENTRIES, LAMBDA_NODE_OPTIONS } from './lambda-bundling.ts';
import type { GongxuTable } from './table.ts';

/**
 * Where notifications are sent from, from the CDK context:
 *  - `-c notifyFromDomain=gongxu.example.cn` (an SES domain identity; mail comes from
 *    `notify@<domain>` unless `-c notifyFromEmail=` names another address in it), or
 *    `-c notifyFromEmail=notify@example.cn` alone (an SES e-mail address identity);
 *  - `-c notifySmsOrigination=<phone number id or ARN | pool id or ARN>` (AWS End User Messaging SMS,
 *    registered beforehand: numbers are bought and registered in the console, not by CloudFormation);
 *  - `-c notifySmsConfigurationSet=<name>` (optional, for delivery events).
 * Without them the channel is off: its messages are marked failed, naming what is not configured.
 */
export interface NotifyContext {
  readonly fromDomain?: string;
  readonly fromEmail?: string;
  readonly smsOrigination?: string;
  readonly smsConfigurationSet?: string;
}

export function notifyContextOf(read: (key: string) => unknown): NotifyContext {
  const text = (key: string) => {
    const value = read(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  return {
    fromDomain: text('notifyFromDomain'),
    fromEmail: text('notifyFromEmail'),
    smsOrigination: text('notifySmsOrigination'),
    smsConfigurationSet: text('notifySmsConfigurationSet'),
  };
}

/** The table actions the sender's code calls (functions/notifications/outbox.repo.ts and the table layer). */
export const SENDER_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
] as const;

export interface GongxuNotifyProps {
  readonly stage: string;
  readonly isProduction: boolean;
  readonly table: GongxuTable;
  readonly context: NotifyContext;
  readonly logRetention: RetentionDays;
  /** The configuration check of every function wants them named (the sender verifies no token). */
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * The sender: a Lambda of its own (not in the API bundle) on the table's stream, invoked only for new
 * outbox messages, sending e-mail through SES v2 and SMS through End User Messaging SMS. Its role may
 * send e-mail from the stack's identity only and SMS from the configured origination only.
 */
export class GongxuNotify extends Construct {
  readonly senderFunction: NodejsFunction;
  readonly failureQueue: Queue;
  readonly emailIdentity?: EmailIdentity;
  /** The From address (undefined: e-mail not configured). */
  readonly fromEmail?: string;

  constructor(scope: Construct, id: string, props: GongxuNotifyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const removalPolicy = props.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const { fromDomain, smsOrigination, smsConfigurationSet } = props.context;
    if (props.context.fromEmail && fromDomain && !props.context.fromEmail.endsWith(`@${fromDomain}`)) {
      throw new Error(
        `notifyFromEmail ${props.context.fromEmail} is not an address of notifyFromDomain ${fromDomain}`,
      );
    }
    this.fromEmail = props.context.fromEmail ?? (fromDomain ? `notify@${fromDomain}` : undefined);
    if (fromDomain || this.fromEmail) {
      this.emailIdentity = new EmailIdentity(this, 'EmailIdentity', {
        identity: fromDomain ? Identity.domain(fromDomain) : Identity.email(this.fromEmail!),
      });
    }

    const logGroup = new LogGroup(this, 'SenderLogs', { retention: props.logRetention, removalPolicy });
    const role = new Role(this, 'SenderRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Gongxu ${props.stage} notifications sender Lambda`,
    });
    logGroup.grantWrite(role);
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'OutboxItems',
        effect: Effect.ALLOW,
        actions: [...SENDER_TABLE_ACTIONS],
        resources: [props.table.table.tableArn],
      }),
    );
    if (this.emailIdentity) {
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SendEmailFromIdentity',
          effect: Effect.ALLOW,
          actions: ['ses:SendEmail'],
          resources: [this.emailIdentity.emailIdentityArn],
        }),
      );
    }
    if (smsOrigination) {
      const smsArn = (resource: string) =>
        stack.formatArn({ service: 'sms-voice', resource, arnFormat: ArnFormat.NO_RESOURCE_NAME });
      const origination = smsOrigination.startsWith('arn:')
        ? smsOrigination
        : smsOrigination.startsWith('phone-')
          ? smsArn(`phone-number/${smsOrigination}`)
          : smsOrigination.startsWith('pool-')
            ? smsArn(`pool/${smsOrigination}`)
            : undefined;
      if (!origination) {
        throw new Error(
          `notifySmsOrigination "${smsOrigination}": give a phone number id (phone-…), a pool id (pool-…) or an ARN`,
        );
      }
      role.addToPrincipalPolicy(
        new PolicyStatement({
          sid: 'SendSmsFromOrigination',
          effect: Effect.ALLOW,
          actions: ['sms-voice:SendTextMessage'],
          resources: [
            origination,
            ...(smsConfigurationSet ? [smsArn(`configuration-set/${smsConfigurationSet}`)] : []),
          ],
        }),
      );
    }

    this.senderFunction = new NodejsFunction(this, 'SenderFunction', {
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
      description: `Gongxu ${props.stage} notifications sender (SES e-mail, End User Messaging SMS)`,
      entry: `${repoRoot}${LAMBDA_ENTRIES.sender}`,
      handler: 'handler',
      memorySize: 256,
      timeout: Duration.minutes(1),
      role,
      logGroup,
      environment: {
        STAGE: props.stage,
        TABLE_NAME: props.table.table.tableName,
        AUTH_MODE: 'cognito',
        COGNITO_USER_POOL_ID: props.userPoolId,
        COGNITO_CLIENT_ID: props.userPoolClientId,
        ...(this.fromEmail ? { NOTIFY_FROM_EMAIL: this.fromEmail } : {}),
        ...(smsOrigination ? { NOTIFY_SMS_ORIGINATION: smsOrigination } : {}),
        ...(smsConfigurationSet ? { NOTIFY_SMS_CONFIGURATION_SET: smsConfigurationSet } : {}),
        ...(LAMBDA_NODE_OPTIONS ? { NODE_OPTIONS: LAMBDA_NODE_OPTIONS } : {}),
      },
    });

    this.failureQueue = new Queue(this, 'SenderFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy,
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter destination of the sender’s event source mapping (the metadata ' +
        'of batches that exhausted their retries); a DLQ of a DLQ adds nothing.',
    });
    this.senderFunction.addEventSource(
      new DynamoEventSource(props.table.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        onFailure: new SqsDlq(this.failureQueue),
        // new outbox messages only: their status changes (the sender's own writes) and everything else pass by
        filters: [
          FilterCriteria.filter({
            eventName: ['INSERT'],
            dynamodb: { NewImage: { type: { S: [NOTIFICATION_ITEM_TYPES.outbox] } } },
          }),
        ],
      }),
    );
    new Alarm(this, 'SenderFailuresAlarm', {
      alarmDescription: `Gongxu ${props.stage}: notification sends exhausted their retries (see the SenderFailures queue)`,
      metric: this.failureQueue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'dynamodb:ListStreams (granted by the DynamoDB event source) does not support resource-level ' +
        'permissions; every other stream action is scoped to the table stream ARN.',
    });
  }
}
