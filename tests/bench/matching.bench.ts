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
 * Then the min-cost-flow gallery (`mcf-gallery.ts`): one `family: …` line per instance family, ours
 * against LEMON on the same network (`--gallery` runs only the gallery, `--no-gallery` skips it,
 * `--families a,b` picks families, `--repeat k` sets best-of-k, default 3).
 *
 * The last lines are machine-readable, one per size and one per family. `--no-reference` skips HiGHS
 * (minutes at 5,000).
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
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocateGoods, buildGoodsInstance, goodsCandidates } from '../../functions/matching/allocation.ts';
import { certifyMinCostFlow } from '../../functions/matching/certificate.ts';
import { parseDimacs, writeDimacs } from '../../functions/matching/dimacs.ts';
import type { FlowNetwork } from '../../functions/matching/flow-network.ts';
import { greedyGoods } from '../../functions/matching/greedy.ts';
import { solveMinCostFlow } from '../../functions/matching/min-cost-flow.ts';
import { loadHighs, solveTransportLpSparse } from '../unit/matching/highs-reference.ts';
import { benchPolicy, generateInstance, SEED } from './goods-instance.ts';
import { lemonDriver, runLemon } from './lemon-reference.ts';
import { FAMILIES, type FamilyName, familyNetwork, lexicographicTransportNetwork } from './mcf-gallery.ts';

const REFERENCE_ARC_LIMIT = 2_500_000;
const REFERENCE_TIMEOUT_MS = 20 * 60_000;
const HIGHS_OPTIONS = { solver: 'ipm' } as const;

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

/** LEMON on the same lexicographic network ours solves (exported as DIMACS), timing `run()` only. */
function runLemonOnSize(
  size: number,
  placed: number,
  cost: number,
  supplyTotal: number,
  demandTotal: number,
): string {
  if (!lemonDriver()) return 'n/a';
  const file = join(tmpdir(), 'gongxu-matching-bench', `lexicographic-${size}.min`);
  try {
    const { supplies, demands } = generateInstance(size, size);
    const instance = buildGoodsInstance(supplies, demands, benchPolicy);
    const { network, penalty } = lexicographicTransportNetwork(
      instance.supplyAmount,
      instance.demandAmount,
      goodsCandidates(instance),
    );
    writeDimacsFile(file, network);
    const lemon = runLemon(file, 1, REFERENCE_TIMEOUT_MS);
    if (lemon?.status !== 'optimal') return 'n/a';
    const expected = BigInt(cost) + BigInt(penalty) * BigInt(supplyTotal - placed + demandTotal - placed);
    if (lemon.objective !== expected) return `mismatch(${lemon.objective} vs ${expected})`;
    return lemon.runMs.toFixed(1);
  } catch {
    return 'n/a';
  } finally {
    if (existsSync(file)) unlinkSync(file);
  }
}

function writeDimacsFile(file: string, network: FlowNetwork): void {
  mkdirSync(join(tmpdir(), 'gongxu-matching-bench'), { recursive: true });
  const fd = openSync(file, 'w');
  try {
    writeDimacs(network, Number.MAX_SAFE_INTEGER, (chunk) => writeSync(fd, chunk));
  } finally {
    closeSync(fd);
  }
}

// ------------------------------------------------------------------ gallery

/**
 * One line per family: ours end to end (solver construction, arcs, solve, result) against LEMON's
 * construction + maps + `run()` on the same network (handed over as DIMACS; reading it is not timed).
 * Both figures are the best CPU time of `repeat` solves, ours and LEMON's interleaved, so that a busy
 * second core (which stretches wall time at random) does not decide the ratio. LEMON's objective must
 * equal ours and our certificate must hold, else the line says so and the exit code is 1.
 */
