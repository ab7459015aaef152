import { query } from '@solidjs/router';
import type {
  RunAction,
  RunProposal,
  MatchingRun as RunRecord,
  RunStatus,
  RunTotals,
} from '../../../functions/contract/matching-run.ts';
import { api } from './client.ts';

/**
 * Organizers' matching runs: an exact allocation over a region (and optionally a category), queued
 * and executed in the background, compared with nearest-first greedy, then published to both sides
 * as matches.
 */

export type { RunAction, RunProposal, RunStatus, RunTotals };

/** A run as the API shows it: with what the viewer may do to it now (publish). */
export type MatchingRun = RunRecord & { actions: RunAction[] };

export interface NewRun {
  kind: 'goods' | 'labour';
  region: string;
  category?: string;
}

export interface RunList {
  items: MatchingRun[];
  nextCursor?: string;
}

export interface ProposalPage {
  items: RunProposal[];
  /** 0-based. */
  page: number;
  pages: number;
  nextPage?: number;
}

/** Statuses in which the run is still changing by itself (poll). */
export const ACTIVE_RUN_STATUSES: readonly RunStatus[] = ['queued', 'running'];

const runPath = (runId: string, rest = '') => `/matching-runs/${encodeURIComponent(runId)}${rest}`;

/** POST /api/matching-runs → 202 with the queued run. */
export const startRun = (input: NewRun): Promise<MatchingRun> =>
  api.post<MatchingRun>('/matching-runs', input);

export const fetchRuns = (cursor?: string): Promise<RunList> =>
  api.get<RunList>('/matching-runs', { query: { cursor, limit: 20 } });

export const fetchRun = (runId: string): Promise<MatchingRun> => api.get<MatchingRun>(runPath(runId));

export const fetchProposals = (runId: string, page: number): Promise<ProposalPage> =>
  api.get<ProposalPage>(runPath(runId, '/proposals'), { query: { page } });

/** One publishing step; call again until the status is `published`. */
export const publishStep = (runId: string): Promise<MatchingRun> =>
  api.post<MatchingRun>(runPath(runId, '/publish'), {});

/** Every proposal of a run, page after page, up to `maxPages` pages (for the map). */
export async function fetchAllProposals(
  runId: string,
  maxPages = 10,
): Promise<{ items: RunProposal[]; complete: boolean }> {
  const items: RunProposal[] = [];
  let page: number | undefined = 0;
  let fetched = 0;
  while (page !== undefined && fetched < maxPages) {
    const body: ProposalPage = await fetchProposals(runId, page);
    items.push(...body.items);
    fetched += 1;
    page = body.nextPage;
  }
  return { items, complete: page === undefined };
}

export const getRuns = query((cursor?: string) => fetchRuns(cursor), 'matchingRuns');
export const getRun = query((runId: string) => fetchRun(runId), 'matchingRun');
export const getProposals = query(
  (runId: string, page: number) => fetchProposals(runId, page),
  'runProposals',
);
export const getAllProposals = query((runId: string) => fetchAllProposals(runId), 'runAllProposals');
