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

/** The inbox, a match and a run on a phone: readable, nothing wider than the screen. */
describe.skipIf(skipBrowserTests)('matches and runs on a phone (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    await web.stack.drainStreams();
  });

  afterAll(async () => {
    await web?.close();
  });

  const overflow = (page: import('playwright-core').Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  it('fits the inbox and a match page into 390 px', async () => {
    // Arrange
    const open = await web.open('/sign-in', { width: 390, height: 844 });
    const { page } = open;
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');

    // Act
    await page.goto('/inbox');

    // Assert
    const items = page.getByTestId('inbox-item');
    await expect.poll(() => items.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'matches-inbox-mobile-zh');

    // Act
    await items.filter({ hasText: '7,000 吨' }).getByTestId('inbox-match-link').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('match-title'))).toContain('7,000 吨');
    await expect.poll(() => page.getByTestId('match-card').count()).toBe(2);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'matches-match-mobile-zh');
    expectNoPageErrors(open);
  });

  it('fits a run page into 390 px (the proposals table scrolls inside its card)', async () => {
    // Arrange
    const open = await web.open('/sign-in', { width: 390, height: 844 });
    const { page } = open;
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/runs');
    await expect.poll(() => page.locator('#f-region').inputValue()).toBe('350000');

    // Act
    await page.getByTestId('run-start').click();

    // Assert
    await page.waitForURL(/\/runs\/[0-9A-Z]{26}$/);
    await expect
      .poll(() => page.getByTestId('run-page').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    await expect
      .poll(() => page.locator('[data-testid="flow-map"] svg[role="img"] path.flow').count())
      .toBe(5);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'runs-done-mobile-zh');
    expectNoPageErrors(open);
  });
});
