import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  expectNoPageErrors,
  type OpenPage,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * The platform admin's pages on the real stack: the admin makes Xiamen's department an organizer
 * for the city (refused first when its jurisdiction does not contain its seat, the error on that
 * field), the department's administrator signs in and creates an event in Xiamen; the admin revokes
 * and grants its organizer role, disables and re-enables the account and resets its password. Only
 * admins see the menu; anyone else who opens the pages reads that they are not for them.
 */
const ADMIN = 'admin@demo.gongxu.cn';
const BUILDER = 'builder@demo.gongxu.cn';
const DEPT = {
  name: '厦门市工业和信息化局（测试）',
  creditCode: makeCreditCode({
    authority: '1',
    category: '1',
    region: '350203',
    seed: Date.now() % 1_000_000,
  }),
  email: `xm-${Date.now()}@gov.example.cn`,
  password: 'xiamen-dept-2020',
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(skipBrowserTests)('platform admin pages (browser)', () => {
  let web: WebHarness;
  let admin: OpenPage;

  async function signedIn(email: string, password?: string): Promise<OpenPage> {
    const open = await web.open('/sign-in');
    await signInThroughForm(open.page, email, password);
    await open.page.waitForURL((url) => url.pathname === '/');
    return open;
  }

  const nav = (page: Page) => page.getByRole('navigation');

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the admin menu to the admin only; a firm opening the page reads it is not for it', async () => {
    // Arrange
    const firm = await signedIn(BUILDER);

    // Act
    await firm.page.goto('/admin/users');

    // Assert
    await expect.poll(() => textOf(firm.page.getByTestId('admin-forbidden'))).toContain('仅平台管理员可用');
    expect(await nav(firm.page).getByRole('link', { name: '账号管理' }).count()).toBe(0);
    expect(await firm.page.getByTestId('admin-find').count()).toBe(0);
    expectNoPageErrors(firm);

    // Act
    admin = await signedIn(ADMIN);

    // Assert
    await expect.poll(() => nav(admin.page).getByRole('link', { name: '账号管理' }).count()).toBe(1);
    expect(await nav(admin.page).getByRole('link', { name: '新建单位' }).count()).toBe(1);
  });

  it("makes a city's department an organizer for the city, naming the field the API refuses", async () => {
    // Arrange
    const { page } = admin;
    await nav(page).getByRole('link', { name: '新建单位' }).click();
    await page.waitForURL('**/admin/orgs/new');

    // Act: an empty form
    await page.getByTestId('admin-org-submit').click();

    // Assert: each required field says so, nothing is sent
    await expect.poll(() => textOf(page.locator('#f-org-name-error'))).toContain('必填');
    expect(await textOf(page.locator('#f-admin-email-error'))).toContain('必填');

    // Act: the department, seated in 思明区, serving 福州市 (not its own city)
    await page.locator('#f-org-name').fill(DEPT.name);
    await page.locator('#f-org-creditCode').fill(DEPT.creditCode);
    await page.getByRole('checkbox', { name: /对接组织方/ }).check();
    await page.locator('#f-org-adcode').selectOption({ label: '福建省' });
    await page.locator('#f-org-adcode-city').selectOption({ label: '厦门市' });
    await page.locator('#f-org-adcode-county').selectOption({ label: '思明区' });
    await page.locator('#f-jurisdiction').selectOption({ label: '福建省' });
    await page.locator('#f-jurisdiction-city').selectOption({ label: '福州市' });
    await page.locator('#f-org-contact-name').fill('陈科长');
    await page.locator('#f-org-contact-phone').fill('0592-2345678');
    await page.locator('#f-admin-name').fill('陈科长');
    await page.locator('#f-admin-email').fill(DEPT.email);
    await page.locator('#f-admin-password').fill(DEPT.password);
    await page.locator('#f-admin-confirmPassword').fill(DEPT.password);
    await page.getByTestId('admin-org-submit').click();

    // Assert: the API's refusal, on the jurisdiction
    await expect.poll(() => textOf(page.locator('#f-jurisdiction-error'))).toContain('须包含单位所在地');
    expect(await page.getByTestId('admin-org-created').count()).toBe(0);
    await screenshot(page, 'admin-org-refused-zh');

    // Act: the city it is seated in
    await page.locator('#f-jurisdiction-city').selectOption({ label: '厦门市' });
    await page.getByTestId('admin-org-submit').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('admin-org-created'))).toContain(DEPT.name);
    expect(await textOf(page.getByTestId('admin-org-created'))).toContain(DEPT.email);
    expect(await page.locator('#f-org-name').inputValue()).toBe('');

    // Act: the same credit code and email again
    await page.locator('#f-org-name').fill(DEPT.name);
    await page.locator('#f-org-creditCode').fill(DEPT.creditCode);
    await page.getByRole('checkbox', { name: /生产企业/ }).check();
    await page.locator('#f-org-adcode').selectOption({ label: '福建省' });
    await page.locator('#f-org-contact-name').fill('陈科长');
    await page.locator('#f-org-contact-phone').fill('0592-2345678');
    await page.locator('#f-admin-name').fill('陈科长');
    await page.locator('#f-admin-email').fill(DEPT.email);
    await page.locator('#f-admin-password').fill(DEPT.password);
    await page.locator('#f-admin-confirmPassword').fill(DEPT.password);
    await page.getByTestId('admin-org-submit').click();

    // Assert: both taken, each on its field
    await expect.poll(() => textOf(page.locator('#f-org-creditCode-error'))).toContain('已注册');
    expect(await textOf(page.locator('#f-admin-email-error'))).toContain('已');
    expectNoPageErrors(admin);
  });

  it("lets the department's administrator create an event in Xiamen", async () => {
    // Arrange
    const dept = await signedIn(DEPT.email, DEPT.password);
    const { page } = dept;
    await expect.poll(() => textOf(page.locator('.topbar-user'))).toContain('组织方');

    // Act
    await page.goto('/events/new');
    await page.locator('#f-title').fill('厦门市重点项目钢材对接会（测试）');
    await page.getByTestId('event-kind-goods').check();
    await page.getByTestId('event-category-steel').check();
    await expect.poll(() => page.locator('#f-region-city').inputValue()).toBe('350200');
    await page.getByTestId('event-mode-venue').check();
    await page.locator('#f-venue-name').fill('厦门国际会展中心');
    await page.locator('#f-venue-address').fill('厦门市思明区会展路 198 号');
    await page.locator('#f-venue-tables').fill('2');
    await page.getByTestId('event-day-date').fill(inDays(30));
    await page.getByTestId('event-day-start').fill('09:00');
    await page.getByTestId('event-day-end').fill('12:00');
    await page.locator('#f-meetingMinutes').fill('20');
    await page.locator('#f-registrationDeadline').fill(inDays(20));
    await page.locator('#f-capacity').fill('10');
    await page.getByTestId('event-save').click();

    // Assert
    await page.waitForURL(/\/events\/[0-9A-Z]{26}$/);
    await expect.poll(() => page.getByTestId('event-page').getAttribute('data-status')).toBe('draft');
    expect(await textOf(page.getByTestId('event-facts'))).toContain('厦门市');
    expectNoPageErrors(dept);
  });

  it("revokes and grants the department's organizer role, disables and re-enables it, and resets its password", async () => {
    // Arrange
    const { page } = admin;
    await nav(page).getByRole('link', { name: '账号管理' }).click();
    await page.waitForURL('**/admin/users');

    // Act: nobody by that address
    await page.locator('#f-email').fill('nobody@example.cn');
    await page.getByTestId('admin-find-submit').click();

    // Assert
    await expect.poll(() => textOf(page.locator('#f-email-error'))).toContain('没有使用该邮箱的账号');

    // Act: the department's administrator
    await page.locator('#f-email').fill(DEPT.email);
    await page.getByTestId('admin-find-submit').click();

    // Assert: found, the address in the URL, verified, organizer
    await expect.poll(() => textOf(page.getByTestId('admin-user-email'))).toBe(DEPT.email);
    expect(new URL(page.url()).searchParams.get('email')).toBe(DEPT.email);
    expect(await textOf(page.getByTestId('admin-org-verified'))).toBe('已核验');
    expect(await page.getByTestId('admin-role-organizer').isChecked()).toBe(true);
    await screenshot(page, 'admin-user-zh');

    // Act: revoke organizer
    await page.getByTestId('admin-role-organizer').uncheck();
    await page.getByTestId('admin-roles-save').click();

    // Assert: at once, the department can no longer create events
    await expect.poll(() => textOf(page.getByTestId('admin-outcome'))).toBe('权限已保存。');
    const dept = await signedIn(DEPT.email, DEPT.password);
    await expect.poll(() => textOf(dept.page.locator('.topbar-user'))).not.toContain('组织方');
    expect(await nav(dept.page).getByRole('link', { name: '撮合计算' }).count()).toBe(0);

    // Act: grant it again
    await page.getByTestId('admin-role-organizer').check();
    await page.getByTestId('admin-roles-save').click();
    await expect.poll(() => textOf(page.getByTestId('admin-outcome'))).toBe('权限已保存。');

    // Act: disable
    await page.getByTestId('admin-toggle-status').click();

    // Assert: the department's open session ends on its next request
    await expect.poll(() => textOf(page.getByTestId('admin-user-status'))).toBe('已停用');
    await dept.page.goto('/events');
    await dept.page.waitForURL((url) => url.pathname === '/sign-in');

    // Act: re-enable, then a new password
    await page.getByTestId('admin-toggle-status').click();
    await expect.poll(() => textOf(page.getByTestId('admin-user-status'))).toBe('正常');
    await page.locator('#f-password').fill('short');
    await page.locator('#f-confirmPassword').fill('short');
    await page.getByTestId('admin-password-submit').click();

    // Assert: a weak password is refused on its field
    await expect.poll(() => page.locator('#f-password-error').count()).toBe(1);

    // Act
    await page.locator('#f-password').fill('xiamen-new-2021');
    await page.locator('#f-confirmPassword').fill('xiamen-new-2021');
    await page.getByTestId('admin-password-submit').click();

    // Assert: the new password signs in, as an organizer again
    await expect.poll(() => textOf(page.getByTestId('admin-password-done'))).toBe('密码已重置。');
    const again = await signedIn(DEPT.email, 'xiamen-new-2021');
    await expect.poll(() => textOf(again.page.locator('.topbar-user'))).toContain('组织方');

    // the page in English
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(page.locator('h1'))).toBe('Accounts');
    expect(await textOf(page.getByTestId('admin-user-status'))).toBe('Active');
    await screenshot(page, 'admin-user-en');
    expectNoPageErrors(admin);
  });
});
