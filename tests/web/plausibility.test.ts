import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import { inDays } from '../setup/listing-inputs.ts';
import {
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * Plausibility in the browser: the demand form refuses what the API and the import refuse (the
 * shared rules of functions/contract/plausibility.ts) before any request; an organizer hides an
 * implausible listing of its region with a reason, and the firm reads it on its listing.
 */

const LISTING_PAGE = /^\/listings\/[0-9A-HJKMNP-TV-Z]{26}$/;

function countPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/listings') posts += 1;
  });
  return () => posts;
}

describe.skipIf(skipBrowserTests)('plausible listings (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('refuses 999,999,999 t, 0.3 t of a 1 t step and a window already over in the form, then posts; the organizer hides it and the builder reads why', async () => {
    // Arrange
    const builder = await web.open('/sign-in');
    const { page } = builder;
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${web.stack.url}/listings/new/demand`);
    const posts = countPosts(page);
    await page.locator('#f-projectName').fill('莆田港区疏港公路（演示）');
    await page.locator('#f-category').selectOption({ label: '钢材' });
    await page.locator('#f-specId').selectOption({ label: '热轧带肋钢筋（螺纹钢）HRB400E Φ20' });

    // Act: an absurd quantity
    await page.locator('#f-quantity').fill('999,999,999');
    await page.locator('#f-neededBy').fill(inDays(40));
    await page.getByTestId('listing-publish').click();

    // Assert
    await expect
      .poll(() => textOf(page.locator('#f-quantity-error')))
      .toBe('数量不合常理：单条清单最多 2,000,000 吨，请核对数字和单位');

    // Act: a fraction of the spec's step
    await page.locator('#f-quantity').fill('0.3');
    await page.getByTestId('listing-publish').click();

    // Assert
    await expect
      .poll(() => textOf(page.locator('#f-quantity-error')))
      .toBe('须为该规格最小单位 1 吨 的整数倍');

    // Act: a window that is over, in English
    await page.locator('#f-quantity').fill('3000');
    await page.locator('#f-deliverFrom').fill(inDays(-20));
    await page.locator('#f-neededBy').fill(inDays(-3));
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('listing-publish').click();

    // Assert
    await expect.poll(() => textOf(page.locator('#f-neededBy-error'))).toContain('has passed');
    expect(posts()).toBe(0);
    await screenshot(page, 'plausibility-form-en');

    // Act: plausible now
    await page.getByTestId('lang-switch').click();
    await page.locator('#f-deliverFrom').fill(inDays(1));
    await page.locator('#f-neededBy').fill(inDays(40));
    await page.getByTestId('listing-publish').click();

    // Assert
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    expect(posts()).toBe(1);
    const listingPath = new URL(page.url()).pathname;

    // Act: the organizer hides it with a reason
    const organizer = await web.open('/sign-in');
    await signInThroughForm(organizer.page, 'organizer@demo.gongxu.cn');
    await organizer.page.waitForURL((url) => url.pathname === '/');
    await organizer.page.goto(`${web.stack.url}${listingPath}`);
    await organizer.page.getByTestId('listing-hide').click();
    await organizer.page.getByTestId('hide-reason').fill('与项目规模不符，请核实数量');
    await organizer.page.getByTestId('hide-confirm').click();

    // Assert: hidden, and the builder reads why
    await expect.poll(() => textOf(organizer.page.getByTestId('listing-status'))).toBe('已隐藏');
    await expect.poll(() => organizer.page.getByTestId('listing-unhide').count()).toBe(1);
    await page.reload();
    await expect
      .poll(() => textOf(page.getByTestId('listing-hidden')))
      .toContain('与项目规模不符，请核实数量');
    await screenshot(page, 'plausibility-hidden-zh');
    expectNoPageErrors(builder);
    expectNoPageErrors(organizer);
  });
});
