import { batchWrite } from '../shared/db/batch-write.ts';
import { keys } from '../shared/db/keys.ts';
import { ConditionFailed, type Table } from '../shared/db/table.ts';
import { contributionItem, exact, type ListTotalsRepo } from './list-totals.repo.ts';
import { LIST_TOTALS_ITEM_TYPES, type ListingTotalsState, type SlotDelta, slotId } from './list-totals.ts';

export interface RebuildMarker {
  rebuildId: string;
  startedAt: string;
  pending?: unknown;
}

const asNumber = (value: unknown) => Number(String(value ?? 0));

/**
 * What only the totals rebuild does in DynamoDB (functions/listings/list-totals-rebuild.ts): the
 * province markers, bulk writes of contributions and totals, the pending changes. Kept apart from
 * ListTotalsRepo so that no Lambda bundles the batch writes (the rebuild is an operator's command).
 */
export class ListTotalsRebuildRepo {
  constructor(
    private readonly table: Table,
    private readonly totals: ListTotalsRepo,
  ) {}

  /** Whether the totals were ever built for this table (an older table has listings and no totals). */
  async isBuilt(): Promise<boolean> {
    return (await this.table.get(keys.listTotalsBuilt())) !== undefined;
  }

  async markBuilt(at: string): Promise<void> {
    await this.table.put({ ...keys.listTotalsBuilt(), type: LIST_TOTALS_ITEM_TYPES.built, at });
  }

  /**
   * Marks the provinces as being rebuilt. Refuses (returning the marker found) when another rebuild
   * holds one, unless `resume` (taking over an interrupted rebuild, its pending changes kept).
   */
  async beginRebuild(
    provinces: readonly string[],
    marker: { rebuildId: string; startedAt: string },
    resume = false,
  ): Promise<RebuildMarker | undefined> {
    const taken: string[] = [];
    for (const province of provinces) {
      try {
        if (resume) {
          await this.table.update(keys.listTotalsRebuild(province), {
            expression: 'SET #type = :type, rebuildId = :id, startedAt = :at ADD pending :zero',
            names: { '#type': 'type' },
            values: {
              ':type': LIST_TOTALS_ITEM_TYPES.rebuild,
              ':id': marker.rebuildId,
              ':at': marker.startedAt,
              ':zero': 0,
            },
          });
        } else {
          await this.table.put(
            {
              ...keys.listTotalsRebuild(province),
              type: LIST_TOTALS_ITEM_TYPES.rebuild,
              ...marker,
              pending: 0,
            },
            { expression: 'attribute_not_exists(pk)' },
          );
        }
        taken.push(province);
      } catch (error) {
        if (!(error instanceof ConditionFailed)) throw error;
        const holder = await this.table.get<RebuildMarker>(keys.listTotalsRebuild(province));
        for (const p of taken) await this.table.delete(keys.listTotalsRebuild(p));
        return holder ?? { rebuildId: '?', startedAt: '?' };
      }
    }
    return undefined;
  }

  /** Writes the listings' contributions as rebuilt (the provinces are marked: nobody else writes them). */
  async writeContributions(states: readonly ListingTotalsState[]): Promise<void> {
    await batchWrite(
      this.table,
      states.map((s) => ({ put: contributionItem(s) })),
      8,
    );
  }

  /** Replaces a province's totals with `fresh`: every slot written, every other total deleted. */
  async replaceProvince(
    province: string,
    fresh: readonly SlotDelta[],
  ): Promise<{ written: number; deleted: number }> {
    const keep = new Set(fresh.map((d) => slotId(d.slot)));
    const stale = (await this.totals.readProvince(province)).filter((t) => !keep.has(slotId(t.slot)));
    await batchWrite(
      this.table,
      [
        ...fresh.map((d) => ({
          put: {
            ...keys.listTotal(d.slot),
            type: LIST_TOTALS_ITEM_TYPES.total,
            ...d.slot,
            supply: exact(d.supply),
            demand: exact(d.demand),
            supplyListings: d.supplyListings,
            demandListings: d.demandListings,
          },
        })),
        ...stale.map((t) => ({ delete: keys.listTotal(t.slot) })),
      ],
      8,
    );
    return { written: fresh.length, deleted: stale.length };
  }

  /** The marker's count of changes deferred so far (undefined: not being rebuilt). */
  async pendingCount(province: string): Promise<number | undefined> {
    const marker = await this.table.get<RebuildMarker>(keys.listTotalsRebuild(province));
    return marker ? asNumber(marker.pending) : undefined;
  }

  /** Listings whose changes wait for the rebuild of a province, with the newest version deferred. */
  async pendingListings(province: string): Promise<{ listingId: string; version: number }[]> {
    const { items } = await this.table.queryAll<{ listingId: string; version: number }>(
      { partition: keys.listTotalsPartition(province), prefix: keys.listTotalsPendingPrefix() },
      Number.MAX_SAFE_INTEGER,
      1_000,
    );
    return items.map((i) => ({ listingId: i.listingId, version: i.version }));
  }

  /** Removes a pending change once a version at least as new was applied (a newer one stays). */
  async clearPending(province: string, listingId: string, appliedVersion: number): Promise<void> {
    try {
      await this.table.delete(keys.listTotalsPending(province, listingId), {
        expression: 'version <= :applied',
        values: { ':applied': appliedVersion },
      });
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
    }
  }

  /** Ends a province's rebuild if nothing was deferred since `pendingSeen` was read; else false. */
  async endRebuild(province: string, pendingSeen: number): Promise<boolean> {
    try {
      await this.table.delete(keys.listTotalsRebuild(province), {
        expression: 'pending = :seen',
        values: { ':seen': pendingSeen },
      });
      return true;
    } catch (error) {
      if (error instanceof ConditionFailed) return false;
      throw error;
    }
  }
}
