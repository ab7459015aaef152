import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { demandBody, inDays } from '../setup/listing-inputs.ts';
import {
  chineseTextOn,
  expectNoPageErrors,
  type OpenPage,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * A matchmaking event (产销对接会) from start to finish, in Chromium on the real stack: the Fujian
 * department creates and publishes an event; two suppliers (steel, cement) and two builders (the
 * demo's, and one that signs up for it) register with listings; the organizer approves them, runs
 * the event's matching round and publishes it; the firms accept their matches; one asks another for
 * a meeting and is accepted; the organizer builds and publishes the schedule; each side reads its
 * agenda on a phone, prints it (no menus on paper) and downloads it as an .ics file.
 */

const ORGANIZER = 'organizer@demo.gongxu.cn';
const STEEL = 'steel@demo.gongxu.cn';
const CEMENT = 'cement@demo.gongxu.cn';
const BUILDER = 'builder@demo.gongxu.cn';
const BUILDER2_NAME = '福建路桥建设有限公司（对接会测试）';
const BUILDER2_PASSWORD = 'Bridge-builder-2026';
const BUILDER2_EMAIL = `bridge-${Date.now()}@example.cn`;
const TITLE = '福建省钢材水泥重点项目产销对接会（测试）';
const PHONE = { width: 390, height: 844 };
const EVENT_DAY = inDays(20);

describe.skipIf(skipBrowserTests)('matchmaking events (browser)', () => {
  let web: WebHarness;
  let eventId = '';

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

  async function signedIn(email: string, size?: { width: number; height: number }, password?: string) {
    const open = await web.open('/sign-in', size);
    await signInThroughForm(open.page, email, password);
    await open.page.waitForURL((url) => url.pathname === '/');
    return open;
  }

  /** Opens the event from the menu's 对接活动, as a firm finds it. */
  async function openEventAsFirm(page: Page) {
    await page.goto(`/events?month=${EVENT_DAY.slice(0, 7)}`);
    await page.locator(`[data-testid="event-row"][data-event-id="${eventId}"] a`).click();
    await page.waitForURL(`**/events/${eventId}`);
    await expect.poll(() => textOf(page.getByTestId('event-title'))).toBe(TITLE);
  }

  beforeAll(async () => {
    web = await startWebHarness({ streams: true });
    await web.stack.drainStreams();
    // a second builder signs up for the event and posts the demand it brings
    const registered = await apiCall<{ session: { token: string } }>('POST', '/orgs/register', undefined, {
      org: {
        name: BUILDER2_NAME,
        creditCode: makeCreditCode({ seed: 9_2026, region: '350102' }),
        kinds: ['builder'],
        adcode: '350102',
        contact: { name: '郑工', phone: '13705911234' },
      },
      admin: { name: '郑工', email: BUILDER2_EMAIL, password: BUILDER2_PASSWORD },
    });
    await apiCall('POST', '/listings', registered.session.token, {
      ...demandBody({ projectName: '福州三江口大桥（测试）', specId: 'cement-po-42.5', quantity: 3000 }),
      status: 'open',
    });
    await web.stack.drainStreams();
  }, 180_000);

  afterAll(async () => {
    await web?.close();
  });

  it('tells an organizer with no events yet what to do first', async () => {
    // Arrange: the platform admin's organisation (Beijing) has run no events
    const open = await signedIn('admin@demo.gongxu.cn');
    const { page } = open;

    // Act
    await page.getByRole('navigation').getByRole('link', { name: '对接活动' }).click();

    // Assert
    await page.waitForURL('**/events');
    await expect.poll(() => textOf(page.getByTestId('events-empty'))).toContain('四步完成一场对接会');
    expect(await page.getByTestId('events-empty').getByRole('link', { name: '新建对接活动' }).count()).toBe(
      1,
    );
    await screenshot(page, 'events-empty-zh');
    expectNoPageErrors(open);
  });

  it('the organizer creates and publishes an event, which anyone can read without contacts', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.getByRole('navigation').getByRole('link', { name: '对接活动' }).click();
    await page.waitForURL('**/events');

    // Act: create
    await page.getByTestId('event-new').click();
    await page.waitForURL('**/events/new');
    await page.locator('#f-title').fill(TITLE);
    await page.getByTestId('event-kind-goods').check();
    await page.getByTestId('event-category-steel').check();
    await page.getByTestId('event-category-cement').check();
    // the whole province (the form starts from the department's own city)
    await expect.poll(() => page.locator('#f-region-city').inputValue()).toBe('350100');
    await page.locator('#f-region-city').selectOption('');
    await page.getByTestId('event-mode-venue').check();
    await page.locator('#f-venue-name').fill('福州海峡国际会展中心');
    await page.locator('#f-venue-address').fill('福州市仓山区会展路 1 号');
    await page.locator('#f-venue-tables').fill('2');
    await page.getByTestId('event-day-date').fill(EVENT_DAY);
    await page.getByTestId('event-day-start').fill('09:00');
    await page.getByTestId('event-day-end').fill('12:00');
    await page.locator('#f-meetingMinutes').fill('20');
    await page.locator('#f-registrationDeadline').fill(inDays(15));
    await page.locator('#f-capacity').fill('10');
    await screenshot(page, 'events-form-zh');
    await page.getByTestId('event-save').click();

    // Assert: a draft, with its steps
    await page.waitForURL(/\/events\/[0-9A-Z]{26}$/);
    eventId = new URL(page.url()).pathname.split('/').pop()!;
    await expect.poll(() => page.getByTestId('event-page').getAttribute('data-status')).toBe('draft');
    expect(await textOf(page.getByTestId('event-facts'))).toContain('福州海峡国际会展中心');

    // Act: publish
    await page.getByTestId('event-publish').click();

    // Assert
    await expect.poll(() => page.getByTestId('event-page').getAttribute('data-status')).toBe('published');
    expect(await page.getByTestId('event-publish').count()).toBe(0);
    await screenshot(page, 'events-published-zh');

    // the public page, signed out
    const visitor = await web.open(`/event/${eventId}`);
    await expect.poll(() => textOf(visitor.page.getByTestId('event-title'))).toBe(TITLE);
    const publicText = await textOf(visitor.page.getByTestId('public-event'));
    expect(publicText).toContain('如何参加');
    expect(publicText).toContain('福建省工业和信息化厅');
    expect(publicText).not.toMatch(/1[3-9]\d{9}/);
    await screenshot(visitor.page, 'events-public-zh');
    expectNoPageErrors(visitor);
    expectNoPageErrors(open);
  }, 120_000);

  it('two suppliers and two builders register with their listings', async () => {
    for (const [email, password] of [
      [STEEL, undefined],
      [CEMENT, undefined],
      [BUILDER, undefined],
      [BUILDER2_EMAIL, BUILDER2_PASSWORD],
    ] as const) {
      // Arrange
      const open = await signedIn(email, undefined, password);
      const { page } = open;
      await openEventAsFirm(page);
      const listings = page.getByTestId('apply-listing');
      await expect.poll(() => listings.count()).toBeGreaterThan(0);

      // Act: enrol every open listing, the whole morning, two people
      for (const box of await listings.all()) await box.check();
      await page.getByTestId('apply-people').fill('2');
      await page.getByTestId('apply-submit').click();

      // Assert
      await expect
        .poll(() => page.getByTestId('registration-status').getAttribute('data-status'))
        .toBe('applied');
      expect(await textOf(page.getByTestId('my-registration'))).toContain('等待组织方审核');

      // Assert: the firm finds the event among its registrations, whatever the month shown
      await page.goto('/events');
      const row = page.locator(`[data-testid="registered-event"][data-event-id="${eventId}"]`);
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.getByTestId('registration-status').getAttribute('data-status')).toBe('applied');
      expect(await textOf(row)).toContain(TITLE);
      expectNoPageErrors(open);
      await open.context.close();
    }
  }, 120_000);

  it('the organizer approves them, runs the round over the enrolled listings and publishes it', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.goto(`/events/${eventId}`);
    await page.getByTestId('event-registrations-link').click();
    const rows = page.getByTestId('registration-row');
    await expect.poll(() => rows.count()).toBe(4);

    // Act
    while ((await page.getByTestId('registration-approve').count()) > 0) {
      const before = await page.getByTestId('registration-approve').count();
      await page.getByTestId('registration-approve').first().click();
      await expect.poll(() => page.getByTestId('registration-approve').count()).toBe(before - 1);
    }

    // Assert
    await expect
      .poll(() => page.locator('[data-testid="registration-row"][data-status="approved"]').count())
      .toBe(4);
    expect(await textOf(page.locator('#registrations-title'))).toContain('已批准 4 / 10');
    await screenshot(page, 'events-registrations-zh');

    // Act: the round
    await page.goto(`/events/${eventId}`);
    await page.getByTestId('event-round').click();

    // Assert: the run page, over the event's listings only
    await page.waitForURL(/\/runs\/[0-9A-Z]{26}$/);
    const runPage = page.getByTestId('run-page');
    await expect.poll(() => runPage.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    await expect.poll(() => page.getByTestId('proposal-row').count()).toBeGreaterThan(0);
    await page.getByTestId('run-publish-button').click();
    await expect.poll(() => runPage.getAttribute('data-status'), { timeout: 20_000 }).toBe('published');
    expectNoPageErrors(open);
  }, 120_000);

  it('each firm accepts its matches for the event, and a meeting request is made and accepted', async () => {
    for (const [email, password] of [
      [STEEL, undefined],
      [CEMENT, undefined],
      [BUILDER, undefined],
      [BUILDER2_EMAIL, BUILDER2_PASSWORD],
    ] as const) {
      // Arrange
      const open = await signedIn(email, undefined, password);
      const { page } = open;
      await openEventAsFirm(page);
      const cards = page.getByTestId('event-matches').getByTestId('match-card');
      await expect.poll(() => cards.count()).toBeGreaterThan(0);

      // Act
      const accept = page.getByTestId('event-matches').getByTestId('match-accept');
      while ((await accept.count()) > 0) {
        const before = await accept.count();
        await accept.first().click();
        await expect.poll(() => accept.count()).toBe(before - 1);
      }

      // Assert: nothing left to answer on this side
      expect(await accept.count()).toBe(0);
      expectNoPageErrors(open);
      await open.context.close();
    }

    // Act: the steel maker asks the second builder for a meeting
    const steel = await signedIn(STEEL);
    await openEventAsFirm(steel.page);
    await steel.page.getByTestId('meeting-to').selectOption({ label: BUILDER2_NAME });
    await steel.page.getByTestId('meeting-ask').click();
    await expect
      .poll(() => steel.page.getByTestId('meeting-request').first().getAttribute('data-status'))
      .toBe('requested');
    expectNoPageErrors(steel);

    const builder2 = await signedIn(BUILDER2_EMAIL, undefined, BUILDER2_PASSWORD);
    await openEventAsFirm(builder2.page);
    const request = builder2.page.getByTestId('meeting-request').first();
    await expect.poll(() => textOf(request)).toContain('三明闽光钢铁有限公司（演示）发来的约谈');
    await request.getByTestId('meeting-accept').click();

    // Assert
    await expect.poll(() => request.getAttribute('data-status')).toBe('accepted');
    expectNoPageErrors(builder2);
  }, 120_000);

  it('the organizer builds the schedule at its lower bound, publishes it and prints the timetable', async () => {
    // Arrange
    const open = await signedIn(ORGANIZER);
    const { page } = open;
    await page.goto(`/events/${eventId}`);
    await page.getByTestId('event-schedule-link').click();
    await expect.poll(() => textOf(page.getByTestId('schedule-empty'))).toContain('还没有洽谈日程');

    // Act
    await page.getByTestId('schedule-build').click();

    // Assert: every meeting placed, no double booking, the bound
    const meetings = page.getByTestId('schedule-meeting');
    await expect.poll(() => meetings.count()).toBeGreaterThan(0);
    const used = Number(await textOf(page.getByTestId('slots-used')));
    const bound = Number(await textOf(page.getByTestId('lower-bound')));
    expect(used).toBeGreaterThanOrEqual(bound);
    const cells = await page.getByTestId('schedule-cell').evaluateAll((tds) =>
      tds
        .filter((td) => td.querySelector('[data-testid="schedule-meeting"]'))
        .map((td) => ({
          slot: td.getAttribute('data-slot'),
          names: (td as HTMLElement).innerText.split('\n').slice(0, 2),
        })),
    );
    const seen = new Set<string>();
    for (const cell of cells) {
      for (const name of cell.names) {
        expect(seen.has(`${cell.slot}|${name}`)).toBe(false);
        seen.add(`${cell.slot}|${name}`);
      }
    }
    await screenshot(page, 'events-schedule-zh');

    // Act: publish
    await page.getByTestId('schedule-publish').click();

    // Assert
    await expect.poll(() => page.getByTestId('schedule').getAttribute('data-status')).toBe('published');

    // Act: the timetable, on paper
    await page.getByTestId('schedule-print').click();
    await page.waitForURL(`**/events/${eventId}/timetable`);
    await expect.poll(() => page.getByTestId('timetable-table').count()).toBeGreaterThan(0);
    await page.getByTestId('timetable-cards').click();
    await expect.poll(() => page.getByTestId('table-card').count()).toBe(2);
    await page.emulateMedia({ media: 'print' });

    // Assert: no menus or buttons on paper, the cards are there
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.locator('#sidebar').isVisible()).toBe(false);
    expect(await page.getByTestId('timetable-print').isVisible()).toBe(false);
    expect(await page.getByTestId('table-card').first().isVisible()).toBe(true);
    expect(await textOf(page.getByTestId('table-card').first())).toContain('1 号桌');
    await screenshot(page, 'events-table-cards-print-zh');
    await page.emulateMedia({ media: 'screen' });
    expectNoPageErrors(open);
  }, 120_000);

  async function readAgenda(open: OpenPage, counterpart: string, table = /[12] 号桌/) {
    const { page } = open;
    await openEventAsFirm(page);
    await page.getByTestId('agenda-link').click();
    await page.waitForURL(`**/events/${eventId}/agenda`);
    const items = page.getByTestId('agenda-item');
    await expect.poll(() => items.count()).toBeGreaterThan(0);
    const item = page.locator(`[data-testid="agenda-item"][data-counterpart="${counterpart}"]`);
    expect(await item.count()).toBe(1);
    expect(await textOf(item.getByTestId('agenda-time'))).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/);
    expect(await textOf(item.getByTestId('agenda-table'))).toMatch(table);
    // nothing wider than the phone
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    return items;
  }

  it('each side reads its agenda on a phone, prints it and downloads it as .ics', async () => {
    for (const [email, password, counterpart, name] of [
      [STEEL, undefined, BUILDER2_NAME, 'steel'],
      [BUILDER2_EMAIL, BUILDER2_PASSWORD, '三明闽光钢铁有限公司（演示）', 'builder'],
    ] as const) {
      // Arrange
      const open = await signedIn(email, PHONE, password);
      const { page } = open;

      // Act: from the firm's own list of the events it registered for
      await page.goto('/events');
      await page
        .locator(`[data-testid="registered-event"][data-event-id="${eventId}"]`)
        .getByTestId('registered-event-agenda')
        .click();
      await page.waitForURL(`**/events/${eventId}/agenda`);
      const items = await readAgenda(open, counterpart);
      await screenshot(page, `events-agenda-${name}-mobile-zh`);

      // Act: print
      await page.emulateMedia({ media: 'print' });

      // Assert: the agenda alone on paper
      expect(await page.locator('.topbar').isVisible()).toBe(false);
      expect(await page.getByTestId('agenda-print').isVisible()).toBe(false);
      expect(await page.getByTestId('agenda-ics').isVisible()).toBe(false);
      expect(await items.first().isVisible()).toBe(true);
      await screenshot(page, `events-agenda-${name}-print-zh`);
      await page.emulateMedia({ media: 'screen' });

      // Act: the calendar file
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('agenda-ics').click(),
      ]);

      // Assert
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const ics = readFileSync((await download.path())!, 'utf8');
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r?\n/);
      expect(ics).toContain('VERSION:2.0');
      expect(ics.match(/BEGIN:VEVENT/g)?.length).toBe(await items.count());
      expect(ics).toMatch(/DTSTART[^:\r\n]*:\d{8}T\d{6}Z?/);
      expect(ics.replace(/\r?\n[ \t]/g, '')).toContain(counterpart);
      expect(ics).toMatch(/END:VCALENDAR\s*$/);
      expectNoPageErrors(open);
      await open.context.close();
    }
  }, 120_000);

  it('reads in English', async () => {
    // Arrange
    const open = await signedIn(STEEL, PHONE);
    const { page } = open;
    await page.getByTestId('lang-switch').click();

    // Act
    await readAgenda(open, BUILDER2_NAME, /Table [12]/);

    // Assert
    expect(await textOf(page.locator('h1'))).toContain('Agenda of');
    const data = [
      '中文',
      '（演示）',
      '（测试）',
      '福建',
      '福州',
      '会展',
      '号',
      '钢',
      '水泥',
      '三明',
      '公司',
      '重点项目',
    ];
    const leftover = (await chineseTextOn(page)).filter((line) => !data.some((d) => line.includes(d)));
    expect(leftover).toEqual([]);
    await screenshot(page, 'events-agenda-mobile-en');
    expectNoPageErrors(open);
  }, 120_000);
});
