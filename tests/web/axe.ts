import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * axe-core in the browser tests: its source is injected into every document of a context (as an
 * init script, so the page's Content-Security-Policy, which forbids inline scripts, does not stop
 * it), then run on the page as it stands. Rules: WCAG 2.0/2.1 levels A and AA.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export async function injectAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: AXE_SOURCE });
}

interface AxeNode {
  target: string[];
  failureSummary?: string;
  html: string;
}
interface AxeViolation {
  id: string;
  impact?: string;
  help: string;
  nodes: AxeNode[];
}

/**
 * Waits until the page has settled (a heading shown, nothing loading), then runs axe on the whole
 * document. Returns one line per violating node: `label: rule — selector — what to fix`.
 */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  await page.waitForFunction(() => {
    if (!document.querySelector('h1')) return false;
    if (document.querySelector('.loading, .spinner, [aria-busy="true"]')) return false;
    return !/加载中…|Loading…/.test(document.body.innerText);
  });
  // fonts and the last frame's layout, so colours and sizes are final
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const violations = await page.evaluate(
    async (tags) =>
      (
        await (
          window as unknown as {
            axe: { run: (context: Document, options: unknown) => Promise<{ violations: unknown[] }> };
          }
        ).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      ).violations,
    AXE_TAGS,
  );
  return (violations as AxeViolation[]).flatMap((v) =>
    v.nodes.map(
      (n) =>
        `${label}: ${v.id} (${v.impact ?? '?'}) — ${n.target.join(' ')} — ${(n.failureSummary ?? v.help)
          .replace(/\s+/g, ' ')
          .slice(0, 240)} — ${n.html.slice(0, 160)}`,
    ),
  );
}
