/**
 * Independent optimality certificate for a min-cost flow (LP duality / complementary slackness).
 *
 * A flow x is optimal iff it is feasible and there are node potentials π such that every arc's reduced
 * cost `rc(a) = cost(a) + π(tail) − π(head)` is ≥ 0 when the arc still has spare capacity
 * (x < capacity) and ≤ 0 when it carries flow above its lower bound (x > lower). This module checks
 * exactly that, from the raw arrays, without trusting the solver:
 *
 * - capacity bounds `lower ≤ x ≤ capacity` and integrality of x;
 * - flow conservation at every node (`out − in = supply`, or with the unmet amount in lexicographic mode);
 * - the reduced-cost conditions on every arc of the network;
 * - the reduced-cost condition on *implicit* arcs: arcs of the full problem that were never handed to
 *   the solver (e.g. candidate pairs not generated), which carry no flow and are uncapacitated, so they
 *   need rc ≥ 0. This is what makes a column-generation answer exact over all feasible pairs;
 * - in lexicographic mode, the unmet arcs (node → root and root → node, cost = penalty) and that the
 *   penalty is large enough, `penalty > (n − 1)·Cmax` over every arc (explicit and implicit), which is
 *   what turns cost-optimality into "maximum quantity first, then minimum cost".
 *
 * All data are integers below 2^53, so the check is exact: `certified` means zero violation.
 */

import type { FlowNetwork } from './flow-network.ts';

export type ViolationKind =
  | 'bound'
  | 'integrality'
  | 'conservation'
  | 'reduced-cost'
  | 'implicit-reduced-cost'
  | 'unmet'
  | 'penalty'
  | 'non-finite';

export interface CertificateInput {
  network: FlowNetwork;
  flow: ArrayLike<number>;
  /** Length n, or n + 1 with the artificial root last (required in lexicographic mode). */
  potentials: ArrayLike<number>;
  /** Present in lexicographic mode: unmet amount per node and the unit penalty of unmet arcs. */
  lexicographic?: { unmet: ArrayLike<number>; penalty: number };
  /** Visits every further arc of the problem (zero flow, no capacity limit): `visit(tail, head, cost)`. */
  implicitArcs?: (visit: (tail: number, head: number, cost: number) => void) => void;
}

export interface CertificateResult {
  certified: boolean;
  /** Largest violation found (0 when certified), in the unit of the violated quantity. */
  worstViolation: number;
  /** What the worst violation was, and where (arc or node index; -1 for implicit arcs). */
  worst: { kind: ViolationKind; index: number } | null;
  checkedArcs: number;
  checkedImplicitArcs: number;
}

export function certifyMinCostFlow(input: CertificateInput): CertificateResult {
  const { network, flow, potentials, lexicographic, implicitArcs } = input;
  const n = network.nodeCount;
  const m = network.arcCount;
  let worstViolation = 0;
  let worst: CertificateResult['worst'] = null;
  let checkedImplicitArcs = 0;
  const report = (kind: ViolationKind, index: number, amount: number): void => {
    const size = Number.isNaN(amount) ? Number.POSITIVE_INFINITY : amount;
    if (size > worstViolation || (worst === null && size > 0)) {
      worstViolation = size;
      worst = { kind, index };
    }
  };

  if (flow.length !== m) report('bound', -1, Number.POSITIVE_INFINITY);
  if (potentials.length < n + (lexicographic ? 1 : 0)) report('non-finite', -1, Number.POSITIVE_INFINITY);
  for (let v = 0; v < potentials.length; v++) {
    if (!Number.isSafeInteger(potentials[v]!)) report('non-finite', v, Number.POSITIVE_INFINITY);
  }
  if (worst !== null) return finish();

  const balance = new Float64Array(n);
  let maxCost = 0;
  for (let a = 0; a < m; a++) {
    const x = flow[a]!;
    const tail = network.tail[a]!;
    const head = network.head[a]!;
    const lower = network.lower ? network.lower[a]! : 0;
    const capacity = network.capacity[a]!;
    const cost = network.cost[a]!;
    if (!Number.isSafeInteger(x)) {
      report(Number.isFinite(x) ? 'integrality' : 'non-finite', a, Number.POSITIVE_INFINITY);
      continue;
    }
    if (x < lower) report('bound', a, lower - x);
    if (x > capacity) report('bound', a, x - capacity);
    balance[tail]! += x;
    balance[head]! -= x;
    const absCost = Math.abs(cost);
    if (absCost > maxCost) maxCost = absCost;
    const rc = cost + potentials[tail]! - potentials[head]!;
    if (x < capacity && rc < 0) report('reduced-cost', a, -rc);
    if (x > lower && rc > 0) report('reduced-cost', a, rc);
  }

  if (lexicographic) {
    const rootPotential = potentials[n]!;
    const penalty = lexicographic.penalty;
    for (let v = 0; v < n; v++) {
      const unmet = lexicographic.unmet[v]!;
      const b = network.supply[v]!;
      if (!Number.isSafeInteger(unmet) || unmet < 0) {
        report('unmet', v, Number.isFinite(unmet) ? Math.abs(unmet) : Number.POSITIVE_INFINITY);
        continue;
      }
      // b ≥ 0: unmet arc v → root; b < 0: unmet arc root → v. Both cost `penalty`.
      const rc = b >= 0 ? penalty + potentials[v]! - rootPotential : penalty + rootPotential - potentials[v]!;
      if (rc < 0) report('reduced-cost', v, -rc);
      if (unmet > 0 && rc > 0) report('reduced-cost', v, rc);
      const expected = b >= 0 ? b - unmet : b + unmet;
      if (balance[v] !== expected) report('conservation', v, Math.abs(balance[v]! - expected));
    }
  } else {
    for (let v = 0; v < n; v++) {
      if (balance[v] !== network.supply[v])
        report('conservation', v, Math.abs(balance[v]! - network.supply[v]!));
    }
  }

  if (implicitArcs) {
    implicitArcs((tail, head, cost) => {
      checkedImplicitArcs++;
      const absCost = Math.abs(cost);
      if (absCost > maxCost) maxCost = absCost;
      const rc = cost + potentials[tail]! - potentials[head]!;
      if (rc < 0) report('implicit-reduced-cost', -1, -rc);
    });
  }

  if (lexicographic && !(lexicographic.penalty > (n - 1) * maxCost)) {
    report('penalty', -1, (n - 1) * maxCost + 1 - lexicographic.penalty);
  }
  return finish();

  function finish(): CertificateResult {
    return {
      certified: worst === null,
      worstViolation,
      worst,
      checkedArcs: m,
      checkedImplicitArcs,
    };
  }
}
