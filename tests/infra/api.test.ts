import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_TOTALS_ITEM_TYPES } from '../../functions/listings/list-totals.ts';
import { NOTIFICATION_ITEM_TYPES } from '../../functions/notifications/item-types.ts';
import { createApp, type GongxuStack } from '../../infra/app.ts';
import { TABLE_SCHEMA } from '../../infra/table-schema.ts';

type Json = Record<string, unknown>;
interface Statement {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource: unknown;
}

let stack: GongxuStack;
let template: Template;

beforeAll(() => {
  ({ stack } = createApp({
    context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] },
    webDistPath: '/nonexistent/web/dist',
  }));
  template = Template.fromStack(stack);
});

const logicalId = (element: { node: { defaultChild?: unknown } }): string =>
  Stack.of(stack).resolve(Stack.of(stack).getLogicalId(element.node.defaultChild as CfnElement));
const getAtt = (id: string, attribute = 'Arn'): Json => ({ 'Fn::GetAtt': [id, attribute] });
const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Every statement of every policy attached to the role (inline, attached customer policies, managed). */
function statementsOf(role: IRole): { statements: Statement[]; managedPolicies: unknown[] } {
  const roleId = logicalId(role);
  const roleResource = template.toJSON().Resources[roleId] as { Properties: Json };
  const inline = (roleResource.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[]) ?? [];
  const attached = Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId))
    .map((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
  return {
    statements: [...inline.flatMap((policy) => policy.PolicyDocument.Statement), ...attached.flat()],
    managedPolicies: (roleResource.Properties.ManagedPolicyArns as unknown[]) ?? [],
  };
}

describe('Lambda functions', () => {
  it('run Node.js 24 on arm64 with JSON logs', () => {
    for (const fn of [stack.api.apiFunction, stack.api.streamFunction]) {
      expect(template.toJSON().Resources[logicalId(fn)].Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        LoggingConfig: { LogFormat: 'JSON' },
      });
    }
  });

  it('give the API function 1024 MB, a 29 s timeout and the configuration env vars', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('HTTP API'),
      MemorySize: 1024,
      Timeout: 29,
      Environment: {
        Variables: {
          STAGE: 'dev',
          TABLE_NAME: { Ref: logicalId(stack.table.table) },
          AUTH_MODE: 'cognito',
          COGNITO_USER_POOL_ID: { Ref: logicalId(stack.auth.userPool) },
          COGNITO_CLIENT_ID: { Ref: logicalId(stack.auth.client) },
          WEB_ORIGINS: '',
        },
      },
    });
  });

  it('do not enable source maps at run time (Node would parse the map on every cold start)', () => {
    const functions = Object.values(template.findResources('AWS::Lambda::Function'));
    expect(functions.length).toBeGreaterThanOrEqual(4);
    for (const fn of functions) {
      const variables = (fn.Properties.Environment?.Variables ?? {}) as Json;
      expect(variables.NODE_OPTIONS ?? '').not.toContain('--enable-source-maps');
    }
  });

  it('give spreadsheets a function of their own: 2048 MB, 29 s, the same configuration', () => {
    expect(template.toJSON().Resources[logicalId(stack.api.sheetsFunction)].Properties).toMatchObject({
      Description: expect.stringContaining('spreadsheet'),
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      MemorySize: 2048,
      Timeout: 29,
      Environment: { Variables: { AUTH_MODE: 'cognito', TABLE_NAME: { Ref: logicalId(stack.table.table) } } },
    });
  });

  it('keep function logs and API access logs for one month', () => {
    const groups = Object.values(template.findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(3);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBe(30);
    for (const fn of [stack.api.apiFunction, stack.api.streamFunction]) {
      const { LoggingConfig } = template.toJSON().Resources[logicalId(fn)].Properties;
      expect(template.toJSON().Resources[LoggingConfig.LogGroup.Ref].Type).toBe('AWS::Logs::LogGroup');
    }
  });
});

