import { describe, expect, it } from 'vitest';
import { DimacsError, formatDimacs, parseDimacs } from '../../../functions/matching/dimacs.ts';
import { solveMinCostFlow } from '../../../functions/matching/min-cost-flow.ts';

const SAMPLE = `c a tiny transportation problem
c
p min 4 5
n 1 4
n 2 2
n 4 -6
a 1 3 0 4 2
a 2 3 0 2 1
a 3 4 1 10 1
a 1 4 0 1 5
a 2 4 0 5 4
`;

describe('DIMACS min-cost-flow format', () => {
  it('parses nodes, supplies and arcs into a 0-based network', () => {
    const net = parseDimacs(SAMPLE);

    expect(net.nodeCount).toBe(4);
    expect(net.arcCount).toBe(5);
    expect(Array.from(net.supply)).toEqual([4, 2, 0, -6]);
    expect(Array.from(net.tail)).toEqual([0, 1, 2, 0, 1]);
    expect(Array.from(net.head)).toEqual([2, 2, 3, 3, 3]);
    expect(Array.from(net.lower ?? [])).toEqual([0, 0, 1, 0, 0]);
    expect(Array.from(net.capacity)).toEqual([4, 2, 10, 1, 5]);
    expect(Array.from(net.cost)).toEqual([2, 1, 1, 5, 4]);
  });

  it('solves the parsed problem to its known optimum', () => {
    const result = solveMinCostFlow(parseDimacs(SAMPLE));

    // 1→3→4: 4 units at 3, 2→3→4: 2 units at 2.
    expect(result.status).toBe('optimal');
    expect(result.cost).toBe(4 * 3 + 2 * 2);
  });

  it('round-trips through formatDimacs', () => {
    const net = parseDimacs(SAMPLE);

    const again = parseDimacs(formatDimacs(net, 1_000_000, 'round trip'));

    expect(again).toEqual(net);
  });

  it('omits lower bounds from the network when all are zero', () => {
    const net = parseDimacs('p min 2 1\nn 1 1\nn 2 -1\na 1 2 0 3 7\n');

    expect(net.lower).toBeUndefined();
  });

  it.each([
    ['a non-min problem', 'p max 2 1\na 1 2 0 1 1', /only "p min"/],
    ['an arc before the problem line', 'a 1 2 0 1 1\np min 2 1', /before the problem line/],
    ['a node id out of range', 'p min 2 0\nn 3 1', /out of range/],
    ['a fractional cost', 'p min 2 1\na 1 2 0 1 1.5', /integer/],
    ['capacity below the lower bound', 'p min 2 1\na 1 2 3 2 1', /below lower bound/],
    ['fewer arcs than declared', 'p min 2 2\na 1 2 0 1 1', /declared 2 arcs/],
    ['an unknown line type', 'p min 2 0\nx 1', /unknown line type/],
  ])('rejects %s with the line number', (_, text, message) => {
    expect(() => parseDimacs(text)).toThrow(DimacsError);
    expect(() => parseDimacs(text)).toThrow(message);
  });
});
