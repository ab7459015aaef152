import { availableActions, defineLifecycle } from './lifecycle.ts';
import type { MatchReason, MatchSide } from './match.ts';
import { isAdmin, isOrganizer, type Principal } from './principal.ts';

/**
 * A batch matching run: an organizer allocates over a scope (a region and optionally a category,
 * goods or labour). It is queued as an item, picked up from the table's stream (locally by the
 * poller), solved exactly, and kept with its proposals, totals and the comparison with a
 * nearest-first greedy pairing of the same scope. Publishing turns its proposals into matches.
 */
/** Who may move a run: an `organizer` of the organisation that ran it (or an admin), the `system`. */
export type RunRole = 'organizer' | 'system';

export const runLifecycle = defineLifecycle({
  name: 'matching run',
  label: { zh: '撮合计算', en: 'matching run' },
  initial: 'queued',
  states: ['queued', 'running', 'done', 'failed', 'publishing', 'published'],
  stateLabels: {
    queued: { zh: '排队中', en: 'queued' },
    running: { zh: '计算中', en: 'running' },
    done: { zh: '已完成', en: 'done' },
    failed: { zh: '失败', en: 'failed' },
    publishing: { zh: '发布中', en: 'being published' },
    published: { zh: '已发布', en: 'published' },
  },
  transitions: {
    start: { from: ['queued'], to: 'running', by: ['system'], label: { zh: '开始', en: 'start' } },
    finish: { from: ['running'], to: 'done', by: ['system'], label: { zh: '完成', en: 'finish' } },
    fail: {
      from: ['queued', 'running'],
      to: 'failed',
      by: ['system'],
      label: { zh: '标记失败', en: 'fail' },
    },
    publish: {
      from: ['done', 'publishing'],
      to: 'publishing',
      by: ['organizer'],
      label: { zh: '发布', en: 'publish' },
    },
    finishPublishing: {
      from: ['publishing'],
      to: 'published',
      by: ['system'],
      label: { zh: '完成发布', en: 'finish publishing' },
    },
  },
  terminal: ['failed', 'published'],
});
export type RunStatus = (typeof runLifecycle.states)[number];
export type RunAction = keyof typeof runLifecycle.transitions;

/** An organizer of the organisation that ran it, or an admin, is the run's `organizer`. */
export function runRoles(principal: Principal, run: Pick<MatchingRun, 'orgId'>): RunRole[] {
  return isOrganizer(principal) && (run.orgId === principal.orgId || isAdmin(principal)) ? ['organizer'] : [];
}

/** The run as its viewer gets it: with what the viewer may do to it now. */
export function viewRun(principal: Principal, run: MatchingRun): MatchingRun & { actions: RunAction[] } {
  return { ...run, actions: availableActions(runLifecycle, run.status, runRoles(principal, run)) };
}

export interface RunProposal {
  offerListingId: string;
  needListingId: string;
  offerOrgId: string;
  needOrgId: string;
  offerOrgName: string;
  needOrgName: string;
  needAdcode?: string;
  offerItem: string;
  needItem: string;
  quantity: number;
  unit: string;
  distanceKm: number;
  freightCost?: number;
  crossProvince: boolean;
  substitute: boolean;
  reasons: MatchReason[];
  /** For the map: where the flow starts and ends. */
  from: { lat: number; lng: number };
  to: { lat: number; lng: number };
  /** In a page of proposals: the sides whose invited organisation has not claimed its account yet. */
  notJoined?: MatchSide[];
}

export interface RunTotals {
  offers: number;
  needs: number;
  /**
   * True when the region held more open listings on a side than one run reads (MAX_LISTINGS_READ):
   * the run allocated over the first ones only, and the run page says so.
   */
  inputCapped?: boolean;
  offered: number;
  needed: number;
  placed: number;
  placedShare: number;
  /** goods: CNY (freight + border penalties); labour: commute person-km. */
  cost: number;
  /** goods: unit-km (tonne-km for tonnes); labour: person-km. */
  unitKm: number;
  inProvinceShare: number;
  candidatePairs: number;
  solveMs: number;
  certified: boolean;
  /** The nearest-first greedy on the same scope (goods only). */
  greedy?: {
    placed: number;
    cost: number;
    unitKm: number;
    /** (greedy − optimal) / optimal. */
    costGapShare: number;
    /** (greedy − optimal) / greedy: "x % less freight than nearest-first". */
    savedShare: number;
  };
}

export interface MatchingRun {
  id: string;
  kind: 'goods' | 'labour';
  region: string;
  category?: string;
  /** Scope = event: only the listings its approved participants enrolled (functions/events/). */
  eventId?: string;
  /** Event rounds: proposals lapse unanswered at this instant (the event's response deadline). */
  respondBy?: string;
  orgId: string;
  createdBy: string;
  status: RunStatus;
  /** 0..1 and what it is doing, for the progress bar. */
  progress: number;
  stage: 'queued' | 'loading' | 'solving' | 'saving' | 'done' | 'publishing' | 'published' | 'failed';
  error?: string;
  totals?: RunTotals;
  proposalCount: number;
  chunkCount: number;
  publishedChunks: number;
  publishedMatches: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const RUN_CHUNK = 200;
