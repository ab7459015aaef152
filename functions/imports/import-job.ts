import type { ListingInput } from '../listings/listing.schema.ts';
import type { ListingKind } from '../listings/listing.ts';
import type { Message } from '../shared/i18n/messages.ts';
import { defineLifecycle } from '../shared/lifecycle.ts';

/**
 * A spreadsheet import: uploaded and checked (every bad row reported), then either committed
 * (the good rows become listings, chunk by chunk, resumable after a crash) or discarded.
 */
export const importLifecycle = defineLifecycle({
  name: 'import',
  initial: 'validated',
  states: ['validated', 'committing', 'committed', 'discarded'],
  transitions: {
    commit: { from: ['validated', 'committing'], to: 'committing' },
    finish: { from: ['committing'], to: 'committed' },
    discard: { from: ['validated'], to: 'discarded' },
  },
  terminal: ['committed', 'discarded'],
});
export type ImportStatus = (typeof importLifecycle.states)[number];

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
  /** The first MAX_REPORTED_ERRORS problems; badRows counts them all. */
  errors: RowError[];
  chunkCount: number;
  /** Chunks fully written; the commit resumes from here. */
  committedChunks: number;
  committedRows: number;
  /** Organisations created for firms not yet registered (organizer imports). */
  invitedOrgs: number;
  /** Which (the first 1,000): the organizer issues each an invitation code. */
  invited?: { orgId: string; name: string; creditCode: string }[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export const MAX_REPORTED_ERRORS = 2000;
export const CHUNK_ROWS = 250;

export function progress(job: ImportJob): number {
  return job.goodRows === 0 ? 1 : job.committedRows / job.goodRows;
}
