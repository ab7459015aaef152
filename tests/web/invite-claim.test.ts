import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../../functions/api/deps.ts';
import { auditEntry } from '../../functions/audit/audit.ts';
import { baseCatalogue } from '../../functions/catalogue/catalogue.ts';
import type { Listing } from '../../functions/listings/listing.ts';
import { buildListing } from '../../functions/listings/listing-commands.ts';
import { proposeMatch } from '../../functions/matches/match-commands.ts';
import { proposedMatch } from '../../functions/matches/proposals.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import type { Org } from '../../functions/orgs/org.ts';
import { readConfig } from '../../functions/shared/config.ts';
import { newId } from '../../functions/shared/ids.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/** A firm the organizer's import listed (a valid credit code no demo firm uses). */
const FIRM = {
  name: '三明永安钢铁（受邀）',
  creditCode: makeCreditCode({ seed: 4_200 + (Date.now() % 100_000), region: '350481' }),
};

async function fillClaim(page: Page, email: string): Promise<void> {
  await page.locator('#f-org-name').fill(FIRM.name);
  await page.locator('#f-org-creditCode').fill(FIRM.creditCode);
  await page.getByRole('checkbox', { name: /生产企业/ }).check();
  await page.locator('#f-org-adcode').selectOption({ label: '福建省' });
  await page.locator('#f-org-adcode-city').selectOption({ label: '三明市' });
  await page.locator('#f-org-adcode-county').selectOption({ label: '永安市' });
  await page.locator('#f-org-contact-name').fill('陈总');
  await page.locator('#f-org-contact-phone').fill('13905981111');
  await page.locator('#f-admin-name').fill('陈总');
  await page.locator('#f-admin-email').fill(email);
  await page.locator('#f-admin-password').fill('claim-pass-2020');
  await page.locator('#f-admin-confirmPassword').fill('claim-pass-2020');
}

