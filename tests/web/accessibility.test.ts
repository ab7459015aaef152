import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipBrowserTests } from '../setup/browser.ts';
import { axeViolations, injectAxe } from './axe.ts';
import { DEMO_PASSWORD, signInThroughForm, startWebHarness, type WebHarness } from './web-stack.ts';

/**
 * Every page of the app, for each role, in Chinese and in English, checked with axe-core (WCAG 2.x
 * A and AA: contrast, names and labels, landmarks, headings, language). A violation fails the test
 * naming the page, the language, the rule and the element. One browser; pages one after another;
 * each page is checked once it has settled (heading shown, nothing loading).
 */

const STEEL = 'steel@demo.gongxu.cn';
const CEMENT = 'cement@demo.gongxu.cn';
const BUILDER = 'builder@demo.gongxu.cn';
const ORGANIZER = 'organizer@demo.gongxu.cn';
const ADMIN = 'admin@demo.gongxu.cn';
const CEMENT_ORG = '闽西水泥有限公司（演示）';

/** Fails listing every violation, one a line (also written to tests/web/screenshots/axe-violations.txt). */
function expectNone(violations: string[]): void {
  if (violations.length > 0) {
    mkdirSync(join(import.meta.dirname, 'screenshots'), { recursive: true });
    appendFileSync(
      join(import.meta.dirname, 'screenshots', 'axe-violations.txt'),
      `${violations.join('\n')}\n`,
    );
  }
  expect(violations.join('\n')).toBe('');
}

