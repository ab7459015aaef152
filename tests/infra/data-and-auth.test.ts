import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, parseStage } from '../../infra/app.ts';
import { TABLE_SCHEMA } from '../../infra/table-schema.ts';

/** Synthesizes one stage without bundling (no esbuild run) and without a web build. */
function synth(stage: 'dev' | 'prod'): Template {
  const { stack } = createApp({
    context: { stage, 'aws:cdk:bundling-stacks': [] },
    webDistPath: '/nonexistent/web/dist',
  });
  return Template.fromStack(stack);
}

let dev: Template;
let prod: Template;

beforeAll(() => {
  dev = synth('dev');
  prod = synth('prod');
});

describe('stage selection', () => {
  it('defaults to dev and accepts dev and prod', () => {
    expect(parseStage(undefined)).toBe('dev');
    expect(parseStage('dev')).toBe('dev');
    expect(parseStage('prod')).toBe('prod');
  });

  it('rejects an unknown stage', () => {
    expect(() => parseStage('staging')).toThrow(/Unknown stage/);
  });

  it('warns that an AWS China region lacks the services the stack needs', () => {
    // Arrange
    const { stack } = createApp({
      context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] },
      webDistPath: '/nonexistent/web/dist',
      env: { account: '123456789012', region: 'cn-north-1' },
    });

    // Act
    const annotations = Annotations.fromStack(stack);

    // Assert
    annotations.hasWarning('/Gongxu-dev', Match.stringLikeRegexp('not available in the AWS China regions'));
  });
});

describe('DynamoDB table', () => {
  const { primaryKey, globalSecondaryIndexes } = TABLE_SCHEMA;

  it('has the key schema, the three GSIs and the TTL attribute from TABLE_SCHEMA', () => {
    // Arrange
    const keySchema = (pk: string, sk: string) => [
      { AttributeName: pk, KeyType: 'HASH' },
      { AttributeName: sk, KeyType: 'RANGE' },
    ];

    // Act
    const tables = dev.findResources('AWS::DynamoDB::Table');

    // Assert
    expect(Object.keys(tables)).toHaveLength(1);
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: keySchema(primaryKey.partitionKey, primaryKey.sortKey),
      GlobalSecondaryIndexes: globalSecondaryIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: keySchema(index.partitionKey, index.sortKey),
        Projection: { ProjectionType: 'ALL' },
      })),
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: primaryKey.partitionKey, AttributeType: 'S' },
        { AttributeName: primaryKey.sortKey, AttributeType: 'S' },
      ]),
      TimeToLiveSpecification: { AttributeName: TABLE_SCHEMA.timeToLiveAttribute, Enabled: true },
    });
  });

  it('is on-demand with point-in-time recovery, a NEW_AND_OLD_IMAGES stream and AWS-managed encryption', () => {
    for (const template of [dev, prod]) {
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        TableName: Match.stringLikeRegexp('^Gongxu-(dev|prod)$'),
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
        SSESpecification: { SSEEnabled: true },
      });
    }
  });

  it('is deletion-protected and retained in prod', () => {
    prod.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  it('is neither deletion-protected nor retained in dev', () => {
    dev.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
      DeletionPolicy: 'Delete',
    });
  });
});

describe('Cognito user pool', () => {
  it('signs in by email, disables self sign-up and has the org custom attributes', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'OPTIONAL',
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'org_id', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'org_role', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('requires passwords of at least 10 characters with a digit', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: { PasswordPolicy: Match.objectLike({ MinimumLength: 10, RequireNumbers: true }) },
    });
  });

  it('has the organizer and admin groups', () => {
    for (const groupName of ['organizer', 'admin']) {
      dev.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: groupName });
    }
    expect(Object.keys(dev.findResources('AWS::Cognito::UserPoolGroup'))).toHaveLength(2);
  });

  it('has a public app client with password + SRP auth and 1 h / 30 d tokens', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
      AccessTokenValidity: 60,
      IdTokenValidity: 60,
      RefreshTokenValidity: 30 * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      ReadAttributes: Match.arrayWith(['custom:org_id', 'custom:org_role', 'preferred_username']),
    });
  });

  it('does not let users rewrite the attributes the API trusts', () => {
    // Arrange
    const clients = Object.values(dev.findResources('AWS::Cognito::UserPoolClient'));

    // Act
    const writable: string[] = clients.flatMap((client) => client.Properties.WriteAttributes ?? []);

    // Assert
    expect(clients).toHaveLength(1);
    expect(writable).not.toHaveLength(0); // an empty list would mean "all standard attributes"
    for (const trusted of ['custom:org_id', 'custom:org_role', 'preferred_username', 'email']) {
      expect(writable).not.toContain(trusted);
    }
  });

  it('is retained and deletion-protected in prod only', () => {
    prod.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
      DeletionPolicy: 'Retain',
    });
    dev.hasResource('AWS::Cognito::UserPool', {
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
      DeletionPolicy: 'Delete',
    });
  });
});

describe('stack outputs', () => {
  it('exposes the web URL, API URL, user pool id and client id', () => {
    for (const name of ['WebUrl', 'ApiUrl', 'UserPoolId', 'UserPoolClientId']) {
      dev.hasOutput(name, {});
    }
  });
});
