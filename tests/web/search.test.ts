import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  expectNoPageErrors,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * The search page's keyword, sort and count: a builder looks for cement in Fujian, sees how many
 * were found, sorts them by quantity, and the keyword and sort stay in the address.
 */
describe.skipIf(skipBrowserTests)('listing search: keyword, sort, count (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('finds by keyword, counts the results, sorts by quantity, and reads the same in English', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/listings/search');
    await expect.poll(() => page.locator('#search-region').inputValue()).toBe('350000');
    const cards = page.getByTestId('listing-card');
    await expect.poll(() => textOf(page.getByTestId('search-count'))).toMatch(/^共找到 \d+ 条$/);
    const all = Number((await textOf(page.getByTestId('search-count'))).match(/\d+/)![0]);

    // Act: a keyword (the product), sorted by quantity
    await page.locator('#search-q').fill('水泥');
    await page.locator('#search-sort').selectOption('quantity');
    await page.getByTestId('search-submit').click();

    // Assert: the address keeps both; every card is cement, the count says how many
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('水泥');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('quantity');
    await expect
      .poll(async () => {
        const texts = await cards.allInnerTexts();
        return texts.length > 0 && texts.every((text) => text.includes('水泥'));
      })
      .toBe(true);
    const count = Number((await textOf(page.getByTestId('search-count'))).match(/\d+/)![0]);
    expect(count).toBe(await cards.count());
    expect(count).toBeLessThan(all);

    // Act: a keyword nothing has
    await page.locator('#search-q').fill('沥青混凝土不存在');
    await page.getByTestId('search-submit').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('search-count'))).toBe('共找到 0 条');

    // Act: English
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('search-count'))).toBe('0 found');
    expect(await textOf(page.locator('label[for="search-sort"]'))).toBe('Sort by');
    expectNoPageErrors(open);
  });
});