describe.skipIf(skipBrowserTests)('accessibility: axe on every page, every role, zh and en (browser)', () => {
  let web: WebHarness;
  const tokens = new Map<string, string>();
  const ids = {
    eventId: '',
    steelOrgId: '',
    builderOrgId: '',
    supplyId: '',
    demandId: '',
    matchId: '',
    dealId: '',
    runId: '',
    screenPath: '',
    checkInPath: '',
  };

  async function api<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
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
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
      },
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const parsed = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    const event = await api<{ items: { id: string }[] }>(ORGANIZER, 'GET', '/events');
    ids.eventId = event.items[0]!.id;
    ids.steelOrgId = (await api<{ org: { id: string } }>(STEEL, 'GET', '/me')).org.id;
    ids.builderOrgId = (await api<{ org: { id: string } }>(BUILDER, 'GET', '/me')).org.id;
    const supplies = await api<{ items: { id: string }[] }>(STEEL, 'GET', '/listings/mine?kind=supply');
    ids.supplyId = supplies.items[0]!.id;
    const demands = await api<{ items: { id: string; specId: string; quantity: number }[] }>(
      BUILDER,
      'GET',
      '/listings/mine?kind=demand',
    );
    const cement = demands.items.find((l) => l.specId === 'cement-po-42.5' && l.quantity === 12000)!;
    ids.demandId = cement.id;
    // a confirmed match (live matching, through the stream) and a deal recorded on it
    let matches: { id: string; offerOrgName: string }[] = [];
    for (let attempt = 0; attempt < 240 && !matches.some((m) => m.offerOrgName === CEMENT_ORG); attempt++) {
      await web.stack.drainStreams().catch(() => {});
      matches = (await api<{ items: typeof matches }>(BUILDER, 'GET', `/listings/${ids.demandId}/matches`))
        .items;
      if (!matches.some((m) => m.offerOrgName === CEMENT_ORG)) await new Promise((r) => setTimeout(r, 250));
    }
    ids.matchId = matches.find((m) => m.offerOrgName === CEMENT_ORG)!.id;
    await api(BUILDER, 'POST', `/matches/${ids.matchId}/accept`);
    await api(CEMENT, 'POST', `/matches/${ids.matchId}/accept`);
    const today = new Date().toISOString().slice(0, 10);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    ids.dealId = (
      await api<{ id: string }>(BUILDER, 'POST', '/deals', {
        matchId: ids.matchId,
        document: 'contract',
        quantity: 1000,
        unitPrice: '420.50',
        deliveryFrom: today,
        deliveryUntil: later,
        deliveryAdcode: '350102',
      })
    ).id;
    // a finished matching run over Fujian
    ids.runId = (
      await api<{ id: string }>(ORGANIZER, 'POST', '/matching-runs', { kind: 'goods', region: '350000' })
    ).id;
    for (let attempt = 0; attempt < 480; attempt++) {
      await web.stack.drainStreams().catch(() => {});
      const run = await api<{ status: string }>(ORGANIZER, 'GET', `/matching-runs/${ids.runId}`);
      if (!['queued', 'running'].includes(run.status)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // the demo event's big screen and a participant's check-in code
    const live = await api<{ dashboardPath: string }>(ORGANIZER, 'GET', `/events/${ids.eventId}/live`);
    ids.screenPath = live.dashboardPath;
    const agenda = await api<{ checkInUrl?: string }>(STEEL, 'GET', `/events/${ids.eventId}/agenda`);
    ids.checkInPath = new URL(agenda.checkInUrl!, web.stack.url).pathname;
  }, 240_000);

  afterAll(async () => {
    await web?.close();
  });

  /** Visits each path in both languages (in one tab, signed in as `email` if given); returns the violations. */
  async function check(email: string | undefined, paths: () => string[]): Promise<string[]> {
    const found: string[] = [];
    let checked = 0;
    const context: BrowserContext = await web.browser.newContext({
      baseURL: web.stack.url,
      viewport: { width: 1280, height: 820 },
      reducedMotion: 'reduce',
    });
    try {
      context.setDefaultTimeout(20_000);
      await injectAxe(context);
      const page: Page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      await page.goto('/sign-in');
      if (email) {
        await signInThroughForm(page, email);
        await page.waitForURL((url) => url.pathname === '/');
      }
      for (const lang of ['zh', 'en'] as const) {
        await page.evaluate((value) => localStorage.setItem('gongxu.lang', value), lang);
        for (const path of paths()) {
          await page.goto(path);
          await expect
            .poll(() => page.evaluate(() => document.documentElement.lang))
            .toBe(lang === 'zh' ? 'zh-CN' : 'en');
          const label = `${email ?? 'anonymous'} ${lang} ${path}`;
          found.push(...(await axeViolations(page, label)));
          // the page itself was checked, not the box that says it could not be loaded
          expect(await page.locator('.load-error').count(), label).toBe(0);
          checked++;
        }
      }
      expect(errors).toEqual([]);
      expect(checked).toBe(2 * paths().length);
    } finally {
      await context.close();
    }
    return found;
  }

  it('anonymous: sign-in, register, the public event page, the big screen, a check-in link', async () => {
    const violations = await check(undefined, () => [
      '/sign-in',
      '/register',
      `/event/${ids.eventId}`,
      ids.screenPath,
      ids.checkInPath,
    ]);
    expectNone(violations);
  });

  it('a manufacturer: home, profile, listings, search, inbox, match, deals, imports, events, agenda, not found', async () => {
    const violations = await check(STEEL, () => [
      '/',
      `/orgs/${ids.steelOrgId}`,
      '/listings/new/supply',
      '/listings/mine/supply',
      `/listings/${ids.supplyId}`,
      `/listings/${ids.supplyId}/edit`,
      '/listings/search',
      '/inbox',
      '/deals',
      '/imports',
      '/events',
      `/events/${ids.eventId}`,
      `/events/${ids.eventId}/agenda`,
      '/no-such-page',
      '/admin/users',
    ]);
    expectNone(violations);
  });

  it('a builder: demands, labour request, the match, the deal', async () => {
    const violations = await check(BUILDER, () => [
      '/',
      '/listings/new/demand',
      '/listings/new/labour_request',
      '/listings/mine/demand',
      `/listings/${ids.demandId}`,
      `/listings/${ids.demandId}/edit`,
      `/matches/${ids.matchId}`,
      '/deals',
      `/deals/${ids.dealId}`,
    ]);
    expectNone(violations);
  });

  it('an organizer: lists, runs, a run, invitations, events and their pages, live console, report, dashboard', async () => {
    const violations = await check(ORGANIZER, () => [
      '/',
      '/lists',
      '/runs',
      `/runs/${ids.runId}`,
      '/imports',
      '/invitations',
      '/events',
      '/events/new',
      `/events/${ids.eventId}`,
      `/events/${ids.eventId}/edit`,
      `/events/${ids.eventId}/registrations`,
      `/events/${ids.eventId}/schedule`,
      `/events/${ids.eventId}/timetable`,
      `/events/${ids.eventId}/live`,
      `/events/${ids.eventId}/report`,
      `/events/${ids.eventId}/carry-over`,
      '/dashboard',
      `/orgs/${ids.builderOrgId}`,
      ids.checkInPath,
    ]);
    expectNone(violations);
  });

  it('shows a visible focus ring on the dark header: white, 2px, at least 3:1 against it', async () => {
    const context = await web.browser.newContext({ baseURL: web.stack.url });
    try {
      const page = await context.newPage();
      await page.goto('/sign-in');
      await signInThroughForm(page, BUILDER);
      await page.waitForURL((url) => url.pathname === '/');
      // by keyboard, from the top of the page, until the header's language switch has the focus
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if (await page.getByTestId('lang-switch').evaluate((el) => el === document.activeElement)) break;
      }
      const ring = await page.getByTestId('lang-switch').evaluate((el) => {
        const style = getComputedStyle(el);
        const header = getComputedStyle(el.closest('header')!);
        return {
          focused: el === document.activeElement && el.matches(':focus-visible'),
          outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
          header: header.backgroundColor,
        };
      });
      expect(ring).toEqual({
        focused: true,
        outline: 'solid 2px rgb(255, 255, 255)',
        header: 'rgb(11, 61, 117)', // --blue-800: white on it is 11:1
      });
    } finally {
      await context.close();
    }
  });

  it('the platform admin: home, accounts (with one found), a new organisation', async () => {
    const violations = await check(ADMIN, () => [
      '/',
      `/admin/users?email=${encodeURIComponent(BUILDER)}`,
      '/admin/orgs/new',
    ]);
    expectNone(violations);
  });
});
