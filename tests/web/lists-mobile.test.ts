import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  type WebHarness,
} from './web-stack.ts';

/**
 * 供应清单/需求清单 on a phone (390 × 844): the chart draws its bars (the axis labels leave them room),
 * the totals table keeps its words whole and scrolls inside its card, and nothing is wider than the
 * screen.
 */
describe.skipIf(skipBrowserTests)('the lists on a phone (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('draws bars at 390 px, keeps table cells on one line, and fits the screen', async () => {
    // Arrange
    const open = await web.open('/sign-in', { width: 390, height: 844 });
    const { page } = open;
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');

    // Act
    await page.goto('/lists');

    // Assert: bars, each series drawn at least once at a readable width
    const chart = page.getByTestId('chart');
    await expect.poll(() => chart.locator('svg').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const widest = () =>
      chart.evaluate((host) => {
        const colours = new Map<string, number>();
        for (const path of host.querySelectorAll('svg path')) {
          const fill = path.getAttribute('fill') ?? '';
          if (!fill.startsWith('#') && !fill.startsWith('rgb')) continue;
          const box = (path as SVGGraphicsElement).getBBox();
          if (box.height > 20) continue; // legend icons and the background are not bars
          colours.set(fill, Math.max(colours.get(fill) ?? 0, box.width));
        }
        return [...colours.values()].sort((a, b) => b - a);
      });
    await expect.poll(async () => (await widest())[0] ?? 0).toBeGreaterThan(60);
    const plot = await chart.evaluate((host) => host.getBoundingClientRect().width);
    expect(plot).toBeLessThanOrEqual(390);

    // Assert: the totals table's cells are one line high (no character-by-character wrapping)
    const table = page.getByTestId('lists-table');
    const tallest = await table.evaluate((t) =>
      Math.max(...[...t.querySelectorAll('tbody td')].map((td) => td.getBoundingClientRect().height)),
    );
    expect(tallest).toBeLessThan(60);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    await screenshot(page, 'lists-mobile-zh');
    expectNoPageErrors(open);
  });
});
