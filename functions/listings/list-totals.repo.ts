import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { NumberValueImpl as NumberValue } from '@aws-sdk/util-dynamodb';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, type Table } from '../shared/db/table.ts';
import {
  type Contribution,
  decimalText,
  LIST_TOTALS_ITEM_TYPES,
  type ListingTotalsState,
  provincesOf,
  type SlotDelta,
  type StoredTotal,
  type TotalsSlot,
  totalsDelta,
} from './list-totals.ts';

/** What applying a listing version did. */
export type ApplyOutcome =
  /** The totals moved from the listing's last applied contribution to this one. */
  | 'applied'
  /** This version (or a newer one) was applied before: nothing changed (a redelivered or late record). */
  | 'stale'
  /** A rebuild is replacing the province's totals: the change waits as a pending item the rebuild replays. */
  | 'deferred';

interface ContributionRecord {
  listingId: string;
  version: number;
  contribution?: Contribution;
}

interface TotalRecord extends TotalsSlot {
  supply: unknown;
  demand: unknown;
  supplyListings: unknown;
  demandListings: unknown;
}

/** How many times a listing is read and written again when another writer of it got in first. */
const APPLY_ATTEMPTS = 25;

/** A decimal as DynamoDB number text, exactly. */
export const exact = (d: { mantissa: bigint; exponent: number }) => NumberValue.from(decimalText(d));
const asNumber = (value: unknown) => Number(String(value ?? 0));

/** The item keeping a listing's last applied contribution and its version. */
export function contributionItem(state: ListingTotalsState) {
  return {
    ...keys.listTotalsContribution(state.listingId),
    type: LIST_TOTALS_ITEM_TYPES.contribution,
    listingId: state.listingId,
    version: state.version,
    ...(state.contribution ? { contribution: state.contribution } : {}),
  };
}

function storedTotal(item: TotalRecord): StoredTotal {
  return {
    slot: {
      province: item.province,
      level: item.level,
      region: item.region,
      scope: item.scope,
      category: item.category,
      specId: item.specId,
      unit: item.unit,
    },
    supply: String(item.supply ?? '0'),
    demand: String(item.demand ?? '0'),
    supplyListings: asNumber(item.supplyListings),
    demandListings: asNumber(item.demandListings),
  };
}

/**
 * The 供应清单/需求清单 running totals in DynamoDB (keys: functions/shared/db/keys.ts, "list totals").
 *
 * Exactly once per listing version: each listing's last applied contribution is stored with its
 * version next to the listing; applying version v reads it, and writes the new contribution
 * (conditioned on the stored version being the one read and older than v) together with the delta
 * of every total it touches, in one transaction. A redelivered or older record finds a version ≥ its
 * own and changes nothing; two versions racing are serialised by the condition. Quantities are added
 * by DynamoDB's own decimal arithmetic (38 digits), from exact decimal text, so no float noise.
 */
export class ListTotalsRepo {
  constructor(private readonly table: Table) {}

  async contribution(listingId: string): Promise<ContributionRecord | undefined> {
    return this.table.get<ContributionRecord>(keys.listTotalsContribution(listingId));
  }

  private deltaItem(d: SlotDelta): TransactWriteItem {
    const s = d.slot;
    return this.table.updateItem(keys.listTotal(s), {
      expression:
        'SET #type = :type, #province = :province, #level = :level, #region = :region, #scope = :scope, ' +
        '#category = :category, #specId = :specId, #unit = :unit ' +
        'ADD #supply :supply, #demand :demand, #supplyListings :supplyListings, #demandListings :demandListings',
      names: {
        '#type': 'type',
        '#province': 'province',
        '#level': 'level',
        '#region': 'region',
        '#scope': 'scope',
        '#category': 'category',
        '#specId': 'specId',
        '#unit': 'unit',
        '#supply': 'supply',
        '#demand': 'demand',
        '#supplyListings': 'supplyListings',
        '#demandListings': 'demandListings',
      },
      values: {
        ':type': LIST_TOTALS_ITEM_TYPES.total,
        ':province': s.province,
        ':level': s.level,
        ':region': s.region,
        ':scope': s.scope,
        ':category': s.category,
        ':specId': s.specId,
        ':unit': s.unit,
        ':supply': exact(d.supply),
        ':demand': exact(d.demand),
        ':supplyListings': d.supplyListings,
        ':demandListings': d.demandListings,
      },
    });
  }

