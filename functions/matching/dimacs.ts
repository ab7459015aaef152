/**
 * DIMACS minimum-cost flow format (the 1st DIMACS Implementation Challenge, also read by LEMON, CS2 …):
 *
 *     c <comment>
 *     p min <nodes> <arcs>
 *     n <id> <supply>            (nodes 1..N; omitted nodes have supply 0; positive = source)
 *     a <from> <to> <low> <cap> <cost>
 *
 * Lower bounds are supported (kept in `network.lower`; the solver shifts them out and back). Every number
 * must be an integer of magnitude below 2^53; anything else is rejected with the line number.
 * {@link formatDimacs} writes a network back (used to hand the same instance to other solvers).
 */

import type { FlowNetwork } from './flow-network.ts';

export class DimacsError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`DIMACS line ${line}: ${message}`);
    this.name = 'DimacsError';
  }
}

export function parseDimacs(text: string): FlowNetwork {
  let nodeCount = -1;
  let arcCount = -1;
  let supply = new Float64Array(0);
  let tail = new Int32Array(0);
  let head = new Int32Array(0);
  let lower = new Float64Array(0);
  let capacity = new Float64Array(0);
  let cost = new Float64Array(0);
  let arcs = 0;
  let hasLower = false;
  let lineNo = 0;
  const fields: string[] = [];
  let pos = 0;
  const length = text.length;
  while (pos < length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = length;
    lineNo++;
    const line = text.slice(pos, end);
    pos = end + 1;
    const kind = line.charCodeAt(0);
    if (Number.isNaN(kind) || kind === 99 /* c */ || line.trim() === '') continue;
    fields.length = 0;
    for (const token of line.trim().split(/\s+/)) fields.push(token);
    const tag = fields[0];
    const int = (k: number, what: string): number => {
      const token = fields[k];
      if (token === undefined) throw new DimacsError(`missing ${what}`, lineNo);
      const value = Number(token);
      if (!Number.isSafeInteger(value) || !/^[-+]?\d+$/.test(token)) {
        throw new DimacsError(`${what} must be an integer below 2^53, got ${JSON.stringify(token)}`, lineNo);
      }
      return value;
    };
    if (tag === 'p') {
      if (nodeCount >= 0) throw new DimacsError('second problem line', lineNo);
      if (fields[1] !== 'min')
        throw new DimacsError(`only "p min" problems are supported, got "p ${fields[1]}"`, lineNo);
      nodeCount = int(2, 'node count');
      arcCount = int(3, 'arc count');
      if (nodeCount < 0 || arcCount < 0 || nodeCount > 2 ** 31 - 2) {
        throw new DimacsError('invalid problem size', lineNo);
      }
      supply = new Float64Array(nodeCount);
      tail = new Int32Array(arcCount);
      head = new Int32Array(arcCount);
      lower = new Float64Array(arcCount);
      capacity = new Float64Array(arcCount);
      cost = new Float64Array(arcCount);
    } else if (tag === 'n') {
      if (nodeCount < 0) throw new DimacsError('node line before the problem line', lineNo);
      const id = int(1, 'node id');
      if (id < 1 || id > nodeCount)
        throw new DimacsError(`node id ${id} out of range 1..${nodeCount}`, lineNo);
      supply[id - 1] = int(2, 'supply');
    } else if (tag === 'a') {
      if (nodeCount < 0) throw new DimacsError('arc line before the problem line', lineNo);
      if (arcs >= arcCount) throw new DimacsError(`more than the declared ${arcCount} arcs`, lineNo);
      const from = int(1, 'tail');
      const to = int(2, 'head');
      if (from < 1 || from > nodeCount || to < 1 || to > nodeCount) {
        throw new DimacsError(`arc endpoint out of range 1..${nodeCount}`, lineNo);
      }
      const low = int(3, 'lower bound');
      const cap = int(4, 'capacity');
      if (cap < low) throw new DimacsError(`capacity ${cap} below lower bound ${low}`, lineNo);
      tail[arcs] = from - 1;
      head[arcs] = to - 1;
      lower[arcs] = low;
      if (low !== 0) hasLower = true;
      capacity[arcs] = cap;
      cost[arcs] = int(5, 'cost');
      arcs++;
    } else {
      throw new DimacsError(`unknown line type ${JSON.stringify(tag)}`, lineNo);
    }
  }
  if (nodeCount < 0) throw new DimacsError('no problem line', lineNo);
  if (arcs !== arcCount) throw new DimacsError(`declared ${arcCount} arcs, found ${arcs}`, lineNo);
  const network: FlowNetwork = { nodeCount, arcCount, supply, tail, head, capacity, cost };
  return hasLower ? { ...network, lower } : network;
}

/**
 * Streams a network in DIMACS min format through `write` in chunks (uncapacitated arcs are written with
 * capacity `uncapacitated`).
 */
export function writeDimacs(
  network: FlowNetwork,
  uncapacitated: number,
  write: (chunk: string) => void,
  comment?: string,
): void {
  let buffer: string[] = [];
  const flush = () => {
    if (buffer.length) write(`${buffer.join('\n')}\n`);
    buffer = [];
  };
  const push = (line: string) => {
    buffer.push(line);
    if (buffer.length >= 65_536) flush();
  };
  if (comment) for (const line of comment.split('\n')) push(`c ${line}`);
  push(`p min ${network.nodeCount} ${network.arcCount}`);
  for (let v = 0; v < network.nodeCount; v++) {
    if (network.supply[v] !== 0) push(`n ${v + 1} ${network.supply[v]}`);
  }
  for (let a = 0; a < network.arcCount; a++) {
    const cap = network.capacity[a]!;
    const low = network.lower ? network.lower[a]! : 0;
    const capText = cap === Number.POSITIVE_INFINITY ? uncapacitated : cap;
    push(`a ${network.tail[a]! + 1} ${network.head[a]! + 1} ${low} ${capText} ${network.cost[a]}`);
  }
  flush();
}

/** The whole network as DIMACS text. */
export function formatDimacs(network: FlowNetwork, uncapacitated: number, comment?: string): string {
  const chunks: string[] = [];
  writeDimacs(network, uncapacitated, (chunk) => chunks.push(chunk), comment);
  return chunks.join('');
}
