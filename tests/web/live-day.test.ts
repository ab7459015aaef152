import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveConsoleView } from '../../functions/contract/live.ts';
import { skipBrowserTests } from '../setup/browser.ts';
import { inDays } from '../setup/listing-inputs.ts';
import {
  DEMO_PASSWORD,
  expectNoPageErrors,
  type OpenPage,
  screenshot,
  signInThroughForm,
  startWebHarness,
  textOf,
  type WebHarness,
} from './web-stack.ts';

/**
 * The live day of a matchmaking event in Chromium on the real local stack, with the app's clock set
 * to the event's morning. The demo department runs an event with one table; the steel maker and two
 * cement makers meet the builder (the event's own matching round, accepted by both sides, plus
 * meeting requests). On the day the organizer's console shows the slot from the server's clock,
 * checks the cement maker in by opening the URL of the QR code on its agenda (and the hall's big
 * screen, in another browser, shows it within 2 s without a reload), checks firms in by name, marks
 * a firm that did not come as a no-show and moves a meeting by hand — each time the repair moves
 * exactly as few meetings as an exhaustive search finds, and the moved firm reads it in its inbox.
 * After their meeting the builder records a contract from its agenda, the cement maker confirms it on
 * its phone, both listings' remaining quantities drop by what the contract adds to the match's
 * reservation, and the big screen shows the deal within 2 s.
 */

const ORGANIZER = 'organizer@demo.gongxu.cn';
const STEEL = 'steel@demo.gongxu.cn';
const CEMENT = 'cement@demo.gongxu.cn';
const MINJIANG = 'minjiang@demo.gongxu.cn';
const BUILDER = 'builder@demo.gongxu.cn';
const SUPPLIERS = [STEEL, CEMENT, MINJIANG] as const;
const DAY = inDays(2);
const TITLE = '福建省重点项目钢材水泥产销对接会（现场测试）';

/** The day at a Beijing time (UTC+8 all year). */
const at = (time: string) => Date.parse(`${DAY}T${time}:00+08:00`);

interface Cell {
  id: string;
  a: string;
  b: string;
  slot: number;
  table: number;
}

/**
 * The fewest meetings whose cell changes when `removed` leave and `pin` is put at its cell, found by
 * trying every placement of the others in the cells still open (a small schedule: a few meetings).
 */
function fewestMovesByExhaustiveSearch(
  meetings: readonly Cell[],
  options: {
    removed: string[];
    pin?: { id: string; slot: number; table: number };
    slots: number;
    tables: number;
  },
): number {
  const stay = meetings.filter((m) => !options.removed.includes(m.id));
  const pinned = options.pin ? stay.find((m) => m.id === options.pin!.id)! : undefined;
  const free = stay.filter((m) => m !== pinned);
  const placed: Cell[] = pinned ? [{ ...pinned, slot: options.pin!.slot, table: options.pin!.table }] : [];
  let best = Number.POSITIVE_INFINITY;
  const fits = (m: Cell, slot: number, table: number) =>
    placed.every(
      (p) =>
        p.slot !== slot || (p.table !== table && p.a !== m.a && p.a !== m.b && p.b !== m.a && p.b !== m.b),
    );
  const search = (i: number, moves: number) => {
    if (moves >= best) return;
    if (i === free.length) {
      best = moves;
      return;
    }
    const m = free[i]!;
    for (let slot = 0; slot < options.slots; slot++) {
      for (let table = 1; table <= options.tables; table++) {
        if (!fits(m, slot, table)) continue;
        placed.push({ ...m, slot, table });
        search(i + 1, moves + (slot === m.slot && table === m.table ? 0 : 1));
        placed.pop();
      }
    }
  };
  const pinMoved =
    pinned && (pinned.slot !== options.pin!.slot || pinned.table !== options.pin!.table) ? 1 : 0;
  search(0, pinMoved);
  return best;
}

