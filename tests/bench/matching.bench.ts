/**
 * Matching engine benchmark: `npm run bench:matching [-- --sizes 1000,5000] [-- --dimacs FILE]`.
 *
 * For each size S = D it generates a goods instance from a fixed seed — suppliers and sites scattered
 * over a ~500 × 500 km area (three provinces), delivery radii 50–300 km, log-uniform quantities
 * 1–245 steps, eight specs with three substitution rules, random availability/delivery windows, prices
 * and ceilings — and measures:
 *
 * - ours: `allocateGoods` end to end (candidate search, network simplex with pricing rounds, reasons),
 *   after a small warm-up run so the JIT is not timed;
 * - the optimality certificate over all feasible pairs;
 * - the HiGHS LP reference on the *same* pairs and integer costs (two stages: max quantity, then min
 *   cost with Σx ≥ F; interior point + crossover, the fastest HiGHS setting on these instances), in a
 *   child process so that its wasm memory and its 2 GiB wall do not disturb the rest (failure → n/a;
 *   skipped above 2.5 M pairs);
 * - the nearest-first greedy baseline: it places less, so `greedy_gap` is its cost per placed step relative
 *   to the optimum's, and `greedy_placed_gap` the share of the optimum's quantity it fails to place;
 * - optionally LEMON's NetworkSimplex (C++, `liblemon-dev`) on the same lexicographic network exported
 *   as DIMACS, timing `run()` only.
 *
 * The last lines are machine-readable, one per size. `--no-reference` skips HiGHS (minutes at 5,000).
 */

import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type AllocationPolicy,
  allocateGoods,
  buildGoodsInstance,
  type GoodsDemand,
  type GoodsSupply,
  goodsCandidates,
} from '../../functions/matching/allocation.ts';
import { certifyMinCostFlow } from '../../functions/matching/certificate.ts';
import { parseDimacs } from '../../functions/matching/dimacs.ts';
import { greedyGoods } from '../../functions/matching/greedy.ts';
import { solveMinCostFlow } from '../../functions/matching/min-cost-flow.ts';
import { loadHighs, solveTransportLpSparse } from '../unit/matching/highs-reference.ts';

const SEED = 20_250_301;
const REFERENCE_ARC_LIMIT = 2_500_000;
const REFERENCE_TIMEOUT_MS = 20 * 60_000;
const HIGHS_OPTIONS = { solver: 'ipm' } as const;

// ------------------------------------------------------------------ instance generator

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SPECS = [
  { id: 'steel-hrb400-16', rate: 0.55, penalty: 18 },
  { id: 'steel-hrb400-20', rate: 0.55, penalty: 18 },
  { id: 'steel-hrb500-20', rate: 0.6, penalty: 20 },
  { id: 'cement-po425', rate: 0.42, penalty: 12 },
  { id: 'cement-po525', rate: 0.45, penalty: 12 },
  { id: 'masks-kn95', rate: 0.004, penalty: 0.3 },
  { id: 'masks-surgical', rate: 0.003, penalty: 0.2 },
  { id: 'sand-medium', rate: 0.35, penalty: 8 },
] as const;
const SUBSTITUTES: Record<string, readonly string[]> = {
  'steel-hrb500-20': ['steel-hrb400-20'],
  'cement-po525': ['cement-po425'],
  'masks-kn95': ['masks-surgical'],
};
const specById = new Map<string, (typeof SPECS)[number]>(SPECS.map((s) => [s.id, s]));

export const benchPolicy: AllocationPolicy = {
  freightRate: (spec) => specById.get(spec)?.rate ?? 1,
  provinceBorderPenalty: (spec) => specById.get(spec)?.penalty ?? 0,
  canSubstitute: (from, to) => SUBSTITUTES[from]?.includes(to) ?? false,
};

