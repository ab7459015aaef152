/**
 * Meeting scheduler benchmark: `npm run bench:schedule`.
 *
 * Generated instances (fixed seed): suppliers and buyers with mildly skewed popularity (a few big
 * producers and builders meet many), distinct pairs, no windows, no pins — the bipartite case where the
 * schedule must use exactly the lower bound max(Δ, ⌈E / tables⌉) slots.
 *
 * - 2,000 organisations, 20,000 meetings, 400 tables (a big provincial 产销对接会);
 * - 40,000 organisations, 400,000 meetings, 8,000 tables/video rooms (national scale);
 * - a live-day repair of the 20,000 schedule: slots 0–11 are over (done), slot 12 under way, 100
 *   organisations do not come (all their remaining meetings leave the schedule), 200 meetings are added
 *   (50 pinned by the organizer into a chosen slot, 150 anywhere).
 *
 * The last line is machine-readable: `schedule: participants=2000 meetings=20000 tables=400 slots=… …`.
 *
 * `npm run bench:schedule -- --pairs FILE --tables T [--out OUT] [--slots S]` schedules anyone's
 * instance: FILE has one meeting a line, `supplierId buyerId`; OUT gets one line per meeting,
 * `supplierId buyerId slot table` (0-based). Input is bounded (size, lines, id length) and a bad line is
 * refused with its number.
 */

import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { repairSchedule } from '../../functions/meetings/repair.ts';
import { type SchedulingProblem, scheduleMeetings } from '../../functions/meetings/scheduler.ts';
import { PAIRS_LIMITS, PairsFileError, parsePairs } from './pairs-file.ts';

const SEED = 20_200_317;

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

/** Random distinct supplier–buyer pairs; popularity ∝ 1 + 2·r³ so a few organisations meet many. */
function generate(participants: number, meetings: number, seed: number): SchedulingProblem['meetings'] {
  const rnd = mulberry32(seed);
  const half = participants / 2;
  const weight = (i: number) => 1 + (2 * ((i * 7919) % half) ** 3) / half ** 3;
  const cumulative = (offset: number) => {
    const c = new Float64Array(half);
    let sum = 0;
    for (let i = 0; i < half; i++) c[i] = sum += weight(i + offset);
    return c;
  };
  const cs = cumulative(0);
  const cb = cumulative(17);
  const pick = (c: Float64Array) => {
    const r = rnd() * c[c.length - 1]!;
    let lo = 0;
    let hi = c.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const seen = new Set<number>();
  const out: Array<{ id: string; a: string; b: string }> = [];
  while (out.length < meetings) {
    const s = pick(cs);
    const b = pick(cb);
    const key = s * half + b;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ id: `m${out.length}`, a: `s${s}`, b: `b${b}` });
  }
  return out;
}

function participantsOf(meetings: SchedulingProblem['meetings']): Array<{ id: string }> {
  const ids = new Set<string>();
  for (const m of meetings) {
    ids.add(m.a);
    ids.add(m.b);
  }
  return [...ids].map((id) => ({ id }));
}

/** Wall time, and CPU time of this process (the machine may be shared: CPU time is the fair figure). */
function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  const c = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
}

function scheduleLine(participants: number, meetings: number, tables: number, problem: SchedulingProblem) {
  const { value, ms, cpuMs } = timed(() => scheduleMeetings(problem));
  if (value.unplaced.length > 0) throw new Error(`${value.unplaced.length} meetings unplaced`);
  return {
    result: value,
    cpu: `cpu_ms=${Math.round(cpuMs)} wall_ms=${Math.round(ms)}`,
    line: `schedule: participants=${participants} meetings=${meetings} tables=${tables} slots=${value.slotsUsed} bound=${value.lowerBound} ms=${Math.round(ms)}`,
  };
}

function generated(participants: number, meetings: number, tables: number, seed: number) {
  const ms = generate(participants, meetings, seed);
  const problem: SchedulingProblem = {
    slotCount: 1_000,
    tables,
    participants: participantsOf(ms),
    meetings: ms,
  };
  return { problem, ...scheduleLine(participants, meetings, tables, problem) };
}

