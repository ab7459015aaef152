import { describe, expect, it } from 'vitest';
import type { Org } from '../../functions/orgs/org.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { newId } from '../../functions/shared/ids.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

const INVITED_CODE = '91350200612349879H';
const OTHER_INVITED_CODE = '913508007384629572';

/** A table with an organizer and two firms its import listed (invited, not registered). */
async function world() {
  const clock = fixedClock(new Date().toISOString());
  const ctx = await freshTable({ clock });
  const organizer = await makeOrg(ctx.deps, {
    creditCode: '11350000003588110J',
    kinds: ['organizer'],
    platformRoles: ['organizer'],
  });
  const invite = async (creditCode: string, name: string): Promise<Org> => {
    const now = clock.now().toISOString();
    const org: Org = {
      id: newId(),
      name,
      creditCode,
      kinds: ['manufacturer'],
      adcode: '350403',
      contact: { name: '林工', phone: '13905981234' },
      createdAt: now,
      updatedAt: now,
      invited: true,
    };
    await ctx.deps.table.transact(ctx.deps.orgs.createItems(org));
    return org;
  };
  const steel = await invite(INVITED_CODE, '某某钢铁有限公司');
  const cement = await invite(OTHER_INVITED_CODE, '某某水泥有限公司');
  const issue = async (orgId: string) =>
    (
      await apiClient(ctx.app, { token: organizer.token }).post<{
        inviteCode: string;
        invitePath: string;
        expiresAt: string;
      }>(`/api/orgs/${orgId}/invitation`)
    ).body;
  const registration = (creditCode: string, inviteCode: string, email = `zhao-${newId()}@example.cn`) => ({
    org: {
      name: '某某钢铁有限公司',
      creditCode,
      kinds: ['manufacturer'],
      adcode: '350403',
      contact: { name: '赵总', phone: '13905980000' },
    },
    admin: { name: '赵总', email, password: 'claim-password-1' },
    inviteCode,
  });
  const register = (body: unknown) =>
    apiClient(ctx.app).post<{
      org: Org;
      user: { email: string };
      error?: { fields: { field: string; code: string; messages: { zh: string; en: string } }[] };
    }>('/api/orgs/register', body);
  return { ctx, clock, organizer, steel, cement, issue, registration, register };
}

describe('claiming an invited organisation', () => {
  it('gives the organizer a link and a code that expire in 30 days', async () => {
    const { steel, issue, clock } = await world();

    const invitation = await issue(steel.id);

    expect(invitation.invitePath).toBe(`/register?invite=${encodeURIComponent(invitation.inviteCode)}`);
    expect(Date.parse(invitation.expiresAt) - clock.now().getTime()).toBe(30 * 86_400_000);
  });

  it('takes over the organisation with a valid code: the code is used, the org registered, the admin created', async () => {
    const { ctx, steel, issue, registration, register } = await world();
    const { inviteCode } = await issue(steel.id);

    const claimed = await register(registration(INVITED_CODE, inviteCode.toLowerCase()));

    expect(claimed.status).toBe(201);
    expect(claimed.body.org.id).toBe(steel.id);
    const stored = await ctx.deps.orgs.get(steel.id);
    expect(stored?.invited).toBeUndefined();
    expect(stored?.inviteHash).toBeUndefined();
    expect(stored?.claimedAt).toBeDefined();
    expect(await ctx.deps.users.findByEmail(claimed.body.user.email)).toMatchObject({ orgId: steel.id });
    expect(JSON.stringify(claimed.body)).not.toContain('claimedInviteHash');
  });

  it('refuses a wrong code on the inviteCode field in zh and en, changing nothing', async () => {
    const { ctx, steel, issue, registration, register } = await world();
    await issue(steel.id);

    const refused = await register(registration(INVITED_CODE, 'AAAAA-BBBBB', 'wrong@example.cn'));

    expect(refused.status).toBe(400);
    expect(refused.body.error?.fields).toEqual([
      expect.objectContaining({
        field: 'inviteCode',
        code: 'invite_invalid',
        messages: { zh: expect.stringContaining('邀请码'), en: expect.stringContaining('invitation') },
      }),
    ]);
    expect((await ctx.deps.orgs.get(steel.id))?.invited).toBe(true);
    expect(await ctx.deps.users.findByEmail('wrong@example.cn')).toBeUndefined();
  });

  it('refuses a code that was already used, saying so', async () => {
    const { steel, issue, registration, register } = await world();
    const { inviteCode } = await issue(steel.id);
    expect((await register(registration(INVITED_CODE, inviteCode))).status).toBe(201);

    const again = await register(registration(INVITED_CODE, inviteCode));

    expect(again.status).toBe(400);
    expect(again.body.error?.fields[0]).toMatchObject({ field: 'inviteCode', code: 'invite_used' });
    expect(again.body.error?.fields[0]?.messages.en).toContain('already been used');
  });

  it('refuses an expired code, saying so, and the organizer can issue a new one', async () => {
    const { ctx, clock, steel, issue, registration, register } = await world();
    const { inviteCode } = await issue(steel.id);
    clock.advance(31 * 86_400_000);

    const expired = await register(registration(INVITED_CODE, inviteCode, 'late@example.cn'));

    expect(expired.status).toBe(400);
    expect(expired.body.error?.fields[0]).toMatchObject({ field: 'inviteCode', code: 'invite_expired' });
    expect((await ctx.deps.orgs.get(steel.id))?.invited).toBe(true);
    expect(await ctx.deps.users.findByEmail('late@example.cn')).toBeUndefined();
  });

  it("refuses a valid code with someone else's credit code (another invited firm or a registered one)", async () => {
    const { ctx, organizer, steel, cement, issue, registration, register } = await world();
    const { inviteCode } = await issue(steel.id);
    await issue(cement.id);

    const otherInvited = await register(registration(OTHER_INVITED_CODE, inviteCode));
    const registered = await register(registration(organizer.org.creditCode, inviteCode));

    expect(otherInvited.status).toBe(400);
    expect(otherInvited.body.error?.fields[0]).toMatchObject({ field: 'inviteCode', code: 'invite_invalid' });
    expect(registered.status).toBe(400);
    expect(registered.body.error?.fields[0]).toMatchObject({ field: 'inviteCode', code: 'invite_invalid' });
    expect((await ctx.deps.orgs.get(cement.id))?.invited).toBe(true);
    expect((await ctx.deps.orgs.get(steel.id))?.invited).toBe(true);
  });

  it('lets only one of two concurrent claims with the same code win', async () => {
    const { steel, issue, registration, register } = await world();
    const { inviteCode } = await issue(steel.id);

    const results = await Promise.all([
      register(registration(INVITED_CODE, inviteCode)),
      register(registration(INVITED_CODE, inviteCode)),
    ]);

    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
  });
});