export function generateInstance(
  supplyCount: number,
  demandCount: number,
  seed = SEED,
): { supplies: GoodsSupply[]; demands: GoodsDemand[] } {
  const random = mulberry32(seed ^ (supplyCount * 7919) ^ demandCount);
  const lat0 = 28.3;
  const lng0 = 111.6;
  const dLat = 500 / 111.2;
  const dLng = 500 / (111.2 * Math.cos((30.5 * Math.PI) / 180));
  const orgs = Math.max(10, Math.floor((supplyCount + demandCount) / 6));
  const day0 = Date.UTC(2025, 2, 1) / 86_400_000;
  const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const province = (lat: number, lng: number) => (lat < 29.6 ? '43' : lng > 116.2 ? '36' : '42');
  const point = () => ({ lat: lat0 + random() * dLat, lng: lng0 + random() * dLng });
  const quantity = () => Math.max(1, Math.round(Math.exp(random() * 5.5)));
  const spec = () => SPECS[Math.floor(random() * SPECS.length)]!;
  const supplies: GoodsSupply[] = [];
  for (let i = 0; i < supplyCount; i++) {
    const p = point();
    const from = day0 + Math.floor(random() * 60);
    const priced = random() < 0.7;
    supplies.push({
      id: `s${i}`,
      orgId: `o${Math.floor(random() * orgs)}`,
      specId: spec().id,
      remaining: quantity(),
      point: p,
      provinceCode: province(p.lat, p.lng),
      deliveryRadiusKm: 50 + random() * 250,
      availableFrom: iso(from),
      availableUntil: iso(from + 10 + Math.floor(random() * 80)),
      ...(priced ? { unitPrice: 100 + Math.round(random() * 50) } : {}),
    });
  }
  const demands: GoodsDemand[] = [];
  for (let j = 0; j < demandCount; j++) {
    const p = point();
    const from = day0 + Math.floor(random() * 60);
    const capped = random() < 0.5;
    demands.push({
      id: `d${j}`,
      orgId: `o${Math.floor(random() * orgs)}`,
      specId: spec().id,
      remaining: quantity(),
      point: p,
      provinceCode: province(p.lat, p.lng),
      deliverFrom: iso(from),
      neededBy: iso(from + 7 + Math.floor(random() * 40)),
      ...(capped ? { ceilingPrice: 120 + Math.round(random() * 40) } : {}),
      acceptsSubstitutes: random() < 0.6,
    });
  }
  return { supplies, demands };
}

// ------------------------------------------------------------------ HiGHS reference (child process)

interface ReferenceOutcome {
  status: string;
  placed?: number;
  cost?: number;
  ms?: number;
  edges?: number;
}

async function referenceChild(size: number): Promise<void> {
  const { supplies, demands } = generateInstance(size, size);
  const instance = buildGoodsInstance(supplies, demands, benchPolicy);
  const pairs = goodsCandidates(instance);
  let outcome: ReferenceOutcome;
  if (pairs.count > REFERENCE_ARC_LIMIT) {
    outcome = { status: 'skipped', edges: pairs.count };
  } else {
    const highs = await loadHighs();
    const result = solveTransportLpSparse(
      highs,
      instance.supplyAmount,
      instance.demandAmount,
      pairs,
      HIGHS_OPTIONS,
    );
    outcome = {
      status: result.status,
      placed: result.placed,
      cost: result.cost,
      ms: result.ms,
      edges: pairs.count,
    };
  }
  process.stdout.write(`REFERENCE ${JSON.stringify(outcome)}\n`);
}

function runReference(size: number): ReferenceOutcome {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, SCRIPT, '--reference-child', String(size)],
    {
      encoding: 'utf8',
      timeout: REFERENCE_TIMEOUT_MS,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const line = (child.stdout ?? '').split('\n').find((l) => l.startsWith('REFERENCE '));
  if (!line) {
    const why = child.error ? child.error.message : `exit ${child.status ?? child.signal}`;
    return { status: `failed (${why.slice(0, 60)})` };
  }
  return JSON.parse(line.slice('REFERENCE '.length)) as ReferenceOutcome;
}

// ------------------------------------------------------------------ LEMON (optional)

const LEMON_HEADER = '/usr/include/lemon/network_simplex.h';
const LEMON_DRIVER = `// Solves a DIMACS min-cost flow file with LEMON's NetworkSimplex (default block search); times run() only.
#include <lemon/smart_graph.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <fstream>
#include <iostream>
using namespace lemon;
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  std::ifstream in(argv[1]);
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), cap(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  readDimacsMin(in, g, lower, cap, cost, supply);
  NetworkSimplex<SmartDigraph, long long, long long> ns(g);
  ns.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
  auto t0 = std::chrono::steady_clock::now();
  auto status = ns.run();
  auto t1 = std::chrono::steady_clock::now();
  double ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
  std::cout << "status=" << (status == NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL ? "optimal" : "other")
            << " objective=" << (status == NetworkSimplex<SmartDigraph, long long, long long>::OPTIMAL ? ns.totalCost<long long>() : 0)
            << " ms=" << ms << std::endl;
  return 0;
}
`;

function lemonDriver(): string | null {
  if (!existsSync(LEMON_HEADER)) return null;
  const dir = join(tmpdir(), 'gongxu-matching-bench');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'lemon-mcf');
  const source = join(dir, 'lemon-mcf.cpp');
  if (!existsSync(binary) || readFileSync(source, 'utf8') !== LEMON_DRIVER) {
    writeFileSync(source, LEMON_DRIVER);
    const compiled = spawnSync('g++', ['-O3', '-march=native', '-DNDEBUG', '-o', binary, source], {
      encoding: 'utf8',
    });
    if (compiled.status !== 0) return null;
  }
  return binary;
}