describe.skipIf(skipBrowserTests)('the live day (browser)', () => {
  let web: WebHarness;
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  let eventId = '';
  const tokens = new Map<string, string>();
  const orgOf = new Map<string, { id: string; name: string }>();
  /** The supplier whose meeting with the builder carries a round match (the deal is made there). */
  let dealSupplier: string = CEMENT;
  let noShowSupplier: string = MINJIANG;
  let screen: OpenPage;
  /** Each listing's remaining quantity before the round's matches were confirmed. */
  const initialRemaining = new Map<string, number>();
  let organizer: OpenPage;

  async function signInToken(email: string): Promise<string> {
    const response = await fetch(`${web.stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const token = ((await response.json()) as { token: string }).token;
    tokens.set(email, token);
    return token;
  }

  async function api<T>(email: string, method: string, path: string, body?: unknown): Promise<T> {
    const token = tokens.get(email) ?? (await signInToken(email));
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

  async function signedIn(email: string, path: string, size?: { width: number; height: number }) {
    const open = await web.open('/sign-in', size);
    await signInThroughForm(open.page, email);
    await open.page.waitForURL((url) => url.pathname === '/');
    await open.page.goto(path);
    return open;
  }

  /** Waits (in a hook, where expect.poll is not available) until `read()` gives `value`. */
  async function until<T>(read: () => Promise<T>, value: T, timeoutMs = 90_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    while (Date.now() < deadline) {
      last = await read();
      if (last === value) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`still ${String(last)}, waiting for ${String(value)}`);
  }

  const liveConsole = () => api<LiveConsoleView>(ORGANIZER, 'GET', `/events/${eventId}/live`);
  const participantRow = (page: Page, email: string) =>
    page.locator(`[data-testid="live-participant"][data-org-id="${orgOf.get(email)!.id}"]`);
  const meetingWith = (view: LiveConsoleView, email: string) =>
    view.meetings.find(
      (m) =>
        (m.offerOrgId === orgOf.get(email)!.id && m.needOrgId === orgOf.get(BUILDER)!.id) ||
        (m.needOrgId === orgOf.get(email)!.id && m.offerOrgId === orgOf.get(BUILDER)!.id),
    )!;

  beforeAll(async () => {
    web = await startWebHarness({ streams: true, clock });
    await web.stack.drainStreams();
    for (const email of [ORGANIZER, ...SUPPLIERS, BUILDER]) {
      const me = await api<{ org: { id: string; name: string } }>(email, 'GET', '/me');
      orgOf.set(email, me.org);
    }
    eventId = (
      await api<{ id: string }>(ORGANIZER, 'POST', '/events', {
        title: TITLE,
        kind: 'goods',
        categories: ['steel', 'cement'],
        region: '350000',
        mode: 'venue',
        venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路 1 号', tables: 1 },
        days: [{ date: DAY, start: '09:00', end: '12:00' }],
        meetingMinutes: 20,
        bufferMinutes: 0,
        registrationDeadline: inDays(1),
        capacity: 20,
      })
    ).id;
    await api(ORGANIZER, 'POST', `/events/${eventId}/publish`);
    for (const email of [...SUPPLIERS, BUILDER]) {
      const kind = email === BUILDER ? 'demand' : 'supply';
      const mine = await api<{ items: { id: string; category: string; status: string }[] }>(
        email,
        'GET',
        `/listings/mine?kind=${kind}`,
      );
      const listingIds = mine.items
        .filter((l) => l.status === 'open' && (l.category === 'steel' || l.category === 'cement'))
        .map((l) => l.id);
      const r = await api<{ id: string }>(email, 'POST', `/events/${eventId}/registrations`, {
        listingIds,
        people: 2,
      });
      await api(ORGANIZER, 'POST', `/events/${eventId}/registrations/${r.id}/approve`);
    }
    // What every listing holds before any match of the round is confirmed.
    for (const email of [...SUPPLIERS, BUILDER]) {
      for (const kind of ['supply', 'demand']) {
        const mine = await api<{ items: { id: string; remaining: number }[] }>(
          email,
          'GET',
          `/listings/mine?kind=${kind}`,
        );
        for (const l of mine.items) initialRemaining.set(l.id, l.remaining);
      }
    }
    // The event's own matching round, reviewed and published, and accepted by both sides.
    const run = await api<{ id: string }>(ORGANIZER, 'POST', `/events/${eventId}/round`);
    const runStatus = async () => {
      await web.stack.drainStreams().catch(() => {});
      return (await api<{ status: string }>(ORGANIZER, 'GET', `/matching-runs/${run.id}`)).status;
    };
    await until(runStatus, 'done');
    await api(ORGANIZER, 'POST', `/matching-runs/${run.id}/publish`);
    await until(runStatus, 'published');
    for (const email of [BUILDER, ...SUPPLIERS]) {
      const matches = await api<{ items: { id: string; actions: string[] }[] }>(
        email,
        'GET',
        `/events/${eventId}/matches`,
      );
      for (const m of matches.items.filter((x) => x.actions.some((a) => /accept|confirm/i.test(a)))) {
        await api(email, 'POST', `/matches/${m.id}/accept`);
      }
    }
    // Every supplier meets the builder: by its confirmed match, or by a meeting request.
    const confirmed = (
      await api<{ items: { offerOrgId: string; status: string }[] }>(
        BUILDER,
        'GET',
        `/events/${eventId}/matches`,
      )
    ).items.filter((m) => m.status === 'confirmed');
    const matched = new Set(confirmed.map((m) => m.offerOrgId));
    for (const email of SUPPLIERS.filter((s) => !matched.has(orgOf.get(s)!.id))) {
      const asked = await api<{ id: string }>(email, 'POST', `/events/${eventId}/meeting-requests`, {
        toOrgId: orgOf.get(BUILDER)!.id,
      });
      await api(BUILDER, 'POST', `/events/${eventId}/meeting-requests/${asked.id}/accept`);
    }
    await api(ORGANIZER, 'POST', `/events/${eventId}/schedule`);
    await api(ORGANIZER, 'POST', `/events/${eventId}/schedule/publish`);
    dealSupplier = [CEMENT, MINJIANG].find((s) => matched.has(orgOf.get(s)!.id)) ?? '';
    if (!dealSupplier) {
      const all = await api<unknown>(BUILDER, 'GET', `/events/${eventId}/matches`);
      const runInfo = await api<unknown>(ORGANIZER, 'GET', `/matching-runs/${run.id}`);
      throw new Error(
        `the round confirmed no cement match with the builder: ${JSON.stringify(all).slice(0, 1500)} run ${JSON.stringify(runInfo).slice(0, 800)}`,
      );
    }
    noShowSupplier = dealSupplier === CEMENT ? MINJIANG : CEMENT;

    // The event's morning, before the first slot: the server's clock moves; sessions start again.
    offsetMs = at('08:55') - Date.now();
    tokens.clear();
  }, 300_000);

  afterAll(async () => {
    await web?.close();
  });

  it('shows the day by the server clock, and a QR check-in from the agenda reaches the big screen within 2 s', async () => {
    // Arrange: the organizer's console (desktop), the hall's screen, the cement maker's agenda (phone)
    organizer = await signedIn(ORGANIZER, `/events/${eventId}`);
    const page = organizer.page;
    await page.getByTestId('event-live-link').click();
    await page.waitForURL(`**/events/${eventId}/live`);
    await expect.poll(() => page.getByTestId('live-now').getAttribute('data-now')).toMatch(/T00:55/);
    expect(await page.getByTestId('live-current').getAttribute('data-slot')).toBe('');
    expect(await page.getByTestId('live-next').getAttribute('data-slot')).toBe('0');
    const screenPath = (await page.getByTestId('live-screen-link').getAttribute('href'))!;
    screen = await web.open(screenPath, { width: 1920, height: 1080 });
    await expect.poll(() => textOf(screen.page.getByTestId('live-checked-in'))).toBe('0');
    await screen.page.evaluate(() => {
      (window as unknown as { marker: string }).marker = 'same page';
    });
    const firm = await signedIn(dealSupplier, `/events/${eventId}/agenda`, { width: 390, height: 844 });
    const qrUrl = (await firm.page.getByTestId('agenda-qr').getAttribute('data-value'))!;
    expect(qrUrl).toMatch(new RegExp(`^${web.stack.url}/live/checkin/[A-Za-z0-9_-]{32}$`));

    // Act: the organizer's phone opens the scanned code, and one tap checks the firm in.
    await page.goto(qrUrl);
    await expect.poll(() => textOf(page.getByTestId('live-checkin-org'))).toBe(orgOf.get(dealSupplier)!.name);
    await page.getByTestId('live-checkin-tap').click();
    const started = Date.now();
    await screen.page.waitForFunction(
      () => document.querySelector('[data-testid="live-checked-in"]')?.textContent?.trim() === '1',
      undefined,
      { timeout: 5_000 },
    );
    const elapsed = Date.now() - started;

    // Assert
    expect(elapsed).toBeLessThan(2_000);
    await expect.poll(() => textOf(page.getByTestId('live-checkin-done'))).toContain('签到成功');
    expect(await screen.page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same page',
    );
    // The firm itself opening its own code learns what it is, and nothing more.
    await firm.page.goto(qrUrl);
    await expect
      .poll(() => textOf(firm.page.getByTestId('live-checkin-organizers-only')))
      .toContain('只有本次对接会的组织方');
    expect(await firm.page.getByTestId('live-checkin-org').count()).toBe(0);
    expect(await textOf(screen.page.getByTestId('live-screen'))).not.toMatch(/1[3-9]\d{9}|@demo\.gongxu\.cn/);
    expectNoPageErrors(organizer);
    expectNoPageErrors(screen);
    await firm.context.close();
  });

  it('checks firms in by name, marks a no-show and moves a meeting, each time moving the fewest meetings', async () => {
    // Arrange
    const page = organizer.page;
    await page.goto(`/events/${eventId}/live`);
    await page.getByTestId('live-filter-all').click();

    // Act: check-in by name, through the search box
    for (const email of [BUILDER, STEEL]) {
      await page.getByTestId('live-search').fill(orgOf.get(email)!.name.slice(0, 4));
      await participantRow(page, email).getByTestId('live-check-in').click();
      await expect.poll(() => participantRow(page, email).getAttribute('data-checked-in')).toBe('yes');
    }
    await page.getByTestId('live-search').fill('');
    await expect.poll(() => textOf(page.getByTestId('live-checked-in-count'))).toBe('3 / 4');

    // Act: a firm did not come
    const before = await liveConsole();
    const cells = (v: LiveConsoleView): Cell[] =>
      v.meetings
        .filter((m) => m.status === 'scheduled')
        .map((m) => ({ id: m.id, a: m.offerOrgId, b: m.needOrgId, slot: m.slot, table: m.table }));
    const absent = orgOf.get(noShowSupplier)!.id;
    const fewestForNoShow = fewestMovesByExhaustiveSearch(cells(before), {
      removed: before.meetings
        .filter((m) => m.offerOrgId === absent || m.needOrgId === absent)
        .map((m) => m.id),
      slots: before.slots.length,
      tables: before.tables,
    });
    page.once('dialog', (dialog) => void dialog.accept());
    await participantRow(page, noShowSupplier).getByTestId('live-org-no-show').click();

    // Assert
    await expect.poll(() => participantRow(page, noShowSupplier).getAttribute('data-no-show')).toBe('yes');
    expect(Number(await page.getByTestId('live-result').getAttribute('data-moved'))).toBe(fewestForNoShow);
    const absentMeeting = meetingWith(before, noShowSupplier);
    await expect
      .poll(() =>
        page
          .locator(`[data-testid="live-meeting"][data-meeting-id="${absentMeeting.id}"]`)
          .getAttribute('data-status'),
      )
      .toBe('no_show');

    // Act: the builder's meeting with the deal supplier moves by hand into the steel maker's cell
    const mid = await liveConsole();
    const moving = meetingWith(mid, dealSupplier);
    const target = meetingWith(mid, STEEL);
    const fewestForMove = fewestMovesByExhaustiveSearch(cells(mid), {
      removed: [],
      pin: { id: moving.id, slot: target.slot, table: target.table },
      slots: mid.slots.length,
      tables: mid.tables,
    });
    const row = page.locator(`[data-testid="live-meeting"][data-meeting-id="${moving.id}"]`);
    await row.getByTestId('live-meeting-move-open').click();
    await row.getByTestId('live-move-slot').selectOption(String(target.slot));
    await row.getByTestId('live-move-table').selectOption(String(target.table));
    await row.getByTestId('live-move-submit').click();

    // Assert: the fewest moves (the pinned meeting and the one in its way), shown from where to where
    await expect
      .poll(async () => Number(await page.getByTestId('live-result').getAttribute('data-moved')))
      .toBe(fewestForMove);
    expect(fewestForMove).toBe(2);
    const after = await liveConsole();
    expect(meetingWith(after, dealSupplier)).toMatchObject({ slot: target.slot, table: target.table });
    expect(meetingWith(after, STEEL).slot).not.toBe(target.slot);
    expect(
      await page
        .getByTestId('live-result')
        .locator(`[data-testid="live-moved-item"][data-meeting-id="${target.id}"]`)
        .count(),
    ).toBe(1);
    await screenshot(page, 'live-console-desktop-zh');

    // Assert: the steel maker reads it in its inbox and on its agenda, in both languages
    const steel = await signedIn(STEEL, '/inbox', { width: 390, height: 844 });
    const notice = steel.page.locator('[data-testid="inbox-item"][data-event="meeting_moved"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await textOf(notice)).toContain('洽谈时间已调整');
    expect(await textOf(notice.getByTestId('inbox-moved'))).toContain(
      after.slots[meetingWith(after, STEEL).slot]!.start,
    );
    // the day as the page's language writes it, not the API's ISO date
    expect(await textOf(notice.getByTestId('inbox-moved'))).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await steel.page.getByTestId('lang-switch').click();
    await expect.poll(() => textOf(notice)).toContain('Meeting moved');
    await steel.page.goto(`/events/${eventId}/agenda`);
    await expect.poll(() => steel.page.getByTestId('agenda-moved').count()).toBe(1);
    expectNoPageErrors(steel);
    await steel.context.close();
    expectNoPageErrors(organizer);
  });

  it('shows the console on a phone, and the slot under way as the clock moves', async () => {
    // Arrange
    const phone = await signedIn(ORGANIZER, `/events/${eventId}/live`, { width: 390, height: 844 });

    // Act: 09:25 — the second slot (09:20–09:40) is under way
    offsetMs = at('09:25') - Date.now();

    // Assert: the page reloads the console and takes the time from the API
    await expect
      .poll(() => phone.page.getByTestId('live-current').getAttribute('data-slot'), { timeout: 15_000 })
      .toBe('1');
    expect(await phone.page.getByTestId('live-next').getAttribute('data-slot')).toBe('2');
    const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await screenshot(phone.page, 'live-console-phone-zh');
    expectNoPageErrors(phone);
    await phone.context.close();
  });

  it('records a deal after the meeting, confirmed on the other phone: quantities drop, the big screen counts it within 2 s', async () => {
    // Arrange: the meeting starts and ends on the console
    const page = organizer.page;
    await page.goto(`/events/${eventId}/live`);
    await page.getByTestId('live-filter-all').click();
    const meeting = meetingWith(await liveConsole(), dealSupplier);
    const row = page.locator(`[data-testid="live-meeting"][data-meeting-id="${meeting.id}"]`);
    await row.getByTestId('live-meeting-start').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('under_way');
    await row.getByTestId('live-meeting-finish').click();
    await expect.poll(() => row.getAttribute('data-status')).toBe('done');
    await expect.poll(() => textOf(screen.page.getByTestId('live-meetings-held'))).toBe('1');

    // Act: the builder records a contract from its agenda, for 100 t less than the match reserved
    const builder = await signedIn(BUILDER, `/events/${eventId}/agenda`);
    const item = builder.page.locator(
      `[data-testid="agenda-item"][data-counterpart="${orgOf.get(dealSupplier)!.name}"]`,
    );
    await item.getByTestId('agenda-record-deal').first().click();
    await builder.page.waitForURL(/\/matches\/[0-9A-Z]{26}\?/);
    const matchId = new URL(builder.page.url()).pathname.split('/').pop()!;
    const match = await api<{ quantity: number; offerListingId: string; needListingId: string }>(
      BUILDER,
      'GET',
      `/matches/${matchId}`,
    );
    const remaining = async () =>
      Promise.all(
        [match.offerListingId, match.needListingId].map(
          async (id) => (await api<{ remaining: number }>(BUILDER, 'GET', `/listings/${id}`)).remaining,
        ),
      );
    const before = await remaining();
    await builder.page.getByTestId('deal-record-open').click();
    await expect.poll(() => builder.page.getByTestId('deal-at-meeting').count()).toBe(1);
    await builder.page.getByTestId('deal-document-contract').check();
    const contracted = match.quantity - 100;
    await builder.page.getByTestId('deal-quantity').fill(String(contracted));
    await builder.page.getByTestId('deal-unit-price').fill('420.50');
    await builder.page.getByTestId('deal-submit').click();
    await expect.poll(() => textOf(builder.page.getByTestId('deal-recorded'))).toBe('已登记，等待对方确认。');
    expectNoPageErrors(builder);

    // Act: the supplier confirms it on its phone
    const supplier = await signedIn(dealSupplier, '/deals', { width: 390, height: 844 });
    const dealRow = supplier.page.getByTestId('deal-row').first();
    await expect.poll(() => textOf(dealRow)).toContain('合同待确认');
    await dealRow.getByRole('link').click();
    await supplier.page.waitForURL(/\/deals\/[0-9A-Z]{26}$/);
    const dealId = new URL(supplier.page.url()).pathname.split('/').pop()!;
    await supplier.page.getByTestId('deal-action-confirmContract').click();
    await expect.poll(() => textOf(supplier.page.getByTestId('deal-status'))).toBe('已签合同');
    const confirmedAt = Date.now();
    await screen.page.waitForFunction(
      () => document.querySelector('[data-testid="live-deals"]')?.textContent?.trim() === '1',
      undefined,
      { timeout: 5_000 },
    );
    const elapsed = Date.now() - confirmedAt;

    // Assert
    expect(elapsed).toBeLessThan(2_000);
    const deal = await api<{ eventId?: string; meetingId?: string; amountFen: number }>(
      BUILDER,
      'GET',
      `/deals/${dealId}`,
    );
    expect(deal).toMatchObject({ eventId, meetingId: meeting.id });
    // Both listings are down from what they held before the round by their other confirmed matches
    // and by this contract's quantity: the match's reservation became the contract (the 100 t not
    // signed came back), nothing counted twice.
    const otherConfirmed = async (listingId: string, owner: string) =>
      (
        await api<{ items: { id: string; status: string; quantity: number }[] }>(
          owner,
          'GET',
          `/listings/${listingId}/matches`,
        )
      ).items
        .filter((m) => m.status === 'confirmed' && m.id !== matchId)
        .reduce((sum, m) => sum + m.quantity, 0);
    const expected = [
      initialRemaining.get(match.offerListingId)! -
        (await otherConfirmed(match.offerListingId, dealSupplier)) -
        contracted,
      initialRemaining.get(match.needListingId)! -
        (await otherConfirmed(match.needListingId, BUILDER)) -
        contracted,
    ];
    const after = await remaining();
    expect(after).toEqual(expected);
    expect(after).toEqual(before.map((r) => r + 100));
    expect(after[0]).toBeLessThan(initialRemaining.get(match.offerListingId)!);
    expect(after[1]).toBeLessThan(initialRemaining.get(match.needListingId)!);
    const value = await textOf(screen.page.getByTestId('live-value'));
    expect(value.replace(/[^\d]/g, '')).toBe(String(Math.round(deal.amountFen / 100)));
    expect(await screen.page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
      'same page',
    );
    await screenshot(screen.page, 'live-screen-after-deal');
    expectNoPageErrors(supplier);
    expectNoPageErrors(screen);
  });
  it("downloads the event report as .xlsx with the day's figures, the same as the big screen's", async () => {
    // Arrange: what the hall's screen shows now
    const shown = {
      checkedIn: await textOf(screen.page.getByTestId('live-checked-in')),
      held: await textOf(screen.page.getByTestId('live-meetings-held')),
      deals: await textOf(screen.page.getByTestId('live-deals')),
      value: (await textOf(screen.page.getByTestId('live-value'))).replace(/[^\d]/g, ''),
    };

    // Act: the organizer downloads the report
    const token = tokens.get(ORGANIZER) ?? (await signInToken(ORGANIZER));
    const response = await fetch(`${web.stack.url}/api/events/${eventId}/report/export?lang=zh`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());

    // Assert
    expect(response.status).toBe(200);
    const summary = new Map<string, unknown>();
    book
      .getWorksheet('概况')!
      .eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('活动名称')).toBe(TITLE);
    expect(String(summary.get('现场签到'))).toBe(shown.checkedIn);
    expect(String(summary.get('完成洽谈'))).toBe(shown.held);
    expect(String(summary.get('合同数'))).toBe(shown.deals);
    expect(String(Math.round(summary.get('合同金额（元）') as number))).toBe(shown.value);
    expect([shown.checkedIn, shown.held, shown.deals]).toEqual(['3', '1', '1']);
  });
});
