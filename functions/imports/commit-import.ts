import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import type { Principal } from '../auth/principal.ts';
import type { Listing } from '../listings/listing.ts';
import { buildListing } from '../listings/listing-commands.ts';
import { ORG_KIND_POSTING, type Org } from '../orgs/org.ts';
import { ConditionFailed } from '../shared/errors.ts';
import { derivedId } from '../shared/ids.ts';
import { transition } from '../shared/lifecycle.ts';
import {
  type ImportJob,
  type ImportRow,
  importLifecycle,
  MAX_INVITED_LISTED,
  MAX_REPORTED_ERRORS,
  type RowError,
} from './import-job.ts';
import { firmsNamed, importScope, scopeIssues } from './import-scope.ts';
import { checkImportRow, commitRowErrors } from './validate-import.ts';

/**
 * Turns an import's good rows into listings, a chunk at a time, within a time budget; the caller
 * (the web's progress bar) calls again until the job is committed. Every id is derived from the
 * import and the row, and every write is conditional, so a crash or a retry mid-chunk resumes
 * without duplicates and without losing a row.
 */
const ROWS_PER_TRANSACTION = 40; // ×2 items (listing + audit) ≤ 100 per TransactWriteItems

/**
 * The organisation a row is posted for: the uploader's own, an invited firm that has not registered
 * (`firm`, as read for the chunk), or a new invited one; undefined when the firm has registered (a
 * row never posts in a registered firm's name).
 */
async function ownerFor(
  deps: Deps,
  job: ImportJob,
  row: ImportRow,
  uploader: Org,
  firm: Org | undefined,
): Promise<{ org: Org; invited: boolean } | undefined> {
  if (!row.owner) return { org: uploader, invited: false };
  if (firm) return firm.invited ? { org: firm, invited: false } : undefined;
  const now = deps.clock.now().toISOString();
  const invited: Org = {
    id: derivedId(job.id, `org:${row.owner.creditCode}`),
    name: row.owner.name,
    creditCode: row.owner.creditCode,
    kinds: [ORG_KIND_POSTING[job.kind]],
    adcode: row.input.adcode,
    contact: row.input.contact,
    invited: true,
    invitedBy: uploader.id,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.table.transact(deps.orgs.createItems(invited));
  } catch (error) {
    if (!(error instanceof ConditionFailed)) throw error;
    const raced = await deps.orgs.findByCreditCode(row.owner.creditCode);
    if (!raced) throw error;
    if (!raced.invited) return undefined; // it registered meanwhile: never post in its name
    return { org: raced, invited: false };
  }
  return { org: invited, invited: true };
}

async function writeRows(
  deps: Deps,
  principal: Principal,
  job: ImportJob,
  listings: Listing[],
): Promise<void> {
  let pending = listings;
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    const items = pending.flatMap((listing) => [
      deps.listings.putItem(listing),
      deps.audit.item(
        auditEntry(
          principal,
          'listing',
          listing.id,
          'import',
          listing.createdAt,
          derivedId(listing.id, 'audit'),
          {
            importId: { from: null, to: job.id },
          },
        ),
      ),
    ]);
    try {
      await deps.table.transact(items);
      return;
    } catch (error) {
      if (!(error instanceof ConditionFailed)) throw error;
      // Listings already written by an earlier, interrupted run: keep the rest.
      const done = new Set(error.failedIndexes.filter((i) => i % 2 === 0).map((i) => i / 2));
      if (done.size === 0) throw error;
      pending = pending.filter((_, i) => !done.has(i));
    }
  }
}

