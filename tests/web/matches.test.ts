import type { Page } from 'playwright-core';
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
 * Matches end to end on the real stack with live matching on: the builder's 福州滨海快线 cement
 * demand (12,000 t of P.O 42.5) draws proposals from two cement makers (7,000 t and 5,000 t, the
 * regional optimum); the builder accepts one,
 * the maker confirms it from its inbox, both sides then see each other's contact and the demand's
 * remaining quantity drops; after the builder cuts its need, confirming the other fails with a clear 409.
 */

const BUILDER = {
  email: 'builder@demo.gongxu.cn',
  org: '福建交通建设集团有限公司（演示）',
  contact: '黄伟',
  phone: '13600591234',
};
const CEMENT = {
  email: 'cement@demo.gongxu.cn',
  org: '闽西水泥有限公司（演示）',
  contact: '陈志强',
  phone: '13859001122',
};
const MINJIANG = { email: 'minjiang@demo.gongxu.cn', org: '闽清闽江建材有限公司（演示）' };
const PROJECT = '福州滨海快线（演示）';

interface ApiMatch {
  id: string;
  offerListingId: string;
  offerOrgName: string;
  status: string;
  quantity: number;
  counterpartContact?: { name: string; phone: string };
}

describe.skipIf(skipBrowserTests)('matches: proposals, accept, confirm, contacts (browser)', () => {
  let web: WebHarness;
  let demandId: string;
  let cementMatch: ApiMatch;
  let minjiangMatch: ApiMatch;
  const tokens = new Map<string, string>();

  async function token(email: string): Promise<string> {
    const known = tokens.get(email);
    if (known) return known;
    const response = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const body = (await response.json()) as { token: string };
    tokens.set(email, body.token);
    return body.token;
  }

  async function api<T>(
    email: string,
    method: string,
    path: string,
    body: unknown = {},
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${web.stack.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${await token(email)}`, 'content-type': 'application/json' },
      body: method === 'GET' ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  const demandMatches = async () =>
    (await api<{ items: ApiMatch[] }>(BUILDER.email, 'GET', `/listings/${demandId}/matches`)).body.items;

  async function signedIn(email: string, path: string) {
    const open = await web.open('/sign-in');
    await signInThroughForm(open.page, email);
    await open.page.waitForURL((url) => url.pathname === '/');
    await open.page.goto(path);
    return open;
  }

  const card = (page: Page, org: string) =>
    page.locator(`[data-testid="match-card"][data-counterpart="${org}"]`);

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    await web.stack.drainStreams();
    const mine = await api<{ items: Array<{ id: string; kind: string; specId: string; quantity: number }> }>(
      BUILDER.email,
      'GET',
      '/listings/mine?kind=demand',
    );
    const demand = mine.body.items.find((l) => l.specId === 'cement-po-42.5' && l.quantity === 12000);
    if (!demand) throw new Error('the demo cement demand of 福州滨海快线 is missing');
    demandId = demand.id;
    // live matching proposes from both cement makers once the stream handler has run
    let matches: ApiMatch[] = [];
    for (let attempt = 0; attempt < 60 && matches.length < 2; attempt++) {
      await web.stack.drainStreams();
      matches = await demandMatches();
      if (matches.length < 2) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(matches.map((m) => m.offerOrgName).sort()).toEqual([MINJIANG.org, CEMENT.org].sort());
    cementMatch = matches.find((m) => m.offerOrgName === CEMENT.org)!;
    minjiangMatch = matches.find((m) => m.offerOrgName === MINJIANG.org)!;
  });

  afterAll(async () => {
    await web?.close();
  });

  it("shows both suppliers' proposals on the demand's own page, with their reasons and no contact yet", async () => {
    // Arrange
    const open = await signedIn(BUILDER.email, `/listings/${demandId}`);
    const { page } = open;

    // Act: the listing page mounts the matches block
    const block = page.locator('#listing-matches [data-testid="match-block"]');

    // Assert
    await expect.poll(() => block.getByTestId('match-card').count(), { timeout: 15_000 }).toBe(2);
    expect(await textOf(block.getByTestId('listing-matches-count'))).toBe('2');
    expect(await textOf(card(page, CEMENT.org))).toContain('距离 261 公里（配送半径 300 公里内）');
    expect(await textOf(card(page, MINJIANG.org))).toContain('距离 62.6 公里（配送半径 150 公里内）');
    expect(await block.getByTestId('contact-hidden').count()).toBe(2);
    expect(await block.getByTestId('match-accept').count()).toBe(2);
    await screenshot(page, 'matches-listing-page-zh');
    expectNoPageErrors(open);
  });

  it('shows the builder both proposals in its inbox and on the match page, with reasons and no contact yet', async () => {
    // Arrange
    const open = await signedIn(BUILDER.email, '/');
    const { page } = open;

    // Act: the inbox from the menu
    await page.getByRole('navigation').getByRole('link', { name: '消息' }).click();
    await page.waitForURL('**/inbox');

    // Assert: both makers' proposals, newest first, marked new
    const items = page.getByTestId('inbox-item');
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(2);
    const cementItem = page.locator(`[data-testid="inbox-item"][data-match-id="${cementMatch.id}"]`);
    const minjiangItem = page.locator(`[data-testid="inbox-item"][data-match-id="${minjiangMatch.id}"]`);
    await expect.poll(() => textOf(cementItem)).toContain('新的撮合建议');
    expect(await textOf(cementItem)).toContain(`${CEMENT.org} · 7,000 吨`);
    expect(await textOf(minjiangItem)).toContain(`${MINJIANG.org} · 5,000 吨`);
    await expect.poll(() => textOf(page.getByTestId('inbox-new-count'))).toMatch(/^\d+ 条新消息$/);
    await expect.poll(() => cementItem.getByTestId('inbox-accept').count()).toBe(1);
    await screenshot(page, 'matches-inbox-builder-zh');

    // Act: open the cement maker's proposal
    await cementItem.getByTestId('inbox-match-link').click();
    await page.waitForURL(`**/matches/${cementMatch.id}`);

    // Assert: the match, the demand it draws on, and the other supplier's proposal beside it
    await expect.poll(() => textOf(page.getByTestId('match-title'))).toContain('7,000 吨');
    const main = card(page, CEMENT.org);
    const other = card(page, MINJIANG.org);
    await expect.poll(() => textOf(other)).toContain('62.6 公里');
    expect(await textOf(main)).toContain('距离 261 公里（配送半径 300 公里内）');
    expect(await textOf(main)).toContain('省内配套（福建省）');
    expect(await textOf(main)).toMatch(/预估运费每吨 ¥104\.38，共 ¥[\d,]+/);
    expect(await textOf(main)).toContain('报价每吨 ¥420，不高于限价 ¥450');
    expect(await textOf(main.getByTestId('province-badge'))).toBe('省内');
    expect(await textOf(main.getByTestId('match-status'))).toBe('待双方接受');
    expect(await textOf(other)).toContain('距离 62.6 公里（配送半径 150 公里内）');
    expect(await main.getByTestId('contact-hidden').isVisible()).toBe(true);
    expect(await page.getByTestId('match-contact').count()).toBe(0);
    await expect.poll(() => textOf(page.getByTestId('own-listing'))).toContain(PROJECT);
    expect(await textOf(page.getByTestId('own-listing-remaining'))).toBe('剩余 12,000 吨，共 12,000 吨');
    expect(await page.title()).toContain('· 供需');
    await screenshot(page, 'matches-match-builder-proposed-zh');

    // Act: the builder accepts the cement maker's proposal
    await main.getByTestId('match-accept').click();

    // Assert
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('需求方已接受');
    await expect.poll(() => textOf(main.getByTestId('match-waiting'))).toBe('您已接受，等待对方确认');
    expect(await main.getByTestId('match-accept').count()).toBe(0);
    expect(await page.getByTestId('match-contact').count()).toBe(0);
    expect((await api<ApiMatch>(BUILDER.email, 'GET', `/matches/${cementMatch.id}`)).body.status).toBe(
      'accepted_by_need',
    );
    expectNoPageErrors(open);
  });

  it('lets the cement maker confirm from its inbox; both sides then see each other’s contact and the demand’s remaining drops', async () => {
    // Arrange
    const supplier = await signedIn(CEMENT.email, '/inbox');
    // the newest entry of the match (the builder's acceptance) carries the buttons; the proposal below it none
    const entries = supplier.page.locator(`[data-testid="inbox-item"][data-match-id="${cementMatch.id}"]`);
    await expect.poll(() => entries.count()).toBe(2);
    const item = entries.first();
    expect(await item.getAttribute('data-event')).toBe('accepted');
    expect(await textOf(item)).toContain('一方已接受撮合');
    expect(await entries.nth(1).getAttribute('data-event')).toBe('proposed');
    expect(await entries.nth(1).getByTestId('inbox-actions').count()).toBe(0);
    await expect.poll(() => textOf(item)).toContain(BUILDER.org);
    await expect.poll(() => textOf(item.getByTestId('inbox-accept'))).toBe('确认成交');
    expect(await textOf(item.getByTestId('match-status'))).toBe('需求方已接受');

    // Act: the second acceptance confirms
    await item.getByTestId('inbox-accept').click();

    // Assert: said at the top, and the confirmation arrives as the match's newest entry
    await expect
      .poll(() => textOf(supplier.page.getByTestId('inbox-notice')))
      .toBe('撮合已确认，双方可直接联系。');
    await expect.poll(() => entries.count()).toBe(3);
    const newest = entries.first();
    expect(await newest.getAttribute('data-event')).toBe('confirmed');
    expect(await textOf(newest)).toContain('撮合已确认成交');
    expect(await supplier.page.getByTestId('inbox-accept').count()).toBe(1); // only the 莆田 proposal is left open
    const times = await supplier.page
      .locator('[data-testid="inbox-item"] time')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime') ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    await screenshot(supplier.page, 'matches-inbox-supplier-confirmed-zh');

    // Act: the supplier opens the match
    await newest.getByTestId('inbox-match-link').click();
    await supplier.page.waitForURL(`**/matches/${cementMatch.id}`);

    // Assert: the builder's contact person and phone
    const contact = supplier.page.locator(
      `[data-testid="match-card"][data-match-id="${cementMatch.id}"] [data-testid="match-contact"]`,
    );
    await expect.poll(() => textOf(contact.getByTestId('contact-name'))).toBe(BUILDER.contact);
    expect(await textOf(contact.getByTestId('contact-phone'))).toBe(BUILDER.phone);
    const confirmedCard = supplier.page.locator(
      `[data-testid="match-card"][data-match-id="${cementMatch.id}"]`,
    );
    expect(await confirmedCard.getByTestId('contact-hidden').count()).toBe(0);
    // its other proposal (莆田, still open) keeps the builder's contact hidden
    const open = supplier.page.locator('[data-testid="match-card"][data-status="proposed"]');
    expect(await open.getByTestId('contact-hidden').count()).toBe(1);
    await screenshot(supplier.page, 'matches-match-supplier-confirmed-zh');
    expectNoPageErrors(supplier);

    // Act: the builder looks at the same match
    const builder = await signedIn(BUILDER.email, `/matches/${cementMatch.id}`);

    // Assert: the cement maker's contact, and 7,000 t fewer left on the demand
    const main = card(builder.page, CEMENT.org);
    await expect.poll(() => textOf(main.getByTestId('contact-name'))).toBe(CEMENT.contact);
    expect(await textOf(main.getByTestId('contact-phone'))).toBe(CEMENT.phone);
    expect(await textOf(main.getByTestId('match-status'))).toBe('已确认成交');
    expect(await main.getByTestId('match-cancel').count()).toBe(1);
    await expect
      .poll(() => textOf(builder.page.getByTestId('own-listing-remaining')))
      .toBe('剩余 5,000 吨，共 12,000 吨');
    const demand = await api<{ remaining: number; quantity: number }>(
      BUILDER.email,
      'GET',
      `/listings/${demandId}`,
    );
    expect(demand.body).toMatchObject({ quantity: 12000, remaining: 5000 });
    // the other supplier still sees no contact: its match is not confirmed
    const theirs = await api<ApiMatch>(MINJIANG.email, 'GET', `/matches/${minjiangMatch.id}`);
    expect(theirs.body.counterpartContact).toBeUndefined();
    await screenshot(builder.page, 'matches-match-builder-confirmed-zh');
    expectNoPageErrors(builder);
  });

  it('says clearly why a second supplier cannot be confirmed once the demand is used up (409)', async () => {
    // Arrange: the project's need is cut to what is already confirmed; the other maker accepts anyway
    const cut = await api<{ remaining: number }>(BUILDER.email, 'PATCH', `/listings/${demandId}`, {
      quantity: 7000,
    });
    expect(cut.body.remaining).toBe(0);
    const accepted = await api<ApiMatch>(MINJIANG.email, 'POST', `/matches/${minjiangMatch.id}/accept`);
    expect(accepted.body.status).toBe('accepted_by_offer');
    const open = await signedIn(BUILDER.email, `/matches/${cementMatch.id}`);
    const other = card(open.page, MINJIANG.org);
    await expect.poll(() => textOf(other.getByTestId('match-status'))).toBe('供应方已接受');
    expect(await textOf(other)).toContain('对方已接受，您确认后即成交');

    // Act
    await other.getByTestId('match-accept').click();

    // Assert: the 409 in words, and nothing changed
    const error = other.getByTestId('match-error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('insufficient_remaining');
    expect(await textOf(error)).toBe(
      '剩余数量不足，无法确认：需求方清单的剩余数量已少于本次撮合的 5,000 吨（可能已与其他单位成交）。',
    );
    expect(await textOf(other.getByTestId('match-status'))).toBe('供应方已接受');
    expect((await api<ApiMatch>(BUILDER.email, 'GET', `/matches/${minjiangMatch.id}`)).body.status).toBe(
      'accepted_by_offer',
    );
    await screenshot(open.page, 'matches-insufficient-zh');
    expectNoPageErrors(open);
  });

  it('refreshes a match the other side declined meanwhile instead of showing a raw conflict', async () => {
    // Arrange: the builder has the 莆田 proposal open; then the cement maker declines it
    const mine = await api<{ items: Array<{ id: string; specId: string; quantity: number }> }>(
      BUILDER.email,
      'GET',
      '/listings/mine?kind=demand',
    );
    const putian = mine.body.items.find((l) => l.specId === 'cement-po-42.5' && l.quantity === 6000)!;
    const [proposal] = (
      await api<{ items: ApiMatch[] }>(BUILDER.email, 'GET', `/listings/${putian.id}/matches`)
    ).body.items;
    const open = await signedIn(BUILDER.email, `/matches/${proposal!.id}`);
    const main = open.page.locator(`[data-testid="match-card"][data-match-id="${proposal!.id}"]`);
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('待双方接受');
    expect((await api<ApiMatch>(CEMENT.email, 'POST', `/matches/${proposal!.id}/decline`)).body.status).toBe(
      'declined',
    );

    // Act
    await main.getByTestId('match-accept').click();

    // Assert
    await expect
      .poll(() => textOf(main.getByTestId('match-error')))
      .toBe('这条撮合的状态刚刚发生了变化（可能对方已操作），已为您刷新。');
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('已拒绝');
    expect(await main.getByTestId('match-accept').count()).toBe(0);
    expectNoPageErrors(open);
  });

  it('reads the same in English after the language switch (reasons, statuses, contact)', async () => {
    // Arrange
    const open = await signedIn(BUILDER.email, `/matches/${cementMatch.id}`);
    const { page } = open;
    const main = card(page, CEMENT.org);
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('已确认成交');

    // Act
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('Confirmed');
    const text = await textOf(main);
    expect(text).toContain('261 km away (within the 300 km delivery radius)');
    expect(text).toContain('Stays within the province (福建省)');
    expect(text).toMatch(/Estimated freight CN¥104\.38 per tonne, CN¥[\d,]+ in all/);
    expect(text).toContain('Their contact details');
    expect(await textOf(page.getByTestId('own-listing-remaining'))).toBe('0 t left of 7,000 t');
    const other = card(page, MINJIANG.org);
    expect(await textOf(other.getByTestId('match-status'))).toBe('Accepted by the supplier');
    // Chinese is left only in data: names of organisations, people, the project and places
    const data = [
      BUILDER.org,
      CEMENT.org,
      MINJIANG.org,
      PROJECT,
      CEMENT.contact,
      BUILDER.contact,
      '福建省',
      '中文',
    ];
    const leftover = (await chineseTextOn(page)).filter((line) => !data.some((d) => line.includes(d)));
    expect(leftover).toEqual([]);
    await screenshot(page, 'matches-match-builder-en');

    // Act: the inbox in English
    await page.getByRole('navigation').getByRole('link', { name: 'Inbox' }).click();
    await page.waitForURL('**/inbox');

    // Assert
    await expect.poll(() => textOf(page.locator('h1'))).toBe('Inbox');
    await expect.poll(() => textOf(page.getByTestId('inbox-list'))).toContain('Match confirmed');
    expect(await textOf(page.getByTestId('inbox-list'))).toContain(`${CEMENT.org} · 7,000 t`);
    await screenshot(page, 'matches-inbox-builder-en');
    expectNoPageErrors(open);
  });

  it('shows the terms the supplier accepted, and refuses a confirmation once it changed its price, saying the acceptance was voided', async () => {
    // Arrange: the builder has the 闽江 proposal open, which the supplier accepted at its price
    const open = await signedIn(BUILDER.email, `/matches/${minjiangMatch.id}`);
    const { page } = open;
    const main = page.locator(`[data-testid="match-card"][data-match-id="${minjiangMatch.id}"]`);
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('供应方已接受');
    const terms = main.getByTestId('match-terms');
    await expect.poll(() => textOf(terms)).toMatch(/^供应方于 .+ 接受的条款/);
    const price = terms.locator('[data-testid="terms-offer"] [data-field="unitPrice"] dd');
    const before = await textOf(price);
    expect(before).toMatch(/^¥[\d,.]+$/);
    expect(await textOf(terms.getByTestId('terms-need'))).toContain('最高限价（元）');
    // ... then the supplier raises its price
    const supply = await api<{ unitPrice: number }>(
      MINJIANG.email,
      'GET',
      `/listings/${minjiangMatch.offerListingId}`,
    );
    const raised = await api<{ unitPrice: number }>(
      MINJIANG.email,
      'PATCH',
      `/listings/${minjiangMatch.offerListingId}`,
      { unitPrice: supply.body.unitPrice + 30 },
    );
    expect(raised.status).toBe(200);

    // Act: the builder confirms what it has on screen
    await main.getByTestId('match-accept').click();

    // Assert: refused in words, the match reloaded: voided, with the new terms to accept
    const error = main.getByTestId('match-error');
    await expect.poll(() => error.getAttribute('data-code')).toBe('terms_changed');
    expect(await textOf(error)).toBe(
      '供应方的清单条款刚刚变更，此前的接受已作废；已为您刷新，请查看新条款后再接受。',
    );
    await expect.poll(() => textOf(main.getByTestId('match-status'))).toBe('待双方接受');
    expect(await textOf(main.getByTestId('terms-voided'))).toMatch(
      /^供应方于 .+ 修改了清单的单价（元），此前的接受已作废，需双方按新条款重新接受。$/,
    );
    expect(await textOf(terms)).toContain('当前条款（现在接受即按此条款）');
    expect(await textOf(price)).not.toBe(before);
    expect((await api<ApiMatch>(BUILDER.email, 'GET', `/matches/${minjiangMatch.id}`)).body.status).toBe(
      'proposed',
    );
    await screenshot(page, 'matches-terms-voided-zh');

    // Act: the same in English
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect
      .poll(() => textOf(main.getByTestId('terms-voided')))
      .toMatch(
        /^On .+ the supplier changed its listing's Unit price \(CNY\); earlier acceptances were voided/,
      );
    expect(await textOf(terms)).toContain('Current terms (accepting now accepts these)');
    expectNoPageErrors(open);
  });
});
