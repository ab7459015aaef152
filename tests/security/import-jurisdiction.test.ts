import { beforeEach, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/contract/credit-code.ts';
import type { ImportJob } from '../../functions/imports/import-job.ts';
import { registerOrg } from '../../functions/orgs/register-org.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * An organizer's import respects its jurisdiction and the firms it names (issue 12: the Fujian
 * department posted a listing owned by a registered Shandong firm, at a Shandong address, with a
 * contact of its choosing; a new Shandong credit code created a Shandong organisation).
 */
const HEADER =
  '企业名称,统一社会信用代码,产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话';
const row = (name: string, code: string, place: string) =>
  `${name},${code},HRB400E Φ25,800,吨,${place},300,2027-03-15,2027-05-15,3950,王五,13800000000`;

type Job = ImportJob & {
  errors: {
    row: number;
    column: string;
    field: string;
    code: string;
    messages: { zh: string; en: string };
  }[];
};

describe("an organizer's import, held to its jurisdiction and the firms it names", () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Awaited<ReturnType<typeof makeOrg>>;
  let shandongFirm: Awaited<ReturnType<typeof makeOrg>>;
  let fujianFirm: Awaited<ReturnType<typeof makeOrg>>;
  const newFujian = makeCreditCode({ region: '350403', seed: 41 });
  const newShandong = makeCreditCode({ region: '370102', seed: 42 });

  beforeEach(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
      adcode: '350102',
      name: '福建省工业和信息化厅',
    });
    shandongFirm = await makeOrg(ctx.deps, {
      creditCode: makeCreditCode({ region: '370102', seed: 7 }),
      adcode: '370102',
      name: '济南鲁康防护用品有限公司',
    });
    fujianFirm = await makeOrg(ctx.deps, {
      creditCode: makeCreditCode({ region: '350403', seed: 8 }),
      adcode: '350403',
      name: '三明闽光钢铁有限公司',
    });
  });

  const send = async (token: string, lines: string[]) => {
    const res = await apiClient(ctx.app, { token }).call<Job>('POST', '/api/imports?kind=supply&format=csv', {
      rawBody: [HEADER, ...lines].join('\n'),
      contentType: 'application/octet-stream',
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const upload = (lines: string[]) => send(organizer.token, lines);
  const commit = (id: string) =>
    apiClient(ctx.app, { token: organizer.token }).post<Job>(`/api/imports/${id}/commit`);
  const listingsOf = async (orgId: string) =>
    (await ctx.deps.listings.listByOrg(orgId, { limit: 100 })).items;

  it("refuses the issue's rows, each on its column in both languages, and posts or creates nothing for them", async () => {
    // Act
    const job = await upload([
      row('济南鲁康防护用品有限公司', shandongFirm.org.creditCode, '山东省济南市历下区'), // row 2: the row
      row('济南鲁康防护用品有限公司', shandongFirm.org.creditCode, '福建省三明市三元区'), // row 3: registered, elsewhere
      row('三明闽光钢铁有限公司', fujianFirm.org.creditCode, '福建省三明市三元区'), // row 4: registered, in Fujian
      row('山东新建材有限公司', newShandong, '福建省三明市三元区'), // row 5: new code issued in Shandong
      row('三明新钢材有限公司', newFujian, '山东省济南市历下区'), // row 6: new Fujian firm, Shandong place
      row('三明新钢材有限公司', newFujian, '福建省三明市三元区'), // row 7: fine
    ]);
    const done = await commit(job.id);

    // Assert: the report
    expect(job).toMatchObject({ totalRows: 6, goodRows: 1, badRows: 5 });
    const refusals = job.errors.map((e) => `${e.row} ${e.column} ${e.code}`);
    expect(refusals).toEqual([
      '2 出厂地点 outside_jurisdiction',
      '2 统一社会信用代码 owner_registered',
      '3 统一社会信用代码 owner_registered',
      '4 统一社会信用代码 owner_registered',
      '5 统一社会信用代码 credit_code_outside_jurisdiction',
      '6 出厂地点 outside_jurisdiction',
    ]);
    expect(job.errors[0]!.messages).toEqual({
      zh: '不在本部门辖区（福建省）内',
      en: 'is outside your jurisdiction (福建省)',
    });
    expect(job.errors[1]!.messages.zh).toBe(
      '“济南鲁康防护用品有限公司”已在平台注册，不能代其发布：请删除此行，由该企业自行发布或导入',
    );
    expect(job.errors[4]!.messages.zh).toContain('登记地为山东省济南市历下区');
    // … and what was written
    expect(done.body).toMatchObject({ status: 'committed', committedRows: 1, invitedOrgs: 1 });
    expect(await listingsOf(shandongFirm.org.id)).toEqual([]);
    expect(await listingsOf(fujianFirm.org.id)).toEqual([]);
    expect(await ctx.deps.orgs.findByCreditCode(newShandong)).toBeUndefined();
    const invited = await ctx.deps.orgs.findByCreditCode(newFujian);
    expect(invited).toMatchObject({ invited: true, adcode: '350403' });
    expect(await listingsOf(invited!.id)).toHaveLength(1);
  });

  it('refuses at commit a row whose firm registered after the check, and posts nothing in its name', async () => {
    // Arrange: checked while the firm was not on the platform …
    const job = await upload([row('三明新钢材有限公司', newFujian, '福建省三明市三元区')]);
    expect(job.goodRows).toBe(1);
    // … which it then joins by itself.
    const joined = await registerOrg(ctx.deps, {
      org: {
        name: '三明新钢材有限公司',
        creditCode: newFujian,
        kinds: ['manufacturer'],
        adcode: '350403',
        contact: { name: '赵六', phone: '13800000001' },
      },
      admin: { name: '赵六', email: 'zhao6@example.cn', password: 'a-good-password-1' },
    });

    // Act
    const done = await commit(job.id);

    // Assert
    expect(done.body).toMatchObject({ status: 'committed', committedRows: 0, badRows: 1 });
    expect(done.body.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 统一社会信用代码 owner_registered',
    ]);
    expect(await listingsOf(joined.org.id)).toEqual([]);
  });

  it('holds a city department to its city: a row elsewhere in the province is refused', async () => {
    // Arrange
    const sanming = await registerOrg(
      ctx.deps,
      {
        org: {
          name: '三明市工业和信息化局',
          creditCode: makeCreditCode({ authority: '1', category: '1', region: '350400', seed: 9 }),
          kinds: ['organizer'],
          adcode: '350403',
          contact: { name: '李四', phone: '13800000002' },
        },
        admin: { name: '李四', email: 'li4@example.cn', password: 'a-good-password-1' },
      },
      { platformRoles: ['organizer'], orgExtras: { jurisdiction: '350400' } },
    );
    const code = makeCreditCode({ region: '350102', seed: 43 });

    // Act
    const job = await send(sanming.session.token, [
      row('福州新建材有限公司', code, '福建省福州市鼓楼区'),
      row('三明另一钢材有限公司', makeCreditCode({ region: '350403', seed: 44 }), '三明市三元区'),
    ]);

    // Assert
    expect(job.errors.map((e) => `${e.row} ${e.column} ${e.code}`)).toEqual([
      '2 出厂地点 outside_jurisdiction',
      '2 统一社会信用代码 credit_code_outside_jurisdiction',
    ]);
    expect(job.errors[0]!.messages.zh).toBe('不在本部门辖区（福建省三明市）内');
    expect(job.goodRows).toBe(1);
  });
});