describe('HTTP API', () => {
  it('has a $default stage that auto-deploys, throttles and writes access logs', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: {
        DestinationArn: Match.anyValue(),
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
  });

  /** Route key → the function its integration invokes. */
  function routeTargets(): Map<string, string> {
    const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: Json }>;
    const targets = new Map<string, string>();
    for (const route of Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')) {
      const integrationId = ((route.Properties.Target as Json)['Fn::Join'] as [string, [string, Json]])[1][1]
        .Ref as string;
      const uri = resources[integrationId]!.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      targets.set(route.Properties.RouteKey as string, uri['Fn::GetAtt'][0]);
    }
    return targets;
  }

  it('sends ANY / and ANY /{proxy+} to the API function with the 2.0 payload', () => {
    const targets = routeTargets();
    for (const routeKey of ['ANY /', 'ANY /{proxy+}']) {
      expect(targets.get(routeKey)).toBe(logicalId(stack.api.apiFunction));
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: getAtt(logicalId(stack.api.apiFunction)),
    });
  });

  it('sends imports, exports (lists and the event report) and the OpenAPI document to the sheets function, nothing else', () => {
    const targets = routeTargets();
    const sheets = logicalId(stack.api.sheetsFunction);
    expect(
      [...targets]
        .filter(([, fn]) => fn === sheets)
        .map(([key]) => key)
        .sort(),
    ).toEqual(
      [
        'ANY /api/imports',
        'ANY /api/imports/{proxy+}',
        'GET /api/listings/export',
        'GET /api/listings/summary/export',
        'GET /api/events/{eventId}/report/export',
        'GET /api/openapi.json',
      ].sort(),
    );
    expect(targets.size).toBe(2 + 6 + 10 + 4 + 2);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: getAtt(sheets),
    });
  });

  it('sends listings, matches, runs and deals to the market function, events to the events function, deal scans to the deal-files function', () => {
    const targets = routeTargets();
    const keysOf = (fn: NodejsFunction) =>
      [...targets]
        .filter(([, id]) => id === logicalId(fn))
        .map(([key]) => key)
        .sort();
    expect(keysOf(stack.api.marketFunction)).toEqual(
      ['listings', 'matches', 'inbox', 'matching-runs', 'deals']
        .flatMap((p) => [`ANY /api/${p}`, `ANY /api/${p}/{proxy+}`])
        .sort(),
    );
    expect(keysOf(stack.api.eventsFunction)).toEqual(
      [
        'ANY /api/events',
        'ANY /api/events/{proxy+}',
        'ANY /api/live/{proxy+}',
        'ANY /api/public/{proxy+}',
      ].sort(),
    );
    expect(keysOf(stack.api.dealFilesFunction)).toEqual([
      'GET /api/deals/{dealId}/file',
      'PUT /api/deals/{dealId}/file',
    ]);
  });

  it('gives every request-path function the API’s configuration: Node 24, ARM64, 1024 MB, 29 s', () => {
    for (const fn of [stack.api.marketFunction, stack.api.eventsFunction, stack.api.dealFilesFunction]) {
      expect(template.toJSON().Resources[logicalId(fn)].Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        Timeout: 29,
        Environment: {
          Variables: { AUTH_MODE: 'cognito', TABLE_NAME: { Ref: logicalId(stack.table.table) } },
        },
      });
    }
  });

  it('gives the sheets role table access and its own logs, no user administration or deal files', () => {
    // Which actions exactly: tests/infra/iam-from-code.test.ts derives them from the bundle.
    const { statements, managedPolicies } = statementsOf(stack.api.sheetsFunction.role!);
    const actions = new Set(statements.flatMap((s) => asArray(s.Action)));

    expect(managedPolicies).toEqual([]);
    expect([...actions].filter((a) => !/^(dynamodb|logs):/.test(a))).toEqual([]);
  });
});

describe('DynamoDB stream consumer', () => {
  it('reads the table stream in batches of 100, bisecting and reporting item failures', () => {
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(logicalId(stack.table.table), 'StreamArn'),
      FunctionName: { Ref: logicalId(stack.api.streamFunction) },
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: Match.anyValue(),
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: getAtt(logicalId(stack.api.streamFailureQueue)) } },
    });
  });

  it('is not invoked for the list totals’ own items, and is for everything else', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as {
      Properties: { FunctionName: unknown; FilterCriteria?: { Filters: { Pattern: string }[] } };
    }[];
    const streamMapping = mappings.find(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) ===
        JSON.stringify({ Ref: logicalId(stack.api.streamFunction) }),
    )!;
    const patterns = streamMapping.Properties.FilterCriteria!.Filters.map(
      (f) => JSON.parse(f.Pattern) as Record<string, unknown>,
    );
    // Lambda's event filtering (EventBridge pattern rules: value lists, anything-but, exists), ORed.
    const matches = (pattern: unknown, value: unknown): boolean => {
      if (Array.isArray(pattern)) {
        return pattern.some((rule) => {
          if (rule !== null && typeof rule === 'object') {
            const r = rule as { 'anything-but'?: unknown[]; exists?: boolean };
            if (r.exists !== undefined) return r.exists === (value !== undefined);
            return value !== undefined && !r['anything-but']!.includes(value);
          }
          return rule === value;
        });
      }
      const object = (value ?? {}) as Record<string, unknown>;
      return Object.entries(pattern as Record<string, unknown>).every(([k, p]) => {
        const leaf = Array.isArray(p) && p.some((r) => r !== null && typeof r === 'object' && 'exists' in r);
        if (!leaf && value === undefined) return false;
        return matches(p, object[k]);
      });
    };
    const invoked = (record: unknown) => patterns.some((p) => matches(p, record));
    const image = (type?: string) => ({ dynamodb: { NewImage: type ? { type: { S: type } } : {} } });
    for (const type of ['listing', 'match', 'run', 'deal']) {
      expect(invoked({ eventName: 'MODIFY', ...image(type) }), type).toBe(true);
    }
    expect(invoked({ eventName: 'INSERT', ...image() })).toBe(true);
    expect(invoked({ eventName: 'REMOVE', dynamodb: { OldImage: { type: { S: 'listing' } } } })).toBe(true);
    // nor for the notifications' own items (the sender has its own mapping for the outbox)
    for (const type of [
      ...Object.values(LIST_TOTALS_ITEM_TYPES),
      ...Object.values(NOTIFICATION_ITEM_TYPES),
    ]) {
      expect(invoked({ eventName: 'MODIFY', ...image(type) }), type).toBe(false);
      expect(invoked({ eventName: 'INSERT', ...image(type) }), type).toBe(false);
    }
  });

  it('alarms on an exhausted batch in the failure queue and on every record the handler set aside', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
      Dimensions: [
        { Name: 'QueueName', Value: getAtt(logicalId(stack.api.streamFailureQueue), 'QueueName') },
      ],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: Match.stringLikeRegexp('StreamFunctionLogs') },
      FilterPattern: '{ $.message = "stream record quarantined" }',
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'Gongxu',
      MetricName: Match.stringLikeRegexp('^StreamRecordsQuarantined-'),
      Statistic: 'Sum',
      Threshold: 1,
    });
  });

  it('sends exhausted batches to an encrypted queue that refuses non-TLS requests', () => {
    const queueId = logicalId(stack.api.streamFailureQueue);
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });
});

