import { beforeAll, describe, expect, it } from 'vitest';
import { certifyMinCostFlow } from '../../../functions/matching/certificate.ts';
import { formatDimacs, parseDimacs } from '../../../functions/matching/dimacs.ts';
import { type FlowNetwork, FlowNetworkBuilder } from '../../../functions/matching/flow-network.ts';
import { NetworkSimplex, solveMinCostFlow } from '../../../functions/matching/min-cost-flow.ts';
import { countyCentres, FAMILIES, type FamilyName, familyNetwork } from '../../bench/mcf-gallery.ts';
import { type Highs, loadHighs } from './highs-reference.ts';

/** Small instances of every family: scale factors keep each LP at a few hundred to ~1,500 arcs. */
const SMALL: Record<FamilyName, number> = {
  'transport-geo': 0.006,
  'bench-goods': 0.006,
  sparse: 0.006,
  netgen: 0.01,
  gridgen: 0.01,
};

function lpOf(net: FlowNetwork): string {
  const objective: string[] = [];
  const bounds: string[] = [];
  const terms: string[][] = Array.from({ length: net.nodeCount }, () => []);
  for (let a = 0; a < net.arcCount; a++) {
    objective.push(`${net.cost[a]! < 0 ? '-' : '+'} ${Math.abs(net.cost[a]!)} x${a}`);
    bounds.push(` ${net.lower?.[a] ?? 0} <= x${a} <= ${net.capacity[a]}`);
    terms[net.tail[a]!]!.push(`+ x${a}`);
    terms[net.head[a]!]!.push(`- x${a}`);
  }
  const rows = terms.map((t, v) => ` n${v}: ${t.length ? t.join(' ') : '0 x0'} = ${net.supply[v]}`);
  return `Minimize\n obj: ${objective.join(' ')}\nSubject To\n${rows.join('\n')}\nBounds\n${bounds.join('\n')}\nEnd\n`;
}

describe('min-cost-flow gallery generators', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  for (const name of FAMILIES) {
    it(`${name}: a small instance is balanced, feasible, and our optimum equals HiGHS' LP optimum`, () => {
      // Arrange
      const net = familyNetwork(name, SMALL[name]);
      let sum = 0;
      for (const b of net.supply) sum += b;

      // Act
      const ours = solveMinCostFlow(net);
      const reference = highs.solve(lpOf(net), { output_flag: false });

      // Assert
      expect(sum).toBe(0);
      expect(net.arcCount).toBeGreaterThan(net.nodeCount);
      expect(ours.status).toBe('optimal');
      expect(reference.Status).toBe('Optimal');
      expect(ours.cost).toBe(Math.round(reference.ObjectiveValue));
      const certificate = certifyMinCostFlow({ network: net, flow: ours.flow, potentials: ours.potentials });
      expect(certificate).toMatchObject({ certified: true, worstViolation: 0 });
    });
  }

  it('generates the same network from the same seed and a different one from another seed', () => {
    // Act
    const a = familyNetwork('netgen', 0.02, 7);
    const b = familyNetwork('netgen', 0.02, 7);
    const c = familyNetwork('netgen', 0.02, 8);

    // Assert
    expect(formatDimacs(a, 0)).toBe(formatDimacs(b, 0));
    expect(formatDimacs(a, 0)).not.toBe(formatDimacs(c, 0));
  });

  it('writes every family as DIMACS that reads back to the same network and the same optimum', () => {
    for (const name of FAMILIES) {
      // Arrange
      const net = familyNetwork(name, SMALL[name]);

      // Act
      const back = parseDimacs(formatDimacs(net, Number.MAX_SAFE_INTEGER));

      // Assert
      expect(back.arcCount).toBe(net.arcCount);
      expect(Array.from(back.capacity)).toEqual(Array.from(net.capacity));
      expect(solveMinCostFlow(back).cost).toBe(solveMinCostFlow(net).cost);
    }
  });

  it('places the dense transport family at real county centres with the matcher’s lexicographic network', () => {
    // Arrange
    const counties = countyCentres();
    const net = familyNetwork('transport-geo', 0.01);
    const root = net.nodeCount - 1;

    // Act
    let unmetArcs = 0;
    for (let a = 0; a < net.arcCount; a++) if (net.tail[a] === root || net.head[a] === root) unmetArcs++;
    const lexicographic = new NetworkSimplex(root, net.supply.slice(0, root), { mode: 'lexicographic' });
    const pairs = net.arcCount - unmetArcs;
    lexicographic.addArcs(
      net.tail.slice(0, pairs),
      net.head.slice(0, pairs),
      net.cost.slice(0, pairs),
      net.capacity.slice(0, pairs),
    );
    lexicographic.solve();

    // Assert: ~2,800 county-level divisions; one unmet arc per supply and per site; the plain network's
    // optimum is the lexicographic engine's (real cost plus H per unit left unmet).
    expect(counties.length).toBeGreaterThan(2500);
    expect(counties.every((c) => c.level === 'district')).toBe(true);
    expect(unmetArcs).toBe(root);
    const result = lexicographic.result();
    let unmet = 0;
    for (const u of result.unmet) unmet += u;
    expect(solveMinCostFlow(net).cost).toBe(result.cost + result.penalty * unmet);
  });
});

