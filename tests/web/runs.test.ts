import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  chineseTextOn,
  DEMO_PASSWORD,
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * Organizers' matching runs on the real stack with the stream handler on: the Fujian department
 * starts a goods run over 福建省 (350000), follows it to done, reads the totals with the saving
 * against nearest-first greedy, the certificate and the flow map, pages the proposals and
 * publishes; then a shared-employee run; and a builder is kept out.
 */

const ORGANIZER = 'organizer@demo.gongxu.cn';

interface ApiRun {
  id: string;
  status: string;
  proposalCount: number;
  publishedMatches: number;
  totals: { cost: number; placedShare: number; greedy?: { cost: number } };
}

describe.skipIf(skipBrowserTests)('matching runs (browser)', () => {
  let web: WebHarness;

  async function api<T>(email: string, path: string): Promise<T> {
    const signIn = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const { token } = (await signIn.json()) as { token: string };
    const response = await fetch(`${web.stack.url}/api${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return (await response.json()) as T;
  }

  async function signedIn(email: string) {
    const open = await web.open('/sign-in');
    await signInThroughForm(open.page, email);
    await open.page.waitForURL((url) => url.pathname === '/');
    return open;
  }

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    await web.stack.drainStreams();
  });

  afterAll(async () => {
    await web?.close();
  });

  it('runs goods matching over Fujian: progress, totals against greedy, certificate, map, proposals, publish', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.getByRole('navigation').getByRole('link', { name: '撮合计算' }).click();
    await page.waitForURL('**/runs');
    await expect.poll(() => textOf(page.locator('h1'))).toBe('撮合计算');
    // the department's own province is chosen already
    await expect.poll(() => page.locator('#f-region').inputValue()).toBe('350000');
    expect(await page.getByTestId('run-kind-goods').isChecked()).toBe(true);
    await screenshot(page, 'runs-start-zh');

    // the run finishes in a blink: hold its first polls at "running" to see the progress bar
    let held = 0;
    await page.route(/\/api\/matching-runs\/[0-9A-Z]{26}$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      if (held++ >= 3) return route.fulfill({ response, json: body });
      const { totals: _totals, ...rest } = body;
      return route.fulfill({
        response,
        json: { ...rest, status: 'running', stage: 'solving', progress: 0.3 },
      });
    });

    // Act
    await page.getByTestId('run-start').click();

    // Assert: its own page shows the progress, then follows the run to done
    await page.waitForURL(/\/runs\/[0-9A-Z]{26}$/);
    const progress = page.getByTestId('run-progress');
    await expect.poll(() => progress.getAttribute('aria-valuenow')).toBe('30');
    expect(await textOf(page.locator('.run-progress'))).toContain('求解最优方案');
    await screenshot(page, 'runs-progress-zh');
    const runId = new URL(page.url()).pathname.split('/').pop()!;
    const runPage = page.getByTestId('run-page');
    await expect.poll(() => runPage.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(held).toBeGreaterThan(3);
    await page.unroute(/\/api\/matching-runs\/[0-9A-Z]{26}$/);
    const run = await api<ApiRun>(ORGANIZER, `/matching-runs/${runId}`);
    expect(run.status).toBe('done');
    const greedyCost = run.totals.greedy!.cost;
    const saving = (greedyCost - run.totals.cost) / greedyCost;
    expect(saving).toBeGreaterThan(0);

    // the totals, and the one line against greedy
    const totals = page.getByTestId('run-totals');
    await expect
      .poll(() => textOf(page.getByTestId('run-greedy')))
      .toContain(`比就近优先贪心算法节省 ${(saving * 100).toFixed(1).replace(/\.0$/, '')}% 运费`);
    expect(await textOf(page.getByTestId('stat-placed'))).toContain('100%');
    expect(await textOf(page.getByTestId('stat-in-province'))).toContain('100%');
    expect(await textOf(page.getByTestId('stat-unit-km'))).toMatch(/运输量（吨公里）\s+[\d,]+/);
    expect(await textOf(page.getByTestId('stat-cost'))).toContain(
      `¥${new Intl.NumberFormat('en').format(run.totals.cost)}`,
    );
    expect(await page.getByTestId('run-certified').getAttribute('data-certified')).toBe('true');
    expect(await textOf(page.getByTestId('run-certified'))).toContain('最优性已验证');
    expect(await textOf(totals)).toMatch(/\d+ 条供给 · \d+ 条需求 · \d+ 个可行配对/);

    // the flow map: one line per supplier→site pair, dots for suppliers and sites, thicker for more
    const map = page.getByTestId('flow-map').locator('svg[role="img"]');
    await expect.poll(() => map.locator('path.flow').count()).toBe(run.proposalCount);
    expect(await map.locator('circle.supplier').count()).toBe(3);
    expect(await map.locator('rect.site').count()).toBe(3);
    const widths = await map
      .locator('path.flow')
      .evaluateAll((paths) =>
        paths.map((p) => [Number(p.getAttribute('data-quantity')), Number(p.getAttribute('stroke-width'))]),
      );
    const [biggest] = [...widths].sort((a, b) => b[0]! - a[0]!);
    expect(Math.max(...widths.map((w) => w[1]!))).toBe(biggest![1]);
    expect(await map.getAttribute('aria-label')).toContain(`${run.proposalCount} 条流向`);
    // the region's cities for orientation
    expect(await map.locator('.map-context text').allTextContents()).toContain('福州市');

    // the proposals table with reasons in words
    const rows = page.getByTestId('proposal-row');
    await expect.poll(() => rows.count()).toBe(run.proposalCount);
    const putian = rows.filter({ hasText: '6,000 吨' });
    await putian.locator('summary').click();
    await expect
      .poll(() => textOf(putian))
      .toMatch(
        /较近的供应商闽清闽江建材有限公司（演示）（\d+(\.\d)? 公里）已被福州滨海快线（演示）（5,000 吨）用完/,
      );
    await screenshot(page, 'runs-done-zh');
    await page.getByTestId('flow-map').screenshot({ path: 'tests/web/screenshots/runs-map-zh.png' });

    // Act: publish
    await page.getByTestId('run-publish-button').click();

    // Assert
    await expect.poll(() => runPage.getAttribute('data-status'), { timeout: 20_000 }).toBe('published');
    const published = await api<ApiRun>(ORGANIZER, `/matching-runs/${runId}`);
    expect(published.status).toBe('published');
    const notice = page.getByTestId('run-published');
    await expect
      .poll(() => textOf(notice))
      .toContain(`已发布：新发送 ${published.publishedMatches} 条撮合。`);
    const skipped = published.proposalCount - published.publishedMatches;
    if (skipped > 0) expect(await textOf(notice)).toContain(`${skipped} 条建议的双方已有同一配对的撮合`);
    expect(await textOf(page.getByTestId('run-status'))).toBe('已发布');
    await screenshot(page, 'runs-published-zh');

    // Act: back to the list
    await page.getByRole('link', { name: '返回撮合计算' }).click();
    await page.waitForURL('**/runs');

    // Assert
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect.poll(() => textOf(row)).toContain('已发布');
    expect(await textOf(row)).toContain('福建省');
    expect(await textOf(row)).toContain('100%');
    expectNoPageErrors(open);
  });

  it('reads in English: the saving against greedy, the certificate and the map', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.getByTestId('lang-switch').click();
    await page.getByRole('navigation').getByRole('link', { name: 'Matching runs' }).click();
    const row = page.getByTestId('run-row').first();
    await expect.poll(() => textOf(row)).toContain('Published');

    // Act
    await row.getByRole('link', { name: 'Open' }).click();

    // Assert
    await expect
      .poll(() => textOf(page.getByTestId('run-greedy')))
      .toMatch(/^[\d.]+% less freight than nearest-first greedy/);
    expect(await textOf(page.getByTestId('run-certified'))).toContain('Optimality certified');
    expect(await textOf(page.getByTestId('stat-unit-km'))).toContain('Transport (tonne-km)');
    await expect
      .poll(() => page.getByTestId('flow-map').locator('svg[role="img"] path.flow').count())
      .toBeGreaterThan(0);
    await expect.poll(() => textOf(page.getByTestId('run-proposals'))).toContain('Estimated freight');
    const data = ['（演示）', '福建', '州', '中文', '郑敏', '龙岩', '三明', '莆田', '宁德', '南平', '厦门'];
    const leftover = (await chineseTextOn(page)).filter((line) => !data.some((d) => line.includes(d)));
    expect(leftover).toEqual([]);
    await screenshot(page, 'runs-done-en');
    expectNoPageErrors(open);
  });

  it('runs shared-employee matching: headcount placed, person-km, no greedy line, the lender on the map', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.goto('/runs');
    await expect.poll(() => page.locator('#f-region').inputValue()).toBe('350000');

    // Act
    await page.getByTestId('run-kind-labour').check();
    await page.getByTestId('run-start').click();
    await page.waitForURL(/\/runs\/[0-9A-Z]{26}$/);

    // Assert
    await expect
      .poll(() => page.getByTestId('run-page').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('done');
    expect(await textOf(page.getByTestId('stat-placed'))).toContain('50%');
    expect(await textOf(page.getByTestId('stat-unit-km'))).toContain('通勤（人公里）');
    expect(await textOf(page.getByTestId('stat-cost'))).toContain('人均通勤');
    expect(await textOf(page.getByTestId('stat-cost'))).toContain('162 公里');
    expect(await page.getByTestId('run-greedy').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('flow-map').locator('svg[role="img"] path.flow').count())
      .toBe(1);
    const row = page.getByTestId('proposal-row').first();
    expect(await textOf(row)).toContain('6 人');
    await row.locator('summary').click();
    await expect.poll(() => textOf(row)).toContain('持有所需证书：');
    expect(await textOf(row)).toMatch(/通勤距离 162\.1 公里（出借方可接受 200 公里内）/);
    await screenshot(page, 'runs-labour-zh');
    expectNoPageErrors(open);
  });

  it('keeps the runs away from organisations that are not organizers', async () => {
    // Arrange
    const open = await signedIn('builder@demo.gongxu.cn');
    const { page } = open;
    expect(await page.getByRole('navigation').getByRole('link', { name: '撮合计算' }).count()).toBe(0);

    // Act
    await page.goto('/runs');

    // Assert: the API's refusal, in words
    await expect.poll(() => textOf(page.locator('.load-error'))).toContain('加载失败');
  });
});
