/**
 * LP reference for the lexicographic transportation problem, solved by HiGHS (wasm).
 *
 * Two stages on the same pairs and the same integer unit costs:
 *   1. maximise Σ x  s.t. Σ_j x_ij ≤ a_i, Σ_i x_ij ≤ d_j, x ≥ 0      → F
 *   2. minimise Σ c x s.t. the same rows and Σ x ≥ F                   → cost
 * The constraint matrix is totally unimodular, so the LP optimum equals the integer optimum.
 *
 * `solveTransportLpText` writes CPLEX LP text for `highs.solve` (small test instances);
 * `solveTransportLpSparse` passes CSC arrays to a persistent model and warm-starts stage 2 from stage 1
 * (the benchmark: no multi-megabyte string parsing in the timing, and HiGHS' best configuration).
 */

import type { CandidatePairs } from '../../../functions/matching/candidates.ts';

type HighsLoader = typeof import('highs').default;
export type Highs = Awaited<ReturnType<HighsLoader>>;

export async function loadHighs(): Promise<Highs> {
  const loader: HighsLoader = (await import('highs')).default;
  return loader();
}

export interface ReferencePair {
  supply: number;
  demand: number;
  cost: number;
}

export interface ReferenceResult {
  status: string;
  placed: number;
  cost: number;
  ms: number;
}

function lpTerms(coefficients: ReadonlyArray<[number, string]>): string {
  if (coefficients.length === 0) return '0 dummy';
  const parts: string[] = [];
  let line = '';
  for (const [c, name] of coefficients) {
    const term = `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name}`;
    if (line.length > 200) {
      parts.push(line);
      line = '';
    }
    line += ` ${term}`;
  }
  parts.push(line);
  return parts.join('\n  ');
}

/**
 * Two-stage LP in CPLEX LP format via `highs.solve`. With `quantity`, stage 1 is skipped and stage 2
 * asks for the cheapest way to place at least that quantity (costs are ≥ 0, so exactly that quantity).
 */
export function solveTransportLpText(
  highs: Highs,
  supplyAmount: ArrayLike<number>,
  demandAmount: ArrayLike<number>,
  pairs: readonly ReferencePair[],
  quantity?: number,
): ReferenceResult {
  const started = performance.now();
  const rows = (extra: string) => {
    const bySupply = new Map<number, string[]>();
    const byDemand = new Map<number, string[]>();
    pairs.forEach((p, k) => {
      (bySupply.get(p.supply) ?? bySupply.set(p.supply, []).get(p.supply)!).push(`x${k}`);
      (byDemand.get(p.demand) ?? byDemand.set(p.demand, []).get(p.demand)!).push(`x${k}`);
    });
    const lines: string[] = [];
    for (const [i, names] of bySupply) {
      lines.push(` s${i}: ${lpTerms(names.map((n) => [1, n]))} <= ${supplyAmount[i]}`);
    }
    for (const [j, names] of byDemand) {
      lines.push(` d${j}: ${lpTerms(names.map((n) => [1, n]))} <= ${demandAmount[j]}`);
    }
    if (extra) lines.push(extra);
    return lines.join('\n');
  };
  const all = pairs.map((_, k): [number, string] => [1, `x${k}`]);
  const bounds = pairs.map((_, k) => ` x${k} >= 0`).join('\n');
  if (pairs.length === 0) return { status: 'Optimal', placed: 0, cost: 0, ms: performance.now() - started };
  let placed = quantity ?? 0;
  if (quantity === undefined) {
    const stage1 = highs.solve(
      `Maximize\n obj: ${lpTerms(all)}\nSubject To\n${rows('')}\nBounds\n${bounds}\nEnd\n`,
      {
        output_flag: false,
      },
    );
    if (stage1.Status !== 'Optimal') return { status: stage1.Status, placed: 0, cost: 0, ms: 0 };
    placed = Math.round(stage1.ObjectiveValue);
  }
  const costTerms = pairs.map((p, k): [number, string] => [p.cost, `x${k}`]);
  const stage2 = highs.solve(
    `Minimize\n obj: ${lpTerms(costTerms)}\nSubject To\n${rows(` total: ${lpTerms(all)} >= ${placed}`)}\nBounds\n${bounds}\nEnd\n`,
    { output_flag: false },
  );
  return {
    status: stage2.Status,
    placed,
    cost: stage2.ObjectiveValue,
    ms: performance.now() - started,
  };
}

/**
 * Two-stage LP through HiGHS' persistent model with CSC input (stage 2 starts from stage 1's state).
 * `options` are HiGHS options, e.g. `{ solver: 'ipm' }`.
 */
export function solveTransportLpSparse(
  highs: Highs,
  supplyAmount: ArrayLike<number>,
  demandAmount: ArrayLike<number>,
  pairs: CandidatePairs,
  options: Readonly<Record<string, string | number | boolean>> = {},
): ReferenceResult {
  const S = pairs.supplyCount;
  const D = pairs.demandCount;
  const P = pairs.count;
  const started = performance.now();
  const starts = new Int32Array(P + 1);
  const indices = new Int32Array(3 * P);
  const values = new Float64Array(3 * P).fill(1);
  let k = 0;
  for (let i = 0; i < S; i++) {
    for (let p = pairs.start[i]!; p < pairs.start[i + 1]!; p++) {
      starts[p] = k;
      indices[k++] = i;
      indices[k++] = S + pairs.demand[p]!;
      indices[k++] = S + D;
    }
  }
  starts[P] = k;
  const rowLower = new Float64Array(S + D + 1).fill(-highs.infinity);
  const rowUpper = new Float64Array(S + D + 1);
  for (let i = 0; i < S; i++) rowUpper[i] = supplyAmount[i]!;
  for (let j = 0; j < D; j++) rowUpper[S + j] = demandAmount[j]!;
  rowUpper[S + D] = highs.infinity;
  const model = highs.createModel({
    numCols: P,
    numRows: S + D + 1,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(P).fill(1),
    colLower: new Float64Array(P),
    colUpper: new Float64Array(P).fill(highs.infinity),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: S + D + 1, numCols: P, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, ...options });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) {
      return {
        status: `stage1:${model.getModelStatus()}`,
        placed: 0,
        cost: 0,
        ms: performance.now() - started,
      };
    }
    const placed = Math.round(model.getObjectiveValue());
    model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
    if (P > 0) model.changeColsCost({ kind: 'range', from: 0, to: P - 1 }, pairs.cost);
    model.changeRowBounds(S + D, placed, highs.infinity);
    model.run();
    const ok = model.getModelStatus() === highs.constants.modelStatus.optimal;
    return {
      status: ok ? 'Optimal' : `stage2:${model.getModelStatus()}`,
      placed,
      cost: model.getObjectiveValue(),
      ms: performance.now() - started,
    };
  } finally {
    model.dispose();
  }
}
