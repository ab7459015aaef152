import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GongxuStack } from '../../infra/app.ts';
import { LAMBDA_ENTRIES } from '../../infra/lambda-bundling.ts';
import { type AwsCalls, awsActionsOfSources, awsCallsOf } from './aws-calls.ts';

/**
 * Each Lambda's role grants exactly what its code calls: the expected actions are derived from the
 * bundle the stack deploys (tests/infra/aws-calls.ts), not copied from the stack's own lists, so a
 * grant nothing calls (the batch actions once were) or a call nothing grants fails here.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Actions the Lambda service itself uses on the function's behalf, not its code. */
const RUNTIME = ['logs:CreateLogStream', 'logs:PutLogEvents'];
/** The stream function's event source mapping reads the stream and sends exhausted batches to SQS. */
const STREAM_POLLER = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
  'sqs:SendMessage',
  'sqs:GetQueueAttributes',
  'sqs:GetQueueUrl',
];

/** Each bundle is built once for the file. */
const bundles = new Map<string, Promise<AwsCalls>>();
const callsOf = (entry: string): Promise<AwsCalls> => {
  if (!bundles.has(entry)) bundles.set(entry, awsCallsOf(ROOT, entry));
  return bundles.get(entry)!;
};

let stack: GongxuStack;
let template: Template;

beforeAll(() => {
  ({ stack } = createApp({
    context: {
      stage: 'dev',
      'aws:cdk:bundling-stacks': [],
      // the notifications sender's channels, so its role holds what its code calls
      notifyFromDomain: 'gongxu.example.cn',
      notifySmsOrigination: 'phone-0123456789abcdef0123456789abcdef',
    },
    webDistPath: '/nonexistent/web/dist',
  }));
  template = Template.fromStack(stack);
});

function grantedTo(fn: IFunction): Set<string> {
  const roleId = Stack.of(stack).resolve(
    Stack.of(stack).getLogicalId(fn.role!.node.defaultChild as CfnElement),
  ) as string;
  const actions = new Set<string>();
  for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
    if (!(policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId)) continue;
    for (const statement of policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[]) {
      for (const action of [statement.Action].flat()) actions.add(action);
    }
  }
  const role = template.toJSON().Resources[roleId].Properties;
  expect(role.Policies ?? []).toEqual([]);
  expect(role.ManagedPolicyArns ?? []).toEqual([]);
  return actions;
}

function compare(calls: AwsCalls, granted: Set<string>, platform: readonly string[]) {
  const ofCode = [...granted].filter((a) => !platform.includes(a));
  return {
    grantedNeverCalled: ofCode.filter((a) => !calls.actions.has(a)).sort(),
    calledNeverGranted: [...calls.actions]
      .filter((a) => !granted.has(a))
      .map((a) => `${a} (${calls.sources.get(a)!.join(', ')})`)
      .sort(),
    platformMissing: platform.filter((a) => !granted.has(a)),
  };
}

describe('IAM grants derived from the code each Lambda runs', () => {
  const functions = () =>
    ({
      api: [stack.api.apiFunction, RUNTIME],
      market: [stack.api.marketFunction, RUNTIME],
      events: [stack.api.eventsFunction, RUNTIME],
      dealFiles: [stack.api.dealFilesFunction, RUNTIME],
      sheets: [stack.api.sheetsFunction, RUNTIME],
      stream: [stack.api.streamFunction, [...RUNTIME, ...STREAM_POLLER]],
      maintenance: [stack.api.maintenanceFunction, RUNTIME],
      sender: [stack.notify.senderFunction, [...RUNTIME, ...STREAM_POLLER]],
    }) satisfies Record<keyof typeof LAMBDA_ENTRIES, [IFunction, readonly string[]]>;

  for (const name of Object.keys(LAMBDA_ENTRIES) as (keyof typeof LAMBDA_ENTRIES)[]) {
    it(`the ${name} function is granted exactly the AWS calls in its bundle`, async () => {
      const [fn, platform] = functions()[name];
      const calls = await callsOf(LAMBDA_ENTRIES[name]);
      expect(calls.files.length).toBeGreaterThan(10);
      expect(compare(calls, grantedTo(fn), platform)).toEqual({
        grantedNeverCalled: [],
        calledNeverGranted: [],
        platformMissing: [],
      });
    });
  }

  it('only the API function administers Cognito users, only the deal-files function carries S3, only the sender SES and SMS', async () => {
    const services = async (entry: string) =>
      new Set([...(await callsOf(entry)).actions].map((a) => a.split(':')[0]));
    expect([...(await services(LAMBDA_ENTRIES.api))].sort()).toEqual(['cognito-idp', 'dynamodb']);
    expect([...(await services(LAMBDA_ENTRIES.dealFiles))].sort()).toEqual(['dynamodb', 's3']);
    for (const entry of [
      LAMBDA_ENTRIES.market,
      LAMBDA_ENTRIES.events,
      LAMBDA_ENTRIES.sheets,
      LAMBDA_ENTRIES.stream,
      LAMBDA_ENTRIES.maintenance,
    ]) {
      expect([...(await services(entry))]).toEqual(['dynamodb']);
    }
    // only the sender carries SES and End User Messaging SMS
    expect([...(await services(LAMBDA_ENTRIES.sender))].sort()).toEqual(['dynamodb', 'ses', 'sms-voice']);
  });
});

describe('the derivation itself', () => {
  const derive = (source: string) => awsActionsOfSources([{ path: 'x.ts', source }]).actions;

  it('sees every command a file imports, under its IAM prefix', () => {
    const actions = derive(
      "import { BatchWriteItemCommand, GetItemCommand as Get, type QueryCommand } from '@aws-sdk/client-dynamodb';\n" +
        "import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';",
    );
    expect([...actions].sort()).toEqual(['dynamodb:BatchWriteItem', 'dynamodb:GetItem', 's3:PutObject']);
  });

  it('ignores type-only imports and unauthenticated calls', () => {
    expect(derive("import type { DeleteItemCommand } from '@aws-sdk/client-dynamodb';").size).toBe(0);
    expect(
      derive("import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';").size,
    ).toBe(0);
  });

  it('authorises a transaction item by item, by the builders the code calls', () => {
    const actions = derive(
      "import { TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';\n" +
        'await table.transact([table.putItem(a), table.conditionCheck(k, c)]);',
    );
    expect([...actions].sort()).toEqual(['dynamodb:ConditionCheckItem', 'dynamodb:PutItem']);
  });

  it('refuses a client it has no IAM prefix for', () => {
    expect(() => derive("import { PublishCommand } from '@aws-sdk/client-sns';")).toThrow(/IAM prefix/);
  });
});
