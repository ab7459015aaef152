import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSheet } from '../../functions/imports/workbook.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { inDays, today } from '../setup/listing-inputs.ts';
import {
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

const seed = Date.now() % 1_000_000;
const FIRMS = {
  yongan: { name: `永安示范钢铁有限公司${seed}`, creditCode: makeCreditCode({ seed, region: '350481' }) },
  // a Fujian firm: the Fujian department's import is held to its jurisdiction (issue 12)
  fuzhou: {
    name: `福州示范防护用品有限公司${seed}`,
    creditCode: makeCreditCode({ seed: seed + 1, region: '350104' }),
  },
};

/** An organizer's survey sheet: three good rows (two firms not yet registered), two bad ones. */
function surveyCsv(): string {
  const until = inDays(60);
  return [
    '企业名称,统一社会信用代码,产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话',
    `${FIRMS.yongan.name},${FIRMS.yongan.creditCode},HRB400E Φ25,"1,000",吨,福建省三明市永安市,300,${today},${until},3900,张工,13905980001`,
    `${FIRMS.yongan.name},${FIRMS.yongan.creditCode},HRB400E Φ16,600,吨,福建省三明市永安市,300,${today},${until},,张工,13905980001`,
    `${FIRMS.yongan.name},${FIRMS.yongan.creditCode},不存在的产品,100,吨,福建省三明市永安市,300,${today},${until},,张工,13905980001`,
    `${FIRMS.fuzhou.name},${FIRMS.fuzhou.creditCode},KN95口罩,-5,万只,福建省福州市仓山区,1500,${today},${until},2.2,王工,12345`,
    `${FIRMS.fuzhou.name},${FIRMS.fuzhou.creditCode},KN95口罩,10,万只,福建省福州市仓山区,1500,${today},${until},2.2,王工,13905910001`,
  ].join('\n');
}

describe.skipIf(skipBrowserTests)('importing lists from a spreadsheet (browser)', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWebHarness();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('lets an organizer import a survey for firms: every bad row reported with its row, column and reason, then the good rows imported with a progress bar, and they show up', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'organizer@demo.gongxu.cn');
    await page.getByRole('navigation').getByRole('link', { name: '批量导入' }).click();
    await expect.poll(() => textOf(page.getByTestId('import-hint'))).toContain('企业名称、统一社会信用代码');

    // Act: the organizer's template
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('template-csv').click(),
    ]);

    // Assert: two more columns for the firm
    expect(template.suggestedFilename()).toBe('gongxu-supply-template.csv');
    const templateText = readFileSync((await template.path())!, 'utf8');
    expect(templateText.split('\n')[0]).toContain('企业名称*,统一社会信用代码*,产品规格*');

    // Act: upload the survey
    await page.getByTestId('import-file').setInputFiles({
      name: '三明摸底表.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(surveyCsv(), 'utf8'),
    });
    await page.getByTestId('import-upload').click();

    // Assert: the report
    await expect.poll(() => textOf(page.getByTestId('import-good'))).toBe('有效 3 行');
    expect(await textOf(page.getByTestId('import-total'))).toBe('共 5 行');
    expect(await textOf(page.getByTestId('import-bad'))).toBe('有误 2 行');
    const errorRow = (row: number, field: string) =>
      page.locator(`[data-testid="import-errors"] tr[data-row="${row}"][data-field="${field}"]`);
    expect(await errorRow(4, 'specId').locator('td').allInnerTexts()).toEqual([
      '4',
      '产品规格',
      '产品规格不在目录中',
    ]);
    expect(await errorRow(5, 'quantity').locator('td').allInnerTexts()).toEqual([
      '5',
      '可供数量',
      '不能为负数',
    ]);
    expect(await errorRow(5, 'contact.phone').locator('td').allInnerTexts()).toEqual([
      '5',
      '联系电话',
      '电话号码格式不正确',
    ]);
    expect(await textOf(page.getByTestId('import-commit'))).toBe('导入 3 条有效数据');
    await screenshot(page, 'import-report-zh');

    // Act: the same report in English
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect
      .poll(() => errorRow(4, 'specId').locator('td').allInnerTexts())
      .toEqual(['4', '产品规格', 'Product spec is not a product spec in the catalogue']);
    expect(await textOf(page.getByTestId('import-commit'))).toBe('Import the 3 good rows');
    await screenshot(page, 'import-report-en');
    await page.getByTestId('lang-switch').click();

    // Act: import the good rows
    await page.getByTestId('import-commit').click();

    // Assert: the bar reaches 100 %, two firms were created
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-percent')).toBe('100');
    expect(await page.getByTestId('import-progress').evaluate((p) => (p as HTMLProgressElement).value)).toBe(
      100,
    );
    await expect.poll(() => textOf(page.getByTestId('import-done'))).toContain('导入完成：已导入 3 条');
    expect(await textOf(page.getByTestId('import-done'))).toContain('新建档并邀请 2 家企业');
    const firms = page.getByTestId('invited-firm');
    expect(await firms.count()).toBe(2);
    await firms.first().getByRole('button', { name: '生成邀请码' }).click();
    await expect
      .poll(() => textOf(firms.first().getByTestId('invite-code')))
      .toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await expect
      .poll(() => textOf(page.getByTestId('import-history')))
      .toMatch(/三明摸底表\.csv[\s\S]*已导入/);
    await screenshot(page, 'import-done-zh');

    // Act: find them
    await page.goto('/listings/search?kind=supply&region=350400&category=steel');

    // Assert: posted for the firm, with its contact visible to the organizer
    const imported = page.locator('[data-testid="listing-card"]', { hasText: FIRMS.yongan.name });
    await expect.poll(() => imported.count()).toBe(2);
    expect(await textOf(imported.first())).toContain('张工 · 13905980001');
    await imported.first().locator('a.listing-card-title').click();
    await expect.poll(() => textOf(page.locator('.page-lead'))).toContain('由对接组织方代为导入');
    expectNoPageErrors(open);
  });

  it('lets a firm upload an .xlsx with English headers and import none of it', async () => {
    // Arrange
    const sheet = await writeSheet(
      [
        [
          'Product spec',
          'Quantity',
          'Unit',
          'Ex-works place',
          'Delivery radius (km)',
          'Available from',
          'Available until',
          'Contact person',
          'Phone',
        ],
        ['P.O 42.5', 1200, 't', '350802', 300, today, inDays(30), 'Chen', '13859001122'],
        ['P.O 42.5', 800, 't', '350802', 300, inDays(30), today, 'Chen', '13859001122'],
      ],
      'xlsx',
    );
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'cement@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/imports');
    await expect.poll(() => textOf(page.getByTestId('import-hint'))).toBe('导入的信息以本单位名义发布。');

    // Act: no file, then a file of the wrong type
    await page.getByTestId('import-upload').click();
    await expect.poll(() => textOf(page.locator('.field.invalid .field-error'))).toBe('请选择要上传的文件');
    await page.getByTestId('import-file').setInputFiles({
      name: 'notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('hello'),
    });
    await page.getByTestId('import-upload').click();
    await expect
      .poll(() => textOf(page.locator('.field.invalid .field-error')))
      .toBe('只能上传 .xlsx 或 .csv 文件');

    // Act: the workbook
    await page.getByTestId('import-file').setInputFiles({
      name: 'cement.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(sheet),
    });
    await page.getByTestId('import-upload').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('import-good'))).toBe('有效 1 行');
    expect(await textOf(page.getByTestId('import-bad'))).toBe('有误 1 行');
    expect(
      await page
        .locator('[data-testid="import-errors"] tr[data-row="3"][data-field="availableUntil"] td')
        .allInnerTexts(),
    ).toEqual(['3', 'Available until', '结束日期不能早于开始日期']);

    // Act: import none
    await page.getByTestId('import-discard').click();

    // Assert
    await expect
      .poll(() => textOf(page.getByTestId('import-discarded')))
      .toBe('已放弃本次导入，没有导入任何数据');
    await expect.poll(() => textOf(page.getByTestId('import-history'))).toMatch(/cement\.xlsx[\s\S]*已放弃/);
    await screenshot(page, 'import-discarded-zh');
    expectNoPageErrors(open);
  });

  it('says why a file without the required columns cannot be read', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, 'steel@demo.gongxu.cn');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/imports');

    // Act
    await page.getByTestId('import-file').setInputFiles({
      name: 'wrong.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('名称,数量\n螺纹钢,100\n', 'utf8'),
    });
    await page.getByTestId('import-upload').click();

    // Assert: every missing column named
    await expect.poll(() => textOf(page.getByTestId('import-problem'))).toContain('文件未能通过检查');
    const problem = await textOf(page.getByTestId('import-problem'));
    expect(problem).toContain('缺少必填列“产品规格”');
    expect(problem).toContain('缺少必填列“联系电话”');
    expect(await page.getByTestId('import-report').count()).toBe(0);
    expectNoPageErrors(open);
  });
});
