import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { DEMO_PASSWORD } from '../../functions/local/demo-data.ts';
import { type LocalStack, startLocalStack } from '../../functions/local/stack.ts';
import type { Clock } from '../../functions/shared/clock.ts';
import { launchBrowser } from '../setup/browser.ts';
import { ensureWebBuilt } from '../setup/build-web.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';

/**
 * The real local stack for browser tests: the built bundle, the API and a fresh table (with the
 * demo data) on the run's DynamoDB Local, and a Chromium to drive it.
 */

export { DEMO_PASSWORD };

const SCREENSHOTS = join(import.meta.dirname, 'screenshots');

export interface WebHarness {
  stack: LocalStack;
  browser: Browser;
  /** A fresh browser profile (own localStorage and sessionStorage) on a page of the app. */
  open(path?: string, options?: { width?: number; height?: number }): Promise<OpenPage>;
  close(): Promise<void>;
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and console errors seen so far (a CSP violation shows up here too). */
  errors: string[];
}

/** `streams: true` runs the stream handler (live matching, matching runs); wait on it with `stack.drainStreams()`. */
export async function startWebHarness(
  options: { streams?: boolean; clock?: Clock } = {},
): Promise<WebHarness> {
  const webDist = await ensureWebBuilt();
  const [stack, browser] = await Promise.all([
    startLocalStack({
      dynamoEndpoint: testDynamoEndpoint(),
      tableName: `web-${randomUUID()}`,
      seedDemo: true,
      streams: options.streams ?? false,
      webDist,
      ...(options.clock ? { clock: options.clock } : {}),
    }),
    launchBrowser(),
  ]);
  // The demo's 供应清单/需求清单 totals (and, with streams on, its live matching) follow the table's
  // stream: a page must not be opened before they have caught up with the seeded data.
  await stack.drainStreams();
  const contexts: BrowserContext[] = [];
  return {
    stack,
    browser,
    async open(path = '/', options = {}) {
      const context = await browser.newContext({
        baseURL: stack.url,
        viewport: { width: options.width ?? 1280, height: options.height ?? 820 },
      });
      contexts.push(context);
      // well inside the test's own timeout, so a stuck step names itself
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        // a 4xx the test provokes on purpose is logged by Chromium as a failed resource load
        if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) {
          errors.push(`console: ${message.text()}`);
        }
      });
      await page.goto(path);
      return { context, page, errors };
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close();
      await stack.stop();
    },
  };
}

/** Saves a full-page screenshot to tests/web/screenshots/<name>.png (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // from the top: a full-page capture of a scrolled page draws the sticky top bar mid-page
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Signs in through the form (in whichever language the page is in). */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/sign-in')) await page.goto('/sign-in');
  await page.locator('#f-email').fill(email);
  await page.locator('#f-password').fill(password);
  await page.locator('form button[type="submit"]').click();
}

/** The text a user sees in an element, as Playwright renders it (line breaks between blocks). */
export function textOf(locator: Locator): Promise<string> {
  return locator.innerText();
}

/** Text a user can read on the page that is written in Chinese characters. */
export async function chineseTextOn(page: Page, root = 'body'): Promise<string[]> {
  const text = await textOf(page.locator(root));
  return text.split('\n').filter((line) => /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/.test(line));
}

export function expectNoPageErrors(open: OpenPage): void {
  expect(open.errors).toEqual([]);
}
