import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { provinceCodeOf } from '../regions/regions.ts';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys as strip, type Table } from '../shared/db/table.ts';
import type { Org } from './org.ts';

export class OrgRepo {
  constructor(private readonly table: Table) {}

  async get(orgId: string): Promise<Org | undefined> {
    const item = await this.table.get<Org>(keys.org(orgId));
    return item ? strip(item) : undefined;
  }

  async findByCreditCode(code: string): Promise<Org | undefined> {
    const guard = await this.table.get<{ orgId: string }>(keys.creditCode(code));
    return guard ? await this.get(guard.orgId) : undefined;
  }

  /** Organisations seated in a region (province, city or county), by one Query on gsi1. */
  async listByRegion(adcodePrefix: string, cursor?: string, limit?: number): Promise<Page<Org>> {
    const province = adcodePrefix.slice(0, 2);
    const page = await this.table.query<Org>({
      index: 'gsi1',
      partition: keys.orgRegionPartition(province),
      prefix: adcodePrefix,
      cursor,
      limit,
    });
    return { ...page, items: page.items.map(strip) };
  }

  /**
   * Invited organisations that have not claimed their account, seated in a region (a province, city
   * or county prefix), by one Query on the sparse gsi2.
   */
  async listInvited(adcodePrefix: string, cursor?: string, limit?: number): Promise<Page<Org>> {
    const page = await this.table.query<Org>({
      index: 'gsi2',
      partition: keys.invitedOrgsPartition(adcodePrefix.slice(0, 2)),
      prefix: adcodePrefix,
      cursor,
      limit,
    });
    return { ...page, items: page.items.map(strip) };
  }

  /** Which of these organisations have not claimed their account yet (one GetItem each, in parallel). */
  async unclaimed(orgIds: readonly string[]): Promise<Set<string>> {
    const unique = [...new Set(orgIds)];
    const orgs = await Promise.all(unique.map((id) => this.get(id)));
    return new Set(orgs.filter((o) => o?.invited).map((o) => o!.id));
  }

  /** The stored item: the organisation with its keys (and its place in the by-region index). */
  private record(org: Org) {
    return {
      ...keys.org(org.id),
      ...keys.orgByRegion(provinceCodeOf(org.adcode), org.adcode, org.id),
      ...(org.invited ? keys.invitedOrgByRegion(provinceCodeOf(org.adcode), org.adcode, org.id) : {}),
      type: 'org',
      ...org,
    };
  }

  /** Items that create the organisation and claim its credit code. */
  createItems(org: Org): TransactWriteItem[] {
    return [
      this.table.putItem(this.record(org), { expression: 'attribute_not_exists(pk)' }),
      this.table.putItem(
        { ...keys.creditCode(org.creditCode), type: 'credit', orgId: org.id },
        { expression: 'attribute_not_exists(pk)' },
      ),
    ];
  }

  /** Takes over an invited organisation: only while it is still invited with that invitation. */
  claimItem(org: Org, expectedInviteHash: string): TransactWriteItem {
    return this.table.putItem(this.record(org), {
      expression: 'invited = :yes AND inviteHash = :hash',
      values: { ':yes': true, ':hash': expectedInviteHash },
    });
  }

  /** Sets a new invitation code hash on an organisation that is still invited. */
  async setInvitation(orgId: string, hash: string, expiresAt: string): Promise<void> {
    await this.table.update(
      keys.org(orgId),
      {
        expression: 'SET inviteHash = :hash, inviteExpiresAt = :expires',
        values: { ':hash': hash, ':expires': expiresAt },
      },
      { expression: 'invited = :yes', values: { ':yes': true } },
    );
  }

  async update(org: Org, expectedUpdatedAt: string): Promise<Org> {
    await this.table.put(this.record(org), {
      expression: 'updatedAt = :expected',
      values: { ':expected': expectedUpdatedAt },
    });
    return org;
  }
}
