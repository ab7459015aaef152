import type { Deps } from '../api/deps.ts';
import { isAdmin, isOrganizer, type Principal } from '../auth/principal.ts';
import type { ListingKind } from '../listings/listing.ts';
import type { Org } from '../orgs/org.ts';
import { jurisdictionOf } from '../orgs/org.ts';
import { fullName, regionPrefix } from '../regions/regions.ts';
import type { FieldIssue } from '../shared/errors.ts';
import type { ImportRow } from './import-job.ts';
import { commitRowErrors, type ValidatedSheet } from './validate-import.ts';

/**
 * What an organizer's import may post, and for whom (issue 12: the Fujian department posted a
 * listing owned by a registered Shandong firm, at a Shandong address, with a contact of its choosing,
 * and a new Shandong credit code created a Shandong organisation).
 *
 * - A row's place must lie in the department's jurisdiction.
 * - A row never posts in a registered firm's name: only a firm that has not registered (new, or
 *   invited by an import and not claimed yet) can be posted for; a registered one posts itself.
 * - An invited firm must be seated in the jurisdiction; a new credit code must have been issued in it
 *   (its division part, characters 3–8), or no organisation is created for it.
 *
 * The check applies it at upload and the commit again just before posting (a firm may register in
 * between): one function, so the two cannot disagree.
 */
export interface ImportScope {
  /** The adcode prefix overseen ('' = everywhere, the platform admin). */
  readonly oversees: string;
  /** The jurisdiction's name, for messages. */
  readonly region: string;
}

/** The caller's scope when it imports for other firms; undefined for a firm's own import. */
export async function importScope(deps: Deps, principal: Principal): Promise<ImportScope | undefined> {
  if (!isOrganizer(principal)) return undefined;
  if (isAdmin(principal)) return { oversees: '', region: '全国' };
  const own = await deps.orgs.get(principal.orgId);
  const jurisdiction = own ? jurisdictionOf(own) : '000000';
  return {
    oversees: own ? regionPrefix(jurisdiction) : '-',
    region: fullName(jurisdiction) ?? jurisdiction,
  };
}

const within = (scope: ImportScope, adcode: string) => adcode.startsWith(scope.oversees);

/** Why this row may not be posted for the firm it names (`firm`: the organisation with that credit code, if any). */
export function scopeIssues(scope: ImportScope, row: ImportRow, firm: Org | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (!within(scope, row.input.adcode)) {
    issues.push({
      field: 'adcode',
      key: 'field.outside_jurisdiction',
      params: { jurisdiction: scope.region },
    });
  }
  if (!row.owner) return issues;
  if (firm && !firm.invited) {
    issues.push({ field: 'owner.creditCode', key: 'field.owner_registered', params: { name: firm.name } });
  } else if (firm && !within(scope, firm.adcode)) {
    issues.push({
      field: 'owner.creditCode',
      key: 'field.owner_outside_jurisdiction',
      params: { region: fullName(firm.adcode) ?? firm.adcode, jurisdiction: scope.region },
    });
  } else if (!firm) {
    const division = row.owner.creditCode.slice(2, 8);
    if (!within(scope, division))
      issues.push({
        field: 'owner.creditCode',
        key: 'field.credit_code_outside_jurisdiction',
        params: { region: fullName(division) ?? division, jurisdiction: scope.region },
      });
  }
  return issues;
}

/** The organisations the rows name, by credit code (one lookup per firm, a few at a time). */
export async function firmsNamed(
  deps: Deps,
  rows: readonly ImportRow[],
): Promise<Map<string, Org | undefined>> {
  const codes = [...new Set(rows.flatMap((r) => (r.owner ? [r.owner.creditCode] : [])))];
  const firms = new Map<string, Org | undefined>();
  for (let i = 0; i < codes.length; i += 16) {
    const batch = codes.slice(i, i + 16);
    const found = await Promise.all(batch.map((code) => deps.orgs.findByCreditCode(code)));
    for (const [j, code] of batch.entries()) firms.set(code, found[j]);
  }
  return firms;
}

/** The checked sheet with an organizer's rows held to its scope (refused rows reported); a firm's own import as it is. */
export async function withinScope(
  deps: Deps,
  principal: Principal,
  kind: ListingKind,
  sheet: ValidatedSheet,
): Promise<ValidatedSheet> {
  const scope = await importScope(deps, principal);
  if (!scope) return sheet;
  const firms = await firmsNamed(deps, sheet.good);
  const good: ValidatedSheet['good'] = [];
  const errors = [...sheet.errors];
  let badRows = sheet.badRows;
  for (const row of sheet.good) {
    const issues = scopeIssues(scope, row, row.owner ? firms.get(row.owner.creditCode) : undefined);
    if (issues.length === 0) {
      good.push(row);
      continue;
    }
    badRows += 1;
    errors.push(...commitRowErrors(kind, true, row.row, issues));
  }
  errors.sort((a, b) => a.row - b.row);
  return { ...sheet, good, errors, badRows };
}
