import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/** An organizer reads the contacts of organisations in its jurisdiction only. */
describe('organisation contacts and jurisdiction', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let fujianFirm: Awaited<ReturnType<typeof makeOrg>>;
  const token: Record<string, string> = {};
  let seed = 7100;
  const code = (region: string, organizer = false) =>
    makeCreditCode({ seed: ++seed, region, ...(organizer ? { authority: '1', category: '1' } : {}) });

  beforeAll(async () => {
    ctx = await freshTable();
    fujianFirm = await makeOrg(ctx.deps, { adcode: '350403', creditCode: code('350403') });
    token.fujian = (
      await makeOrg(ctx.deps, {
        kinds: ['organizer'],
        adcode: '350102',
        creditCode: code('350000', true),
        platformRoles: ['organizer'],
      })
    ).token;
    token.shandong = (
      await makeOrg(ctx.deps, {
        kinds: ['organizer'],
        adcode: '370102',
        creditCode: code('370000', true),
        platformRoles: ['organizer'],
      })
    ).token;
    token.admin = (
      await makeOrg(ctx.deps, {
        kinds: ['organizer'],
        adcode: '110101',
        platformRoles: ['admin'],
        creditCode: code('110101'),
      })
    ).token;
    token.otherFirm = (await makeOrg(ctx.deps, { adcode: '350102', creditCode: code('350102') })).token;
  });

  it('an organizer of another province gets the organisation without its contact', async () => {
    // Act
    const res = await apiClient(ctx.app, { token: token.shandong }).get<Record<string, unknown>>(
      `/api/orgs/${fujianFirm.org.id}`,
    );

    // Assert
    expect(res.status).toBe(200);
    expect(res.body.contact).toBeUndefined();
    expect(JSON.stringify(res.body)).not.toContain('13800138000');
  });

  it('the province organizer, the platform admin and the firm itself see the contact; another firm does not', async () => {
    // Act
    const seen = await Promise.all(
      [token.fujian, token.admin, fujianFirm.token, token.otherFirm].map((t) =>
        apiClient(ctx.app, { token: t }).get<Record<string, unknown>>(`/api/orgs/${fujianFirm.org.id}`),
      ),
    );

    // Assert
    expect(seen.map((r) => r.body.contact !== undefined)).toEqual([true, true, true, false]);
  });
});
