import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDeps } from '../../functions/api/deps.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import type { Org } from '../../functions/orgs/org.ts';
import { readConfig } from '../../functions/shared/config.ts';
import { newId } from '../../functions/shared/ids.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  screenshot,
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
      ...readConfig({ AUTH_MODE: 'local' }),
      tableName: web.stack.tableName,
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
});
