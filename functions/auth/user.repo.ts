import type { TransactWriteItem } from '@aws-sdk/client-dynamodb';
import { keys } from '../shared/db/keys.ts';
import type { Page } from '../shared/db/paging.ts';
import { stripKeys as strip, type Table } from '../shared/db/table.ts';
import { publicUser, type StoredUser, type User } from './user.ts';

interface EmailGuard {
  userId: string;
}

export class UserRepo {
  constructor(private readonly table: Table) {}

  async get(userId: string): Promise<StoredUser | undefined> {
    const item = await this.table.get<StoredUser & { pk: string }>(keys.user(userId));
    return item ? strip(item) : undefined;
  }

  async findByEmail(email: string): Promise<StoredUser | undefined> {
    const guard = await this.table.get<EmailGuard>(keys.email(email));
    return guard ? await this.get(guard.userId) : undefined;
  }

  async listByOrg(orgId: string, cursor?: string, limit?: number): Promise<Page<User>> {
    const page = await this.table.query<StoredUser>({
      index: 'gsi1',
      partition: keys.orgUsersPartition(orgId),
      cursor,
      limit,
    });
    return { ...page, items: page.items.map((u) => publicUser(strip(u))) };
  }

  /** Transaction items that create the user and claim its email (fails if the email is taken). */
  createItems(user: StoredUser): TransactWriteItem[] {
    return [
      this.table.putItem(
        { ...keys.user(user.id), ...keys.userByOrg(user.orgId, user.email), type: 'user', ...user },
        { expression: 'attribute_not_exists(pk)' },
      ),
      this.table.putItem(
        { ...keys.email(user.email), type: 'email', userId: user.id },
        { expression: 'attribute_not_exists(pk)' },
      ),
    ];
  }

  async create(user: StoredUser): Promise<void> {
    await this.table.transact(this.createItems(user));
  }

  async setPlatformRoles(userId: string, platformRoles: string[]): Promise<StoredUser> {
    const item = await this.table.update<StoredUser>(
      keys.user(userId),
      { expression: 'SET platformRoles = :roles', values: { ':roles': platformRoles } },
      { expression: 'attribute_exists(pk)' },
    );
    return strip(item);
  }
}