/**
 * The lexicographic transport network ours solves, as a plain min-cost flow: supplies, demands, a root
 * absorbing the imbalance, every feasible pair, and unmet arcs (i → root, root → j) of cost H.
 */
function exportLexicographicDimacs(file: string, size: number): { penalty: number } {
  const { supplies, demands } = generateInstance(size, size);
  const { supplyAmount, demandAmount, ...instance } = buildGoodsInstance(supplies, demands, benchPolicy);
  const pairs = goodsCandidates({ supplyAmount, demandAmount, ...instance });
  const S = supplyAmount.length;
  const D = demandAmount.length;
  const n = S + D;
  const penalty = Math.max(1, (n - 1) * pairs.maxCost + 1);
  let total = 0;
  for (const a of supplyAmount) total += a;
  let net = 0;
  for (const a of supplyAmount) net += a;
  for (const d of demandAmount) net -= d;
  const big = Math.max(1, total);
  const fd = openSync(file, 'w');
  let buffer: string[] = [];
  const push = (line: string) => {
    buffer.push(line);
    if (buffer.length === 65_536) {
      writeSync(fd, `${buffer.join('\n')}\n`);
      buffer = [];
    }
  };
  push(`p min ${n + 1} ${pairs.count + n}`);
  for (let i = 0; i < S; i++) if (supplyAmount[i] !== 0) push(`n ${i + 1} ${supplyAmount[i]}`);
  for (let j = 0; j < D; j++) if (demandAmount[j] !== 0) push(`n ${S + j + 1} ${-demandAmount[j]!}`);
  if (net !== 0) push(`n ${n + 1} ${-net}`);
  for (let i = 0; i < S; i++) {
    for (let p = pairs.start[i]!; p < pairs.start[i + 1]!; p++) {
      push(`a ${i + 1} ${S + pairs.demand[p]! + 1} 0 ${big} ${pairs.cost[p]}`);
    }
  }
  for (let i = 0; i < S; i++) push(`a ${i + 1} ${n + 1} 0 ${big} ${penalty}`);
  for (let j = 0; j < D; j++) push(`a ${n + 1} ${S + j + 1} 0 ${big} ${penalty}`);
  writeSync(fd, `${buffer.join('\n')}\n`);
  closeSync(fd);
  return { penalty };
}

function runLemon(
  size: number,
  placed: number,
  cost: number,
  supplyTotal: number,
  demandTotal: number,
): string {
  const driver = lemonDriver();
  if (!driver) return 'n/a';
  const file = join(tmpdir(), 'gongxu-matching-bench', `lexicographic-${size}.min`);
  try {
    const { penalty } = exportLexicographicDimacs(file, size);
    const run = spawnSync(driver, [file], { encoding: 'utf8', timeout: REFERENCE_TIMEOUT_MS });
    const match = /status=(\w+) objective=(-?\d+) ms=([\d.]+)/.exec(run.stdout ?? '');
    if (match?.[1] !== 'optimal') return 'n/a';
    const expected = BigInt(cost) + BigInt(penalty) * BigInt(supplyTotal - placed + demandTotal - placed);
    if (BigInt(match[2]!) !== expected) return `mismatch(${match[2]} vs ${expected})`;
    return Number(match[3]).toFixed(1);
  } catch {
    return 'n/a';
  } finally {
    if (existsSync(file)) unlinkSync(file);
  }
}

// ------------------------------------------------------------------ main

const SCRIPT = fileURLToPath(import.meta.url);

