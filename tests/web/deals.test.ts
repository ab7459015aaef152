import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * The deal ledger end to end on the real stack: the builder and a cement maker confirm a match (the
 * demand keeps 12,000 − 7,000 t), the builder records a 7,500 t contract at ¥420.50 on the match
 * page (the amount is worked out as it types), the maker confirms it on a phone from its deal list,
 * uploads the scan of the signed paper, and the demand's remaining drops by the 500 t beyond the
 * match's reservation — not by 7,500 t again.
 */
const BUILDER = 'builder@demo.gongxu.cn';
const CEMENT = 'cement@demo.gongxu.cn';
const CEMENT_ORG = '闽西水泥有限公司（演示）';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe.skipIf(skipBrowserTests)('deals: record, confirm on a phone, the signed paper (browser)', () => {
  let web: WebHarness;
  let matchId: string;
  let demandId: string;
  const tokens = new Map<string, string>();

  async function api<T>(email: string, method: string, path: string, body: unknown = {}): Promise<T> {
    let token = tokens.get(email);
    if (!token) {
      const signIn = await fetch(`${web.stack.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      token = ((await signIn.json()) as { token: string }).token;
      tokens.set(email, token);
    }
    const response = await fetch(`${web.stack.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  async function signedIn(email: string, path: string, size?: { width: number; height: number }) {
    const open = await web.open('/sign-in', size);
    await signInThroughForm(open.page, email);
    await open.page.waitForURL((url) => url.pathname === '/');
    await open.page.goto(path);
    return open;
  }

  const remaining = async () =>
    (await api<{ remaining: number }>(BUILDER, 'GET', `/listings/${demandId}`)).remaining;

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    const mine = await api<{ items: { id: string; specId: string; quantity: number }[] }>(
      BUILDER,
      'GET',
      '/listings/mine?kind=demand',
    );
    const demand = mine.items.find((l) => l.specId === 'cement-po-42.5' && l.quantity === 12000);
    if (!demand) throw new Error('the demo cement demand of 福州滨海快线 is missing');
    demandId = demand.id;
    let matches: { id: string; offerOrgName: string }[] = [];
    for (let attempt = 0; attempt < 240 && !matches.some((m) => m.offerOrgName === CEMENT_ORG); attempt++) {
      await web.stack.drainStreams().catch(() => {}); // a busy machine: keep polling the matches instead
      matches = (await api<{ items: typeof matches }>(BUILDER, 'GET', `/listings/${demandId}/matches`)).items;
      if (!matches.some((m) => m.offerOrgName === CEMENT_ORG)) await new Promise((r) => setTimeout(r, 250));
    }
    matchId = matches.find((m) => m.offerOrgName === CEMENT_ORG)!.id;
    await api(BUILDER, 'POST', `/matches/${matchId}/accept`);
    const confirmed = await api<{ status: string }>(CEMENT, 'POST', `/matches/${matchId}/accept`);
    expect(confirmed.status).toBe('confirmed');
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  it('lets the builder record a contract on the match page, with the amount worked out exactly', async () => {
    // Arrange
    expect(await remaining()).toBe(5000);
    const open = await signedIn(BUILDER, `/matches/${matchId}`);
    const { page } = open;

    // Act
    await page.getByTestId('deal-record-open').click();
    await page.getByTestId('deal-document-contract').check();
    await page.getByTestId('deal-quantity').fill('7500');
    await page.getByTestId('deal-unit-price').fill('420.50');

    // Assert: 7,500 × 420.50 = 3,153,750.00
    await expect
      .poll(() => textOf(page.getByTestId('deal-amount-preview')))
      .toBe('金额（自动计算）：¥3,153,750.00');

    // Act
    await page.getByTestId('deal-submit').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('deal-recorded'))).toBe('已登记，等待对方确认。');
    const row = page.getByTestId('match-deals').getByTestId('deal-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await textOf(row.getByTestId('deal-status'))).toBe('合同待确认');
    expect(await textOf(row.getByTestId('deal-amount'))).toBe('¥3,153,750.00');
    expect(await remaining()).toBe(5000);
    await screenshot(page, 'deals-recorded-on-match-zh');
    expectNoPageErrors(open);
  });

  it('lets the cement maker confirm it on a phone and attach the signed paper; the demand drops by what is beyond the reservation', async () => {
    // Arrange
    const open = await signedIn(CEMENT, '/deals', { width: 390, height: 844 });
    const { page } = open;

    // Act: open the deal from the list
    const row = page.getByTestId('deal-row').first();
    await expect.poll(() => textOf(row)).toContain('合同待确认');
    await row.getByRole('link').click();
    await page.waitForURL(/\/deals\/[0-9A-Z]{26}$/);
    await page.getByTestId('deal-action-confirmContract').click();

    // Assert: signed, 7,500 t drawn of which the match had reserved 7,000
    await expect.poll(() => textOf(page.getByTestId('deal-status'))).toBe('已签合同');
    expect(await textOf(page.getByTestId('deal-drawn'))).toContain('7,500 吨');
    expect(await textOf(page.getByTestId('deal-detail-amount'))).toBe('¥3,153,750.00');
    expect(await remaining()).toBe(4500);

    // Act: the scan of the signed paper
    await page
      .getByTestId('deal-file-input')
      .setInputFiles({ name: '合同.png', mimeType: 'image/png', buffer: PNG });

    // Assert
    await expect.poll(() => textOf(page.getByTestId('deal-file-message'))).toBe('文件已上传。');
    await expect.poll(() => textOf(page.getByTestId('deal-file-meta'))).toContain('PNG');
    await page.getByTestId('deal-file-view').click();
    await expect.poll(() => page.getByTestId('deal-file-image').count()).toBe(1);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(page, 'deals-confirmed-phone-zh');
    expectNoPageErrors(open);
  });
});
