import type { Deps } from '../api/deps.ts';
import { auditEntry } from '../audit/audit.ts';
import { isOrganizer, type Principal } from '../auth/principal.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../shared/errors.ts';
import { newId } from '../shared/ids.ts';
import { CatalogueError } from './catalogue.ts';
import type { AdditionKind } from './catalogue-additions.repo.ts';
import type { CatalogueAdditions } from './catalogue-types.ts';

const ADDITION_FIELD: Record<AdditionKind, keyof CatalogueAdditions> = {
  spec: 'specs',
  skill: 'skills',
  certificate: 'certificates',
  substitution: 'substitutions',
};

/**
 * An organizer or admin adds a spec, skill, certificate or substitution rule. The addition is
 * checked on a copy (the base catalogue extended with the stored additions and this one: ids,
 * units, categories, references), so a refused one is never seen by any other request; it is stored
 * with its audit entry in one transaction, and only then used.
 */
export async function addCatalogueEntry(
  deps: Deps,
  principal: Principal,
  kind: AdditionKind,
  entry: Record<string, unknown>,
): Promise<void> {
  if (!isOrganizer(principal)) throw new ForbiddenError();
  const { catalogue: existing, additions: current } = await deps.catalogue.reload();
  const id = kind === 'substitution' ? `${entry.supply}>${entry.demand}` : String(entry.id);
  const field = ADDITION_FIELD[kind];
  const next = {
    ...current,
    [field]: [...((current[field] as unknown[]) ?? []), entry],
  } as CatalogueAdditions;
  const taken =
    (kind === 'spec' && existing.getSpec(id)) ||
    (kind === 'skill' && existing.getSkill(id)) ||
    (kind === 'certificate' && existing.getCertificate(id));
  if (taken) throw new ConflictError();
  try {
    deps.catalogue.base.extend(next);
  } catch (error) {
    if (error instanceof CatalogueError) {
      throw new ValidationError([
        { field: '', key: 'field.catalogue_inconsistent', params: { reason: error.message } },
      ]);
    }
    throw error;
  }
  const now = deps.clock.now().toISOString();
  // A second addition of the same id loses the condition: the one onError answers 409.
  await deps.table.transact([
    deps.catalogueAdditions.addItem(kind, id, entry as never, principal.userId, now),
    deps.audit.item(auditEntry(principal, 'catalogue', id, `add-${kind}`, now, newId())),
  ]);
  deps.catalogue.adopt(next);
}
