import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certifyMinCostFlow } from '../../../functions/matching/certificate.ts';
import { parseDimacs } from '../../../functions/matching/dimacs.ts';
import { type FlowNetwork, FlowNetworkBuilder } from '../../../functions/matching/flow-network.ts';
import { NetworkSimplex, solveMinCostFlow } from '../../../functions/matching/min-cost-flow.ts';
import { type Highs, loadHighs } from './highs-reference.ts';

function network(nodes: number[], arcs: Array<[number, number, number, number, number?]>): FlowNetwork {
  const builder = new FlowNetworkBuilder();
  for (const b of nodes) builder.addNode(b);
  for (const [tail, head, capacity, cost, lower] of arcs)
    builder.addArc(tail, head, capacity, cost, lower ?? 0);
  return builder.build();
}

function expectCertified(net: FlowNetwork, result: ReturnType<typeof solveMinCostFlow>): void {
  const certificate = certifyMinCostFlow({ network: net, flow: result.flow, potentials: result.potentials });
  expect(certificate).toMatchObject({ certified: true, worstViolation: 0 });
}

describe('network simplex on hand-made networks', () => {
  it('routes flow over the cheaper of two paths until its capacity is used', () => {
    // Arrange: 0 → 1 → 3 costs 2 per unit (cap 3), 0 → 2 → 3 costs 5 per unit.
    const net = network(
      [5, 0, 0, -5],
      [
        [0, 1, 3, 1],
        [1, 3, 3, 1],
        [0, 2, 10, 2],
        [2, 3, 10, 3],
      ],
    );

    // Act
    const result = solveMinCostFlow(net);

    // Assert
    expect(result.status).toBe('optimal');
    expect(Array.from(result.flow)).toEqual([3, 3, 2, 2]);
    expect(result.cost).toBe(3 * 2 + 2 * 5);
    expectCertified(net, result);
  });

  it('reports infeasible when the cut capacity is below the demand', () => {
    const net = network(
      [4, -4],
      [
        [0, 1, 1, 1],
        [0, 1, 2, 3],
      ],
    );

    expect(solveMinCostFlow(net).status).toBe('infeasible');
  });

  it('reports infeasible when supplies do not sum to zero in balanced mode', () => {
    const net = network([3, -2], [[0, 1, 10, 1]]);

    expect(solveMinCostFlow(net).status).toBe('infeasible');
  });

  it('reports unbounded for a negative cycle of unlimited capacity', () => {
    const net = network(
      [0, 0, 0],
      [
        [0, 1, Number.POSITIVE_INFINITY, -1],
        [1, 2, Number.POSITIVE_INFINITY, -1],
        [2, 0, Number.POSITIVE_INFINITY, 1],
      ],
    );

    expect(solveMinCostFlow(net).status).toBe('unbounded');
  });

  it('saturates a capacitated negative cycle', () => {
    const net = network(
      [0, 0],
      [
        [0, 1, 4, -3],
        [1, 0, 7, 1],
      ],
    );

    const result = solveMinCostFlow(net);

    expect(result.status).toBe('optimal');
    expect(Array.from(result.flow)).toEqual([4, 4]);
    expect(result.cost).toBe(-8);
    expectCertified(net, result);
  });

  it('handles an all-zero-cost network', () => {
    const net = network(
      [2, 1, -3],
      [
        [0, 1, 5, 0],
        [1, 2, 5, 0],
        [0, 2, 1, 0],
      ],
    );

    const result = solveMinCostFlow(net);

    expect(result.status).toBe('optimal');
    expect(result.cost).toBe(0);
    expectCertified(net, result);
  });

  it('splits flow across parallel arcs cheapest first', () => {
    const net = network(
      [6, -6],
      [
        [0, 1, 2, 7],
        [0, 1, 3, 1],
        [0, 1, 10, 4],
      ],
    );

    const result = solveMinCostFlow(net);

    expect(Array.from(result.flow)).toEqual([0, 3, 3]);
    expect(result.cost).toBe(3 * 1 + 3 * 4);
    expectCertified(net, result);
  });

  it('honours lower bounds read from DIMACS even when they cost more', () => {
    // Arrange: arc 1→2 must carry at least 2 units although the direct arc 1→3 is cheaper.
    const net = parseDimacs(
      [
        'c lower bound forces the detour',
        'p min 3 3',
        'n 1 4',
        'n 3 -4',
        'a 1 2 2 5 3',
        'a 2 3 0 5 3',
        'a 1 3 0 9 1',
      ].join('\n'),
    );

    // Act
    const result = solveMinCostFlow(net);

    // Assert
    expect(result.status).toBe('optimal');
    expect(Array.from(result.flow)).toEqual([2, 2, 2]);
    expect(result.cost).toBe(2 * 3 + 2 * 3 + 2 * 1);
    expectCertified(net, result);
  });

  it('reports infeasible when lower bounds cannot be met', () => {
    const net = parseDimacs(['p min 2 1', 'a 1 2 3 5 1'].join('\n'));

    expect(solveMinCostFlow(net).status).toBe('infeasible');
  });

  it('solves a network with no arcs and no supply', () => {
    const result = solveMinCostFlow(network([0, 0], []));

    expect(result.status).toBe('optimal');
    expect(result.cost).toBe(0);
  });

  it('rejects fractional data instead of rounding it', () => {
    expect(() => solveMinCostFlow(network([1, -1], [[0, 1, 1, 0.5]]))).toThrow(RangeError);
  });
});

