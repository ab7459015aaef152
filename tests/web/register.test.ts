import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { expectNoPageErrors, screenshot, startWebHarness, textOf, type WebHarness } from './web-stack.ts';

/** The demo steel maker's code and its admin's email: both taken in every demo stack. */
const TAKEN = { creditCode: '913504001581427114', email: 'steel@demo.gongxu.cn' };

interface Registration {
  orgName: string;
  creditCode: string;
  adminName: string;
  email: string;
  password: string;
}

async function fillRegistration(page: Page, r: Registration): Promise<void> {
  await page.locator('#f-org-name').fill(r.orgName);
  await page.locator('#f-org-creditCode').fill(r.creditCode);
  await page.getByRole('checkbox', { name: /生产企业/ }).check();
  await page.locator('#f-org-adcode').selectOption({ label: '福建省' });
  await page.locator('#f-org-adcode-city').selectOption({ label: '福州市' });
  await page.locator('#f-org-adcode-county').selectOption({ label: '鼓楼区' });
  await page.locator('#f-org-contact-name').fill(r.adminName);
  await page.locator('#f-org-contact-phone').fill('0591-87001234');
  await page.locator('#f-admin-name').fill(r.adminName);
  await page.locator('#f-admin-email').fill(r.email);
  await page.locator('#f-admin-password').fill(r.password);
  await page.locator('#f-admin-confirmPassword').fill(r.password);
}

const submit = (page: Page) => page.locator('form button[type="submit"]').click();
const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

describe.skipIf(skipBrowserTests)('registering an organisation (browser)', () => {
  let web: WebHarness;
  const seed = Date.now() % 1_000_000;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the credit-code error next to the field, in Chinese and then in English, and registers once the code is valid', async () => {
    // Arrange
    const open = await web.open('/register');
    const { page } = open;
    const registration: Registration = {
      orgName: '福州示范建材有限公司',
      creditCode: '913504001581427115', // check character wrong
      adminName: '李四',
      email: `li-${seed}@example.cn`,
      password: 'strong-pass-2020',
    };
    await fillRegistration(page, registration);

    // Act
    await submit(page);

    // Assert: the error sits next to the field and is linked to it
    const creditCode = page.locator('#f-org-creditCode');
    await expect
      .poll(() => textOf(fieldError(page, 'f-org-creditCode')))
      .toBe('统一社会信用代码无效（18 位，含校验码）');
    expect(await creditCode.getAttribute('aria-invalid')).toBe('true');
    expect(await creditCode.getAttribute('aria-describedby')).toContain('f-org-creditCode-error');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-org-creditCode');
    expect(await page.locator('.field-error').count()).toBe(1);
    await screenshot(page, 'register-error-zh');

    // Act: switch to English
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect
      .poll(() => textOf(fieldError(page, 'f-org-creditCode')))
      .toBe(
        'Unified social credit code is not a valid unified social credit code (18 characters with check character)',
      );
    expect(await textOf(page.locator('h1'))).toBe('Register your organisation');
    await screenshot(page, 'register-error-en');

    // Act: a valid code
    await creditCode.fill(makeCreditCode({ seed, region: '350102' }));
    await submit(page);

    // Assert: signed in, on the new organisation's home page
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => textOf(page.getByTestId('header-org'))).toBe(registration.orgName);
    await expect.poll(() => textOf(page.getByTestId('home-title'))).toBe(`Hello, ${registration.adminName}`);
    await expect.poll(() => textOf(page.locator('.region-name').first())).toBe('福建省 · 福州市 · 鼓楼区');
    await screenshot(page, 'register-done-en');
    expectNoPageErrors(open);
  });

  it("shows the server's verdicts next to the fields: a weak password, then a credit code and email already registered", async () => {
    // Arrange
    const open = await web.open('/register');
    const { page } = open;
    await fillRegistration(page, {
      orgName: '重复注册测试公司',
      creditCode: TAKEN.creditCode,
      adminName: '王五',
      email: TAKEN.email,
      password: 'short',
    });

    // Act
    await submit(page);

    // Assert
    await expect
      .poll(() => textOf(fieldError(page, 'f-admin-password')))
      .toBe('密码至少 10 位，且须包含字母和数字');
    expect(await textOf(page.locator('#register-error'))).toBe('请修改下方标出的内容后再提交');

    // Act
    await page.locator('#f-admin-password').fill('strong-pass-2020');
    await page.locator('#f-admin-confirmPassword').fill('strong-pass-2020');
    await submit(page);

    // Assert
    await expect.poll(() => textOf(fieldError(page, 'f-org-creditCode'))).toBe('该统一社会信用代码已注册');
    await expect.poll(() => textOf(fieldError(page, 'f-admin-email'))).toBe('该邮箱已注册');
    expect(new URL(page.url()).pathname).toBe('/register');
    await screenshot(page, 'register-conflict-zh');
    expectNoPageErrors(open);
  });

  it('says the passwords differ without asking the server', async () => {
    // Arrange
    const open = await web.open('/register');
    const { page } = open;
    let registrations = 0;
    page.on('request', (request) => {
      if (request.url().endsWith('/api/orgs/register')) registrations += 1;
    });
    await fillRegistration(page, {
      orgName: '密码不一致测试公司',
      creditCode: makeCreditCode({ seed: seed + 1 }),
      adminName: '赵六',
      email: `zhao-${seed}@example.cn`,
      password: 'strong-pass-2020',
    });
    await page.locator('#f-admin-confirmPassword').fill('strong-pass-2021');

    // Act
    await submit(page);

    // Assert
    await expect.poll(() => textOf(fieldError(page, 'f-admin-confirmPassword'))).toBe('两次输入的密码不一致');
    expect(registrations).toBe(0);
  });
});
