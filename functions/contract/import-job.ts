import { availableActions, defineLifecycle } from './lifecycle.ts';
import type { ListingInput } from './listing.schema.ts';
import type { ListingKind } from './listing.ts';
import type { Message } from './messages.ts';
import { isOrganizer, type Principal } from './principal.ts';

/**
 * A spreadsheet import: uploaded and checked (every bad row reported), then either committed
 * (the good rows become listings, chunk by chunk, resumable after a crash) or discarded.
 */
/**
 * Who may move an import: `committer` (a member of the uploading organisation — for an organizer's
 * import on firms' behalf, an organizer of it), `uploader`, `org_admin` (of the uploading
 * organisation), `system` (the commit finishing).
 */
export type ImportRole = 'committer' | 'uploader' | 'org_admin' | 'system';

export const importLifecycle = defineLifecycle({
  name: 'import',
  label: { zh: '导入', en: 'import' },
  initial: 'validated',
  states: ['validated', 'committing', 'committed', 'discarded'],
  stateLabels: {
    validated: { zh: '待导入', en: 'checked and waiting' },
    committing: { zh: '导入中', en: 'being committed' },
    committed: { zh: '已导入', en: 'committed' },
    discarded: { zh: '已放弃', en: 'discarded' },
  },
  transitions: {
    commit: {
      from: ['validated', 'committing'],
      to: 'committing',
      by: ['committer'],
      label: { zh: '导入', en: 'commit' },
    },
    finish: {
      from: ['committing'],
      to: 'committed',
      by: ['system'],
      label: { zh: '完成导入', en: 'finish' },
    },
    discard: {
      // A commit under way can be stopped: the rows not yet posted are dropped (never stuck).
      from: ['validated', 'committing'],
      to: 'discarded',
      by: ['uploader', 'org_admin'],
      label: { zh: '放弃', en: 'discard' },
    },
  },
  terminal: ['committed', 'discarded'],
});
export type ImportStatus = (typeof importLifecycle.states)[number];
export type ImportAction = keyof typeof importLifecycle.transitions;

/** The roles this caller holds towards the import (none outside the uploading organisation). */
export function importRoles(
  principal: Principal,
  job: Pick<ImportJob, 'orgId' | 'onBehalf' | 'uploadedBy'>,
): ImportRole[] {
  if (job.orgId !== principal.orgId) return [];
  const roles: ImportRole[] = [];
  // An organizer's import posts on other firms' behalf: only organizers may carry it out.
  if (!job.onBehalf || isOrganizer(principal)) roles.push('committer');
  if (job.uploadedBy === principal.userId) roles.push('uploader');
  if (principal.orgRole === 'org_admin') roles.push('org_admin');
  return roles;
}

/** The import as its viewer gets it: with what the viewer may do to it now. */
export function viewImport<J extends ImportJob>(
  principal: Principal,
  job: J,
): J & { actions: ImportAction[] } {
  return { ...job, actions: availableActions(importLifecycle, job.status, importRoles(principal, job)) };
}

export interface RowError {
  /** 1-based row number as the spreadsheet shows it (the header is row 1). */
  row: number;
  /** The column's header as the file has it ('' when the row as a whole is wrong). */
  column: string;
  field: string;
  code: string;
  messages: Message;
}

/** A good row, ready to post: for whom, and what. */
export interface ImportRow {
  row: number;
  input: ListingInput;
  /** Organizer imports name the firm by its credit code (and name, for firms not yet registered). */
  owner?: { creditCode: string; name: string };
}

export interface ImportJob {
  id: string;
  kind: ListingKind;
  fileName: string;
  /** The uploader's organisation; for organizers, the department posting on firms' behalf. */
  orgId: string;
  uploadedBy: string;
  onBehalf: boolean;
  status: ImportStatus;
  totalRows: number;
  goodRows: number;
  badRows: number;
  /** The first MAX_REPORTED_ERRORS problems; badRows counts the rows. */
  errors: RowError[];
  /** True when there were more problems than `errors` lists (the report says so). */
  errorsCapped?: boolean;
  chunkCount: number;
  /** Chunks fully written; the commit resumes from here. */
  committedChunks: number;
  committedRows: number;
  /** Organisations created for firms not yet registered (organizer imports). */
  invitedOrgs: number;
  /** Which (the first MAX_INVITED_LISTED): the organizer issues each an invitation code. */
  invited?: { orgId: string; name: string; creditCode: string }[];
  /** True when more organisations were invited than `invited` lists (the page says so). */
  invitedCapped?: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const MAX_REPORTED_ERRORS = 2000;
export const MAX_INVITED_LISTED = 1000;
export const CHUNK_ROWS = 250;

export function progress(job: ImportJob): number {
  return job.goodRows === 0 ? 1 : job.committedRows / job.goodRows;
}