export async function commitImport(
  deps: Deps,
  principal: Principal,
  importId: string,
  budgetMs = 8_000,
): Promise<ImportJob> {
  const started = Date.now();
  let job = (await deps.imports.get(importId))!;
  const uploader = (await deps.orgs.get(job.orgId))!;
  if (job.status === 'discarded' || job.status === 'committed') return job;
  // An organizer's import is held to its jurisdiction and the firms it names again, now (a firm may
  // have registered since the check).
  const scope = job.onBehalf ? await importScope(deps, principal) : undefined;
  if (job.status !== 'committing') {
    const next = {
      ...job,
      status: transition(importLifecycle, job.status, 'commit'),
      version: job.version + 1,
    };
    await saveJob(deps, next, job.version);
    job = next;
  }
  const catalogue = await deps.catalogue.current();
  while (job.committedChunks < job.chunkCount && Date.now() - started < budgetMs) {
    const rows = await deps.imports.chunk(job.id, job.committedChunks);
    let invitedOrgs = 0;
    const invitedNow: NonNullable<ImportJob['invited']> = [];
    const listings: Listing[] = [];
    const refused: RowError[] = [];
    // The firms the chunk names, each read once (the scope check and the owner both use it).
    const firms = await firmsNamed(deps, rows);
    for (const row of rows) {
      // The same validation the check ran: a row the world changed under is reported, not stuck.
      const checked = checkImportRow(catalogue, job.kind, row.input as unknown as Record<string, unknown>);
      if ('issues' in checked) {
        refused.push(...commitRowErrors(job.kind, job.onBehalf, row.row, checked.issues));
        continue;
      }
      const firm = row.owner ? firms.get(row.owner.creditCode) : undefined;
      const issues = scope && row.owner ? scopeIssues(scope, row, firm) : [];
      const owner = issues.length === 0 ? await ownerFor(deps, job, row, uploader, firm) : undefined;
      if (!owner) {
        refused.push(
          ...commitRowErrors(
            job.kind,
            job.onBehalf,
            row.row,
            issues.length > 0
              ? issues
              : [
                  {
                    field: 'owner.creditCode',
                    key: 'field.owner_registered',
                    params: { name: row.owner!.name },
                  },
                ],
          ),
        );
        continue;
      }
      const { org, invited } = owner;
      if (row.owner) firms.set(row.owner.creditCode, org); // the chunk's next rows for it find it
      if (invited) {
        invitedOrgs += 1;
        invitedNow.push({ orgId: org.id, name: org.name, creditCode: org.creditCode });
      }
      const listing = buildListing(
        catalogue,
        row.input,
        { orgId: org.id, orgName: org.name, userId: principal.userId },
        deps.clock.now().toISOString(),
        derivedId(job.id, `row:${row.row}`),
      );
      listing.importId = job.id;
      if (org.id !== uploader.id) listing.postedByOrgId = uploader.id;
      listings.push(listing);
    }
    for (let i = 0; i < listings.length; i += ROWS_PER_TRANSACTION) {
      await writeRows(deps, principal, job, listings.slice(i, i + ROWS_PER_TRANSACTION));
    }
    const errors = [...job.errors, ...refused];
    const invited = [...(job.invited ?? []), ...invitedNow];
    const next: ImportJob = {
      ...job,
      committedChunks: job.committedChunks + 1,
      committedRows: job.committedRows + listings.length,
      goodRows: job.goodRows - (rows.length - listings.length),
      badRows: job.badRows + (rows.length - listings.length),
      errors: errors.slice(0, MAX_REPORTED_ERRORS),
      ...(job.errorsCapped || errors.length > MAX_REPORTED_ERRORS ? { errorsCapped: true } : {}),
      invitedOrgs: job.invitedOrgs + invitedOrgs,
      invited: invited.slice(0, MAX_INVITED_LISTED),
      ...(job.invitedCapped || invited.length > MAX_INVITED_LISTED ? { invitedCapped: true } : {}),
      updatedAt: deps.clock.now().toISOString(),
      version: job.version + 1,
    };
    await saveJob(deps, next, job.version);
    job = next;
  }
  if (job.committedChunks >= job.chunkCount && job.status === 'committing') {
    const next = {
      ...job,
      status: transition(importLifecycle, job.status, 'finish'),
      version: job.version + 1,
    };
    await saveJob(deps, next, job.version);
    job = next;
  }
  return job;
}

async function saveJob(deps: Deps, job: ImportJob, expectedVersion: number): Promise<void> {
  await deps.imports.save(job, expectedVersion); // a lost race is a ConditionFailed: 409
}
