import { readFileSync } from 'node:fs';
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

describe.skipIf(skipBrowserTests)('供应清单 / 需求清单 (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows an organizer the totals by city and spec with the gap and a chart loaded on demand, and downloads the exports', async () => {
    // Arrange: watch which scripts load
    const open = await web.open('/sign-in');
    const { page } = open;
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await expect
      .poll(() => page.getByRole('navigation').getByRole('link', { name: '辖区供需' }).count())
      .toBe(1);
    expect(scripts.some((s) => s.includes('echarts'))).toBe(false);

    // Act
    await page.getByRole('navigation').getByRole('link', { name: '辖区供需' }).click();

    // Assert: the province's open supply and demand (the demo data), and the chart's code loaded now
    await expect.poll(() => textOf(page.getByTestId('total-demand'))).toBe('21,400');
    expect(await textOf(page.getByTestId('total-supply'))).toBe('45,800');
    expect(await textOf(page.getByTestId('total-gap'))).toBe('-24,400');
    const fuzhouCement = page.locator(
      '[data-testid="lists-table"] tr[data-city="350100"][data-spec="cement-po-42.5"]',
    );
    await expect
      .poll(() => fuzhouCement.locator('td').allInnerTexts())
      .toEqual(['福州市', '普通硅酸盐水泥 P.O 42.5', '吨', '5,000', '12,000', '7,000', '1 / 1']);
    await expect.poll(() => page.locator('.chart-canvas[data-ready="true"] svg').count()).toBe(1);
    expect(scripts.filter((s) => s.includes('echarts'))).toHaveLength(1);
    await screenshot(page, 'lists-zh');

    // Act: the totals as a workbook
    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-summary-xlsx').click(),
    ]);

    // Assert
    expect(summary.suggestedFilename()).toBe('gongxu-summary-350000.xlsx');
    const xlsx = readFileSync((await summary.path())!);
    expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as .xlsx files are
    await expect
      .poll(() => textOf(page.getByTestId('export-status')))
      .toBe('已下载：gongxu-summary-350000.xlsx');

    // Act: the supply list as CSV
    const [supply] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-supply-csv').click(),
    ]);

    // Assert: the organizer's copy has the contacts
    expect(supply.suggestedFilename()).toBe('gongxu-supply-350000.csv');
    const supplyCsv = readFileSync((await supply.path())!, 'utf8');
    expect(supplyCsv).toContain('编号,企业,地点,状态,产品规格');
    expect(supplyCsv).toContain('三明闽光钢铁有限公司（演示）');
    expect(supplyCsv).toContain('13905981234');

    // Act: one city and one category, in English
    await page.getByTestId('lang-switch').click();
    await page.locator('#lists-region-city').selectOption({ label: '福州市' });
    await page.locator('#lists-category').selectOption({ label: 'Cement' });
    await page.getByTestId('lists-submit').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('total-demand'))).toBe('12,000');
    expect(await textOf(page.getByTestId('total-supply'))).toBe('8,000');
    expect(await page.locator('[data-testid="lists-table"] tbody tr').count()).toBe(2);
    expect(await textOf(page.locator('[data-testid="lists-table"] tbody tr').first())).toContain(
      'Ordinary Portland cement P.O 42.5',
    );
    await expect.poll(() => page.locator('.chart-canvas[data-ready="true"] svg').count()).toBe(1);
    await screenshot(page, 'lists-en');

    // Act: the demand list of that city, in English
    const [demand] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-demand-csv').click(),
    ]);

    // Assert
    expect(demand.suggestedFilename()).toBe('gongxu-demand-350100.csv');
    const demandCsv = readFileSync((await demand.path())!, 'utf8');
    expect(demandCsv).toContain('ID,Organisation,Place,Status,Project');
    expect(demandCsv).toContain('福州滨海快线（演示）');
    expect(demandCsv).not.toContain('rebar'); // cement only
    expectNoPageErrors(open);
  });
});