function repairLine(
  problem: SchedulingProblem,
  placed: ReadonlyArray<{ id: string; slot: number; table: number }>,
) {
  const rnd = mulberry32(SEED + 7);
  const slotsUsed = 1 + Math.max(...placed.map((p) => p.slot));
  const firstOpenSlot = 13;
  const byId = new Map(problem.meetings.map((m) => [m.id, m]));
  const current = placed.map((p) => {
    const m = byId.get(p.id)!;
    const state =
      p.slot < firstOpenSlot - 1
        ? ('done' as const)
        : p.slot === firstOpenSlot - 1
          ? ('under_way' as const)
          : ('scheduled' as const);
    return { ...p, a: m.a, b: m.b, state };
  });
  const ids = problem.participants.map((p) => p.id);
  const absent = new Set<string>();
  while (absent.size < 100) absent.add(ids[Math.floor(rnd() * ids.length)]!);
  const removed = current
    .filter((c) => c.state === 'scheduled' && (absent.has(c.a) || absent.has(c.b)))
    .map((c) => c.id);
  const pairs = new Set(problem.meetings.map((m) => `${m.a}|${m.b}`));
  const suppliers = ids.filter((id) => id.startsWith('s') && !absent.has(id));
  const buyers = ids.filter((id) => id.startsWith('b') && !absent.has(id));
  const added: Array<{ id: string; a: string; b: string; pin?: { slot: number } }> = [];
  const pinnedAt = new Set<string>(); // an organizer never pins one organisation twice into a slot
  while (added.length < 200) {
    const a = suppliers[Math.floor(rnd() * suppliers.length)]!;
    const b = buyers[Math.floor(rnd() * buyers.length)]!;
    if (pairs.has(`${a}|${b}`)) continue;
    const pin =
      added.length < 50
        ? { slot: firstOpenSlot + Math.floor(rnd() * (slotsUsed - firstOpenSlot)) }
        : undefined;
    if (pin && (pinnedAt.has(`${a}@${pin.slot}`) || pinnedAt.has(`${b}@${pin.slot}`))) continue;
    if (pin) {
      pinnedAt.add(`${a}@${pin.slot}`);
      pinnedAt.add(`${b}@${pin.slot}`);
    }
    pairs.add(`${a}|${b}`);
    added.push(pin ? { id: `x${added.length}`, a, b, pin } : { id: `x${added.length}`, a, b });
  }
  const { value, ms, cpuMs } = timed(() =>
    repairSchedule({
      slotCount: problem.slotCount,
      tables: problem.tables,
      participants: problem.participants,
      current,
      removed,
      added,
      firstOpenSlot,
    }),
  );
  // A lower bound on the moves: every scheduled meeting sharing an organisation with a pinned
  // addition in its pinned slot has to move, whatever else happens.
  const removedSet = new Set(removed);
  const busyAt = new Map<string, string>();
  for (const c of current) {
    if (c.state !== 'scheduled' || removedSet.has(c.id)) continue;
    busyAt.set(`${c.a}@${c.slot}`, c.id);
    busyAt.set(`${c.b}@${c.slot}`, c.id);
  }
  const forced = new Set<string>();
  for (const m of added) {
    if (!m.pin) continue;
    for (const who of [m.a, m.b]) {
      const id = busyAt.get(`${who}@${m.pin.slot}`);
      if (id) forced.add(id);
    }
  }
  const repairedSlots = 1 + Math.max(...value.placed.map((p) => p.slot));
  const remaining = problem.meetings.length - removed.length + added.length;
  const deg = new Map<string, number>();
  for (const c of current) {
    if (removed.includes(c.id)) continue;
    deg.set(c.a, (deg.get(c.a) ?? 0) + 1);
    deg.set(c.b, (deg.get(c.b) ?? 0) + 1);
  }
  for (const a of added) {
    deg.set(a.a, (deg.get(a.a) ?? 0) + 1);
    deg.set(a.b, (deg.get(a.b) ?? 0) + 1);
  }
  const bound = Math.max(Math.max(...deg.values()), Math.ceil(remaining / problem.tables));
  return {
    detail: `repair detail: removed=${removed.length} unplaced=${JSON.stringify(value.unplaced)} moved=${value.moved.length} forced_moves_lower_bound=${forced.size} cpu_ms=${Math.round(cpuMs)}`,
    line: `repair: meetings=${problem.meetings.length} added=${added.length} noshows=${absent.size} moved=${value.moved.length} slots=${repairedSlots} bound=${bound} ms=${Math.round(ms)}`,
  };
}

// ------------------------------------------------------------------ --pairs FILE

function arg(name: string): string | undefined {
  const k = process.argv.indexOf(name);
  if (k >= 0) return process.argv[k + 1];
  return process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function runPairs(file: string): void {
  const tables = Number(arg('--tables'));
  if (!Number.isInteger(tables) || tables < 1 || tables > 1_000_000)
    fail('--tables T is required: a whole number from 1 to 1,000,000');
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    fail(`${file}: cannot read (${(error as Error).message})`);
  }
  if (size > PAIRS_LIMITS.maxBytes)
    fail(`${file}: ${size} bytes, more than the ${PAIRS_LIMITS.maxBytes} allowed`);
  let meetings: Array<{ id: string; a: string; b: string }>;
  try {
    meetings = parsePairs(readFileSync(file, 'utf8'), file);
  } catch (error) {
    if (error instanceof PairsFileError) fail(error.message);
    throw error;
  }
  const participants = participantsOf(meetings);
  const slotsArg = arg('--slots');
  const slotCount = slotsArg === undefined ? Math.max(1, 2 * meetings.length) : Number(slotsArg);
  if (!Number.isInteger(slotCount) || slotCount < 1) fail('--slots S must be a whole number ≥ 1');
  const problem: SchedulingProblem = {
    slotCount: Math.min(slotCount, 4 * participants.length + Math.ceil(meetings.length / tables) + 1),
    tables,
    participants,
    meetings,
  };
  let scheduled: ReturnType<typeof timed<ReturnType<typeof scheduleMeetings>>>;
  try {
    scheduled = timed(() => scheduleMeetings(problem));
  } catch (error) {
    if (error instanceof RangeError) fail(`${file}: ${error.message}`);
    throw error;
  }
  const { value, ms } = scheduled;
  const out = arg('--out');
  if (out) {
    const cell = new Map(value.placed.map((p) => [p.id, p]));
    const text = meetings
      .map((m) => {
        const p = cell.get(m.id);
        return p ? `${m.a} ${m.b} ${p.slot} ${p.table}` : `${m.a} ${m.b} - -`;
      })
      .join('\n');
    writeFileSync(out, `${text}\n`);
  }
  if (!value.bipartite) console.log(`note: not bipartite (an organisation is on both sides of an odd cycle)`);
  if (value.gapReasons.length > 0) console.log(`note: gap reasons ${value.gapReasons.join(',')}`);
  if (value.unplaced.length > 0)
    console.log(`note: ${value.unplaced.length} meetings unplaced (written as "- -")`);
  console.log(
    `schedule: participants=${participants.length} meetings=${meetings.length} tables=${tables} slots=${value.slotsUsed} bound=${value.lowerBound} ms=${Math.round(ms)}`,
  );
}

