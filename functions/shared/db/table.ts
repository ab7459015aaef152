import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactionCanceledException,
  type TransactWriteItem,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { type IndexName, TABLE_SCHEMA } from '../../../infra/table-schema.ts';
import type { Capped } from '../../contract/capped.ts';
import { ConditionFailed, TooManyError } from '../errors.ts';
import type { ItemKey } from './keys.ts';
import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, type Page } from './paging.ts';

/** How often a transaction that lost only to a concurrent one is tried again, and the backoff base. */
const TRANSACTION_CONFLICT_RETRIES = 8;
const TRANSACTION_RETRY_BASE_MS = 15;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Raised when a conditional write or a transaction's condition fails: a 409 upstream. */
export { ConditionFailed };

export type Item = Record<string, unknown>;

const MARSHALL = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

export function toAttributes(item: Item): Record<string, AttributeValue> {
  return marshall(item, MARSHALL);
}

export function fromAttributes<T = Item>(attributes: Record<string, AttributeValue>): T {
  return unmarshall(attributes) as T;
}

/** A condition with its placeholders, as DynamoDB takes them. */
export interface Condition {
  expression: string;
  names?: Record<string, string>;
  values?: Item;
}

export interface QueryOptions {
  index?: IndexName;
  partition: string;
  /** `begins_with` on the sort key. */
  prefix?: string;
  /** Inclusive sort key range. */
  between?: readonly [string, string];
  limit?: number;
  cursor?: string;
  newestFirst?: boolean;
  filter?: Condition;
  /** Numbers come back as exact decimal text (`NumberValue`), not as JavaScript numbers. */
  exactNumbers?: boolean;
}

function keyAttributesOf(index: IndexName | undefined): { partition: string; sort: string; all: string[] } {
  const primary = TABLE_SCHEMA.primaryKey;
  if (!index)
    return {
      partition: primary.partitionKey,
      sort: primary.sortKey,
      all: [primary.partitionKey, primary.sortKey],
    };
  const gsi = TABLE_SCHEMA.globalSecondaryIndexes.find((g) => g.indexName === index)!;
  return {
    partition: gsi.partitionKey,
    sort: gsi.sortKey,
    all: [primary.partitionKey, primary.sortKey, gsi.partitionKey, gsi.sortKey],
  };
}

