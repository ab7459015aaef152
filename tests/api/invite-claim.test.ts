import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../functions/audit/audit.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import type { ListingInput } from '../../functions/contract/listing.schema.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import type { Match } from '../../functions/matches/match.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import type { InvitedOrg, Org } from '../../functions/orgs/org.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { newId } from '../../functions/shared/ids.ts';
import { apiClient } from '../setup/api-client.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
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

describe('until an invited firm claims its account', () => {
  /** A supply of the invited steel firm (as the organizer's import leaves it) and a builder's demand. */
  async function invitedSupplyMatched(w: Awaited<ReturnType<typeof world>>) {
    const now = w.clock.now().toISOString();
    const supply = buildListing(
      baseCatalogue,
      supplyBody({ quantity: 800 }) as ListingInput,
      {
        orgId: w.steel.id,
        orgName: w.steel.name,
        userId: 'import',
      },
      now,
    );
    await w.ctx.deps.listings.create(
      supply,
      auditEntry(
        { userId: 'import', orgId: w.organizer.org.id },
        'listing',
        supply.id,
        'import',
        now,
        newId(),
      ),
    );
    const builder = await makeOrg(w.ctx.deps, { creditCode: '91350100660123452U', kinds: ['builder'] });
    const demand = (
      await apiClient(w.ctx.app, { token: builder.token }).post<Listing>(
        '/api/listings',
        demandBody({ quantity: 500 }),
      )
    ).body;
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 500,
        unit: 't',
        distanceKm: 120,
        crossProvince: false,
        substitute: false,
        reasons: [{ code: 'distance', distanceKm: 120, radiusKm: 300 }],
      },
      now,
      'test',
    );
    await proposeMatch(w.ctx.deps, match, { userId: 'test', orgId: 'system' });
    return { supply, demand, match, builder };
  }

  it('the match says on both sides and to the organizer that the firm has not joined, and stops saying it once claimed', async () => {
    // Arrange
    const w = await world();
    const { match, builder } = await invitedSupplyMatched(w);
    const asBuilder = apiClient(w.ctx.app, { token: builder.token });
    const asOrganizer = apiClient(w.ctx.app, { token: w.organizer.token });

    // Act
    const before = await asBuilder.get<Match & { notJoined?: string[] }>(`/api/matches/${match.id}`);
    const organizerView = await asOrganizer.get<Match & { notJoined?: string[] }>(`/api/matches/${match.id}`);
    const { inviteCode } = await w.issue(w.steel.id);
    const claimed = await w.register(w.registration(INVITED_CODE, inviteCode));
    const after = await asBuilder.get<Match & { notJoined?: string[] }>(`/api/matches/${match.id}`);

    // Assert
    expect(before.body.notJoined).toEqual(['offer']);
    expect(organizerView.body.notJoined).toEqual(['offer']);
    expect(claimed.status).toBe(201);
    expect(after.body.notJoined).toBeUndefined();
  });

  it('the claimed firm answers its proposal, and the builder confirms it', async () => {
    // Arrange
    const w = await world();
    const { match, builder } = await invitedSupplyMatched(w);
    const { inviteCode } = await w.issue(w.steel.id);
    const claimed = await w.register(w.registration(INVITED_CODE, inviteCode));
    const firmToken = (claimed.body as unknown as { session: { token: string } }).session.token;

    // Act
    const accepted = await apiClient(w.ctx.app, { token: firmToken }).post<Match>(
      `/api/matches/${match.id}/accept`,
    );
    const confirmed = await apiClient(w.ctx.app, { token: builder.token }).post<Match>(
      `/api/matches/${match.id}/accept`,
    );

    // Assert
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('accepted_by_offer');
    expect(confirmed.body.status).toBe('confirmed');
  });

  it('the organizer lists the invited firms of its jurisdiction that have not claimed, with their open listings and code expiry', async () => {
    // Arrange
    const w = await world();
    await invitedSupplyMatched(w);
    const { expiresAt } = await w.issue(w.steel.id);
    const asOrganizer = apiClient(w.ctx.app, { token: w.organizer.token });

    // Act
    const listed = await asOrganizer.get<{ items: InvitedOrg[] }>('/api/orgs/invited');

    // Assert
    expect(listed.status).toBe(200);
    const byName = Object.fromEntries(listed.body.items.map((o) => [o.name, o]));
    expect(Object.keys(byName).sort()).toEqual(['某某水泥有限公司', '某某钢铁有限公司'].sort());
    expect(byName['某某钢铁有限公司']).toMatchObject({ openListings: 1, inviteExpiresAt: expiresAt });
    expect(byName['某某水泥有限公司']?.inviteExpiresAt).toBeUndefined();
    expect(JSON.stringify(listed.body)).not.toMatch(/inviteHash/);
  });

  it('a claimed firm leaves the list; a firm, or an organizer elsewhere, may not read it', async () => {
    // Arrange
    const w = await world();
    const { inviteCode } = await w.issue(w.steel.id);
    await w.register(w.registration(INVITED_CODE, inviteCode));
    const far = await makeOrg(w.ctx.deps, {
      creditCode: '913701002638194721',
      adcode: '370102',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const firm = await makeOrg(w.ctx.deps, { creditCode: '91350500782345619C' });

    // Act
    const listed = await apiClient(w.ctx.app, { token: w.organizer.token }).get<{ items: InvitedOrg[] }>(
      '/api/orgs/invited',
    );
    const farOwn = await apiClient(w.ctx.app, { token: far.token }).get<{ items: InvitedOrg[] }>(
      '/api/orgs/invited',
    );
    const farFujian = await apiClient(w.ctx.app, { token: far.token }).get('/api/orgs/invited?region=350000');
    const byFirm = await apiClient(w.ctx.app, { token: firm.token }).get('/api/orgs/invited?region=350000');

    // Assert
    expect(listed.body.items.map((o) => o.name)).toEqual(['某某水泥有限公司']);
    expect(farOwn.body.items).toEqual([]);
    expect(farFujian.status).toBe(403);
    expect(byFirm.status).toBe(403);
  });
});
