import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GongxuStack } from '../../infra/app.ts';
import { DEAL_FILE_ACTIONS } from '../../infra/deal-files.ts';

type Json = Record<string, unknown>;

let stack: GongxuStack;
let template: Template;

beforeAll(() => {
  ({ stack } = createApp({
    context: { stage: 'prod', 'aws:cdk:bundling-stacks': [] },
    webDistPath: '/nonexistent/web/dist',
  }));
  template = Template.fromStack(stack);
});

const logicalId = (element: { node: { defaultChild?: unknown } }): string =>
  Stack.of(stack).resolve(Stack.of(stack).getLogicalId(element.node.defaultChild as CfnElement));

/** Every policy statement attached to a role. */
function statementsOf(roleId: string): { Action: string | string[]; Resource: unknown }[] {
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as Json[]).some((ref) => ref.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

describe('the bucket of signed deals’ files', () => {
  it('is private, encrypted at rest, versioned and logged', () => {
    const bucket = template.toJSON().Resources[logicalId(stack.dealFiles.bucket)].Properties;
    expect(bucket).toMatchObject({
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack.dealFiles.logsBucket) } },
    });
  });

  it('refuses every request that is not over TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.dealFiles.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Principal: { AWS: '*' },
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('is kept when a production stack is deleted', () => {
    const resource = template.toJSON().Resources[logicalId(stack.dealFiles.bucket)];
    expect(resource.DeletionPolicy).toBe('Retain');
  });

  it('is granted to the deal-files Lambda only, which may get and put objects under deals/ and nothing else', () => {
    const api = template.toJSON().Resources[logicalId(stack.api.dealFilesFunction)].Properties;
    expect(api.Environment.Variables.DEAL_FILES_BUCKET).toEqual({ Ref: logicalId(stack.dealFiles.bucket) });

    const s3Statements = (roleId: string) =>
      statementsOf(roleId).filter((s) =>
        (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => a.startsWith('s3:')),
      );
    const apiS3 = s3Statements(logicalId(stack.api.dealFilesFunction.role!));
    expect(apiS3).toHaveLength(1);
    expect([...(apiS3[0]!.Action as string[])].sort()).toEqual([...DEAL_FILE_ACTIONS].sort());
    expect(apiS3[0]!.Resource).toEqual({
      'Fn::Join': ['', [{ 'Fn::GetAtt': [logicalId(stack.dealFiles.bucket), 'Arn'] }, '/deals/*']],
    });
    for (const fn of [
      stack.api.apiFunction,
      stack.api.marketFunction,
      stack.api.eventsFunction,
      stack.api.sheetsFunction,
      stack.api.streamFunction,
      stack.api.maintenanceFunction,
    ]) {
      expect(s3Statements(logicalId(fn.role!))).toEqual([]);
    }
  });
});
