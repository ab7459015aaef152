/**
 * `npm run bench:lists`: the 供应清单/需求清单 summary and the first page of a search at province scale.
 *
 * On DynamoDB Local (in memory), for 1,000 and then 100,000 listings spread over Fujian's cities and
 * counties (supply and demand of a dozen specs in six categories, most open, some closed or drafts):
 *  - load: the listings written by batch writes (timed apart);
 *  - totals: maintained by the rebuild (`rebuildListTotals`, the same domain function the stream uses);
 *  - summary: GET /api/listings/summary?region=350000 through the API app, median of 15 after 3 warm-ups,
 *    with the items DynamoDB returned to it (counted on the client) and the Queries it sent;
 *  - search: GET /api/listings?kind=supply&region=350000, its first page, the same way.
 * The summary is checked against the listings summed directly (exit 1 otherwise). For comparison, the
 * read path before the totals (every open listing of the region, paged) is timed once.
 * Last line: `lists: listings=… summary_ms=… summary_items=… search_ms=… ratio_vs_1000=…`.
 */
export {};

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { createFullApp: createApp } = await import('../../functions/api/sheet-modules.ts');
const { buildDeps } = await import('../../functions/api/deps.ts');
const { readConfig } = await import('../../functions/shared/config.ts');
const { dynamoClient } = await import('../../functions/shared/db/client.ts');
const { ensureTable } = await import('../../functions/shared/db/create-table.ts');
const { startDynamoDbLocal } = await import('../../functions/local/dynamodb-local.ts');
const { registerOrg } = await import('../../functions/orgs/register-org.ts');
const { childrenOf } = await import('../../functions/regions/regions.ts');
const { baseCatalogue } = await import('../../functions/catalogue/catalogue.ts');
const getSpec = (id: string) => baseCatalogue.getSpec(id);
const { summarise } = await import('../../functions/contract/list-summary.ts');
const { rebuildListTotals } = await import('../../functions/listings/list-totals-rebuild.ts');
const { batchWrite } = await import('../../functions/shared/db/batch-write.ts');
type Listing = import('../../functions/contract/listing.ts').Listing;

const LARGE = Number(process.argv.find((a) => a.startsWith('--listings='))?.slice(11) ?? 100_000);
const SMALL = 1_000;
const RUNS = 15;
const SPEC_IDS = [
  'rebar-hrb400e-25',
  'rebar-hrb400e-16',
  'wire-rod-hpb300-8',
  'cement-po-42.5',
  'cement-po-52.5',
  'concrete-c30',
  'concrete-c40',
  'mask-kn95-gb2626',
  'mask-surgical-yy0469',
  'sand-natural-medium',
  'gravel-5-25',
  'asphalt-70',
];
const specs = SPEC_IDS.map((id) => getSpec(id)).filter((s) => s !== undefined);
if (specs.length < 6) throw new Error(`the bench's specs are not in the catalogue (${specs.length} found)`);

const counties = childrenOf('350000').flatMap((city) => {
  const children = childrenOf(city.adcode);
  return children.length > 0 ? children.map((c) => c.adcode) : [city.adcode];
});

