import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

describe.skipIf(skipBrowserTests)('home page per role (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('gives a builder the demand entries, as coming soon, and no supply entries', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;

    // Act
    await signInThroughForm(page, 'builder@demo.gongxu.cn');

    // Assert
    const demand = page.locator('article[data-section="demand"]');
    await expect.poll(() => textOf(demand)).toContain('发布需求');
    expect(await demand.locator('a[href]').count()).toBe(2);
    expect(await page.locator('article[data-section="supply"]').count()).toBe(0);
    expect(await textOf(page.locator('article[data-section="labour"]'))).toContain('发布用工需求');
    const nav = page.getByRole('navigation');
    await expect.poll(() => nav.locator('a[href]', { hasText: '我的需求' }).count()).toBe(1);
    await screenshot(page, 'home-builder-zh');
    expectNoPageErrors(open);
  });

  it("gives the provincial department the organizer's entries", async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;

    // Act
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');

    // Assert
    const organizing = page.locator('article[data-section="organizing"]');
    await expect.poll(() => textOf(organizing)).toContain('辖区单位');
    expect(await textOf(organizing)).toContain('对接活动');
    expect(await textOf(page.locator('.topbar-user'))).toContain('组织方');
    await screenshot(page, 'home-organizer-zh');

    // Act
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect.poll(() => textOf(organizing)).toContain('Matchmaking events');
    await screenshot(page, 'home-organizer-en');
    expectNoPageErrors(open);
  });

  it('fits a phone screen: the menu opens from the top bar', async () => {
    // Arrange
    const open = await web.open('/sign-in', { width: 390, height: 844 });
    const { page } = open;
    await screenshot(page, 'sign-in-mobile-zh');
    await signInThroughForm(page, 'masks@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByTestId('home-title').isVisible()).toBe(true);
    const sidebar = page.locator('#sidebar');
    expect(await sidebar.isVisible()).toBe(true); // in the DOM, but off-screen
    const offscreen = await sidebar.boundingBox();
    expect((offscreen?.x ?? 0) + (offscreen?.width ?? 0)).toBeLessThanOrEqual(0);
    await screenshot(page, 'home-mobile-zh');

    // Act
    await page.getByRole('button', { name: '菜单' }).click();

    // Assert
    await expect.poll(async () => (await sidebar.boundingBox())?.x).toBe(0);
    expect(await page.getByRole('button', { name: '菜单' }).getAttribute('aria-expanded')).toBe('true');
    await sidebar.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await screenshot(page, 'home-mobile-menu-zh');
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(scrollWidth).toBeLessThanOrEqual(390);
    expectNoPageErrors(open);
  });
});
