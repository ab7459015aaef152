import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntry } from '../../functions/audit/audit.ts';
import type { Principal } from '../../functions/auth/principal.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import { commitImport } from '../../functions/imports/commit-import.ts';
import type { ImportJob } from '../../functions/imports/import-job.ts';
import { readSheet, writeSheet } from '../../functions/imports/workbook.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import { derivedId, newId } from '../../functions/shared/ids.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

const HEADER =
  '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话';

function csv(lines: string[]): string {
  return [HEADER, ...lines].join('\n');
}

async function upload(
  app: Parameters<typeof apiClient>[0],
  token: string,
  body: string | Uint8Array,
  format = 'csv',
  kind = 'supply',
) {
  const response = await app.request(`/api/imports?kind=${kind}&format=${format}&fileName=test.${format}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: body as BodyInit,
  });
  return {
    status: response.status,
    body: (await response.json()) as ImportJob & { error?: { code: string } },
  };
}

describe('spreadsheet import', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let maker: Awaited<ReturnType<typeof makeOrg>>;

  beforeAll(async () => {
    ctx = await freshTable();
    maker = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403' });
  });

  it('reads what clerks type and reports every bad row with its row, column and reason', async () => {
    const file = csv([
      'HRB400E Φ25,"1,200",吨,福建省三明市三元区,300,2030-03-15,2030/5/15,3950,林工,13905981234',
      'P.O 42.5,1.2万,吨,福州市鼓楼区,250,2030年3月20日,2030-06-30,¥420,陈工,0591-87001234',
      'KN95口罩,10,万只,济南市历城区,1500,2030.3.1,20300430,2.2元,王工,15305311234',
      '不存在的产品,100,吨,福建省三明市三元区,300,2030-03-15,2030-05-15,,林工,13905981234',
      'HRB400E Φ25,-5,吨,鼓楼区,300,2030-02-30,2030-05-15,,林工,12345',
    ]);
    const res = await upload(ctx.app, maker.token, file);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 5, goodRows: 3, badRows: 2, status: 'validated' });
    const byRow = (row: number) =>
      res.body.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.code}`);
    expect(byRow(5)).toEqual(['产品规格:unknown_spec']);
    expect(byRow(6)).toEqual(
      expect.arrayContaining([
        '可供数量:number_negative',
        '出厂地点:place_ambiguous',
        '供货开始日期:date_nonexistent',
        '联系电话:phone',
      ]),
    );
    expect(res.body.errors[0]!.messages.en).toBeTruthy();
  });

  it('commits only the good rows, converting 万只 to pieces, and shows them as listings', async () => {
    const file = csv([
      'KN95口罩,10,万只,济南市历城区,1500,2030-03-01,2030-04-30,2.2,王工,15305311234',
      'P.O 42.5,1.2万,吨,福州市鼓楼区,250,2030-03-20,2030-06-30,420,陈工,0591-87001234',
      '不存在的产品,100,吨,福建省三明市三元区,300,2030-03-15,2030-05-15,,林工,13905981234',
    ]);
    const fresh = await freshTable();
    const org = await makeOrg(fresh.deps, { creditCode: '913508007384629572' });
    const job = (await upload(fresh.app, org.token, file)).body;
    const committed = await apiClient(fresh.app, { token: org.token }).post<ImportJob>(
      `/api/imports/${job.id}/commit`,
    );
    expect(committed.body).toMatchObject({ status: 'committed', committedRows: 2 });
    const mine = await apiClient(fresh.app, { token: org.token }).get<{
      items: { specId: string; quantity: number; unit: string }[];
    }>('/api/listings/mine');
    expect(mine.body.items.map((l) => [l.specId, l.quantity, l.unit]).sort()).toEqual([
      ['cement-po-42.5', 12000, 't'],
      ['mask-kn95-gb2626', 100000, 'piece'],
    ]);
  });

  it('imports none of the rows when the user discards', async () => {
    const fresh = await freshTable();
    const org = await makeOrg(fresh.deps, { creditCode: '91350100660123452U' });
    const job = (
      await upload(
        fresh.app,
        org.token,
        csv(['HRB400E Φ25,100,吨,三明市三元区,300,2030-03-15,2030-05-15,,林工,13905981234']),
      )
    ).body;
    const discarded = await apiClient(fresh.app, { token: org.token }).post<ImportJob>(
      `/api/imports/${job.id}/discard`,
    );
    const late = await apiClient(fresh.app, { token: org.token }).post(`/api/imports/${job.id}/commit`);
    const mine = await apiClient(fresh.app, { token: org.token }).get<{ items: unknown[] }>(
      '/api/listings/mine',
    );
    expect(discarded.body.status).toBe('discarded');
    expect(late.status).toBe(409);
    expect(mine.body.items).toHaveLength(0);
  });

  it('accepts an .xlsx with English headers', async () => {
    const rows = [
      [
        'Product spec',
        'Quantity',
        'Unit',
        'Ex-works place',
        'Delivery radius (km)',
        'Available from',
        'Available until',
        'Contact person',
        'Phone',
      ],
      [
        'HRB400E Φ25',
        1200,
        't',
        '350403',
        300,
        new Date('2030-03-15T00:00:00Z'),
        '2030-05-15',
        'Lin',
        '13905981234',
      ],
    ];
    const res = await upload(ctx.app, maker.token, await writeSheet(rows, 'xlsx'), 'xlsx');
    expect(res.body).toMatchObject({ goodRows: 1, badRows: 0 });
  });

  it('resumes an interrupted commit without duplicating or losing a row', async () => {
    const fresh = await freshTable();
    const org = await makeOrg(fresh.deps, { creditCode: '913701002638194721' });
    const lines = Array.from(
      { length: 600 },
      (_, i) => `HRB400E Φ25,${100 + i},吨,三明市三元区,300,2030-03-15,2030-05-15,,林工,13905981234`,
    );
    const job = (await upload(fresh.app, org.token, csv(lines))).body;
    const principal: Principal = {
      userId: org.user.id,
      email: org.user.email,
      orgId: org.org.id,
      orgRole: 'org_admin',
      platformRoles: [],
    };
    // A first run that stops after one chunk (budget 0: one chunk, then out of time) …
    const partial = await commitImport(fresh.deps, principal, job.id, 0);
    expect(partial.status).toBe('committing');
    expect(partial.committedRows).toBeLessThan(600);
    // … and a crash half-way through the next chunk: its first rows are already written.
    const next = await fresh.deps.imports.chunk(job.id, partial.committedChunks);
    for (const row of next.slice(0, 10)) {
      const now = new Date().toISOString();
      const listing = buildListing(
        baseCatalogue,
        row.input,
        { orgId: org.org.id, orgName: org.org.name, userId: org.user.id },
        now,
        derivedId(job.id, `row:${row.row}`),
      );
      await fresh.deps.listings.create(
        listing,
        auditEntry(principal, 'listing', listing.id, 'import', now, newId()),
      );
    }
    // Resume until done.
    let state = partial;
    while (state.status !== 'committed') state = await commitImport(fresh.deps, principal, job.id);
    const all = await fresh.deps.listings.listByOrg(org.org.id, { limit: 100 });
    let count = all.items.length;
    let cursor = all.nextCursor;
    while (cursor) {
      const page = await fresh.deps.listings.listByOrg(org.org.id, { limit: 100, cursor });
      count += page.items.length;
      cursor = page.nextCursor;
    }
    expect(state.committedRows).toBe(600);
    expect(count).toBe(600);
  }, 120_000);

  it('lets an organizer import for firms not yet registered, creating them as invited organisations', async () => {
    const fresh = await freshTable();
    const organizer = await makeOrg(fresh.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const file = [
      `企业名称,统一社会信用代码,${HEADER}`,
      '某某钢铁有限公司,91350200612349879H,HRB400E Φ25,800,吨,三明市三元区,300,2030-03-15,2030-05-15,,林工,13905981234',
    ].join('\n');
    const job = (await upload(fresh.app, organizer.token, file)).body;
    const done = await apiClient(fresh.app, { token: organizer.token }).post<ImportJob>(
      `/api/imports/${job.id}/commit`,
    );
    expect(done.body).toMatchObject({ status: 'committed', invitedOrgs: 1 });
    const invited = await fresh.deps.orgs.findByCreditCode('91350200612349879H');
    expect(invited).toMatchObject({ name: '某某钢铁有限公司', invited: true });
    expect(done.body.invited).toEqual([
      { orgId: invited!.id, name: '某某钢铁有限公司', creditCode: '91350200612349879H' },
    ]);

    // The organizer issues an invitation; the firm registers with it and finds its listing.
    const invitation = await apiClient(fresh.app, { token: organizer.token }).post<{ inviteCode: string }>(
      `/api/orgs/${invited!.id}/invitation`,
    );
    expect(invitation.status).toBe(201);
    const registration = {
      org: {
        name: '某某钢铁有限公司',
        creditCode: '91350200612349879H',
        kinds: ['manufacturer'],
        adcode: '350403',
        contact: { name: '赵总', phone: '13905980000' },
      },
      admin: { name: '赵总', email: 'zhao@example.cn', password: 'claim-password-1' },
    };
    const wrongCode = await apiClient(fresh.app).post('/api/orgs/register', {
      ...registration,
      inviteCode: 'AAAAA-BBBBB',
    });
    expect(wrongCode.status).toBe(400);
    const claimed = await apiClient(fresh.app).post<{
      org: { id: string; invited?: boolean };
      session: { token: string };
    }>('/api/orgs/register', { ...registration, inviteCode: invitation.body.inviteCode });
    expect(claimed.status).toBe(201);
    expect(claimed.body.org.id).toBe(invited!.id);
    expect(claimed.body.org.invited).toBeUndefined();
    const mine = await apiClient(fresh.app, { token: claimed.body.session.token }).get<{
      items: { orgId: string }[];
    }>('/api/listings/mine');
    expect(mine.body.items).toHaveLength(1);
    const reused = await apiClient(fresh.app).post('/api/orgs/register', {
      ...registration,
      admin: { ...registration.admin, email: 'other@example.cn' },
      inviteCode: invitation.body.inviteCode,
    });
    expect(reused.status).toBe(400);
  });

  it('downloads a template whose headers the importer reads back', async () => {
    const response = await ctx.app.request('/api/imports/template?kind=demand&format=xlsx', {
      headers: { authorization: `Bearer ${maker.token}` },
    });
    const rows = await readSheet(new Uint8Array(await response.arrayBuffer()), 'xlsx');
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(rows[0]).toContain('项目名称*');
  });
});