describe('network simplex storage order and potentials', () => {
  it('gives the same optimum with tail-grouped storage as in input order, with the root potential at 0', () => {
    for (const name of FAMILIES) {
      // Arrange
      const net = familyNetwork(name, SMALL[name] * 3);

      // Act
      const grouped = solveMinCostFlow(net);
      const inputOrder = solveMinCostFlow(net, { arcMixing: false });

      // Assert
      expect(grouped.status).toBe('optimal');
      expect(grouped.cost).toBe(inputOrder.cost);
      expect(grouped.potentials[net.nodeCount]).toBe(0);
      expect(
        certifyMinCostFlow({ network: net, flow: grouped.flow, potentials: grouped.potentials }).certified,
      ).toBe(true);
    }
  });

  it('prices dense transport (many arcs per tail) to the same certified optimum', () => {
    // Arrange: 80 × 80 complete bipartite transport, 40 arcs per node on average.
    const S = 80;
    const builder = new FlowNetworkBuilder();
    let seed = 12_345;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 4_294_967_296;
    };
    const amounts = Array.from({ length: S }, () => 1 + Math.floor(random() * 50));
    for (const a of amounts) builder.addNode(a);
    for (const a of [...amounts].reverse()) builder.addNode(-a);
    for (let i = 0; i < S; i++) {
      for (let j = 0; j < S; j++)
        builder.addArc(i, S + j, Number.POSITIVE_INFINITY, Math.floor(random() * 1000));
    }
    const net = builder.build();

    // Act
    const grouped = solveMinCostFlow(net);
    const inputOrder = solveMinCostFlow(net, { arcMixing: false });

    // Assert
    expect(grouped.status).toBe('optimal');
    expect(grouped.cost).toBe(inputOrder.cost);
    expect(grouped.potentials[net.nodeCount]).toBe(0);
    expect(
      certifyMinCostFlow({ network: net, flow: grouped.flow, potentials: grouped.potentials }).certified,
    ).toBe(true);
  });

  it('keeps potentials exact and root-relative across warm starts', () => {
    // Arrange
    const net = familyNetwork('bench-goods', 0.02);
    const half = Math.floor(net.arcCount / 2);
    let costBound = 0;
    for (const c of net.cost) costBound = Math.max(costBound, Math.abs(c));
    const solver = new NetworkSimplex(net.nodeCount, net.supply, { costBound });
    solver.addArcs(
      net.tail.slice(0, half),
      net.head.slice(0, half),
      net.cost.slice(0, half),
      net.capacity.slice(0, half),
    );
    solver.solve();

    // Act
    solver.addArcs(
      net.tail.slice(half),
      net.head.slice(half),
      net.cost.slice(half),
      net.capacity.slice(half),
    );
    solver.solve();
    const warm = solver.result();

    // Assert
    expect(warm.cost).toBe(solveMinCostFlow(net).cost);
    expect(warm.potentials[net.nodeCount]).toBe(0);
    expect(certifyMinCostFlow({ network: net, flow: warm.flow, potentials: warm.potentials }).certified).toBe(
      true,
    );
  });
});