function benchGallery(families: readonly FamilyName[], repeat: number): string[] {
  for (const name of families) solveMinCostFlow(familyNetwork(name, 0.05)); // JIT warm-up
  const lines: string[] = [];
  const hasLemon = lemonDriver() !== null;
  for (const name of families) {
    const network = familyNetwork(name);
    const file = join(tmpdir(), 'gongxu-matching-bench', `gallery-${name}.min`);
    if (hasLemon) writeDimacsFile(file, network);
    let cpuMs = Number.POSITIVE_INFINITY;
    let wallMs = Number.POSITIVE_INFINITY;
    let lemonCpuMs = Number.POSITIVE_INFINITY;
    let lemonWallMs = Number.POSITIVE_INFINITY;
    let lemonObjective: bigint | null = null;
    let lemonStatus = hasLemon ? 'failed' : 'n/a';
    let result = solveMinCostFlow(network);
    try {
      for (let r = 0; r < repeat; r++) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        result = solveMinCostFlow(network);
        wallMs = Math.min(wallMs, performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpuMs = Math.min(cpuMs, (c.user + c.system) / 1000);
        if (hasLemon) {
          const lemon = runLemon(file, 1, REFERENCE_TIMEOUT_MS);
          lemonStatus = lemon?.status ?? 'failed';
          if (lemon?.status === 'optimal') {
            lemonObjective = lemon.objective;
            lemonCpuMs = Math.min(lemonCpuMs, lemon.cpuMs);
            lemonWallMs = Math.min(lemonWallMs, lemon.totalMs);
          }
        }
      }
    } finally {
      if (existsSync(file)) unlinkSync(file);
    }
    const certified =
      result.status === 'optimal' &&
      certifyMinCostFlow({ network, flow: result.flow, potentials: result.potentials }).certified;
    let objective = `LEMON ${lemonStatus}`;
    if (lemonObjective !== null) {
      objective =
        lemonObjective === BigInt(result.cost) ? 'equal to LEMON' : `LEMON MISMATCH (${lemonObjective})`;
    }
    if (!certified || objective.includes('MISMATCH') || (hasLemon && lemonObjective === null)) {
      process.exitCode = 1;
    }
    const lemonMs = lemonObjective === null ? 'n/a' : format(lemonCpuMs);
    const ratio = lemonObjective === null ? 'n/a' : (cpuMs / lemonCpuMs).toFixed(2);
    console.log(
      `  ${name}: ${result.status}, objective ${result.cost} ${objective}, certificate ${certified ? 'holds' : 'FAILED'}, ${result.pivots.toLocaleString('en')} pivots; wall ${format(wallMs)} ms (LEMON ${lemonObjective === null ? 'n/a' : format(lemonWallMs)} ms)`,
    );
    lines.push(
      `family: name=${name} nodes=${network.nodeCount} arcs=${network.arcCount} ms=${format(cpuMs)} lemon_ms=${lemonMs} ratio=${ratio}`,
    );
  }
  return lines;
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
  const lemonMs = runLemonOnSize(
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
  // `--gallery` runs only the instance-family gallery; by default it follows the sizes.
  const galleryOnly = process.argv.includes('--gallery');
  const families = (argValue('--families') ?? FAMILIES.join(','))
    .split(',')
    .map((f) => f.trim())
    .filter((f): f is FamilyName => (FAMILIES as readonly string[]).includes(f));
  const repeat = Math.max(1, Number(argValue('--repeat') ?? 3) || 3);
  const sizes = galleryOnly
    ? []
    : (argValue('--sizes') ?? '1000,5000,20000')
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((s) => Number.isInteger(s) && s > 0);
  console.log(`matching engine benchmark — seed ${SEED}, node ${process.version}, one thread`);
  const lines: string[] = [];
  if (sizes.length > 0) {
    // Warm-up so the JIT-compiled code, not the interpreter, is measured.
    const warm = generateInstance(400, 400, 7);
    allocateGoods(warm.supplies, warm.demands, benchPolicy, { certify: true });
    greedyGoods(warm.supplies, warm.demands, benchPolicy);
    for (const size of sizes) lines.push(benchSize(size));
  }
  if (!process.argv.includes('--no-gallery')) {
    console.log(
      `min-cost-flow gallery — best CPU time of ${repeat}, ours end to end vs LEMON construction + run()`,
    );
    lines.push(...benchGallery(families, repeat));
  }
  console.log('');
  for (const line of lines) console.log(line);
}

await main();
