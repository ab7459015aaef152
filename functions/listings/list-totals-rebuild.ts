import type { Deps } from '../api/deps.ts';
import { COUNTRY_ADCODE, childrenOf } from '../regions/regions.ts';
import { newId } from '../shared/ids.ts';
import { type ListingTotalsState, REMOVED_VERSION, totalsFromScratch, totalsStateOf } from './list-totals.ts';
import { ListTotalsRebuildRepo } from './list-totals-rebuild.repo.ts';
import { GOODS_KINDS } from './listing.ts';

export interface RebuildReport {
  provinces: number;
  listings: number;
  totalsWritten: number;
  totalsDeleted: number;
  /** Changes that arrived from the stream while the rebuild ran, replayed at its end. */
  replayed: number;
  ms: number;
}

export class RebuildRunningError extends Error {
  constructor(readonly holder: { rebuildId: string; startedAt: string }) {
    super(
      `another totals rebuild (${holder.rebuildId}, started ${holder.startedAt}) is running or was ` +
        'interrupted; run again with --resume to take it over',
    );
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `npm run rebuild:totals`: recomputes every 供应清单/需求清单 total from the listings and replaces them.
 *
 *  1. Every province is marked as being rebuilt. From then on the stream consumer does not touch its
 *     totals: a change waits as a pending item (ListTotalsRepo.apply), so nothing is lost or counted twice.
 *  2. After `settleMs` (in AWS, time for the indexes to catch up with writes made before the marks),
 *     each province's goods listings are read by paged Queries of its gsi3 partitions (no Scan), their
 *     contributions written with their versions and the province's totals replaced by the sums.
 *  3. Each province's pending changes are replayed from the listings as they are now, and its mark is
 *     removed once nothing new has been deferred meanwhile.
 * `afterSnapshot` lets a test change listings between 2 and 3.
 */
export async function rebuildListTotals(
  deps: Deps,
  options: {
    settleMs?: number;
    resume?: boolean;
    provinces?: readonly string[];
    afterSnapshot?: () => Promise<void>;
    log?: (line: string) => void;
  } = {},
): Promise<RebuildReport> {
  const started = Date.now();
  const repo = new ListTotalsRebuildRepo(deps.table, deps.listTotals);
  const provinces = options.provinces ?? childrenOf(COUNTRY_ADCODE).map((p) => p.adcode.slice(0, 2));
  const holder = await repo.beginRebuild(
    provinces,
    { rebuildId: newId(), startedAt: deps.clock.now().toISOString() },
    options.resume,
  );
  if (holder) throw new RebuildRunningError(holder);
  if (options.settleMs) await sleep(options.settleMs);

  const report: RebuildReport = {
    provinces: provinces.length,
    listings: 0,
    totalsWritten: 0,
    totalsDeleted: 0,
    replayed: 0,
    ms: 0,
  };
  for (const province of provinces) {
    const states: ListingTotalsState[] = [];
    for (const kind of GOODS_KINDS) {
      for (const listing of await deps.listings.allInProvince(kind, province)) {
        const state = totalsStateOf(listing);
        if (state) states.push(state);
      }
    }
    await repo.writeContributions(states);
    const { written, deleted } = await repo.replaceProvince(
      province,
      totalsFromScratch(states.map((s) => s.contribution)),
    );
    report.listings += states.length;
    report.totalsWritten += written;
    report.totalsDeleted += deleted;
    if (states.length > 0 || deleted > 0) {
      options.log?.(
        `province ${province}: ${states.length} listings, ${written} totals (${deleted} removed)`,
      );
    }
  }
  await options.afterSnapshot?.();

  for (const province of provinces) {
    for (;;) {
      const seen = (await repo.pendingCount(province)) ?? 0;
      for (const { listingId } of await repo.pendingListings(province)) {
        // The listing as it is now: at least as new as any change deferred before this read.
        const listing = await deps.listings.get(listingId);
        const state = (listing && totalsStateOf(listing)) || { listingId, version: REMOVED_VERSION };
        await deps.listTotals.apply(state, { rebuilding: true });
        await repo.clearPending(province, listingId, state.version);
        report.replayed += 1;
      }
      if (await repo.endRebuild(province, seen)) break;
    }
  }
  await repo.markBuilt(deps.clock.now().toISOString());
  report.ms = Date.now() - started;
  return report;
}
