import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  Annotations,
  DefaultStackSynthesizer,
  Duration,
  RemovalPolicy,
  Stack,
  Token,
  Validations,
} from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';

/** The SPA's Content-Security-Policy (same as the local server, functions/local/web-server.ts). */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API sets its own headers; this only fills in any that are missing. */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * SPA fallback on the web behaviour only: a path without a file extension is a client-side route,
 * so CloudFront fetches /index.html instead. (Distribution-wide custom error responses would also
 * turn the API's JSON 403/404 answers under /api/* into index.html with status 200.)
 */
export const SPA_REWRITE_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var last = uri.substring(uri.lastIndexOf('/') + 1);
  if (last.indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

export interface GongxuWebProps {
  readonly stage: string;
  readonly isProduction: boolean;
  /** Host name of the HTTP API (`<id>.execute-api.<region>.<suffix>`), the origin for `/api/*`. */
  readonly apiDomainName: string;
  /** The built SPA (`npm run build:web`). Deployed only when it exists. */
  readonly webDistPath: string;
}

/**
 * The web front door: a private S3 bucket (reached only through CloudFront origin access control)
 * holding the SPA, and one CloudFront distribution serving it plus `/api/*` from the HTTP API, so the
 * web and the API share an origin (no CORS, cookies/tokens stay first-party).
 */
export class GongxuWeb extends Construct {
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;
  readonly distribution: Distribution;
  readonly deployed: boolean;

  constructor(scope: Construct, id: string, props: GongxuWebProps) {
    super(scope, id);
    const removal = props.isProduction
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    this.logsBucket = new Bucket(this, 'AccessLogs', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are delivered with an ACL, so ACLs stay enabled on this bucket only.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(props.isProduction ? 365 : 30) },
      ],
    });

    this.bucket = new Bucket(this, 'Site', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3/site/',
    });

    const webHeaders = new ResponseHeadersPolicy(this, 'WebSecurityHeaders', {
      comment: `Gongxu ${props.stage} web security headers`,
      securityHeadersBehavior: securityHeaders({
        contentSecurityPolicy: WEB_CONTENT_SECURITY_POLICY,
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      }),
    });
    const apiHeaders = new ResponseHeadersPolicy(this, 'ApiSecurityHeaders', {
      comment: `Gongxu ${props.stage} API security headers (app headers win)`,
      securityHeadersBehavior: securityHeaders({
        contentSecurityPolicy: API_CONTENT_SECURITY_POLICY,
        referrerPolicy: HeadersReferrerPolicy.NO_REFERRER,
        override: false,
      }),
    });
    const spaRewrite = new CloudFrontFunction(this, 'SpaRewrite', {
      comment: 'Serve /index.html for client-side routes',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromInline(SPA_REWRITE_FUNCTION),
    });

    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [OriginSslPolicy.TLS_V1_2],
    });
    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Gongxu ${props.stage}`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_ALL,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: webHeaders,
        compress: true,
        functionAssociations: [{ function: spaRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        // The live day (issue 10): the hall's big screens poll the public dashboard every second with
        // If-None-Match; cached for 1 s (no headers, cookies or query in the key: the token is in the
        // path), a hall of screens costs about one Lambda call per second, and CloudFront answers
        // the conditional requests (304) from its copy. Listed before /api/* so it matches first.
        '/api/public/live/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          cachePolicy: new CachePolicy(this, 'LiveDashboardCache', {
            comment: 'Gongxu live dashboard: one second',
            defaultTtl: Duration.seconds(1),
            minTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(1),
            enableAcceptEncodingGzip: true,
            enableAcceptEncodingBrotli: true,
          }),
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          // Everything but Host (API Gateway routes on its own host name); Authorization included.
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: apiHeaders,
          compress: true,
        },
      },
    });
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'No geo restriction: the marketplace serves organisations wherever they are; no legal need.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'No WAF yet: a CLOUDFRONT-scope web ACL must live in us-east-1 (a second stack) and costs per ' +
          'rule; the API has stage throttling and per-account sign-in throttling. Tracked as a follow-up.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Uses the default *.cloudfront.net certificate, whose security policy CloudFront fixes at TLSv1; ' +
          'a custom domain with an ACM certificate (TLSv1.2_2021) is a deployment-time choice.',
      },
    );

    this.deployed = existsSync(join(props.webDistPath, 'index.html'));
    if (this.deployed) {
      this.deploySite(props.webDistPath);
    } else {
      Annotations.of(this).addWarningV2(
        'gongxu:web-dist-missing',
        `No web build at ${props.webDistPath}: the bucket stays empty. Run \`npm run build:web\` and deploy again.`,
      );
    }
  }

  /**
   * Vite's hashed files under assets/ are immutable (and never pruned, so tabs still running the
   * previous build can load their chunks); other public files get an hour; index.html is revalidated
   * on every load and goes last, so it never points at chunks that are not uploaded yet.
   */
  private deploySite(webDistPath: string): void {
    const uploads: BucketDeployment[] = [];
    const assetsPath = join(webDistPath, 'assets');
    if (existsSync(assetsPath)) {
      uploads.push(
        new BucketDeployment(this, 'DeployAssets', {
          sources: [Source.asset(assetsPath)],
          destinationBucket: this.bucket,
          destinationKeyPrefix: 'assets/',
          prune: false,
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
          memoryLimit: 512,
        }),
      );
    }
    const special = ['index.html', 'assets'];
    if (readdirSync(webDistPath).some((name) => !special.includes(name))) {
      uploads.push(
        new BucketDeployment(this, 'DeployPublic', {
          sources: [Source.asset(webDistPath, { exclude: special })],
          destinationBucket: this.bucket,
          prune: false,
          cacheControl: [CacheControl.fromString('public, max-age=3600')],
          memoryLimit: 512,
        }),
      );
    }
    const index = new BucketDeployment(this, 'DeployIndex', {
      sources: [Source.asset(webDistPath, { exclude: ['*', '!index.html'] })],
      destinationBucket: this.bucket,
      prune: false,
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    for (const upload of uploads) index.node.addDependency(upload);

    // The deployment handler is a stack-level singleton (shared by both deployments).
    const stack = Stack.of(this);
    const handler = stack.node.children.find((child: IConstruct) =>
      child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    if (handler) acknowledgeDeploymentHandler(handler, this.bucket);
  }
}

function securityHeaders(options: {
  contentSecurityPolicy: string;
  referrerPolicy: HeadersReferrerPolicy;
  override: boolean;
}): ResponseSecurityHeadersBehavior {
  const { override } = options;
  return {
    contentSecurityPolicy: { contentSecurityPolicy: options.contentSecurityPolicy, override },
    contentTypeOptions: { override },
    frameOptions: { frameOption: HeadersFrameOption.DENY, override },
    referrerPolicy: { referrerPolicy: options.referrerPolicy, override },
    strictTransportSecurity: {
      accessControlMaxAge: Duration.days(730),
      includeSubdomains: true,
      override,
    },
  };
}

/**
 * The BucketDeployment handler's role is written by aws-cdk-lib (not configurable): object-level
 * wildcards on the CDK asset bucket and the site bucket, and CloudFront invalidation on `*`.
 */
function acknowledgeDeploymentHandler(handler: IConstruct, siteBucket: Bucket): void {
  const stack = Stack.of(siteBucket);
  const siteLogicalId = stack.resolve(stack.getLogicalId(siteBucket.node.defaultChild as CfnBucket));
  // cdk-nag names the CDK asset bucket as the synthesizer writes it: tokens as <AWS::...>, literals as is.
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const qualifier: string =
    stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const reason =
    'CDK BucketDeployment handler (runs at deploy time only): aws-cdk-lib grants it s3:GetObject*/List*/' +
    'GetBucket* on the CDK asset bucket, object writes/deletes on the site bucket only, and ' +
    'cloudfront:CreateInvalidation/GetInvalidation, which have no resource-level scoping here.';
  const findings = [
    'Action::s3:GetObject*',
    'Action::s3:GetBucket*',
    'Action::s3:List*',
    'Action::s3:DeleteObject*',
    'Action::s3:Abort*',
    `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-${account}-${region}/*`,
    `Resource::<${siteLogicalId}.Arn>/*`,
    'Resource::*',
  ];
  Validations.of(handler).acknowledge(
    ...findings.map((finding) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason })),
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'CDK BucketDeployment handler (deploy time only): aws-cdk-lib attaches the basic logging policy.',
    },
    {
      id: 'AwsSolutions-L1',
      reason: 'CDK BucketDeployment handler (deploy time only): its Python runtime is pinned by aws-cdk-lib.',
    },
  );
}
