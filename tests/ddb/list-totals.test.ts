import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../functions/contract/list-summary.ts';
import type { Listing } from '../../functions/contract/listing.ts';
import { readSummary } from '../../functions/listings/list-summary-read.ts';
import {
  contributionOf,
  decimalText,
  type StoredTotal,
  slotId,
  totalsFromScratch,
} from '../../functions/listings/list-totals.ts';
import { applyListingTotalsRecord } from '../../functions/listings/list-totals-commands.ts';
import { ListTotalsRebuildRepo } from '../../functions/listings/list-totals-rebuild.repo.ts';
import { rebuildListTotals } from '../../functions/listings/list-totals-rebuild.ts';
import { regionPrefix } from '../../functions/regions/regions.ts';
import { batchWrite } from '../../functions/shared/db/batch-write.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { decimalFromString } from '../../functions/shared/parse/decimal.ts';
import { freshTable } from '../setup/test-table.ts';

type Ctx = Awaited<ReturnType<typeof freshTable>>;

const PLACES = ['350102', '350104', '350403', '350582', '370112'];
const SPECS = [
  { specId: 'rebar-hrb400e-25', category: 'steel', unit: 't' },
  { specId: 'cement-po-42.5', category: 'cement', unit: 't' },
];
const PROVINCES = ['35', '37'];

/** One version of a listing: what the totals read of it. */
interface Version {
  status: 'draft' | 'open' | 'hidden' | 'closed';
  adcode: string;
  spec: number;
  /** Thousandths: quantities are decimals in spec steps of 0.001. */
  milli: number;
}

interface History {
  kind: 'supply' | 'demand';
  versions: Version[];
  removed: boolean;
}

const versionArb: fc.Arbitrary<Version> = fc.record({
  status: fc.constantFrom('draft', 'open', 'open', 'hidden', 'closed'),
  adcode: fc.constantFrom(...PLACES),
  spec: fc.nat({ max: SPECS.length - 1 }),
  milli: fc.integer({ min: 0, max: 5_000_000 }),
});
const historyArb: fc.Arbitrary<History> = fc.record({
  kind: fc.constantFrom('supply', 'demand'),
  versions: fc.array(versionArb, { minLength: 1, maxLength: 6 }),
  removed: fc.constantFrom(false, false, false, true),
});

function listingOf(id: string, kind: History['kind'], v: Version, version: number): Listing {
  const spec = SPECS[v.spec]!;
  return {
    id,
    orgId: 'ORG1',
    kind,
    status: v.status,
    adcode: v.adcode,
    ...spec,
    quantity: v.milli / 1000,
    remaining: v.milli / 1000,
    version,
  } as unknown as Listing;
}

/** The table item a listing is stored as (the repository's record). */
function itemOf(listing: Listing) {
  return {
    ...keys.listing(listing.id),
    ...keys.listingIndexes({ ...listing, category: (listing as { category: string }).category }),
    type: 'listing',
    ...listing,
  };
}

/** Writes listings as they finally stand (batch writes: the test is about the totals). */
async function load(ctx: Ctx, listings: readonly Listing[]): Promise<void> {
  await batchWrite(
    ctx.deps.table,
    listings.map((l) => ({ put: ctx.deps.listings.item(l) })),
  );
}