function argValue(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  if (k >= 0) return process.argv[k + 1];
  const inline = process.argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

function format(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}

function benchSize(size: number): string {
  const { supplies, demands } = generateInstance(size, size);
  const ours = allocateGoods(supplies, demands, benchPolicy, { certify: true });
  const oursMs = ours.stats.totalMs;
  const rss = peakRssMb();
  const certified = ours.stats.certificate?.certified === true;
  const greedy = greedyGoods(supplies, demands, benchPolicy);
  // Greedy places less, so compare cost per placed step (and report the placement shortfall separately).
  const perStep = (cost: number, placed: number) => cost / Math.max(1, placed);
  const greedyGap =
    perStep(greedy.totals.cost, greedy.totals.placed) / perStep(ours.totals.cost, ours.totals.placed) - 1;
  const greedyPlacedGap = (ours.totals.placed - greedy.totals.placed) / Math.max(1, ours.totals.placed);

  const reference: ReferenceOutcome = process.argv.includes('--no-reference')
    ? { status: 'not run (--no-reference)' }
    : runReference(size);
  let refMs = 'n/a';
  let speedup = 'n/a';
  let gap = 'n/a';
  if (reference.status === 'Optimal' && reference.ms !== undefined && reference.cost !== undefined) {
    refMs = format(reference.ms);
    speedup = format(reference.ms / oursMs);
    gap =
      reference.placed === ours.totals.placed
        ? (Math.abs(ours.totals.cost - reference.cost) / Math.max(1, Math.abs(reference.cost))).toExponential(
            2,
          )
        : `placed-mismatch(${ours.totals.placed}/${reference.placed})`;
  }
  const lemonMs = runLemon(
    size,
    ours.totals.placed,
    ours.totals.cost,
    ours.totals.supplyTotal,
    ours.totals.demandTotal,
  );

  const s = ours.stats;
  console.log(
    [
      `S=D=${size}`,
      `  feasible pairs (edges)   ${s.candidatePairs.toLocaleString('en')}   arcs given to the simplex ${s.solvedArcs.toLocaleString('en')}`,
      `  ours end-to-end          ${format(oursMs)} ms  (candidates ${format(s.candidatesMs)} ms, simplex ${format(s.solveMs)} ms, ${s.pricingRounds} pricing rounds, ${s.pivots.toLocaleString('en')} pivots)`,
      `  certificate              ${certified ? 'certified' : 'FAILED'} (worst violation ${s.certificate?.worstViolation}, ${format(s.certificate?.ms ?? Number.NaN)} ms over all pairs)`,
      `  placed                   ${ours.totals.placed} of demand ${ours.totals.demandTotal} (supply ${ours.totals.supplyTotal}), cost ${ours.totals.cost} milli-CNY, in-province ${format(100 * ours.totals.inProvinceShare)} %`,
      `  HiGHS LP (${HIGHS_OPTIONS.solver}, 2 stages) ${reference.status === 'Optimal' ? `${refMs} ms, objective ${reference.cost}, gap ${gap}, speedup ${speedup}x` : reference.status}`,
      `  greedy nearest-first     cost per placed step +${format(100 * greedyGap, 2)} %, placed −${format(100 * greedyPlacedGap, 2)} % (${greedy.totals.placed})`,
      `  LEMON NetworkSimplex     ${lemonMs === 'n/a' ? 'n/a' : `${lemonMs} ms (run() only, same lexicographic network, objective verified)`}`,
      `  peak RSS so far          ${format(rss, 0)} MB`,
    ].join('\n'),
  );
  return `matching: S=${size} D=${size} edges=${s.candidatePairs} ours_ms=${format(oursMs)} ref_ms=${refMs} speedup=${speedup} gap=${gap} certified=${certified} greedy_gap=${greedyGap.toFixed(4)} greedy_placed_gap=${greedyPlacedGap.toFixed(4)} lemon_ms=${lemonMs} solve_ms=${format(s.solveMs)} rss_mb=${format(rss, 0)}`;
}

function benchDimacs(file: string): void {
  const bytes = statSync(file).size;
  const t0 = performance.now();
  const network = parseDimacs(readFileSync(file, 'utf8'));
  const parseMs = performance.now() - t0;
  const t1 = performance.now();
  const result = solveMinCostFlow(network);
  const ms = performance.now() - t1;
  const certificate =
    result.status === 'optimal'
      ? certifyMinCostFlow({ network, flow: result.flow, potentials: result.potentials }).certified
      : false;
  console.log(
    `parsed ${(bytes / 1e6).toFixed(1)} MB in ${format(parseMs)} ms; status ${result.status}, ${result.pivots} pivots, certificate ${certificate}`,
  );
  console.log(
    `dimacs: nodes=${network.nodeCount} arcs=${network.arcCount} objective=${result.status === 'optimal' ? result.cost : result.status} ms=${format(ms)} certified=${certificate}`,
  );
}

async function main(): Promise<void> {
  const child = argValue('--reference-child');
  if (child) return referenceChild(Number(child));
  const dimacs = argValue('--dimacs');
  if (dimacs) return benchDimacs(dimacs);
  const sizes = (argValue('--sizes') ?? '1000,5000,20000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((s) => Number.isInteger(s) && s > 0);
  // Warm-up so the JIT-compiled code, not the interpreter, is measured.
  const warm = generateInstance(400, 400, 7);
  allocateGoods(warm.supplies, warm.demands, benchPolicy, { certify: true });
  greedyGoods(warm.supplies, warm.demands, benchPolicy);
  console.log(`matching engine benchmark — seed ${SEED}, node ${process.version}, one thread`);
  const lines: string[] = [];
  for (const size of sizes) lines.push(benchSize(size));
  console.log('');
  for (const line of lines) console.log(line);
}

await main();
