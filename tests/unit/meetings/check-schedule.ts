import type { ScheduledMeeting, SchedulingProblem } from '../../../functions/meetings/scheduler.ts';

/**
 * Independent validity check of a schedule, written without the scheduler's data structures: returns
 * the list of broken rules (empty = valid).
 */
export function scheduleViolations(
  problem: Pick<SchedulingProblem, 'slotCount' | 'tables' | 'participants'>,
  meetings: ReadonlyArray<{ id: string; a: string; b: string; pin?: { slot: number; table?: number } }>,
  placed: readonly ScheduledMeeting[],
): string[] {
  const out: string[] = [];
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const avail = new Map(problem.participants.map((p) => [p.id, p.available ? new Set(p.available) : null]));
  const cell = new Set<string>();
  const busy = new Set<string>();
  const seen = new Set<string>();
  for (const p of placed) {
    const m = byId.get(p.id);
    if (!m) {
      out.push(`unknown meeting ${p.id}`);
      continue;
    }
    if (seen.has(p.id)) out.push(`meeting ${p.id} placed twice`);
    seen.add(p.id);
    if (!Number.isInteger(p.slot) || p.slot < 0 || p.slot >= problem.slotCount)
      out.push(`${p.id}: slot ${p.slot}`);
    if (!Number.isInteger(p.table) || p.table < 0 || p.table >= problem.tables)
      out.push(`${p.id}: table ${p.table}`);
    const c = `${p.slot}/${p.table}`;
    if (cell.has(c)) out.push(`table ${c} used twice`);
    cell.add(c);
    for (const who of [m.a, m.b]) {
      const k = `${who}@${p.slot}`;
      if (busy.has(k)) out.push(`${who} double-booked in slot ${p.slot}`);
      busy.add(k);
      const a = avail.get(who);
      if (a && !a.has(p.slot)) out.push(`${who} not available in slot ${p.slot}`);
    }
    if (m.pin) {
      if (m.pin.slot !== p.slot) out.push(`${p.id}: pinned to slot ${m.pin.slot}, placed in ${p.slot}`);
      if (m.pin.table !== undefined && m.pin.table !== p.table)
        out.push(`${p.id}: pinned to table ${m.pin.table}, placed at ${p.table}`);
    }
  }
  return out;
}