function mergeNames(...parts: (Record<string, string> | undefined)[]): Record<string, string> | undefined {
  const merged = Object.assign({}, ...parts.filter(Boolean)) as Record<string, string>;
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function mergeValues(values: Item | undefined): Record<string, AttributeValue> | undefined {
  if (!values || Object.keys(values).length === 0) return undefined;
  return marshall(values, MARSHALL);
}

/**
 * The table as repositories see it: typed items in, typed items out, keys from keys.ts, every
 * list paged by LastEvaluatedKey, conditional writes and transactions surfaced as ConditionFailed.
 * There is deliberately no scan.
 */
export class Table {
  constructor(
    readonly client: DynamoDBClient,
    readonly name: string,
  ) {}

  async get<T = Item>(key: ItemKey, consistent = true): Promise<T | undefined> {
    const out = await this.client.send(
      new GetItemCommand({ TableName: this.name, Key: toAttributes({ ...key }), ConsistentRead: consistent }),
    );
    return out.Item ? fromAttributes<T>(out.Item) : undefined;
  }

  async put(item: Item & ItemKey, condition?: Condition): Promise<void> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.name,
          Item: toAttributes(item),
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: mergeValues(condition?.values),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConditionFailed([], { cause: error });
      throw error;
    }
  }

  /**
   * Writes the item if the condition holds; if it does not, returns the item that stood in the way
   * (ReturnValuesOnConditionCheckFailure), so a claim and the read of whoever holds it are one request.
   */
  async putUnlessHeld<T = Item>(item: Item & ItemKey, condition: Condition): Promise<T | undefined> {
    try {
      await this.client.send(
        new PutItemCommand({
          TableName: this.name,
          Item: toAttributes(item),
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ExpressionAttributeValues: mergeValues(condition.values),
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return undefined;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (!error.Item) throw new ConditionFailed([], { cause: error });
      return fromAttributes<T>(error.Item);
    }
  }

  /** Sets the given attributes (and removes those given as undefined), returning the new item. */
  async update<T = Item>(
    key: ItemKey,
    update: { expression: string; names?: Record<string, string>; values?: Item },
    condition?: Condition,
  ): Promise<T> {
    try {
      const out = await this.client.send(
        new UpdateItemCommand({
          TableName: this.name,
          Key: toAttributes({ ...key }),
          UpdateExpression: update.expression,
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: mergeNames(update.names, condition?.names),
          ExpressionAttributeValues: mergeValues({ ...update.values, ...condition?.values }),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return fromAttributes<T>(out.Attributes ?? {});
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConditionFailed([], { cause: error });
      throw error;
    }
  }

  async delete(key: ItemKey, condition?: Condition): Promise<void> {
    try {
      await this.client.send(
        new DeleteItemCommand({
          TableName: this.name,
          Key: toAttributes({ ...key }),
          ConditionExpression: condition?.expression,
          ExpressionAttributeNames: condition?.names,
          ExpressionAttributeValues: mergeValues(condition?.values),
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConditionFailed([], { cause: error });
      throw error;
    }
  }

  /** One page of a Query. */
  async query<T = Item>(options: QueryOptions): Promise<Page<T>> {
    return this.queryPage<T>(options, Math.min(Math.max(options.limit ?? 50, 1), MAX_PAGE_SIZE));
  }

  private async queryPage<T>(options: QueryOptions, limit: number): Promise<Page<T>> {
    const attrs = keyAttributesOf(options.index);
    const names: Record<string, string> = { '#p': attrs.partition, ...options.filter?.names };
    const values: Item = { ':p': options.partition, ...options.filter?.values };
    let expression = '#p = :p';
    if (options.prefix !== undefined && options.prefix !== '') {
      names['#s'] = attrs.sort;
      values[':prefix'] = options.prefix;
      expression += ' AND begins_with(#s, :prefix)';
    } else if (options.between) {
      names['#s'] = attrs.sort;
      values[':lo'] = options.between[0];
      values[':hi'] = options.between[1];
      expression += ' AND #s BETWEEN :lo AND :hi';
    }
    const out = await this.client.send(
      new QueryCommand({
        TableName: this.name,
        IndexName: options.index,
        KeyConditionExpression: expression,
        FilterExpression: options.filter?.expression,
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: marshall(values, MARSHALL),
        Limit: limit,
        ScanIndexForward: !options.newestFirst,
        ExclusiveStartKey: decodeCursor(options.cursor, {
          partitionAttribute: attrs.partition,
          partitionValue: options.partition,
          attributes: attrs.all,
          sort: { attribute: attrs.sort, prefix: options.prefix || undefined, between: options.between },
        }),
      }),
    );
    const items = (out.Items ?? []).map((i) =>
      options.exactNumbers ? (unmarshall(i, { wrapNumbers: true }) as T) : fromAttributes<T>(i),
    );
    const nextCursor = encodeCursor(out.LastEvaluatedKey);
    return nextCursor ? { items, nextCursor } : { items };
  }

  /**
   * The items of a partition, following LastEvaluatedKey, up to `max`. It never stops silently:
   * `capped` says that more items were there than were read, and whoever shows the list says so.
   * `pageSize` may exceed the API's page size for reads that never leave the server (each page is
   * still at most 1 MB, as DynamoDB pages are).
   */
  async queryAll<T = Item>(
    options: Omit<QueryOptions, 'cursor' | 'limit'>,
    max = 100_000,
    pageSize = MAX_PAGE_SIZE,
  ): Promise<Capped<T>> {
    const all: T[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.queryPage<T>({ ...options, cursor }, Math.min(pageSize, max - all.length));
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor && all.length < max);
    // A last page that ends exactly at `max` may still leave a cursor to an empty page: look once.
    const capped =
      cursor !== undefined && (await this.queryPage<T>({ ...options, cursor }, 1)).items.length > 0;
    return { items: all, capped };
  }

  /**
   * Every item of a partition a domain rule bounds (registrations by the event's capacity, meetings
   * by its slots and tables): a computation over part of them would be wrong, so going past `max`
   * is refused (422 `too_many`, naming the limit), never truncated.
   */
  async queryEvery<T = Item>(options: Omit<QueryOptions, 'cursor' | 'limit'>, max: number): Promise<T[]> {
    const { items, capped } = await this.queryAll<T>(options, max);
    if (capped) throw new TooManyError(max);
    return items;
  }

  /**
   * All-or-nothing writes; a failed condition anywhere raises ConditionFailed with the positions.
   * A transaction cancelled only because another one touched the same item at the same moment
   * (TransactionConflict) decided nothing: it is retried a bounded number of times with jittered
   * backoff, as AWS advises, so a race is decided by the conditions, never by timing.
   */
  async transact(items: TransactWriteItem[], idempotencyToken?: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.client.send(
          new TransactWriteItemsCommand({ TransactItems: items, ClientRequestToken: idempotencyToken }),
        );
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
        if (failed.length > 0) throw new ConditionFailed(failed, { cause: error });
        if (!reasons.some((r) => r.Code === 'TransactionConflict')) throw error;
        if (attempt >= TRANSACTION_CONFLICT_RETRIES) throw new ConditionFailed([], { cause: error });
        await sleep(Math.random() * TRANSACTION_RETRY_BASE_MS * 2 ** attempt);
      }
    }
  }

  // Builders for transaction items, so repositories never hand-marshal.
  putItem(item: Item & ItemKey, condition?: Condition): TransactWriteItem {
    return {
      Put: {
        TableName: this.name,
        Item: toAttributes(item),
        ConditionExpression: condition?.expression,
        ExpressionAttributeNames: condition?.names,
        ExpressionAttributeValues: mergeValues(condition?.values),
      },
    };
  }

  updateItem(
    key: ItemKey,
    update: { expression: string; names?: Record<string, string>; values?: Item },
    condition?: Condition,
  ): TransactWriteItem {
    return {
      Update: {
        TableName: this.name,
        Key: toAttributes({ ...key }),
        UpdateExpression: update.expression,
        ConditionExpression: condition?.expression,
        ExpressionAttributeNames: mergeNames(update.names, condition?.names),
        ExpressionAttributeValues: mergeValues({ ...update.values, ...condition?.values }),
      },
    };
  }

  deleteItem(key: ItemKey, condition?: Condition): TransactWriteItem {
    return {
      Delete: {
        TableName: this.name,
        Key: toAttributes({ ...key }),
        ConditionExpression: condition?.expression,
        ExpressionAttributeNames: condition?.names,
        ExpressionAttributeValues: mergeValues(condition?.values),
      },
    };
  }

  conditionCheck(key: ItemKey, condition: Condition): TransactWriteItem {
    return {
      ConditionCheck: {
        TableName: this.name,
        Key: toAttributes({ ...key }),
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: condition.names,
        ExpressionAttributeValues: mergeValues(condition.values),
      },
    };
  }
}

const KEY_ATTRIBUTES = new Set([
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'gsi3pk',
  'gsi3sk',
  'type',
]);

/** The entity without its table keys and type tag. */
export function stripKeys<T>(item: T): T {
  return Object.fromEntries(Object.entries(item as Item).filter(([name]) => !KEY_ATTRIBUTES.has(name))) as T;
}
