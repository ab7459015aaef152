import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import { stripKeys, type Table } from '../shared/db/table.ts';
import type { CatalogueAdditions, Certificate, Skill, Spec, SubstitutionRule } from './catalogue-types.ts';

/**
 * What organizers and admins added to the catalogue, one item per entry in one partition (a few
 * hundred entries at most, read whole). Each Lambda instance reloads it at most once a minute.
 */
export type AdditionKind = 'spec' | 'skill' | 'certificate' | 'substitution';

interface StoredAddition {
  kind: AdditionKind;
  entry: Spec | Skill | Certificate | SubstitutionRule;
  addedBy: string;
  addedAt: string;
}

export class CatalogueAdditionsRepo {
  constructor(private readonly table: Table) {}

  async all(): Promise<CatalogueAdditions> {
    const items = (
      await this.table.queryEvery<StoredAddition>({ partition: keys.catalogueAdditionsPartition() }, 10_000)
    ).map(stripKeys);
    return {
      specs: items.filter((i) => i.kind === 'spec').map((i) => i.entry as Spec),
      skills: items.filter((i) => i.kind === 'skill').map((i) => i.entry as Skill),
      certificates: items.filter((i) => i.kind === 'certificate').map((i) => i.entry as Certificate),
      substitutions: items.filter((i) => i.kind === 'substitution').map((i) => i.entry as SubstitutionRule),
    };
  }

  /** The write of an entry, unless one with the same id exists, for a transaction with its audit entry. */
  addItem(
    kind: AdditionKind,
    id: string,
    entry: StoredAddition['entry'],
    addedBy: string,
    addedAt: string,
  ): TransactWriteItem {
    return this.table.putItem(
      { ...keys.catalogueAddition(kind, id), type: 'catalogue-addition', kind, entry, addedBy, addedAt },
      { expression: 'attribute_not_exists(pk)' },
    );
  }

  /** Stores an entry unless one with the same id exists (ConditionFailed). */
  async add(
    kind: AdditionKind,
    id: string,
    entry: StoredAddition['entry'],
    addedBy: string,
    addedAt: string,
  ): Promise<void> {
    await this.table.put(
      { ...keys.catalogueAddition(kind, id), type: 'catalogue-addition', kind, entry, addedBy, addedAt },
      { expression: 'attribute_not_exists(pk)' },
    );
  }
}
