import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type GongxuStack } from '../../infra/app.ts';
import { SPA_REWRITE_FUNCTION, WEB_CONTENT_SECURITY_POLICY } from '../../infra/web.ts';

type Json = Record<string, unknown>;

let webDist: string;
let stack: GongxuStack;
let template: Template;

beforeAll(() => {
  webDist = mkdtempSync(join(tmpdir(), 'gongxu-web-dist-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><div id="app"></div>');
  writeFileSync(join(webDist, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
  writeFileSync(join(webDist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  ({ stack } = createApp({ context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] }, webDistPath: webDist }));
  template = Template.fromStack(stack);
});

afterAll(() => {
  rmSync(webDist, { recursive: true, force: true });
});

const logicalId = (element: { node: { defaultChild?: unknown } }): string =>
  Stack.of(stack).resolve(Stack.of(stack).getLogicalId(element.node.defaultChild as CfnElement));

function distributionConfig(): Json {
  const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution'));
  return distribution?.Properties.DistributionConfig as Json;
}

describe('site bucket', () => {
  it('is private, encrypted, TLS-only and logs its accesses', () => {
    const siteId = logicalId(stack.web.bucket);
    expect(template.toJSON().Resources[siteId].Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LoggingConfiguration: { DestinationBucketName: { Ref: logicalId(stack.web.logsBucket) } },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('is readable only by this distribution through origin access control', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logicalId(stack.web.bucket) },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
  });
});

describe('CloudFront distribution', () => {
  it('serves the SPA from S3 over HTTPS with index.html as root object and access logs', () => {
    const config = distributionConfig();
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' },
      Logging: { Bucket: { 'Fn::GetAtt': [logicalId(stack.web.logsBucket), 'RegionalDomainName'] } },
    });
    const origins = config.Origins as Json[];
    expect(origins.filter((origin) => origin.OriginAccessControlId !== undefined)).toHaveLength(1);
  });

  it('caches the public live dashboard for one second before /api/*, keyed by path only', () => {
    // Arrange
    const behaviors = distributionConfig().CacheBehaviors as Json[];
    const live = behaviors.findIndex((behavior) => behavior.PathPattern === '/api/public/live/*');
    const api = behaviors.findIndex((behavior) => behavior.PathPattern === '/api/*');

    // Assert
    expect(live).toBeGreaterThanOrEqual(0);
    expect(live).toBeLessThan(api);
    expect(behaviors[live]?.AllowedMethods).toEqual(['GET', 'HEAD']);
    expect(behaviors[live]?.TargetOriginId).toBe(behaviors[api]?.TargetOriginId);
    template.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: {
        DefaultTTL: 1,
        MaxTTL: 1,
        MinTTL: 0,
        ParametersInCacheKeyAndForwardedToOrigin: {
          HeadersConfig: { HeaderBehavior: 'none' },
          CookiesConfig: { CookieBehavior: 'none' },
          QueryStringsConfig: { QueryStringBehavior: 'none' },
        },
      },
    });
  });

  it('routes /api/* to the HTTP API uncached, with every method and all viewer headers but Host', () => {
    const behaviors = distributionConfig().CacheBehaviors as Json[];
    const api = behaviors.find((behavior) => behavior.PathPattern === '/api/*');
    expect(api).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    });
    expect(api?.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    const origin = (distributionConfig().Origins as Json[]).find((o) => o.Id === api?.TargetOriginId);
    expect(JSON.stringify(origin?.DomainName)).toContain(logicalId(stack.api.httpApi));
    expect(origin?.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only' });
  });

  it('adds HSTS, nosniff, frame DENY, a referrer policy and the CSP to web responses', () => {
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: {
          ContentSecurityPolicy: { ContentSecurityPolicy: WEB_CONTENT_SECURITY_POLICY, Override: true },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          StrictTransportSecurity: Match.objectLike({
            AccessControlMaxAgeSec: Match.anyValue(),
            Override: true,
          }),
        },
      },
    });
  });

  it('falls back to index.html for client-side routes without touching the API error responses', () => {
    // Arrange
    const rewrite = new Function(`${SPA_REWRITE_FUNCTION}; return handler;`)() as (event: {
      request: { uri: string };
    }) => { uri: string };
    const uriFor = (uri: string) => rewrite({ request: { uri } }).uri;

    // Act + Assert
    expect(uriFor('/')).toBe('/index.html');
    expect(uriFor('/orgs/01HX/listings')).toBe('/index.html');
    expect(uriFor('/assets/app-1a2b3c.js')).toBe('/assets/app-1a2b3c.js');
    expect(uriFor('/favicon.svg')).toBe('/favicon.svg');
    expect(distributionConfig().CustomErrorResponses).toBeUndefined();
    const viewerRequest = (distributionConfig().DefaultCacheBehavior as Json).FunctionAssociations;
    expect(viewerRequest).toEqual([expect.objectContaining({ EventType: 'viewer-request' })]);
  });
});

describe('web deployment', () => {
  it('uploads web/dist with immutable hashed assets and a revalidated index.html, then invalidates', () => {
    const bucket = { Ref: logicalId(stack.web.bucket) };
    expect(Object.values(template.findResources('Custom::CDKBucketDeployment'))).toHaveLength(3);
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: bucket,
      DestinationBucketKeyPrefix: 'assets/',
      SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' },
      Prune: false,
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: bucket,
      SystemMetadata: { 'cache-control': 'public, max-age=3600' },
    });
    template.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketName: bucket,
      SystemMetadata: { 'cache-control': 'no-cache' },
      DistributionPaths: ['/*'],
    });
  });

  it('skips the upload with a warning when the web is not built', () => {
    // Arrange
    const { stack: unbuilt } = createApp({
      context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] },
      webDistPath: join(webDist, 'missing'),
    });

    // Act
    const unbuiltTemplate = Template.fromStack(unbuilt);

    // Assert
    unbuiltTemplate.resourceCountIs('Custom::CDKBucketDeployment', 0);
    Annotations.fromStack(unbuilt).hasWarning('/Gongxu-dev/Web', Match.stringLikeRegexp('npm run build:web'));
  });
});