describe.skipIf(skipBrowserTests)('an invited firm claims its account (browser)', () => {
  let web: WebHarness;
  let firm: Org;
  let deps: ReturnType<typeof buildDeps>;

  async function issueInvitation(): Promise<{ inviteCode: string; invitePath: string }> {
    const signIn = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'organizer@demo.gongxu.cn', password: DEMO_PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const response = await fetch(`${web.stack.url}/api/orgs/${firm.id}/invitation`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { inviteCode: string; invitePath: string };
  }

  beforeAll(async () => {
    web = await startWebHarness();
    // Arrange: the firm as the organizer's import leaves it (invited, not registered).
    deps = buildDeps({
      ...readConfig({ AUTH_MODE: 'local', TABLE_NAME: web.stack.tableName }),
      dynamoEndpoint: web.stack.dynamoEndpoint,
      region: 'local',
    });
    const now = new Date().toISOString();
    firm = {
      id: newId(),
      name: FIRM.name,
      creditCode: FIRM.creditCode,
      kinds: ['manufacturer'],
      adcode: '350481',
      contact: { name: '林工', phone: '13905981234' },
      createdAt: now,
      updatedAt: now,
      invited: true,
    };
    await deps.table.transact(deps.orgs.createItems(firm));
  });

  afterAll(async () => {
    await web?.close();
  });

  async function apiAs<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    const signIn = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const response = await fetch(`${web.stack.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  it('the organizer finds the firm among those yet to join, the builder sees its proposal waits for it, and the firm claims from the link and answers it', async () => {
    // Arrange: a second invited firm with a supply an import posted, proposed to the demo builder
    const mill = {
      ...firm,
      id: newId(),
      name: '南平延平钢铁（受邀）',
      creditCode: makeCreditCode({ seed: 7_300 + (Date.now() % 100_000), region: '350702' }),
      adcode: '350702',
    };
    await deps.table.transact(deps.orgs.createItems(mill));
    const now = new Date().toISOString();
    const supply = buildListing(
      baseCatalogue,
      {
        kind: 'supply',
        specId: 'rebar-hrb400e-25',
        quantity: 600,
        adcode: '350702',
        deliveryRadiusKm: 400,
        availableFrom: now.slice(0, 10),
        availableUntil: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        contact: { name: '吴工', phone: '13905990000' },
      },
      { orgId: mill.id, orgName: mill.name, userId: 'import' },
      now,
    );
    await deps.listings.create(
      supply,
      auditEntry({ userId: 'import', orgId: 'import' }, 'listing', supply.id, 'import', now, newId()),
    );
    const demands = await apiAs<{ items: Listing[] }>(
      'builder@demo.gongxu.cn',
      'GET',
      '/listings/mine?kind=demand',
    );
    const demand = demands.items.find((l) => l.kind === 'demand' && l.specId === 'rebar-hrb400e-25');
    if (!demand) throw new Error('the demo builder has no HRB400E 25 demand');
    const match = proposedMatch(
      {
        kind: 'goods',
        offer: supply,
        need: demand,
        offerItem: 'rebar-hrb400e-25',
        needItem: 'rebar-hrb400e-25',
        quantity: 300,
        unit: 't',
        distanceKm: 160,
        crossProvince: false,
        substitute: false,
        reasons: [{ code: 'distance', distanceKm: 160, radiusKm: 400 }],
      },
      now,
      'test',
    );
    await proposeMatch(deps, match, { userId: 'test', orgId: 'system' });

    // Act: the builder looks at the proposal
    const builder = await web.open('/sign-in');
    await signInThroughForm(builder.page, 'builder@demo.gongxu.cn');
    await builder.page.waitForURL((url) => url.pathname === '/');
    await builder.page.goto(`${web.stack.url}/matches/${match.id}`);

    // Assert: it says the firm has not joined, in Chinese and in English
    await expect.poll(() => textOf(builder.page.getByTestId('not-joined'))).toBe('该企业尚未入驻');
    await builder.page.getByTestId('lang-switch').click();
    await expect
      .poll(() => textOf(builder.page.getByTestId('not-joined')))
      .toBe('this firm has not joined yet');
    await screenshot(builder.page, 'invite-not-joined-en');

    // Act: the organizer opens the firms yet to join and issues the mill's code
    const organizer = await web.open('/sign-in');
    await signInThroughForm(organizer.page, 'organizer@demo.gongxu.cn');
    await organizer.page.waitForURL((url) => url.pathname === '/');
    await organizer.page
      .getByRole('navigation', { name: '主导航' })
      .getByRole('link', { name: '待入驻企业' })
      .click();
    const row = organizer.page.locator(`[data-testid="invited-org"][data-org-id="${mill.id}"]`);
    await expect.poll(() => textOf(row.getByTestId('invite-state'))).toBe('尚未生成邀请码');
    await expect.poll(() => textOf(row.locator('td.num'))).toBe('1');
    await row.getByTestId('issue-invite').click();
    const code = await textOf(row.getByTestId('invite-code'));
    const link = await row.getByTestId('invite-link').getAttribute('href');
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await screenshot(organizer.page, 'invitations-zh');

    // Act: the firm opens the link, claims its account and answers the proposal
    const claim = await web.open(link!);
    await expect.poll(() => claim.page.locator('#f-inviteCode').inputValue()).toBe(code);
    const email = `wu-${Date.now()}@example.cn`;
    await claim.page.locator('#f-org-name').fill(mill.name);
    await claim.page.locator('#f-org-creditCode').fill(mill.creditCode);
    await claim.page.getByRole('checkbox', { name: /生产企业/ }).check();
    await claim.page.locator('#f-org-adcode').selectOption({ label: '福建省' });
    await claim.page.locator('#f-org-adcode-city').selectOption({ label: '南平市' });
    await claim.page.locator('#f-org-adcode-county').selectOption({ label: '延平区' });
    await claim.page.locator('#f-org-contact-name').fill('吴总');
    await claim.page.locator('#f-org-contact-phone').fill('13905990001');
    await claim.page.locator('#f-admin-name').fill('吴总');
    await claim.page.locator('#f-admin-email').fill(email);
    await claim.page.locator('#f-admin-password').fill('claim-pass-2020');
    await claim.page.locator('#f-admin-confirmPassword').fill('claim-pass-2020');
    await claim.page.locator('form button[type="submit"]').click();
    await claim.page.waitForURL((url) => url.pathname === '/');
    await claim.page.goto(`${web.stack.url}/matches/${match.id}`);
    await claim.page.getByTestId('match-accept').click();

    // Assert: accepted by the mill; the builder no longer reads "not joined"; the mill left the list
    await expect
      .poll(() => claim.page.getByTestId('match-card').getAttribute('data-status'))
      .toBe('accepted_by_offer');
    await builder.page.reload();
    await expect
      .poll(() => builder.page.getByTestId('match-card').getAttribute('data-status'))
      .toBe('accepted_by_offer');
    expect(await builder.page.getByTestId('not-joined').count()).toBe(0);
    await organizer.page.reload();
    await expect
      .poll(() => organizer.page.locator(`[data-testid="invited-org"][data-org-id="${mill.id}"]`).count())
      .toBe(0);
    expectNoPageErrors(builder);
    expectNoPageErrors(organizer);
    expectNoPageErrors(claim);
  });

  it('opens the link with the code filled in, is told in zh and en when the code is wrong, and claims the organisation', async () => {
    // Arrange
    const { inviteCode, invitePath } = await issueInvitation();
    const open = await web.open(invitePath);
    const { page } = open;

    // Assert: the code is filled in from the link
    await expect.poll(() => page.locator('#f-inviteCode').inputValue()).toBe(inviteCode);

    // Act: a wrong code first
    const email = `chen-${Date.now()}@example.cn`;
    await fillClaim(page, email);
    await page.locator('#f-inviteCode').fill('AAAAA-BBBBB');
    await page.locator('form button[type="submit"]').click();

    // Assert: the refusal sits next to the code field, in Chinese, then in English
    await expect
      .poll(() => textOf(page.locator('#f-inviteCode-error')))
      .toBe('邀请码无效，或该信用代码不是受邀单位');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(page.locator('#f-inviteCode-error'))).toContain('not a valid invitation');
    await screenshot(page, 'invite-claim-wrong-en');
    await page.getByTestId('lang-switch').click();

    // Act: the right code
    await page.locator('#f-inviteCode').fill(inviteCode);
    await page.locator('form button[type="submit"]').click();

    // Assert: signed in as the admin of the organisation the organizer listed
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => textOf(page.getByTestId('header-org'))).toBe(FIRM.name);
    const claimed = await deps.orgs.get(firm.id);
    expect(claimed?.invited).toBeUndefined();
    expect(claimed?.claimedAt).toBeDefined();
    expect(await deps.users.findByEmail(email)).toMatchObject({ orgId: firm.id, orgRole: 'org_admin' });
    await screenshot(page, 'invite-claim-done-zh');
    expectNoPageErrors(open);
  });

  it('on a phone, each firm yet to join is a card whose code button is on screen, not a column to scroll to', async () => {
    // Arrange: one more invited firm
    const now = new Date().toISOString();
    const quarry = {
      ...firm,
      id: newId(),
      name: '龙岩新罗区闽西建筑石料与商品混凝土有限责任公司（受邀）',
      creditCode: makeCreditCode({ seed: 8_500 + (Date.now() % 100_000), region: '350802' }),
      adcode: '350802',
      createdAt: now,
      updatedAt: now,
    };
    await deps.table.transact(deps.orgs.createItems(quarry));

    // Act: the organizer opens the list at 390 × 844
    const open = await web.open('/sign-in', { width: 390, height: 844 });
    const { page } = open;
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/invitations');
    const row = page.locator(`[data-testid="invited-org"][data-org-id="${quarry.id}"]`);
    await row.getByTestId('issue-invite').waitFor();

    // Assert: nothing scrolls sideways, and the button is within the screen
    const wrap = page.locator('.table-wrap');
    expect(await wrap.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    const button = await row.getByTestId('issue-invite').boundingBox();
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    await expect.poll(() => textOf(row.getByTestId('invite-state'))).toContain('尚未生成邀请码');
    await screenshot(page, 'invitations-phone-zh');
    expectNoPageErrors(open);
  });
});
