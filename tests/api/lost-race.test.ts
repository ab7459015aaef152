import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../../functions/api/deps.ts';
import { createFullApp as createApp } from '../../functions/api/sheet-modules.ts';
import type { ImportJobRepo } from '../../functions/imports/import-job.repo.ts';
import type { ImportJob } from '../../functions/imports/import-job.ts';
import type { ListingRepo } from '../../functions/listings/listing.repo.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { ConditionFailed } from '../../functions/shared/errors.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

const CSV =
  '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话\n' +
  'HRB400E Φ25,1200,吨,福建省三明市三元区,300,2030-03-15,2030-05-15,3950,林工,13905981234';

/** The deps, with one repository method replaced. */
function withRepo<K extends 'imports' | 'listings'>(deps: Deps, name: K, overrides: Partial<Deps[K]>): Deps {
  const repo = deps[name];
  const proxy = new Proxy(repo, {
    get: (target, prop) => {
      if (prop in overrides) return overrides[prop as keyof typeof overrides];
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...deps, [name]: proxy } as Deps;
}

describe('a lost write race', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let maker: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    maker = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
  });

  it('answers 409 conflict, not 500, when an import changes while it is being discarded', async () => {
    // Arrange: the import moves on between the route reading it and writing the discard.
    const uploaded = await ctx.app.request('/api/imports?kind=supply&format=csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${maker.token}`, 'content-type': 'application/octet-stream' },
      body: CSV,
    });
    const job = (await uploaded.json()) as ImportJob;
    const racing = withRepo(ctx.deps, 'imports', {
      get: async (importId: string) => {
        const read = await ctx.deps.imports.get(importId);
        if (read) await ctx.deps.imports.save({ ...read, version: read.version + 1 }, read.version);
        return read;
      },
    } as Partial<ImportJobRepo>);
    const api = apiClient(
      createApp(() => racing),
      { token: maker.token },
    );

    // Act
    const res = await api.post<{ error: { code: string; messages: { zh: string; en: string } } }>(
      `/api/imports/${job.id}/discard`,
    );

    // Assert
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.messages.en).toMatch(/changed meanwhile/);
    expect((await ctx.deps.imports.get(job.id))?.status).toBe('validated');
  });

  it("maps DynamoDB's own condition and transaction exceptions to 409 in the one onError", async () => {
    for (const thrown of [
      new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }),
      new TransactionCanceledException({
        message: 'Transaction cancelled',
        $metadata: {},
        CancellationReasons: [{ Code: 'None' }, { Code: 'ConditionalCheckFailed' }],
      }),
    ]) {
      // Arrange
      const failing = withRepo(ctx.deps, 'listings', {
        get: async () => {
          throw thrown;
        },
      } as Partial<ListingRepo>);
      const api = apiClient(
        createApp(() => failing),
        { token: maker.token },
      );

      // Act
      const res = await api.get<{ error: { code: string } }>('/api/listings/01J0000000000000000000000A');

      // Assert
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('conflict');
    }
  });

  it('raises ConditionFailed from the table with the database exception as its cause', async () => {
    // Arrange
    const key = keys.demoSeed();
    await ctx.deps.table.put({ ...key, type: 'test' });

    // Act
    const error = await ctx.deps.table
      .put({ ...key, type: 'test' }, { expression: 'attribute_not_exists(pk)' })
      .catch((e: unknown) => e);

    // Assert
    expect(error).toBeInstanceOf(ConditionFailed);
    expect((error as ConditionFailed).status).toBe(409);
    expect((error as Error).cause).toBeInstanceOf(ConditionalCheckFailedException);
  });
});
