/**
 * THE table definition: one single-table design shared by the CDK stack (infra/table.ts) and the
 * local stack (functions/local), so the key schema, indexes and stream setting are written once.
 * Plain data only: no aws-cdk-lib import, so the API and the local runner can load it cheaply.
 */
export const TABLE_BASE_NAME = 'Gongxu';

export interface KeyPair {
  readonly partitionKey: string;
  readonly sortKey: string;
}

export interface IndexDefinition extends KeyPair {
  readonly indexName: string;
}

export interface TableSchema {
  readonly primaryKey: KeyPair;
  readonly globalSecondaryIndexes: readonly IndexDefinition[];
  /** Every key attribute is a string. */
  readonly attributeType: 'S';
  readonly timeToLiveAttribute: string;
  readonly streamViewType: 'NEW_AND_OLD_IMAGES';
}

export const TABLE_SCHEMA: TableSchema = {
  primaryKey: { partitionKey: 'pk', sortKey: 'sk' },
  globalSecondaryIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  ],
  attributeType: 'S',
  timeToLiveAttribute: 'expiresAt',
  streamViewType: 'NEW_AND_OLD_IMAGES',
};

export type IndexName = 'gsi1' | 'gsi2' | 'gsi3';