describe('lexicographic mode', () => {
  it('ships the most it can before it looks at cost', () => {
    // Arrange: two supplies, two demands; the cheap arc 0→2 would strand demand 3.
    const solver = new NetworkSimplex(4, [1, 1, -1, -1], { mode: 'lexicographic' });
    solver.addArcs([0, 0, 1], [2, 3, 2], [0, 100, 0], [1, 1, 1]);

    // Act
    const status = solver.solve();
    const result = solver.result();

    // Assert: both units are shipped (0→3 and 1→2) although 0→2 alone would be cheaper.
    expect(status).toBe('optimal');
    expect(Array.from(result.flow)).toEqual([0, 1, 1]);
    expect(result.cost).toBe(100);
    expect(Array.from(result.unmet)).toEqual([0, 0, 0, 0]);
  });

  it('leaves the unplaceable remainder as unmet and reports it per node', () => {
    const solver = new NetworkSimplex(3, [5, -3, -4], { mode: 'lexicographic' });
    solver.addArcs([0, 0], [1, 2], [2, 1], [Number.POSITIVE_INFINITY, 1]);

    solver.solve();
    const result = solver.result();

    expect(Array.from(result.flow)).toEqual([3, 1]);
    expect(Array.from(result.unmet)).toEqual([1, 0, 3]);
  });

  it('resumes from the current tree when arcs are added (warm start equals cold start)', () => {
    // Arrange
    const supplies = [4, 3, -2, -5];
    const first = { tail: [0, 1], head: [2, 3], cost: [9, 8] };
    const later = { tail: [0, 1, 0], head: [3, 2, 2], cost: [1, 2, 3] };
    const warm = new NetworkSimplex(4, supplies, { mode: 'lexicographic', costBound: 9 });
    warm.addArcs(first.tail, first.head, first.cost, [9, 9]);
    warm.solve();

    // Act
    warm.addArcs(later.tail, later.head, later.cost, [9, 9, 9]);
    warm.solve();
    const cold = new NetworkSimplex(4, supplies, { mode: 'lexicographic' });
    cold.addArcs(
      [...first.tail, ...later.tail],
      [...first.head, ...later.head],
      [...first.cost, ...later.cost],
      [9, 9, 9, 9, 9],
    );
    cold.solve();

    // Assert
    expect(warm.result().cost).toBe(cold.result().cost);
    expect(warm.result().cost).toBe(2 * 2 + 4 * 1 + 1 * 8);
  });

  it('refuses arcs that exceed the declared cost bound after the first solve', () => {
    const solver = new NetworkSimplex(2, [1, -1], { mode: 'lexicographic', costBound: 5 });
    solver.addArcs([0], [1], [5], [1]);
    solver.solve();

    expect(() => solver.addArcs([0], [1], [6], [1])).toThrow(RangeError);
  });
});

describe('network simplex against the HiGHS LP optimum', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });
  afterAll(() => undefined);

  const networkArbitrary = fc
    .record({
      nodes: fc.integer({ min: 2, max: 9 }),
      moves: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 9 })), { maxLength: 8 }),
      arcs: fc.array(
        fc.record({
          tail: fc.nat(),
          head: fc.nat(),
          lower: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
          span: fc.option(fc.integer({ min: 0, max: 12 }), { nil: undefined }),
          cost: fc.integer({ min: -10, max: 20 }),
        }),
        { maxLength: 25 },
      ),
    })
    .map(({ nodes, moves, arcs }) => {
      const builder = new FlowNetworkBuilder();
      const supply = new Array<number>(nodes).fill(0);
      for (const [from, to, amount] of moves) {
        supply[from % nodes]! += amount;
        supply[to % nodes]! -= amount;
      }
      for (const b of supply) builder.addNode(b);
      for (const a of arcs) {
        const capacity = a.span === undefined ? Number.POSITIVE_INFINITY : a.lower + a.span;
        builder.addArc(
          a.tail % nodes,
          a.head % nodes,
          capacity,
          a.span === undefined ? Math.abs(a.cost) : a.cost,
          a.lower,
        );
      }
      return builder.build();
    });

  function lpOf(net: FlowNetwork): string {
    const objective: string[] = [];
    const bounds: string[] = [];
    for (let a = 0; a < net.arcCount; a++) {
      objective.push(`${net.cost[a]! < 0 ? '-' : '+'} ${Math.abs(net.cost[a]!)} x${a}`);
      const capacity = net.capacity[a]!;
      bounds.push(
        ` ${net.lower?.[a] ?? 0} <= x${a} <= ${capacity === Number.POSITIVE_INFINITY ? 'inf' : capacity}`,
      );
    }
    const rows: string[] = [];
    for (let v = 0; v < net.nodeCount; v++) {
      const terms: string[] = [];
      for (let a = 0; a < net.arcCount; a++) {
        if (net.tail[a] === net.head[a]) continue;
        if (net.tail[a] === v) terms.push(`+ x${a}`);
        if (net.head[a] === v) terms.push(`- x${a}`);
      }
      rows.push(` n${v}: ${terms.length ? terms.join(' ') : '0 x0'} = ${net.supply[v]}`);
    }
    return `Minimize\n obj: ${objective.join(' ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
  }

  it('matches status and optimal cost on random networks, and the certificate holds', () => {
    fc.assert(
      fc.property(networkArbitrary, (net) => {
        // Act
        const ours = solveMinCostFlow(net);
        const reference =
          net.arcCount === 0
            ? { Status: net.supply.every((b) => b === 0) ? 'Optimal' : 'Infeasible', ObjectiveValue: 0 }
            : highs.solve(lpOf(net), { output_flag: false });

        // Assert
        if (reference.Status === 'Optimal') {
          expect(ours.status).toBe('optimal');
          expect(ours.cost).toBe(Math.round(reference.ObjectiveValue));
          expectCertified(net, ours);
        } else {
          expect(ours.status).toBe(reference.Status === 'Infeasible' ? 'infeasible' : 'unbounded');
        }
      }),
      { numRuns: 150 },
    );
  });
});
