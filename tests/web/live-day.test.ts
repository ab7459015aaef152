import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveConsoleView } from '../../functions/contract/live.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { demandBody, inDays, supplyBody } from '../setup/listing-inputs.ts';
import { DEMO_PASSWORD, expectNoPageErrors, startWebHarness, textOf, type WebHarness } from './web-stack.ts';

/**
 * The live day in Chromium on the real local stack: an event of the demo department with a published
 * schedule; the hall's big screen (public, by its token) open in a browser context of its own; the
 * organizer checks a firm in by the token its QR code carries, and the screen shows it within 2 s,
 * without a reload (the local server pushes the change over server-sent events).
 */

const ORGANIZER = 'organizer@demo.gongxu.cn';
const STEEL = 'steel@demo.gongxu.cn';
const BUILDER = 'builder@demo.gongxu.cn';

describe.skipIf(skipBrowserTests)('the live day (browser)', () => {
  let web: WebHarness;
  let eventId = '';
  const tokens: Record<string, string> = {};

  async function apiCall<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const response = await fetch(`${web.stack.url}/api${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'idempotency-key': crypto.randomUUID(),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
    return parsed;
  }

  beforeAll(async () => {
    web = await startWebHarness();
    for (const email of [ORGANIZER, STEEL, BUILDER]) {
      tokens[email] = (
        await apiCall<{ token: string }>('POST', '/auth/sign-in', undefined, {
          email,
          password: DEMO_PASSWORD,
        })
      ).token;
    }
    const event = await apiCall<{ id: string }>('POST', '/events', tokens[ORGANIZER], {
      title: '福建省钢材产销对接会（现场大屏测试）',
      kind: 'goods',
      categories: ['steel'],
      region: '350000',
      mode: 'venue',
      venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路 1 号', tables: 2 },
      days: [{ date: inDays(10), start: '09:00', end: '12:00' }],
      meetingMinutes: 20,
      bufferMinutes: 0,
      registrationDeadline: inDays(5),
      capacity: 20,
    });
    eventId = event.id;
    await apiCall('POST', `/events/${eventId}/publish`, tokens[ORGANIZER], {});
    const steelListing = await apiCall<{ id: string }>('POST', '/listings', tokens[STEEL], {
      ...supplyBody({ quantity: 300, adcode: '350403' }),
      status: 'open',
    });
    const builderListing = await apiCall<{ id: string }>('POST', '/listings', tokens[BUILDER], {
      ...demandBody({ quantity: 200, adcode: '350102' }),
      status: 'open',
    });
    for (const [email, listingId] of [
      [STEEL, steelListing.id],
      [BUILDER, builderListing.id],
    ] as const) {
      const r = await apiCall<{ id: string }>('POST', `/events/${eventId}/registrations`, tokens[email], {
        listingIds: [listingId],
        people: 2,
      });
      await apiCall('POST', `/events/${eventId}/registrations/${r.id}/approve`, tokens[ORGANIZER], {});
    }
    const me = await apiCall<{ org: { id: string } }>('GET', '/me', tokens[BUILDER]);
    const asked = await apiCall<{ id: string }>(
      'POST',
      `/events/${eventId}/meeting-requests`,
      tokens[STEEL],
      {
        toOrgId: me.org.id,
      },
    );
    await apiCall('POST', `/events/${eventId}/meeting-requests/${asked.id}/accept`, tokens[BUILDER], {});
    await apiCall('POST', `/events/${eventId}/schedule`, tokens[ORGANIZER], {});
    await apiCall('POST', `/events/${eventId}/schedule/publish`, tokens[ORGANIZER], {});
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  it('shows a QR check-in on the big screen of a second browser within 2 s, without a reload', async () => {
    // Arrange: the console gives the screen's address and each firm's QR URL.
    const live = await apiCall<LiveConsoleView>('GET', `/events/${eventId}/live`, tokens[ORGANIZER]);
    const screen = await web.open(live.dashboardPath, { width: 1920, height: 1080 });
    const { page } = screen;
    await expect.poll(() => textOf(page.getByTestId('live-checked-in'))).toBe('0');
    await page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const qrUrl = live.participants[0]!.checkInUrl;

    // Act: the organizer's phone scanned the code: the console posts the scanned URL.
    const started = Date.now();
    await apiCall('POST', `/events/${eventId}/live/check-ins`, tokens[ORGANIZER], {
      token: `${web.stack.url}${qrUrl}`,
    });
    await page.waitForFunction(
      () => document.querySelector('[data-testid="live-checked-in"]')?.textContent?.trim() === '1',
      undefined,
      { timeout: 5_000 },
    );
    const elapsed = Date.now() - started;

    // Assert
    expect(elapsed).toBeLessThan(2_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(await textOf(page.getByTestId('live-screen'))).not.toMatch(/1[3-9]\d{9}|@demo\.gongxu\.cn/);
    expectNoPageErrors(screen);
  });
});
