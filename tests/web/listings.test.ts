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

const LISTING_PAGE = /^\/listings\/[0-9A-HJKMNP-TV-Z]{26}$/;

/** Counts the POST /api/listings requests a page makes from now on. */
function countPosts(page: Page): () => number {
  let posts = 0;
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/listings') posts += 1;
  });
  return () => posts;
}

const listingIdOf = (page: Page) => new URL(page.url()).pathname.split('/')[2]!;
const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

describe.skipIf(skipBrowserTests)('posting and finding listings (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets a manufacturer post supply through the catalogue picker, checking first, posting once on a double click, and then see it in My listings', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'steel@demo.gongxu.cn');
    await nav(page, '发布供应');
    await expect.poll(() => textOf(page.getByTestId('page-title'))).toBe('发布供应');
    const posts = countPosts(page);

    // Act: an empty form
    await page.getByTestId('listing-publish').click();

    // Assert: the server's own checks, next to the fields, before any request
    await expect.poll(() => textOf(page.locator('#f-specId-error'))).toBe('必填');
    expect(await textOf(page.locator('#f-quantity-error'))).toBe('必填');
    expect(await textOf(page.locator('#f-availableUntil-error'))).toBe('必填');
    expect(await textOf(page.locator('#listing-form-error'))).toBe('请修改下方标出的内容后再提交');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-category'); // the spec list opens once a category is chosen
    expect(posts()).toBe(0);

    // Act: category → spec, then the rest (the region starts at the firm's own)
    await page.locator('#f-category').selectOption({ label: '钢材' });
    await page.locator('#f-specId').selectOption({ label: '热轧带肋钢筋（螺纹钢）HRB400E Φ20' });
    await expect
      .poll(() => textOf(page.getByTestId('spec-details')))
      .toBe('计量单位：吨 · 执行标准：GB/T 1499.2-2018 · 最小单位：1 吨');
    expect(await page.locator('#f-deliveryRadiusKm').inputValue()).toBe('400'); // the spec's typical radius
    await page.locator('#f-quantity').fill('2,400');
    await page.locator('#f-stockOnHand').fill('800');
    await page.locator('#f-availableUntil').fill(inDays(60));
    await page.locator('#f-unitPrice').fill('3920');
    await expect.poll(() => page.locator('#f-adcode-county').inputValue()).toBe('350403');
    await screenshot(page, 'listing-post-supply-zh');
    await page.getByTestId('listing-publish').dblclick();

    // Assert: one listing, shown on its own page
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    const id = listingIdOf(page);
    await expect.poll(() => textOf(page.getByTestId('listing-done'))).toBe('已发布');
    expect(posts()).toBe(1);
    expect(await textOf(page.getByTestId('listing-title'))).toContain('热轧带肋钢筋（螺纹钢）HRB400E Φ20');
    expect(await textOf(page.getByTestId('listing-status'))).toBe('有效');
    expect(await textOf(page.getByTestId('listing-remaining'))).toBe('剩余 2,400 / 共 2,400 吨');
    expect(await textOf(page.getByTestId('detail-stockOnHand'))).toBe('800 吨');
    expect(await textOf(page.getByTestId('detail-price'))).toBe('3,920 元/吨');
    await expect.poll(() => textOf(page.getByTestId('detail-adcode'))).toBe('福建省 · 三明市 · 三元区');
    await expect.poll(() => textOf(page.getByTestId('listing-history'))).toContain('创建');
    expect(await page.locator('section#listing-matches').count()).toBe(1);
    await screenshot(page, 'listing-detail-zh');

    // Act
    await nav(page, '我的供应');

    // Assert
    const card = page.locator(`[data-testid="listing-card"][data-listing-id="${id}"]`);
    await expect.poll(() => card.count()).toBe(1);
    expect(await textOf(card)).toContain('剩余 2,400 / 共 2,400 吨');
    expect(await textOf(page.locator('.tab.is-current'))).toBe('供应');
    await screenshot(page, 'listings-mine-zh');
    expectNoPageErrors(open);
  });

  it('takes a draft through publish, edit and fulfil, keeping its history', async () => {
    // Arrange: a draft
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'cement@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/listings/new/supply');
    await page.locator('#f-category').selectOption({ label: '水泥' });
    await page.locator('#f-specId').selectOption({ label: '普通硅酸盐水泥 P.O 42.5R' });
    await page.locator('#f-quantity').fill('5000');
    await page.locator('#f-availableUntil').fill(inDays(45));
    await page.getByTestId('listing-save-draft').click();
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(page.getByTestId('listing-status'))).toBe('草稿');

    // Act: publish
    await page.getByTestId('listing-publish').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('listing-status'))).toBe('有效');

    // Act: edit the quantity and the price
    await page.getByTestId('listing-edit').click();
    await expect.poll(() => page.locator('#f-quantity').inputValue()).toBe('5000');
    expect(await page.locator('#f-specId').inputValue()).toBe('cement-po-42.5r');
    await page.locator('#f-quantity').fill('6500');
    await page.locator('#f-unitPrice').fill('415');
    await page.getByTestId('listing-save').click();

    // Assert
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(page.getByTestId('listing-remaining'))).toBe('剩余 6,500 / 共 6,500 吨');
    await expect.poll(() => textOf(page.getByTestId('listing-history'))).toContain('数量');
    expect(await textOf(page.getByTestId('listing-history'))).toMatch(/5,000\s*→\s*6,500/);

    // Act: mark fulfilled (asks first)
    await page.getByTestId('listing-fulfil').click();
    await page.getByTestId('listing-confirm').click();

    // Assert: closed, no more actions, every step in the history
    await expect.poll(() => textOf(page.getByTestId('listing-status'))).toBe('已关闭 · 已完成');
    expect(await page.getByTestId('listing-edit').count()).toBe(0);
    await expect.poll(() => page.locator('[data-testid="listing-history"] li.history-entry').count()).toBe(4);
    const actions = await page
      .locator('[data-testid="listing-history"] li.history-entry')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-action')));
    expect([...actions].sort()).toEqual(['edit', 'fulfil', 'post', 'publish']);
    await screenshot(page, 'listing-lifecycle-zh');

    // Act: My listings, closed ones only
    await page.goto('/listings/mine/supply?status=closed');

    // Assert
    await expect.poll(() => page.getByTestId('listing-card').count()).toBe(1);
    expectNoPageErrors(open);
  });

  it('lets a builder post demand, in English', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await page.getByTestId('lang-switch').click();
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await nav(page, 'Post demand');
    await expect.poll(() => textOf(page.getByTestId('page-title'))).toBe('Post demand');

    // Act: a ceiling price that is not a number, and the dates the wrong way round
    await page.locator('#f-projectName').fill('Fuzhou metro line 6 (demo)');
    await page.locator('#f-keyProject').check();
    await page.locator('#f-category').selectOption({ label: 'Cement' });
    await page.locator('#f-specId').selectOption({ label: 'Ordinary Portland cement P.O 52.5' });
    await page.locator('#f-acceptsSubstitutes').check();
    await page.locator('#f-quantity').fill('8000');
    await page.locator('#f-deliverFrom').fill(inDays(10));
    await page.locator('#f-neededBy').fill(inDays(5));
    await page.locator('#f-ceilingPrice').fill('about 500');
    await page.getByTestId('listing-publish').click();

    // Assert
    await expect
      .poll(() => textOf(page.locator('#f-neededBy-error')))
      .toBe('The end date cannot be before the start date');
    expect(await textOf(page.locator('#f-ceilingPrice-error'))).toBe('Ceiling price (CNY) is not a number');
    await screenshot(page, 'listing-post-demand-error-en');

    // Act
    await page.locator('#f-neededBy').fill(inDays(40));
    await page.locator('#f-ceilingPrice').fill('495');
    await page.locator('#f-adcode-county').selectOption({ label: '仓山区' });
    await page.getByTestId('listing-publish').click();

    // Assert
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(page.getByTestId('listing-status'))).toBe('Open');
    expect(await textOf(page.getByTestId('listing-title'))).toContain(
      'Fuzhou metro line 6 (demo) · Ordinary Portland cement P.O 52.5',
    );
    expect(await textOf(page.getByTestId('detail-keyProject'))).toBe('Yes');
    expect(await textOf(page.getByTestId('detail-acceptsSubstitutes'))).toBe('Yes');
    expect(await textOf(page.getByTestId('listing-remaining'))).toBe('8,000 of 8,000 t left');
    expect(await textOf(page.getByTestId('detail-price'))).toBe('≤ 495 CNY/t');
    await expect.poll(() => textOf(page.getByTestId('detail-adcode'))).toBe('福建省 · 福州市 · 仓山区');
    await screenshot(page, 'listing-detail-demand-en');
    expectNoPageErrors(open);
  });

  it('posts shared staff both ways, saying the lender stays the employer', async () => {
    // Arrange: the shoe maker lends electricians
    const lender = await web.open('/sign-in');
    await signInThroughForm(lender.page, 'shoes@demo.gongxu.cn');
    await nav(lender.page, '发布富余员工');
    await expect
      .poll(() => textOf(lender.page.getByTestId('labour-notice')))
      .toContain('共享员工：劳动关系不变');

    // Act: the skill ticks the certificate it needs
    await lender.page.locator('#f-skillId').selectOption({ label: '电工' });
    await expect
      .poll(() => lender.page.getByRole('checkbox', { name: '特种作业操作证（电工作业）' }).isChecked())
      .toBe(true);
    await lender.page.locator('#f-headcount').fill('15');
    await lender.page.locator('#f-until').fill(inDays(50));
    await lender.page.locator('#f-commuteRadiusKm').fill('300');
    await lender.page.locator('#f-dailyWage').fill('330');
    await lender.page.locator('#f-needsHousing').check();
    await screenshot(lender.page, 'listing-post-labour-offer-zh');
    await lender.page.getByTestId('listing-publish').click();

    // Assert
    await lender.page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(lender.page.getByTestId('listing-title'))).toContain('电工');
    expect(await textOf(lender.page.getByTestId('labour-notice'))).toContain('共享员工：劳动关系不变');
    expect(await textOf(lender.page.getByTestId('detail-certificates'))).toBe('特种作业操作证（电工作业）');
    expect(await textOf(lender.page.getByTestId('listing-remaining'))).toBe('剩余 15 / 共 15 人');
    expect(await textOf(lender.page.getByTestId('detail-needsHousing'))).toBe('是');

    // Arrange: the mask maker asks for sewing operators
    const user = await web.open('/sign-in');
    await signInThroughForm(user.page, 'masks@demo.gongxu.cn');
    await nav(user.page, '发布用工需求');

    // Act
    await user.page.locator('#f-skillId').selectOption({ label: '缝纫工' });
    await user.page.locator('#f-headcount').fill('2.5');
    await user.page.locator('#f-until').fill(inDays(30));
    await user.page.getByTestId('listing-publish').click();

    // Assert: whole people only
    await expect.poll(() => textOf(user.page.locator('#f-headcount-error'))).toBe('应为整数');

    // Act
    await user.page.locator('#f-headcount').fill('40');
    await user.page.locator('#f-minOverlapDays').fill('20');
    await user.page.getByRole('checkbox', { name: '健康证明（食品从业人员）' }).check();
    await user.page.locator('#f-housingProvided').check();
    await user.page.getByTestId('listing-publish').click();

    // Assert
    await user.page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(user.page.getByTestId('listing-kind'))).toBe('用工需求（借用）');
    expect(await textOf(user.page.getByTestId('labour-notice'))).toContain('共享员工：劳动关系不变');
    expect(await textOf(user.page.getByTestId('detail-certificatesRequired'))).toBe(
      '健康证明（食品从业人员）',
    );
    expect(await textOf(user.page.getByTestId('detail-minOverlapDays'))).toBe('20');
    expect(await textOf(user.page.getByTestId('detail-housingProvided'))).toBe('是');
    await screenshot(user.page, 'listing-detail-labour-request-zh');

    // Act: My shared-employee listings
    await nav(user.page, '我的共享员工');

    // Assert: the new one and the demo one
    await expect.poll(() => user.page.getByTestId('listing-card').count()).toBe(2);
    expectNoPageErrors(lender);
    expectNoPageErrors(user);
  });

  it("finds another firm's listings by region, without its contact or price", async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'builder@demo.gongxu.cn');
    await nav(page, '查找供需');
    // defaults: supply (a builder looks for it) in the firm's own province
    await expect.poll(() => page.locator('#search-region').inputValue()).toBe('350000');
    expect(await page.locator('#search-kind').inputValue()).toBe('supply');
    await expect.poll(() => page.getByTestId('listing-card').count()).toBeGreaterThan(0);

    // Act: 三明市, steel
    await page.locator('#search-region-city').selectOption({ label: '三明市' });
    await page.locator('#search-category').selectOption({ label: '钢材' });
    await page.getByTestId('search-submit').click();

    // Assert: the steel maker's listings, contact and price hidden
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe('350400');
    const cards = page.getByTestId('listing-card');
    await expect
      .poll(async () =>
        (await cards.allInnerTexts()).every((text) => text.includes('三明闽光钢铁有限公司（演示）')),
      )
      .toBe(true);
    expect(await cards.count()).toBeGreaterThanOrEqual(4);
    const first = cards.first();
    expect(await textOf(first.getByTestId('contact-hidden'))).toBe('撮合确认后可见');
    expect(await textOf(first)).toContain('撮合后可见');
    expect(await textOf(first)).not.toContain('13905981234');
    await screenshot(page, 'listing-search-zh');

    // Act: open one
    await first.locator('a.listing-card-title').click();

    // Assert
    await page.waitForURL((url) => LISTING_PAGE.test(url.pathname));
    await expect.poll(() => textOf(page.getByTestId('detail-contact'))).toBe('联系方式在双方确认撮合后可见');
    expect(await page.getByTestId('listing-edit').count()).toBe(0);
    expect(await page.locator('section#listing-matches').count()).toBe(0); // not its owner, not an organizer
    expect(await textOf(page.locator('main'))).not.toContain('13905981234');

    // Act: the same search in English
    await page.goBack();
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect
      .poll(() => textOf(page.getByTestId('listing-card').first().getByTestId('contact-hidden')))
      .toBe('visible after both sides accept a match');
    await screenshot(page, 'listing-search-en');
    expectNoPageErrors(open);
  });
});
