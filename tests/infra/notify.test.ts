import type { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GongxuStack } from '../../infra/app.ts';

/**
 * The AWS side of notifications: the SES identity and the SMS origination from the CDK context, a
 * sender Lambda of its own on the stream (new outbox messages only), and a role that may send e-mail
 * from that identity only and SMS from that origination only — nothing else may send at all.
 */

type Json = Record<string, unknown>;
type Statement = { Sid?: string; Action: string | string[]; Resource: unknown };

const NOTIFY_CONTEXT = {
  notifyFromDomain: 'gongxu.example.cn',
  notifySmsOrigination: 'phone-0123456789abcdef0123456789abcdef',
  notifySmsConfigurationSet: 'gongxu-sms',
  publicUrl: 'https://gongxu.example.cn',
};

function synth(context: Json, env?: { account: string; region: string }) {
  const { stack } = createApp({
    context: { stage: 'prod', 'aws:cdk:bundling-stacks': [], ...context },
    webDistPath: '/nonexistent/web/dist',
    ...(env ? { env } : {}),
  });
  return { stack, template: Template.fromStack(stack) };
}

const logicalIdIn = (stack: Stack, element: { node: { defaultChild?: unknown } }): string =>
  stack.resolve(stack.getLogicalId(element.node.defaultChild as CfnElement));

function statementsOf(template: Template, roleId: string): Statement[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => statements.flatMap((s) => [s.Action].flat());

describe('notifications in AWS, configured', () => {
  let stack: GongxuStack;
  let template: Template;

  beforeAll(() => {
    ({ stack, template } = synth(NOTIFY_CONTEXT, { account: '123456789012', region: 'ap-southeast-1' }));
  });

  it('verifies the sending domain as an SES identity', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'gongxu.example.cn' });
  });

  it('lets the sender send e-mail from that identity only, and SMS from the configured origination only', () => {
    const roleId = logicalIdIn(stack, stack.notify.senderFunction.role!);
    const statements = statementsOf(template, roleId);
    const email = statements.filter((s) => actionsOf([s]).includes('ses:SendEmail'));
    expect(email).toHaveLength(1);
    expect(email[0]!.Action).toBe('ses:SendEmail');
    expect(email[0]!.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':ses:ap-southeast-1:123456789012:identity/',
          { Ref: logicalIdIn(stack, stack.notify.emailIdentity!) },
        ],
      ],
    });
    const sms = statements.filter((s) => actionsOf([s]).includes('sms-voice:SendTextMessage'));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.Action).toBe('sms-voice:SendTextMessage');
    const arn = (rest: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] });
    expect(sms[0]!.Resource).toEqual([
      arn(':sms-voice:ap-southeast-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef'),
      arn(':sms-voice:ap-southeast-1:123456789012:configuration-set/gongxu-sms'),
    ]);
  });

  it('gives the sender the From address and origination, and no other function any sending right', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          NOTIFY_FROM_EMAIL: 'notify@gongxu.example.cn',
          NOTIFY_SMS_ORIGINATION: 'phone-0123456789abcdef0123456789abcdef',
          NOTIFY_SMS_CONFIGURATION_SET: 'gongxu-sms',
        }),
      },
    });
    const sender = logicalIdIn(stack, stack.notify.senderFunction.role!);
    for (const policy of Object.values(template.findResources('AWS::IAM::Policy'))) {
      if ((policy.Properties.Roles as Json[]).some((ref) => ref.Ref === sender)) continue;
      const actions = actionsOf(policy.Properties.PolicyDocument.Statement as Statement[]);
      expect(actions.filter((a) => a.startsWith('ses:') || a.startsWith('sms-voice:'))).toEqual([]);
    }
  });

  it('invokes the sender for new outbox messages only, with retries, bisection and an on-failure queue', () => {
    const mappings = Object.values(template.findResources('AWS::Lambda::EventSourceMapping')).filter(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) ===
        JSON.stringify({ Ref: logicalIdIn(stack, stack.notify.senderFunction) }),
    );
    expect(mappings).toHaveLength(1);
    const properties = mappings[0]!.Properties;
    expect(properties).toMatchObject({
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      StartingPosition: 'TRIM_HORIZON',
    });
    expect(properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
      { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['outbox'] } } } },
    ]);
  });

  it('writes the site’s address into the stream function for the links in e-mails and SMS', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ PUBLIC_URL: 'https://gongxu.example.cn' }) },
    });
  });

  it('passes cdk-nag’s AwsSolutions checks', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}`)).toEqual([]);
  });
});

describe('notifications in AWS, not configured', () => {
  it('creates no identity and grants no sending right; the links lead to the CloudFront address', () => {
    const { stack, template } = synth({});
    template.resourceCountIs('AWS::SES::EmailIdentity', 0);
    const statements = statementsOf(template, logicalIdIn(stack, stack.notify.senderFunction.role!));
    expect(actionsOf(statements).filter((a) => a.startsWith('ses:') || a.startsWith('sms-voice:'))).toEqual(
      [],
    );
    const stream = template.toJSON().Resources[logicalIdIn(stack, stack.api.streamFunction)].Properties;
    expect(JSON.stringify(stream.Environment.Variables.PUBLIC_URL)).toContain('DomainName');
  });

  it('refuses an SMS origination it cannot scope a grant to', () => {
    expect(() => synth({ notifySmsOrigination: 'GONGXU' })).toThrow(/phone number id .* pool id .* ARN/);
  });

  it('takes an e-mail address identity when no domain is given', () => {
    const { template } = synth({ notifyFromEmail: 'notify@example.cn' });
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'notify@example.cn' });
  });
});
