import { describe, expect, it } from 'vitest';
import { certifyMinCostFlow } from '../../../functions/matching/certificate.ts';
import { type FlowNetwork, FlowNetworkBuilder } from '../../../functions/matching/flow-network.ts';
import { solveMinCostFlow } from '../../../functions/matching/min-cost-flow.ts';

/** Two routes from 0 to 3: via 1 (cost 2/unit, cap 3) and via 2 (cost 5/unit). 5 units to ship. */
function twoRoutes(): FlowNetwork {
  const builder = new FlowNetworkBuilder();
  for (const b of [5, 0, 0, -5]) builder.addNode(b);
  builder.addArc(0, 1, 3, 1);
  builder.addArc(1, 3, 3, 1);
  builder.addArc(0, 2, 10, 2);
  builder.addArc(2, 3, 10, 3);
  return builder.build();
}

describe('optimality certificate', () => {
  it('certifies the solver optimum with zero violation', () => {
    const net = twoRoutes();
    const result = solveMinCostFlow(net);

    const certificate = certifyMinCostFlow({
      network: net,
      flow: result.flow,
      potentials: result.potentials,
    });

    expect(certificate.certified).toBe(true);
    expect(certificate.worstViolation).toBe(0);
    expect(certificate.checkedArcs).toBe(4);
  });

  it('rejects a feasible but suboptimal flow under the optimal potentials', () => {
    // Arrange: everything over the expensive route.
    const net = twoRoutes();
    const optimum = solveMinCostFlow(net);
    const flow = [0, 0, 5, 5];

    // Act
    const certificate = certifyMinCostFlow({ network: net, flow, potentials: optimum.potentials });

    // Assert
    expect(certificate.certified).toBe(false);
    expect(certificate.worst?.kind).toBe('reduced-cost');
  });

  it('reports broken flow conservation', () => {
    const net = twoRoutes();
    const result = solveMinCostFlow(net);
    const flow = Array.from(result.flow);
    flow[3] = flow[3]! - 1;

    const certificate = certifyMinCostFlow({ network: net, flow, potentials: result.potentials });

    expect(certificate.certified).toBe(false);
    expect(certificate.worst).toEqual({ kind: 'conservation', index: expect.any(Number) });
    expect(certificate.worstViolation).toBe(1);
  });

  it('reports a capacity bound exceeded, with the excess', () => {
    const net = twoRoutes();
    const flow = [5, 5, 0, 0];

    const certificate = certifyMinCostFlow({ network: net, flow, potentials: [0, 0, 0, 0] });

    expect(certificate.certified).toBe(false);
    expect(certificate.worst?.kind).toBe('bound');
    expect(certificate.worstViolation).toBe(2);
  });

  it('checks implicit arcs that were never given to the solver', () => {
    // Arrange: a direct 0→3 arc of cost 1 exists in the full problem but not in the network.
    const net = twoRoutes();
    const result = solveMinCostFlow(net);

    // Act
    const certificate = certifyMinCostFlow({
      network: net,
      flow: result.flow,
      potentials: result.potentials,
      implicitArcs: (visit) => visit(0, 3, 1),
    });

    // Assert
    expect(certificate.certified).toBe(false);
    expect(certificate.worst?.kind).toBe('implicit-reduced-cost');
    expect(certificate.checkedImplicitArcs).toBe(1);
  });

  it('rejects a lexicographic penalty too small to force maximum quantity', () => {
    // Arrange: one supply, one demand, arc cost 10; penalty 5 would prefer leaving it unmet.
    const builder = new FlowNetworkBuilder();
    builder.addNode(1);
    builder.addNode(-1);
    builder.addArc(0, 1, 1, 10);
    const net = builder.build();

    // Act: the "do nothing" solution with potentials that satisfy every reduced cost for penalty 5.
    const certificate = certifyMinCostFlow({
      network: net,
      flow: [0],
      potentials: [-5, 5, 0],
      lexicographic: { unmet: [1, 1], penalty: 5 },
    });

    // Assert
    expect(certificate.certified).toBe(false);
    expect(certificate.worst?.kind).toBe('penalty');
  });
});
