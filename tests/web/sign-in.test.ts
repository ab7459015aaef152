import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  chineseTextOn,
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

const STEEL = { email: 'steel@demo.gongxu.cn', org: '三明闽光钢铁有限公司（演示）', admin: '林建华' };

describe.skipIf(skipBrowserTests)('signing in and out (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('signs a demo user in with the Chinese interface by default and shows the organisation on the home page', async () => {
    // Arrange
    const open = await web.open('/');
    const { page } = open;
    await page.waitForURL('**/sign-in');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect.poll(() => textOf(page.locator('h1'))).toBe('登录');
    await screenshot(page, 'sign-in-zh');

    // Act
    await signInThroughForm(page, STEEL.email);

    // Assert
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => textOf(page.getByTestId('header-org'))).toBe(STEEL.org);
    await expect.poll(() => textOf(page.getByTestId('home-title'))).toBe(`您好，${STEEL.admin}`);
    await expect.poll(() => textOf(page.getByTestId('home-org'))).toBe(STEEL.org);
    await expect.poll(() => textOf(page.locator('.region-name').first())).toBe('福建省 · 三明市 · 三元区');
    const supply = page.locator('article[data-section="supply"]');
    await expect.poll(() => supply.locator('a[href]').count()).toBe(2);
    expect(await textOf(supply)).toContain('发布供应');
    expect(await page.title()).toBe('首页 · 供需');
    await screenshot(page, 'home-manufacturer-zh');
    expectNoPageErrors(open);
  });

  it("shows the API's Chinese error for a wrong password, then English everywhere after switching, and keeps English after a reload", async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;

    // Act
    await signInThroughForm(page, STEEL.email, 'not-the-password-1');

    // Assert: the server's message, in Chinese
    const alert = page.locator('#sign-in-error');
    await expect.poll(() => textOf(alert)).toBe('邮箱或密码错误');
    await screenshot(page, 'sign-in-error-zh');

    // Act: switch language
    await page.getByTestId('lang-switch').click();

    // Assert: the same error and the whole page in English
    await expect.poll(() => textOf(alert)).toBe('Wrong email or password');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page.locator('h1'))).toBe('Sign in');
    expect(await textOf(page.locator('label[for="f-email"]'))).toBe('Email');
    expect(await chineseTextOn(page)).toEqual(['中文']);
    expect(await page.title()).toBe('Sign in · Gongxu');
    await screenshot(page, 'sign-in-error-en');

    // Act: reload
    await page.reload();

    // Assert: still English
    await expect.poll(() => textOf(page.locator('h1'))).toBe('Sign in');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await chineseTextOn(page)).toEqual(['中文']);

    // Act: sign in, in English
    await signInThroughForm(page, STEEL.email);

    // Assert: the shell and home page are English too (names of places and people are data)
    await expect.poll(() => textOf(page.getByTestId('home-title'))).toBe(`Hello, ${STEEL.admin}`);
    await expect.poll(() => textOf(page.locator('.region-name').first())).toBe('福建省 · 三明市 · 三元区');
    const data = new Set([STEEL.org, STEEL.admin, '中文']);
    const chinese = (await chineseTextOn(page)).filter(
      (line) => !data.has(line) && !line.includes('福建省') && !line.startsWith('Hello'),
    );
    expect(chinese).toEqual([]);
    expect(await textOf(page.getByRole('navigation'))).toContain('My supply listings');
    await screenshot(page, 'home-manufacturer-en');
    expectNoPageErrors(open);
  });

  it('signs out to the sign-in page; a page asked for afterwards comes back after signing in again', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, STEEL.email);
    await page.getByRole('navigation').getByRole('link', { name: '单位信息' }).click();
    await page.waitForURL('**/orgs/**');
    const profileUrl = new URL(page.url()).pathname;

    // Act
    await page.getByTestId('sign-out').click();

    // Assert
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.search === '');
    await expect.poll(() => textOf(page.getByTestId('sign-in-notice'))).toBe('您已退出登录');
    expect(await page.evaluate(() => sessionStorage.getItem('gongxu.session'))).toBeNull();

    // Act: ask for the profile while signed out, then sign in
    await page.goto(profileUrl);
    await page.waitForURL((url) => url.pathname === '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(profileUrl);
    await signInThroughForm(page, STEEL.email);

    // Assert
    await page.waitForURL((url) => url.pathname === profileUrl);
    await expect.poll(() => textOf(page.getByTestId('org-name'))).toBe(STEEL.org);
    expectNoPageErrors(open);
  });

  it('ignores a next address that leads off the site', async () => {
    // Arrange
    const open = await web.open('/sign-in?next=//example.com/phish');
    const { page } = open;

    // Act
    await signInThroughForm(page, STEEL.email);

    // Assert
    await page.waitForURL((url) => url.pathname === '/');
    expect(new URL(page.url()).host).toBe(new URL(web.stack.url).host);
  });

  it("returns to sign-in with the server's message when the stored token is no longer accepted", async () => {
    // Arrange: a session whose token the API rejects
    const open = await web.open('/sign-in');
    const { page } = open;
    await page.evaluate(() =>
      sessionStorage.setItem(
        'gongxu.session',
        JSON.stringify({
          token: 'not.a.token',
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          user: {
            id: 'x',
            email: 'x@example.cn',
            name: 'X',
            orgId: 'x',
            orgRole: 'member',
            platformRoles: [],
            createdAt: '',
          },
        }),
      ),
    );

    // Act
    await page.goto('/');

    // Assert
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await expect
      .poll(() => textOf(page.getByTestId('sign-in-notice')))
      .toBe('登录凭证无效或已过期，请重新登录');
    expect(await page.evaluate(() => sessionStorage.getItem('gongxu.session'))).toBeNull();
  });
});