  /**
   * Applies a listing version to the totals, once. Unless `rebuilding` (the rebuild replaying what
   * waited), the transaction also checks that no rebuild is replacing the provinces it touches (the
   * listing's own and its last contribution's); if one is, the change is left as a pending item.
   */
  async apply(
    state: ListingTotalsState,
    options: { province?: string; rebuilding?: boolean } = {},
  ): Promise<ApplyOutcome> {
    for (let attempt = 0; attempt < APPLY_ATTEMPTS; attempt++) {
      const previous = await this.contribution(state.listingId);
      if (previous && previous.version >= state.version) return 'stale';
      const deltas = totalsDelta(previous?.contribution, state.contribution);
      const provinces = options.rebuilding
        ? []
        : [
            ...new Set([
              ...provincesOf(previous?.contribution, state.contribution),
              ...(options.province ? [options.province] : []),
            ]),
          ].sort();
      const items: TransactWriteItem[] = [
        this.table.putItem(
          contributionItem(state),
          previous
            ? {
                expression: 'version = :previous AND version < :version',
                values: { ':previous': previous.version, ':version': state.version },
              }
            : { expression: 'attribute_not_exists(pk)' },
        ),
        ...deltas.map((d) => this.deltaItem(d)),
      ];
      const markersAt = items.length;
      for (const province of provinces) {
        items.push(
          this.table.conditionCheck(keys.listTotalsRebuild(province), {
            expression: 'attribute_not_exists(pk)',
          }),
        );
      }
      try {
        await this.table.transact(items);
        return 'applied';
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
        const blocked = error.failedIndexes.filter((i) => i >= markersAt);
        if (blocked.length > 0 && (await this.defer(provinces[blocked[0]! - markersAt]!, state))) {
          return 'deferred';
        }
        // Another writer applied a version of this listing meanwhile (or the rebuild just ended): again.
      }
    }
    throw new Error(`list totals: listing ${state.listingId} kept changing while being applied`);
  }

  /**
   * Leaves a change for the rebuild to replay: a pending item per listing holding the newest version
   * deferred. False when the rebuild has ended meanwhile (the caller applies it itself).
   */
  private async defer(province: string, state: ListingTotalsState): Promise<boolean> {
    try {
      await this.table.transact([
        this.table.updateItem(
          keys.listTotalsRebuild(province),
          { expression: 'ADD pending :one', values: { ':one': 1 } },
          { expression: 'attribute_exists(pk)' },
        ),
        this.table.putItem(
          {
            ...keys.listTotalsPending(province, state.listingId),
            type: LIST_TOTALS_ITEM_TYPES.pending,
            listingId: state.listingId,
            version: state.version,
          },
          {
            expression: 'attribute_not_exists(pk) OR version < :version',
            values: { ':version': state.version },
          },
        ),
      ]);
      return true;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // Only the pending item's condition failed: a newer version of the listing waits already.
      return error.failedIndexes.length > 0 && !error.failedIndexes.includes(0);
    }
  }

  /**
   * The stored totals of a region (province: 2 digits, city: 4, county: 6) in one scope (`*` or a
   * category): one Query on a sort-key prefix, paged to the end; how many items it read.
   */
  async readRegion(
    regionPrefix: string,
    scope: string,
  ): Promise<{ totals: StoredTotal[]; itemsRead: number }> {
    if (regionPrefix.length < 2) return { totals: [], itemsRead: 0 };
    // Bounded by the region's cities (or counties) × specs × units: read to the end, never capped.
    const { items } = await this.table.queryAll<TotalRecord>(
      {
        partition: keys.listTotalsPartition(regionPrefix.slice(0, 2)),
        prefix: keys.listTotalsPrefix(regionPrefix, scope),
        exactNumbers: true,
      },
      Number.MAX_SAFE_INTEGER,
      1_000,
    );
    return { totals: items.map(storedTotal), itemsRead: items.length };
  }

  /** Every stored total of a province, both scopes (the rebuild's replacement, the tests). */
  async readProvince(province: string): Promise<StoredTotal[]> {
    const all: StoredTotal[] = [];
    for (const prefix of keys.listTotalsAllPrefixes()) {
      const { items } = await this.table.queryAll<TotalRecord>(
        { partition: keys.listTotalsPartition(province), prefix, exactNumbers: true },
        Number.MAX_SAFE_INTEGER,
        1_000,
      );
      all.push(...items.map(storedTotal));
    }
    return all;
  }
}
