import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * Notifications in Chromium on the local stack with its stream running: live matching proposes the
 * demo cement makers to the builder's demand, the stream tells the builder's user, the badge on the
 * inbox link counts it, the inbox lists it in Chinese and English, marking all read clears the badge,
 * the settings save (a number is asked for before SMS), and the e-mails are in the local outbox.
 */

const BUILDER = 'builder@demo.gongxu.cn';
const CEMENT_ORG = '闽西水泥有限公司（演示）';

describe.skipIf(skipBrowserTests)('notifications (browser)', () => {
  let web: WebHarness;

  async function apiAs<T>(email: string, path: string): Promise<T> {
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

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    // live matching proposes, then the notifications follow from the inbox entries' own records
    let told = false;
    for (let attempt = 0; attempt < 120 && !told; attempt++) {
      await web.stack.drainStreams();
      const mine = await apiAs<{ items: { kind: string; subject: { zh: string } }[] }>(
        BUILDER,
        '/me/notifications',
      );
      told = mine.items.some((n) => n.kind === 'match_proposed' && n.subject.zh.includes(CEMENT_ORG));
      if (!told) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(told).toBe(true);
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the counterpart the unread badge and the proposal in Chinese and English; reading all clears the badge', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, BUILDER);
    await page.waitForURL((url) => url.pathname === '/');

    // Act: the badge on the inbox link, then the inbox
    const badge = page.getByTestId('inbox-unread');
    await expect.poll(async () => Number((await textOf(badge)).match(/^\d+/)?.[0] ?? 0)).toBeGreaterThan(0);
    await page.locator('a.nav-link[href="/inbox"]').click();
    await page.waitForURL('**/inbox');
    const proposal = page
      .locator('[data-testid="notification"][data-kind="match_proposed"]')
      .filter({ hasText: CEMENT_ORG })
      .first();

    // Assert: Chinese, then English
    await expect.poll(() => textOf(proposal)).toContain('新的供需匹配');
    expect(await textOf(proposal)).toContain('吨');
    expect(await proposal.getAttribute('data-unread')).toBe('true');
    await page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(proposal)).toContain('New match proposed');
    expect(await textOf(proposal)).toMatch(/\d t\b/);
    expect(await proposal.getByTestId('notification-link').getAttribute('href')).toMatch(/^\/matches\//);

    // Act: mark all read
    await page.getByTestId('notifications-read-all').click();

    // Assert
    await expect.poll(() => page.getByTestId('inbox-unread').count()).toBe(0);
    await expect.poll(() => proposal.getAttribute('data-unread')).toBe('false');
    const after = await apiAs<{ unread: number }>(BUILDER, '/me/notifications/unread');
    expect(after.unread).toBe(0);
    expectNoPageErrors(open);
  });

  it('saves the settings: SMS asks for a mobile number first, then the choice stays after a reload', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, BUILDER);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto('/inbox');
    await page.getByTestId('notification-settings').locator('summary').click();

    // Act: SMS for new proposals without a number
    await page.getByTestId('pref-match_proposed-sms').check();
    await page.getByTestId('pref-match_expired-email').uncheck();
    await page.getByTestId('prefs-save').click();

    // Assert: refused on the number, in Chinese
    await expect.poll(() => textOf(page.getByTestId('mobile-error'))).toBe('选择短信通知时须填写手机号码');

    // Act: with a number
    await page.locator('#f-mobile').fill('13905981234');
    await page.getByTestId('prefs-save').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('prefs-saved'))).toBe('通知设置已保存。');
    await page.reload();
    await page.getByTestId('notification-settings').locator('summary').click();
    await expect.poll(() => page.getByTestId('pref-match_proposed-sms').isChecked()).toBe(true);
    expect(await page.getByTestId('pref-match_expired-email').isChecked()).toBe(false);
    expect(await page.locator('#f-mobile').inputValue()).toBe('13905981234');
    const saved = await apiAs<{ mobile: string; kinds: Record<string, { email: boolean; sms: boolean }> }>(
      BUILDER,
      '/me/notification-preferences',
    );
    expect(saved.mobile).toBe('13905981234');
    expect(saved.kinds.match_proposed).toEqual({ email: true, sms: true });
    expectNoPageErrors(open);
  });

  it('lists the e-mails it would have sent on the local outbox page', async () => {
    // Act
    const open = await web.open('/_local/outbox');

    // Assert
    const rows = open.page.locator('tr[data-channel="email"]').filter({ hasText: BUILDER });
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    expect(await textOf(rows.first())).toContain('新的供需匹配');
    expect(await textOf(rows.first())).toContain(`${web.stack.url}/matches/`);
  });
});
