import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * The one way tests get a browser: the system's Chromium (Debian's /usr/bin/chromium, or
 * CHROMIUM_PATH), driven by playwright-core. Without one, browser suites skip with a message on a
 * developer's machine and fail under CI (CI=true), where a missing browser is a broken setup.
 */

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const chromiumPath: string | undefined = CANDIDATES.find((p): p is string =>
  Boolean(p && existsSync(p)),
);

const ci = process.env.CI;
export const isCi = Boolean(ci && ci !== 'false' && ci !== '0');

/** True when browser suites should be skipped (no Chromium, not CI); says why once. */
export const skipBrowserTests: boolean = !chromiumPath && !isCi;
if (skipBrowserTests) {
  console.warn(
    'Browser tests skipped: no Chromium found (looked for CHROMIUM_PATH, /usr/bin/chromium, …). ' +
      'Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH. Under CI=true they fail instead.',
  );
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) {
    throw new Error(
      "No Chromium for the browser tests (CI=true makes this an error): install Debian's chromium or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}
