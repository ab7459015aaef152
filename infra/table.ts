import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { TABLE_BASE_NAME, TABLE_SCHEMA, type TableSchema } from './table-schema.ts';

export interface GongxuTableProps {
  readonly stage: string;
  /** Production keeps its data: deletion protection and RETAIN. Otherwise DESTROY, unprotected. */
  readonly isProduction: boolean;
}

/**
 * The single DynamoDB table, built from TABLE_SCHEMA (infra/table-schema.ts) so key names, indexes,
 * TTL and stream setting are written once and shared with the local stack.
 */
export class GongxuTable extends Construct {
  readonly table: Table;
  /** ARNs of the table's global secondary indexes (for index-scoped IAM statements). */
  readonly indexArns: readonly string[];

  constructor(scope: Construct, id: string, props: GongxuTableProps) {
    super(scope, id);
    const schema = TABLE_SCHEMA;
    const attributeType = toAttributeType(schema.attributeType);

    this.table = new Table(this, 'Table', {
      tableName: `${TABLE_BASE_NAME}-${props.stage}`,
      partitionKey: { name: schema.primaryKey.partitionKey, type: attributeType },
      sortKey: { name: schema.primaryKey.sortKey, type: attributeType },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: StreamViewType[schema.streamViewType],
      timeToLiveAttribute: schema.timeToLiveAttribute,
      encryption: TableEncryption.AWS_MANAGED,
      deletionProtection: props.isProduction,
      removalPolicy: props.isProduction ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const index of schema.globalSecondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: attributeType },
        sortKey: { name: index.sortKey, type: attributeType },
        projectionType: ProjectionType.ALL,
      });
    }

    this.indexArns = schema.globalSecondaryIndexes.map(
      (index) => `${this.table.tableArn}/index/${index.indexName}`,
    );
  }
}

function toAttributeType(type: TableSchema['attributeType']): AttributeType {
  switch (type) {
    case 'S':
      return AttributeType.STRING;
  }
}
