import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const CEMENT = {
  email: 'cement@demo.gongxu.cn',
  org: '闽西水泥有限公司（演示）',
  creditCode: '913508007384629572',
};

describe.skipIf(skipBrowserTests)('organisation profile (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets an org admin see the profile and edit it, with the region picker starting at the current region', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, CEMENT.email);
    await page.getByRole('navigation').getByRole('link', { name: '单位信息' }).click();
    await expect.poll(() => textOf(page.getByTestId('org-credit-code'))).toBe(CEMENT.creditCode);
    await expect.poll(() => textOf(page.getByTestId('org-region'))).toBe('福建省 · 龙岩市 · 新罗区');
    await screenshot(page, 'org-profile-zh');

    // Act
    await page.getByTestId('org-edit').click();

    // Assert: the picker shows the saved region
    await expect.poll(() => page.locator('#f-adcode-county').inputValue()).toBe('350802');
    expect(await page.locator('#f-adcode').inputValue()).toBe('350000');
    expect(await page.locator('#f-adcode-city').inputValue()).toBe('350800');

    // Act: a bad phone number
    await page.locator('#f-contact-phone').fill('12345');
    await page.getByRole('button', { name: '保存' }).click();

    // Assert
    await expect.poll(() => textOf(page.locator('#f-contact-phone-error'))).toContain('格式不正确');
    await screenshot(page, 'org-profile-edit-error-zh');

    // Act: a good one, and another county
    await page.locator('#f-contact-phone').fill('0597-2345678');
    await page.locator('#f-adcode-county').selectOption({ label: '永定区' });
    await page.getByRole('button', { name: '保存' }).click();

    // Assert
    await expect.poll(() => textOf(page.getByRole('status'))).toBe('单位信息已保存');
    await expect.poll(() => textOf(page.getByTestId('org-region'))).toBe('福建省 · 龙岩市 · 永定区');
    expect(await textOf(page.locator('.details'))).toContain('0597-2345678');
    await screenshot(page, 'org-profile-saved-zh');
    expectNoPageErrors(open);
  });

  it("shows another organisation's profile without contact details or an edit button", async () => {
    // Arrange: the cement maker's id, as its admin sees it
    const signIn = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: CEMENT.email, password: DEMO_PASSWORD }),
    });
    const { user } = (await signIn.json()) as { user: { orgId: string } };
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');

    // Act
    await page.goto(`/orgs/${user.orgId}`);

    // Assert
    await expect.poll(() => textOf(page.getByTestId('org-name'))).toBe(CEMENT.org);
    expect(await textOf(page.locator('.details'))).toContain('仅本单位成员和对接组织方可见');
    expect(await page.getByTestId('org-edit').count()).toBe(0);
    expectNoPageErrors(open);
  });

  it('shows the not-found message for an organisation that does not exist', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, CEMENT.email);
    await page.waitForURL((url) => url.pathname === '/');

    // Act
    await page.goto('/orgs/01ARZ3NDEKTSV4RRFFQ69G5FAV');

    // Assert
    await expect.poll(() => textOf(page.locator('.load-error'))).toContain('未找到该资源');
  });
});
