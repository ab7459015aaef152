import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../functions/auth/principal.ts';
import { commitImport } from '../../functions/imports/commit-import.ts';
import type { ImportJob, ImportRow } from '../../functions/imports/import-job.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/** Issue 12, High 4: the check runs the commit's validation; a job is never stuck in committing. */
const HEADER =
  '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,起订量,联系人,联系电话';
const line = (quantity: string, unit: string, minOrder: string) =>
  `KN95口罩,${quantity},${unit},济南市历城区,300,2027-03-01,2027-04-30,${minOrder},示例联系人,13800000000`;

describe('import: check and commit agree', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let org: Awaited<ReturnType<typeof makeOrg>>;
  let principal: Principal;

  beforeAll(async () => {
    ctx = await freshTable();
    org = await makeOrg(ctx.deps, { creditCode: '913701002638194721' });
    principal = {
      userId: org.user.id,
      email: org.user.email,
      orgId: org.org.id,
      orgRole: 'org_admin',
      platformRoles: [],
    };
  });

  async function upload(lines: string[]): Promise<ImportJob> {
    const response = await ctx.app.request('/api/imports?kind=supply&format=csv&fileName=t.csv', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.token}`, 'content-type': 'application/octet-stream' },
      body: [HEADER, ...lines].join('\n'),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as ImportJob;
  }

  it('refuses at check a minimum order over the quantity only after 万只 is converted, naming row and column', async () => {
    // Arrange: 1 万只 to sell, minimum order 2万只 (= 20,000 只 > 10,000 只)
    const file = [line('1', '万只', '2万只'), line('1', '万只', '5000只')];

    // Act
    const job = await upload(file);

    // Assert
    expect(job).toMatchObject({ goodRows: 1, badRows: 1 });
    expect(job.errors.map((e) => [e.row, e.column, e.field])).toEqual([[2, '起订量', 'minOrder']]);
  });

  it('reports a row that fails at commit (the world changed) and finishes instead of staying committing', async () => {
    // Arrange: a checked job whose stored row no longer passes (minimum order above the quantity)
    const job = await upload([line('1', '万只', '5000只'), line('2', '万只', '100只')]);
    const rows = await ctx.deps.imports.chunk(job.id, 0);
    const broken: ImportRow[] = rows.map((r, i) =>
      i === 0 ? { ...r, input: { ...r.input, minOrder: 10_000_000 } as ImportRow['input'] } : r,
    );
    await ctx.deps.table.put({ ...keys.importChunk(job.id, 0), type: 'import-chunk', rows: broken });

    // Act
    const done = await commitImport(ctx.deps, principal, job.id);

    // Assert
    expect(done).toMatchObject({ status: 'committed', committedRows: 1, goodRows: 1, badRows: 1 });
    expect(done.errors.map((e) => [e.row, e.column, e.field])).toEqual([[2, '起订量', 'minOrder']]);
    expect(done.errors[0]!.messages.en).toBeTruthy();
  });

  it('lets the uploader discard an import stuck half-way through its commit', async () => {
    // Arrange: a commit that stopped after its first chunk
    const job = await upload(Array.from({ length: 300 }, (_, i) => line(String(1 + i), '万只', '100只')));
    const partial = await commitImport(ctx.deps, principal, job.id, 0);
    expect(partial.status).toBe('committing');

    // Act
    const discarded = await apiClient(ctx.app, { token: org.token }).post<ImportJob>(
      `/api/imports/${job.id}/discard`,
    );
    const late = await apiClient(ctx.app, { token: org.token }).post(`/api/imports/${job.id}/commit`);

    // Assert
    expect(discarded.status).toBe(200);
    expect(discarded.body.status).toBe('discarded');
    expect(late.status).toBe(409);
    const after = await ctx.deps.imports.get(job.id);
    expect(after!.committedRows).toBe(partial.committedRows);
  }, 60_000);
});