let sequence = 0;
/** A DynamoDB Streams record of a listing change, in the shape Lambda receives. */
function record(
  eventName: 'INSERT' | 'MODIFY' | 'REMOVE',
  next: Listing | undefined,
  previous: Listing | undefined,
): DynamoDBRecord {
  const any = (next ?? previous)!;
  sequence += 1;
  return {
    eventID: `e${sequence}`,
    eventName,
    eventSource: 'aws:dynamodb',
    eventVersion: '1.1',
    awsRegion: 'local',
    dynamodb: {
      Keys: marshall(keys.listing(any.id)) as never,
      ...(next ? { NewImage: marshall(itemOf(next), { removeUndefinedValues: true }) as never } : {}),
      ...(previous ? { OldImage: marshall(itemOf(previous), { removeUndefinedValues: true }) as never } : {}),
      SequenceNumber: String(sequence).padStart(21, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

/** Every record of the histories in write order, and the listings as they finally stand. */
function play(histories: History[], prefix: string) {
  const records: DynamoDBRecord[] = [];
  const finals: Listing[] = [];
  histories.forEach((h, i) => {
    const id = `${prefix}${String(i).padStart(3, '0')}`;
    let previous: Listing | undefined;
    h.versions.forEach((v, n) => {
      const next = listingOf(id, h.kind, v, n + 1);
      records.push(record(previous ? 'MODIFY' : 'INSERT', next, previous));
      previous = next;
    });
    if (h.removed) records.push(record('REMOVE', undefined, previous));
    else finals.push(previous!);
  });
  return { records, finals };
}

const canonical = (text: string) => decimalText(decimalFromString(text)!);

/** Totals as comparable values: slot → exact quantities and counts, empty slots left out. */
function normalise(totals: readonly StoredTotal[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of totals) {
    if (t.supplyListings === 0 && t.demandListings === 0) {
      expect([canonical(t.supply), canonical(t.demand)]).toEqual(['0', '0']);
      continue;
    }
    out[slotId(t.slot)] =
      `${canonical(t.supply)}/${t.supplyListings} ${canonical(t.demand)}/${t.demandListings}`;
  }
  return out;
}

function direct(finals: readonly Listing[]): Record<string, string> {
  return normalise(
    totalsFromScratch(finals.map((l) => contributionOf(l))).map((d) => ({
      ...d,
      supply: decimalText(d.supply),
      demand: decimalText(d.demand),
    })),
  );
}

async function stored(ctx: Ctx): Promise<Record<string, string>> {
  const all: StoredTotal[] = [];
  for (const p of PROVINCES) all.push(...(await ctx.deps.listTotals.readProvince(p)));
  return normalise(all);
}

/** Delivers records in the given order over two concurrent lanes (as two retries racing would). */
async function deliver(ctx: Ctx, records: readonly DynamoDBRecord[]): Promise<void> {
  const lanes: DynamoDBRecord[][] = [[], []];
  records.forEach((r, i) => {
    lanes[i % 2]!.push(r);
  });
  await Promise.all(
    lanes.map(async (lane) => {
      for (const r of lane) await applyListingTotalsRecord(ctx.deps, r);
    }),
  );
}

/** The records with some delivered again, in a scrambled order. */
function scramble(records: readonly DynamoDBRecord[], dupes: number[], order: number[]): DynamoDBRecord[] {
  const all = [...records, ...dupes.map((d) => records[d % records.length]!)];
  return all
    .map((r, i) => ({ r, key: order[i % Math.max(order.length, 1)] ?? 0, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map((x) => x.r);
}

describe('供应清单/需求清单 running totals (DynamoDB Local)', () => {
  it('after random histories delivered with duplicates and out of order, equal the rebuilt totals and a direct recomputation', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(historyArb, { minLength: 1, maxLength: 7 }),
        fc.array(fc.nat(), { maxLength: 25 }),
        fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 60 }),
        async (histories, dupes, order) => {
          const ctx = await freshTable();
          const { records, finals } = play(histories, `R${run++}L`);
          await load(ctx, finals);

          await deliver(ctx, scramble(records, dupes, order));
          const expected = direct(finals);
          expect(await stored(ctx)).toEqual(expected);

          // Every region's summary (one Query) equals the summary of its listings read directly.
          for (const region of ['350000', '350100', '350102', '370000']) {
            for (const category of [undefined, 'steel']) {
              const inRegion = finals.filter(
                (l) =>
                  l.adcode.startsWith(regionPrefix(region)) &&
                  (!category || (l as { category: string }).category === category),
              );
              expect((await readSummary(ctx.deps, region, category)).rows).toEqual(summarise(inRegion));
            }
          }

          const report = await rebuildListTotals(ctx.deps, { provinces: PROVINCES });
          expect(report.listings).toBe(finals.length);
          expect(await stored(ctx)).toEqual(expected);

          // Once rebuilt, a late redelivery of anything changes nothing.
          await deliver(ctx, [...records].reverse());
          expect(await stored(ctx)).toEqual(expected);
        },
      ),
      { numRuns: 20, seed: 20260311 },
    );
  }, 300_000);

  it('keeps changes made while a rebuild runs: they wait and are replayed, none lost or counted twice', async () => {
    const ctx = await freshTable();
    const histories: History[] = [
      {
        kind: 'supply',
        versions: [{ status: 'open', adcode: '350102', spec: 0, milli: 1_000_500 }],
        removed: false,
      },
      {
        kind: 'demand',
        versions: [{ status: 'open', adcode: '350104', spec: 0, milli: 2_000_250 }],
        removed: false,
      },
    ];
    const { records, finals } = play(histories, 'RB');
    await load(ctx, finals);
    await deliver(ctx, records);

    // Act: during the rebuild, the supply changes (quantity down, then moved to Quanzhou) and a demand is posted.
    const changed = listingOf(
      'RB000',
      'supply',
      { status: 'open', adcode: '350582', spec: 0, milli: 700_125 },
      3,
    );
    const posted = listingOf('RB900', 'demand', { status: 'open', adcode: '350582', spec: 0, milli: 100 }, 1);
    const middle = listingOf(
      'RB000',
      'supply',
      { status: 'open', adcode: '350102', spec: 0, milli: 800_000 },
      2,
    );
    const outcomes: unknown[] = [];
    const report = await rebuildListTotals(ctx.deps, {
      provinces: PROVINCES,
      afterSnapshot: async () => {
        await load(ctx, [changed, posted]);
        for (const r of [
          record('MODIFY', changed, middle),
          record('MODIFY', middle, finals[0]),
          record('INSERT', posted, undefined),
        ]) {
          outcomes.push(await applyListingTotalsRecord(ctx.deps, r));
        }
      },
    });

    // Assert
    expect(outcomes).toEqual(['deferred', 'deferred', 'deferred']);
    expect(report.replayed).toBe(2);
    const now = [changed, finals[1]!, posted];
    expect(await stored(ctx)).toEqual(direct(now));
    expect((await readSummary(ctx.deps, '350000')).rows).toEqual(summarise(now));
    const rebuildRepo = new ListTotalsRebuildRepo(ctx.deps.table, ctx.deps.listTotals);
    expect(await rebuildRepo.pendingListings('35')).toEqual([]);
    expect(await rebuildRepo.pendingCount('35')).toBeUndefined();
    // the older record arriving after the replay changes nothing
    expect(await applyListingTotalsRecord(ctx.deps, record('MODIFY', middle, finals[0]))).toBe('stale');
    expect(await stored(ctx)).toEqual(direct(now));
  }, 60_000);

  it('applies two versions of one listing racing each other exactly once each, in version order', async () => {
    const ctx = await freshTable();
    const versions = Array.from({ length: 12 }, (_, i) =>
      listingOf(
        'RC',
        'supply',
        { status: 'open', adcode: PLACES[i % 4]!, spec: i % 2, milli: 1000 + i * 333 },
        i + 1,
      ),
    );
    await load(ctx, [versions.at(-1)!]);
    const records = versions.map((v, i) => record(i === 0 ? 'INSERT' : 'MODIFY', v, versions[i - 1]));
    await Promise.all(records.map((r) => applyListingTotalsRecord(ctx.deps, r)));
    await Promise.all([...records].reverse().map((r) => applyListingTotalsRecord(ctx.deps, r)));
    expect(await stored(ctx)).toEqual(direct([versions.at(-1)!]));
    expect(await ctx.deps.listTotals.contribution('RC')).toMatchObject({ version: 12 });
  }, 60_000);
});
