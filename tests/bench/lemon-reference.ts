/**
 * LEMON's NetworkSimplex (C++, Debian's `liblemon-dev`) as a reference solver for the benches.
 *
 * When `/usr/include/lemon/network_simplex.h` is present, {@link lemonDriver} compiles a small DIMACS
 * solver with `g++ -O3` into a cache directory (recompiled only when its source changes). The driver
 * reads the file (not timed), then `repeat` times builds a fresh `NetworkSimplex` and solves; it prints
 * the best `run()` time (`ms`), the best wall time of construction + maps + `run()` (`total_ms`, what an
 * in-memory caller pays) and the best process CPU time of the same (`cpu_ms`, the figure the gallery
 * compares with ours end to end: on a shared machine wall time mostly measures the neighbours), and
 * the objective.
 * Without LEMON (or g++) everything here answers `null` and the benches print `lemon_ms=n/a`.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const LEMON_HEADER = '/usr/include/lemon/network_simplex.h';
const LEMON_DRIVER = `// Solves a DIMACS min-cost flow file with LEMON's NetworkSimplex (default block search).
#include <lemon/smart_graph.h>
#include <lemon/dimacs.h>
#include <lemon/network_simplex.h>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <fstream>
#include <iostream>
using namespace lemon;
typedef NetworkSimplex<SmartDigraph, long long, long long> NS;
int main(int argc, char** argv) {
  if (argc < 2) return 2;
  int repeat = argc > 2 ? std::atoi(argv[2]) : 1;
  std::ifstream in(argv[1]);
  SmartDigraph g;
  SmartDigraph::ArcMap<long long> lower(g), cap(g), cost(g);
  SmartDigraph::NodeMap<long long> supply(g);
  readDimacsMin(in, g, lower, cap, cost, supply);
  double best_run = 1e300, best_total = 1e300, best_cpu = 1e300;
  long long objective = 0;
  bool optimal = false;
  for (int r = 0; r < repeat; r++) {
    std::clock_t c0 = std::clock();
    auto t0 = std::chrono::steady_clock::now();
    NS ns(g);
    ns.lowerMap(lower).upperMap(cap).costMap(cost).supplyMap(supply);
    auto t1 = std::chrono::steady_clock::now();
    NS::ProblemType status = ns.run();
    auto t2 = std::chrono::steady_clock::now();
    double cpu = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
    optimal = status == NS::OPTIMAL;
    objective = optimal ? ns.totalCost<long long>() : 0;
    double run = std::chrono::duration<double, std::milli>(t2 - t1).count();
    double total = std::chrono::duration<double, std::milli>(t2 - t0).count();
    if (run < best_run) best_run = run;
    if (total < best_total) best_total = total;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  std::cout << "status=" << (optimal ? "optimal" : "other") << " objective=" << objective
            << " ms=" << best_run << " total_ms=" << best_total << " cpu_ms=" << best_cpu << std::endl;
  return 0;
}
`;

export interface LemonOutcome {
  status: string;
  objective: bigint;
  /** Best `run()` time. */
  runMs: number;
  /** Best construction + maps + `run()` time. */
  totalMs: number;
  /** Best CPU time (process) of construction + maps + `run()`. */
  cpuMs: number;
}

/** Path of the compiled driver, or null when LEMON or g++ is missing. */
export function lemonDriver(): string | null {
  if (!existsSync(LEMON_HEADER)) return null;
  const dir = join(tmpdir(), 'gongxu-matching-bench');
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'lemon-mcf');
  const source = join(dir, 'lemon-mcf.cpp');
  if (!existsSync(binary) || !existsSync(source) || readFileSync(source, 'utf8') !== LEMON_DRIVER) {
    writeFileSync(source, LEMON_DRIVER);
    const compiled = spawnSync('g++', ['-O3', '-march=native', '-DNDEBUG', '-o', binary, source], {
      encoding: 'utf8',
    });
    if (compiled.status !== 0) return null;
  }
  return binary;
}

/** Solves a DIMACS file with LEMON (`repeat` fresh solves, best times); null when unavailable or failed. */
export function runLemon(file: string, repeat = 1, timeoutMs = 20 * 60_000): LemonOutcome | null {
  const driver = lemonDriver();
  if (!driver) return null;
  const run = spawnSync(driver, [file, String(repeat)], { encoding: 'utf8', timeout: timeoutMs });
  const match = /status=(\w+) objective=(-?\d+) ms=([\d.e+-]+) total_ms=([\d.e+-]+) cpu_ms=([\d.e+-]+)/.exec(
    run.stdout ?? '',
  );
  if (!match) return null;
  return {
    status: match[1]!,
    objective: BigInt(match[2]!),
    runMs: Number(match[3]),
    totalMs: Number(match[4]),
    cpuMs: Number(match[5]),
  };
}