describe('import reports and templates', () => {
  it("names the file's own column headers and skips the template's example row", async () => {
    const ctx = await freshTable();
    const org = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    const template = await ctx.app.request('/api/imports/template?kind=supply&format=csv&lang=en', {
      headers: { authorization: `Bearer ${org.token}` },
    });
    const lines = (await template.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const bad = 'HRB400E Φ25,-5,t,350403,300,2026-03-15,2026-05-15,,,Lin,13905981234';
    const res = await upload(ctx.app, org.token, [...lines, bad].join('\n'));
    expect(res.body).toMatchObject({ totalRows: 1, goodRows: 0, badRows: 1 });
    expect(res.body.errors.map((e) => e.column)).toContain('Quantity*');
  });

  it('gives every template a plainly fictitious example row dated next year, which is skipped when left in', async () => {
    // Arrange
    const ctx = await freshTable();
    const org = await makeOrg(ctx.deps, { creditCode: '913504001581427114' });
    const nextYear = String(new Date().getUTCFullYear() + 1);

    for (const kind of ['supply', 'demand', 'labour_offer', 'labour_request']) {
      // Act
      const res = await ctx.app.request(`/api/imports/template?kind=${kind}&format=xlsx`, {
        headers: { authorization: `Bearer ${org.token}` },
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const [header, example] = await readSheet(bytes, 'xlsx');
      const back = await upload(ctx.app, org.token, bytes, 'xlsx', kind);

      // Assert
      const at = (name: string) => example![header!.findIndex((h) => String(h).startsWith(name))];
      expect(at('联系人'), kind).toBe('张三');
      expect(at('联系电话'), kind).toBe('13800000000');
      const dates = example!.filter((_, i) => /日期/.test(String(header![i])));
      expect(dates.length, kind).toBe(2);
      for (const date of dates) expect(String(date), kind).toContain(nextYear);
      expect(back.body, kind).toMatchObject({ totalRows: 0, goodRows: 0 });
    }
  });
});