describe('least privilege', () => {
  const tableId = () => logicalId(stack.table.table);
  const indexArns = () =>
    TABLE_SCHEMA.globalSecondaryIndexes.map((index) => ({
      'Fn::Join': ['', [getAtt(tableId()), `/index/${index.indexName}`]],
    }));

  it('gives the API role item access, index queries, user administration and its own logs, on those resources only', () => {
    // Which actions exactly: tests/infra/iam-from-code.test.ts derives them from the API bundle.
    // Arrange
    const role = stack.api.apiFunction.role!;

    // Act
    const { statements, managedPolicies } = statementsOf(role);
    const actions = new Set(statements.flatMap((s) => asArray(s.Action)));

    // Assert
    expect(managedPolicies).toEqual([]);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(actions.has('dynamodb:Scan')).toBe(false);
    expect([...actions].some((action) => action.includes('*') || action.includes('Batch'))).toBe(false);

    const allowed = [
      JSON.stringify(getAtt(tableId())),
      ...indexArns().map((arn) => JSON.stringify(arn)),
      JSON.stringify(getAtt(logicalId(stack.auth.userPool))),
      JSON.stringify(getAtt(logicalId(stack.api.apiFunction.logGroup))),
    ];
    for (const statement of statements) {
      for (const resource of asArray(statement.Resource)) {
        expect(allowed).toContain(JSON.stringify(resource));
      }
    }
  });

  it('scopes each API statement to the resource it is about', () => {
    const { statements } = statementsOf(stack.api.apiFunction.role!);
    const resourcesFor = (action: string) =>
      statements.filter((s) => asArray(s.Action).includes(action)).flatMap((s) => asArray(s.Resource));

    expect(resourcesFor('dynamodb:PutItem')).toEqual([getAtt(tableId())]);
    expect(resourcesFor('dynamodb:Query')).toEqual(
      expect.arrayContaining([getAtt(tableId()), ...indexArns()]),
    );
    expect(resourcesFor('cognito-idp:AdminCreateUser')).toEqual([getAtt(logicalId(stack.auth.userPool))]);
  });

  it('gives the stream role table access, stream reads and its failure queue only', () => {
    // Which actions exactly: tests/infra/iam-from-code.test.ts derives them from the stream bundle.
    // Arrange
    const role = stack.api.streamFunction.role!;

    // Act
    const { statements, managedPolicies } = statementsOf(role);
    const actions = new Set(statements.flatMap((s) => asArray(s.Action)));

    // Assert
    expect(managedPolicies).toEqual([]);
    expect(actions.has('dynamodb:Scan')).toBe(false);
    expect([...actions].some((action) => action.includes('*') || action.startsWith('cognito-idp:'))).toBe(
      false,
    );
    // The one account-wide resource is ListStreams, which has no resource-level permissions.
    for (const statement of statements) {
      if (asArray(statement.Resource).includes('*')) {
        expect(statement.Action).toBe('dynamodb:ListStreams');
      }
    }
    const streamReads = statements.filter((s) => asArray(s.Action).includes('dynamodb:GetRecords'));
    expect(streamReads.flatMap((s) => asArray(s.Resource))).toEqual([getAtt(tableId(), 'StreamArn')]);
  });
});
