import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** What the API does with deal files (functions/deals/file-store-s3.ts), and nothing else. */
export const DEAL_FILE_ACTIONS = ['s3:GetObject', 's3:PutObject'] as const;
/** The key prefix the API writes under (functions/deals/deal-file.ts, dealFileKey). */
export const DEAL_FILE_PREFIX = 'deals/';

export interface GongxuDealFilesProps {
  readonly stage: string;
  readonly isProduction: boolean;
}

/**
 * The scans of signed papers (PDF, JPEG, PNG): a private bucket, encrypted at rest, TLS only, no
 * public access of any kind, versioned (a replaced scan keeps its earlier version), with server
 * access logs. Nobody reads it directly: the API checks who may see a deal and streams the bytes.
 */
export class GongxuDealFiles extends Construct {
  readonly bucket: Bucket;
  readonly logsBucket: Bucket;

  constructor(scope: Construct, id: string, props: GongxuDealFilesProps) {
    super(scope, id);
    const removal = props.isProduction
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    this.logsBucket = new Bucket(this, 'AccessLogs', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // S3 server access logs arrive through the log-delivery group's ACL here (no bucket-policy flag).
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [
        { id: 'expire-access-logs', expiration: Duration.days(props.isProduction ? 365 : 30) },
      ],
    });

    this.bucket = new Bucket(this, 'Files', {
      ...removal,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 's3/deal-files/',
      lifecycleRules: [
        {
          id: 'expire-replaced-scans',
          noncurrentVersionExpiration: Duration.days(props.isProduction ? 3650 : 30),
        },
      ],
    });
  }

  /** Get and put under `deals/` only: no list, no delete, no other prefix. */
  grantApi(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'DealFiles',
        effect: Effect.ALLOW,
        actions: [...DEAL_FILE_ACTIONS],
        resources: [this.bucket.arnForObjects(`${DEAL_FILE_PREFIX}*`)],
      }),
    );
  }
}