/** A deterministic pseudo-random stream (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number, width: number) {
  return String(n).padStart(width, '0');
}

function listingsFor(count: number, orgId: string): Listing[] {
  const next = random(20260311 + count);
  const now = '2026-03-11T08:00:00.000Z';
  return Array.from({ length: count }, (_, i) => {
    const spec = specs[Math.floor(next() * specs.length)]!;
    const adcode = counties[Math.floor(next() * counties.length)]!;
    const roll = next();
    const status = roll < 0.85 ? 'open' : roll < 0.95 ? 'closed' : 'draft';
    const quantity = Math.max(spec.step, Math.round((next() * 20_000) / spec.step) * spec.step);
    const remaining = Math.round((quantity * next()) / spec.step) * spec.step;
    const base = {
      id: `01BENCH${pad(count, 6)}${pad(i, 13)}`,
      orgId: `${orgId.slice(0, 20)}${pad(i % 500, 6)}`,
      orgName: `基准企业${i % 500}`,
      status,
      ...(status === 'closed' ? { closedReason: 'withdrawn' } : {}),
      adcode,
      contact: { name: '林工', phone: '13905981234' },
      createdBy: 'bench',
      createdAt: now,
      updatedAt: now,
      version: 1 + (i % 4),
      category: spec.category,
      specId: spec.id,
      unit: spec.unit,
      quantity,
      remaining,
    };
    return (
      next() < 0.55
        ? {
            ...base,
            kind: 'supply',
            deliveryRadiusKm: 300,
            availableFrom: '2026-03-01',
            availableUntil: '2026-06-30',
            unitPrice: 3950,
          }
        : {
            ...base,
            kind: 'demand',
            projectName: '重点项目',
            keyProject: next() < 0.3,
            deliverFrom: '2026-03-15',
            neededBy: '2026-05-30',
            acceptsSubstitutes: false,
          }
    ) as Listing;
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const dynamo = await startDynamoDbLocal({ dataDir: null });

interface Figures {
  listings: number;
  loadMs: number;
  totalsMs: number;
  summaryMs: number;
  summaryItems: number;
  summaryQueries: number;
  summaryRows: number;
  searchMs: number;
  searchItems: number;
  directMs: number;
  directItems: number;
}

async function scenario(count: number): Promise<Figures> {
  const config = {
    ...readConfig({ AUTH_MODE: 'local' }),
    tableName: `bench-lists-${count}`,
    dynamoEndpoint: dynamo.endpoint,
    region: 'local',
  };
  await ensureTable(dynamoClient(config), config.tableName);
  const deps = buildDeps(config);
  // Items DynamoDB hands back to Query calls, counted on the client.
  const counter = { queries: 0, items: 0 };
  deps.table.client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        counter.queries += 1;
        counter.items += ((result.output as { Count?: number }).Count ?? 0) as number;
      }
      return result;
    },
    { step: 'initialize', name: `benchQueryCounter${count}` },
  );
  const app = createApp(() => deps);
  const { session } = await registerOrg(deps, {
    org: {
      name: '福建省工业和信息化厅（基准）',
      creditCode: '11350000003591037R',
      kinds: ['organizer'],
      adcode: '350000',
      contact: { name: '陈处长', phone: '059187654321' },
    },
    admin: { name: '陈处长', email: `bench-${count}@example.cn`, password: 'bench-password-1' },
  });
  const headers = { authorization: `Bearer ${session.token}` };
  const listings = listingsFor(count, 'ORGBENCH000000000000');

  let t = performance.now();
  await batchWrite(
    deps.table,
    listings.map((l) => ({ put: deps.listings.item(l) })),
    8,
  );
  const loadMs = performance.now() - t;

  t = performance.now();
  const report = await rebuildListTotals(deps, { provinces: ['35'] });
  const totalsMs = performance.now() - t;
  if (report.listings !== count) throw new Error(`the rebuild read ${report.listings} of ${count} listings`);

  async function timed(path: string): Promise<{ ms: number; items: number; queries: number; body: unknown }> {
    const times: number[] = [];
    let items = 0;
    let queries = 0;
    let body: unknown;
    for (let i = 0; i < RUNS + 3; i++) {
      counter.items = 0;
      counter.queries = 0;
      const start = performance.now();
      const res = await app.request(path, { headers });
      body = await res.json();
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
      if (i >= 3) times.push(ms);
      items = counter.items;
      queries = counter.queries;
    }
    return { ms: median(times), items, queries, body };
  }

  const summary = await timed('/api/listings/summary?region=350000');
  const rows = (summary.body as { rows: unknown[] }).rows;
  const expected = summarise(listings);
  if (JSON.stringify(rows) !== JSON.stringify(expected)) {
    console.error('the summary differs from the listings summed directly');
    process.exit(1);
  }
  const search = await timed('/api/listings?kind=supply&region=350000');

  // The read path before the totals: every open listing of the province, page after page.
  counter.items = 0;
  t = performance.now();
  const scope = { regionPrefix: '35', status: 'open' as const };
  const direct = summarise([
    ...(await deps.listings.searchAll({ ...scope, kind: 'supply' }, Number.MAX_SAFE_INTEGER)).items,
    ...(await deps.listings.searchAll({ ...scope, kind: 'demand' }, Number.MAX_SAFE_INTEGER)).items,
  ]);
  const directMs = performance.now() - t;
  if (JSON.stringify(direct) !== JSON.stringify(expected)) throw new Error('the direct path disagrees');

  const figures: Figures = {
    listings: count,
    loadMs,
    totalsMs,
    summaryMs: summary.ms,
    summaryItems: summary.items,
    summaryQueries: summary.queries,
    summaryRows: rows.length,
    searchMs: search.ms,
    searchItems: search.items,
    directMs,
    directItems: counter.items,
  };
  console.log(
    `scenario: listings=${count} load_ms=${loadMs.toFixed(0)} (${((count / loadMs) * 1000).toFixed(0)}/s) ` +
      `totals_rebuild_ms=${totalsMs.toFixed(0)} summary_ms=${summary.ms.toFixed(1)} ` +
      `summary_items=${summary.items} summary_queries=${summary.queries} summary_rows=${rows.length} ` +
      `search_ms=${search.ms.toFixed(1)} search_items=${search.items} ` +
      `before_totals: summary_ms=${directMs.toFixed(0)} items=${counter.items}`,
  );
  return figures;
}

try {
  const small = await scenario(SMALL);
  const large = await scenario(LARGE);
  console.log(
    `lists: listings=${large.listings} summary_ms=${large.summaryMs.toFixed(1)} summary_items=${large.summaryItems} ` +
      `search_ms=${large.searchMs.toFixed(1)} ratio_vs_1000=${(large.summaryMs / small.summaryMs).toFixed(2)}`,
  );
} finally {
  await dynamo.stop();
}
