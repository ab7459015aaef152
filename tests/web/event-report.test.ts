import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fenToYuanText } from '../../functions/contract/money.ts';
import type { EventReport, RegionDashboard } from '../../functions/contract/report.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { inDays, today } from '../setup/listing-inputs.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

const ORGANIZER = 'organizer@demo.gongxu.cn';
const STEEL = 'steel@demo.gongxu.cn';

/**
 * The event report in Chromium on the real local stack: the organizer opens it from the event page,
 * sees the figures and the charts (ECharts loaded on demand), downloads the .xlsx — read back with
 * exceljs, the same figures as the API's report — and prints it without menus or buttons; a firm
 * is refused. Then the region dashboard counts the event and its signed value.
 */
describe.skipIf(skipBrowserTests)('the event report (browser)', () => {
  let web: WebHarness;
  let eventId: string;
  const tokens = new Map<string, string>();

  async function api<T>(
    email: string,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
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
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  beforeAll(async () => {
    web = await startWebHarness();
    // The demo event, and a contract both sides reported on paper, recorded there by the organizer
    // between an enrolled supply and an enrolled demand (it counts at once).
    const mine = await api<{ items: { id: string; title: string }[] }>(ORGANIZER, 'GET', '/events/mine');
    eventId = mine.body.items.find((e) => e.title.includes('（演示）'))!.id;
    const registrations = await api<{
      items: { orgName: string; listings: { id: string; kind: string; item: string }[] }[];
    }>(ORGANIZER, 'GET', `/events/${eventId}/registrations`);
    const enrolled = registrations.body.items.flatMap((r) => r.listings);
    const supply = enrolled.find((l) => l.kind === 'supply' && l.item.startsWith('rebar'))!;
    const demand = enrolled.find((l) => l.kind === 'demand' && l.item.startsWith('rebar'))!;
    const deal = await api<{ id: string; status: string; eventId: string }>(ORGANIZER, 'POST', '/deals', {
      offerListingId: supply.id,
      needListingId: demand.id,
      eventId,
      document: 'contract',
      quantity: 12.345,
      unitPrice: '3987.65',
      deliveryFrom: today,
      deliveryUntil: inDays(30),
      deliveryAdcode: '350102',
    });
    expect(deal.status, JSON.stringify(deal.body)).toBe(201);
    expect(deal.body).toMatchObject({ status: 'contract', eventId });
  });

  afterAll(async () => {
    await web?.close();
  });

  it('shows the organizer the figures and charts, downloads the same figures as .xlsx, and prints without menus', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, ORGANIZER);
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`/events/${eventId}`);
    const report = (await api<EventReport>(ORGANIZER, 'GET', `/events/${eventId}/report`)).body;

    // Act
    await page.getByTestId('event-report-link').click();

    // Assert: the departments' format and the figures, exactly as the API counts them
    await page.waitForURL((url) => url.pathname === `/events/${eventId}/report`);
    await expect.poll(() => textOf(page.getByTestId('dept-deals'))).toBe(String(report.department.deals));
    expect(report.deals.contracts.valueFen).toBe('4922754');
    expect(await textOf(page.getByTestId('dept-yi'))).toBe(report.department.valueYi);
    expect(await textOf(page.getByTestId('dept-wan'))).toBe('4.92');
    expect(await textOf(page.getByTestId('deals-contract-value'))).toBe('¥49,227.54');
    expect(await textOf(page.getByTestId('participants-approved'))).toBe(
      String(report.participants.approved),
    );
    expect(await textOf(page.getByTestId('meetings-scheduled'))).toBe(String(report.meetings.scheduled));
    await expect.poll(() => page.locator('.chart-canvas[data-ready="true"] svg').count()).toBe(2);
    expect(await textOf(page.getByTestId('report-by-region'))).toContain('三明市');
    await screenshot(page, 'event-report-zh');

    // Act: the workbook
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-download').click(),
    ]);

    // Assert: read back, the same figures as the API
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(readFileSync((await download.path())!)).buffer);
    const summary = new Map<string, unknown>();
    book
      .getWorksheet('概况')!
      .eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('活动名称')).toBe(report.title);
    expect(summary.get('审核通过')).toBe(report.participants.approved);
    expect(summary.get('安排洽谈')).toBe(report.meetings.scheduled);
    expect(summary.get('合同数')).toBe(report.deals.contracts.count);
    expect((summary.get('合同金额（元）') as number).toFixed(2)).toBe(
      fenToYuanText(BigInt(report.deals.contracts.valueFen)),
    );
    const department = book.getWorksheet('部门报表')!.getRow(2);
    expect([1, 2, 3].map((c) => department.getCell(c).value)).toEqual([
      report.department.events,
      report.department.firms,
      report.department.deals,
    ]);
    expect((department.getCell(4).value as number).toFixed(4)).toBe(report.department.valueYi);
    expect((department.getCell(5).value as number).toFixed(2)).toBe(report.department.valueWan);
    await expect.poll(() => page.getByTestId('report-downloaded').count()).toBe(1);

    // Act: on paper
    await page.emulateMedia({ media: 'print' });

    // Assert: no menu, no buttons; the figures stay
    expect(await page.getByTestId('report-download').isVisible()).toBe(false);
    expect(await page.getByTestId('report-print').isVisible()).toBe(false);
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('dept-yi').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expectNoPageErrors(open);
  });

  it("refuses a firm the event's report", async () => {
    // Arrange
    const open = await web.open('/sign-in');
    await signInThroughForm(open.page, STEEL);
    await open.page.waitForURL((url) => url.pathname === '/');

    // Act
    await open.page.goto(`/events/${eventId}/report`);

    // Assert
    await expect.poll(() => open.page.locator('.load-error').count()).toBe(1);
    expect(await open.page.getByTestId('event-report').count()).toBe(0);
    expect((await api(STEEL, 'GET', `/events/${eventId}/report`)).status).toBe(403);
  });

  it('counts the event and its signed value on the region dashboard, in English too', async () => {
    // Arrange
    const open = await web.open('/sign-in');
    const { page } = open;
    await signInThroughForm(page, ORGANIZER);
    await page.waitForURL((url) => url.pathname === '/');
    const event = (await api<{ days: { date: string }[] }>(ORGANIZER, 'GET', `/events/${eventId}`)).body;
    const month = event.days[0]!.date.slice(0, 7);
    const dashboard = (await api<RegionDashboard>(ORGANIZER, 'GET', `/events/dashboard?month=${month}`)).body;
    expect(dashboard.department.deals).toBe(1);

    // Act
    await page.getByRole('navigation').getByRole('link', { name: '区域看板' }).click();
    await page.waitForURL((url) => url.pathname === '/dashboard');
    await page.getByTestId('dashboard-month').fill(month);
    await page.getByTestId('dashboard-submit').click();

    // Assert: every city of Fujian against the target; the demo event is province-wide
    await expect.poll(() => page.getByTestId('dashboard-city').count()).toBe(dashboard.cities.length + 1);
    expect(await textOf(page.getByTestId('dashboard-total-deals'))).toBe(String(dashboard.department.deals));
    expect(await textOf(page.getByTestId('dashboard-total-yi'))).toBe(dashboard.department.valueYi);
    expect(await page.locator(`[data-testid="dashboard-event"][data-event="${eventId}"]`).count()).toBe(1);
    const fuzhou = page.locator('[data-testid="dashboard-city"][data-city="350100"]');
    expect(await textOf(fuzhou.getByTestId('dashboard-city-held'))).toBe('0 / 10');
    // province-wide events count towards no city's target: their row has no target bar or badge
    const wide = page.locator('[data-testid="dashboard-city"][data-city="350000"]');
    expect(await textOf(wide.getByTestId('dashboard-city-held'))).toBe(String(dashboard.provinceWide!.held));
    expect(await wide.locator('.target-bar, .badge').count()).toBe(0);
    await screenshot(page, 'region-dashboard-zh');

    // Act: in English
    await page.getByTestId('lang-switch').click();

    // Assert
    await expect.poll(() => textOf(page.getByTestId('page-title'))).toBe('Region dashboard');
    expect(await textOf(page.getByTestId('dashboard-cities'))).toContain('Below target');
    expectNoPageErrors(open);
  });
});