// ------------------------------------------------------------------ harder variants (figures only)

/**
 * The same 20,000 meetings with availability windows: 30 % of organisations cannot attend a block of a
 * fifth of the bound's slots (arrive late, leave early, or a lunch they will not miss).
 */
function withWindows(problem: SchedulingProblem, slots: number): SchedulingProblem {
  const rnd = mulberry32(SEED + 11);
  const slotCount = 2 * slots;
  const participants = problem.participants.map((p) => {
    if (rnd() >= 0.3) return p;
    const start = Math.floor(rnd() * slots);
    const gap = Math.floor(slots / 5);
    const available = Array.from({ length: slotCount }, (_, s) => s).filter(
      (s) => s < start || s >= start + gap,
    );
    return { id: p.id, available };
  });
  return { ...problem, slotCount, participants };
}

/** An odd-cycle variant: a tenth of the meetings join two suppliers (an organisation on both sides). */
function withOddCycles(problem: SchedulingProblem): SchedulingProblem {
  const rnd = mulberry32(SEED + 13);
  const seen = new Set(problem.meetings.map((m) => `${m.a}|${m.b}`));
  const meetings = problem.meetings.map((m) => {
    if (rnd() >= 0.1) return m;
    const other = `s${Math.floor(rnd() * 1_000)}`;
    if (other === m.a || seen.has(`${m.a}|${other}`) || seen.has(`${other}|${m.a}`)) return m;
    seen.add(`${m.a}|${other}`);
    return { id: m.id, a: m.a, b: other };
  });
  return { ...problem, meetings };
}

/** A variant with 100 meetings pinned by the organizer to random slots within the bound (no collisions). */
function withPins(problem: SchedulingProblem, slots: number): SchedulingProblem {
  const rnd = mulberry32(SEED + 17);
  const taken = new Set<string>();
  let pinned = 0;
  const meetings = problem.meetings.map((m) => {
    if (pinned >= 100 || rnd() >= 0.01) return m;
    const slot = Math.floor(rnd() * slots);
    if (taken.has(`${m.a}@${slot}`) || taken.has(`${m.b}@${slot}`)) return m;
    taken.add(`${m.a}@${slot}`);
    taken.add(`${m.b}@${slot}`);
    pinned++;
    return { ...m, pin: { slot } };
  });
  return { ...problem, meetings };
}

function variantLine(name: string, problem: SchedulingProblem): string {
  const { value, ms, cpuMs } = timed(() => scheduleMeetings(problem));
  return `variant: ${name} meetings=${problem.meetings.length} slots=${value.slotsUsed} bound=${value.lowerBound} availability_bound=${value.availabilityBound} unplaced=${value.unplaced.length} bipartite=${value.bipartite} gap=${value.gapReasons.join(',') || '-'} cpu_ms=${Math.round(cpuMs)} wall_ms=${Math.round(ms)}`;
}

// ------------------------------------------------------------------ main

const pairsFile = arg('--pairs');
if (pairsFile) runPairs(pairsFile);
else {
  // Warm-up so the JIT is not timed.
  generated(200, 2_000, 40, SEED + 1);
  const national = generated(40_000, 400_000, 8_000, SEED + 2);
  console.log(`timing: national ${national.cpu}`);
  console.log(national.line);
  const provincial = generated(2_000, 20_000, 400, SEED);
  console.log(variantLine('windows', withWindows(provincial.problem, provincial.result.slotsUsed)));
  console.log(variantLine('odd-cycles', withOddCycles(provincial.problem)));
  console.log(variantLine('pins', withPins(provincial.problem, provincial.result.slotsUsed)));
  const repair = repairLine(provincial.problem, provincial.result.placed);
  console.log(repair.detail);
  console.log(repair.line);
  console.log(`timing: provincial ${provincial.cpu}`);
  console.log(provincial.line);
}
