import { beforeAll, describe, expect, it } from 'vitest';
import type { CarryOver, RegionDashboard } from '../../functions/contract/report.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { fixedClock } from '../../functions/shared/clock.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg, PASSWORD } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;

/**
 * The organizer's region dashboard and a series' carried-over demand, through the API on DynamoDB
 * Local: events per city against the target once their day has come, deals and value of the month,
 * who may look, and the previous event's unmet demand proposed for the next one — registered there
 * through the ordinary on-behalf registration.
 */
describe('the region dashboard and the carried-over demand', () => {
  const clock = fixedClock(new Date().toISOString());
  const day = inDays(21);
  const month = day.slice(0, 7);
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let shandong: Org;
  let admin: Org;
  let steel: Org;
  let builder: Org;
  const ids: Record<string, string> = {};
  const as = (who: Org) => apiClient(ctx.app, { token: who.token });
  /** Moves the clock and signs everyone in again (sessions last a day). */
  async function moveClock(iso: string) {
    clock.set(iso);
    for (const who of [organizer, shandong, admin, steel, builder]) {
      const res = await apiClient(ctx.app).post<{ token: string }>('/api/auth/sign-in', {
        email: who.user.email,
        password: PASSWORD,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      who.token = res.body.token;
    }
  }

  beforeAll(async () => {
    ctx = await freshTable({ clock });
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    shandong = await makeOrg(ctx.deps, {
      name: '山东省工业和信息化厅',
      kinds: ['organizer'],
      adcode: '370102',
      creditCode: makeCreditCode({ seed: 7201, authority: '1', category: '1', region: '370000' }),
      platformRoles: ['organizer'],
    });
    admin = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: 7202 }), platformRoles: ['admin'] });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403', name: '三明钢铁' });
    builder = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder'],
      name: '福州建工',
    });
    const post = async (org: Org, body: Record<string, unknown>) => {
      const res = await as(org).post<{ id: string }>('/api/listings', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    ids.supply = await post(steel, supplyBody({ quantity: 700, adcode: '350403' }));
    ids.demand = await post(builder, demandBody({ quantity: 400, adcode: '350102' }));
    ids.smallDemand = await post(builder, demandBody({ quantity: 10, adcode: '350102' }));

    const org = as(organizer);
    const event = async (region: string, title: string, publish = true) => {
      const res = await org.post<{ id: string }>(
        '/api/events',
        eventBody({ region, title, days: [{ date: day, start: '09:00', end: '12:00' }] }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      if (publish) expect((await org.post(`/api/events/${res.body.id}/publish`, {})).status).toBe(200);
      return res.body.id;
    };
    ids.fuzhou = await event('350100', '福州市钢材产销对接会');
    ids.sanming = await event('350400', '三明市产销对接会');
    ids.province = await event('350000', '全省重点项目对接会');
    ids.cancelled = await event('350100', '已取消的对接会');
    ids.draft = await event('350100', '草稿对接会', false);
    expect((await org.post(`/api/events/${ids.cancelled}/cancel`, {})).status).toBe(200);
    for (const [firm, listingIds] of [
      [steel, [ids.supply]],
      [builder, [ids.demand, ids.smallDemand]],
    ] as const) {
      const r = await org.post(`/api/events/${ids.fuzhou}/registrations`, {
        orgId: firm.org.id,
        listingIds,
        people: 2,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
    }
    // Two paper contracts at the Fuzhou event: 12.345 t of the 400 t demand, all of the 10 t one.
    const paper = async (needListingId: string, quantity: number) => {
      const res = await org.post<{ status: string; eventId: string }>('/api/deals', {
        offerListingId: ids.supply,
        needListingId,
        eventId: ids.fuzhou,
        document: 'contract',
        quantity,
        unitPrice: '3987.65',
        deliveryFrom: today,
        deliveryUntil: inDays(30),
        deliveryAdcode: '350102',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({ status: 'contract', eventId: ids.fuzhou });
    };
    await paper(ids.demand, 12.345);
    await paper(ids.smallDemand, 10);
    // The next event of the Fuzhou series, two weeks later.
    const next = await org.post<{ id: string }>(`/api/events/${ids.fuzhou}/copy`, {
      days: [{ date: inDays(35), start: '09:00', end: '12:00' }],
      registrationDeadline: inDays(30),
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    ids.next = next.body.id;
  });

  it('counts the month per city against the target of ten, once the day has come', async () => {
    // Arrange: the day after the events
    await moveClock(`${inDays(22)}T06:00:00.000Z`);

    // Act
    const res = await as(organizer).get<RegionDashboard>(`/api/events/dashboard?month=${month}`);

    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({ region: '350000', regionName: '福建省', month, target: 10 });
    expect(d.cities.length).toBe(9); // Fujian's nine cities, with or without events
    const city = (adcode: string) => d.cities.find((c) => c.adcode === adcode)!;
    expect(city('350100')).toMatchObject({
      name: '福州市',
      events: 1,
      held: 1,
      met: false,
      participants: 2,
      deals: 2,
      valueFen: String(4_922_754 + 3_987_650), // 12.345 t and 10 t at ¥3,987.65
      valueYi: '0.0009',
      valueWan: '8.91',
    });
    expect(city('350400')).toMatchObject({ events: 1, held: 1, deals: 0, valueFen: '0' });
    expect(city('350200')).toMatchObject({ events: 0, held: 0, met: false });
    expect(d.provinceWide).toMatchObject({ events: 1, held: 1 });
    expect(d.events.map((e) => e.eventId).sort()).toEqual([ids.fuzhou, ids.sanming, ids.province].sort());
    expect(d.department).toEqual({
      events: 3,
      firms: 2,
      deals: 2,
      valueFen: '8910404',
      valueYi: '0.0009',
      valueWan: '8.91',
    });
    expect(d.series).toEqual(
      expect.arrayContaining([
        {
          seriesId: ids.fuzhou,
          title: '福州市钢材产销对接会',
          lastEventId: ids.fuzhou,
          nextEventId: ids.next,
        },
      ]),
    );
  });

  it('is an organizer’s view of its own jurisdiction: others 403, a bad month or region 400 naming it', async () => {
    // Act
    const otherProvince = await as(shandong).get(`/api/events/dashboard?month=${month}&region=350000`);
    const ownProvince = await as(shandong).get<RegionDashboard>(`/api/events/dashboard?month=${month}`);
    const firm = await as(steel).get(`/api/events/dashboard?month=${month}`);
    const adminNoRegion = await as(admin).get<{ error: { fields: { field: string }[] } }>(
      '/api/events/dashboard',
      { lang: 'en' },
    );
    const adminFujian = await as(admin).get<RegionDashboard>(
      `/api/events/dashboard?month=${month}&region=350100`,
    );
    const badMonth = await as(organizer).get<{ error: { fields: { field: string; message: string }[] } }>(
      '/api/events/dashboard?month=2026-13',
    );
    const unknownRegion = await as(organizer).get<{ error: { fields: { field: string }[] } }>(
      '/api/events/dashboard?region=359999',
    );

    // Assert
    expect([otherProvince.status, firm.status]).toEqual([403, 403]);
    expect(ownProvince.status).toBe(200);
    expect(ownProvince.body.events).toEqual([]);
    expect(adminNoRegion.status).toBe(400);
    expect(adminNoRegion.body.error.fields[0]!.field).toBe('region');
    expect(adminFujian.status).toBe(200);
    expect(adminFujian.body.cities.map((c) => c.adcode)).toEqual(['350100']);
    expect(adminFujian.body.cities[0]).toMatchObject({ events: 1, deals: 2 });
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error.fields[0]!.field).toBe('month');
    expect(unknownRegion.status).toBe(400);
    expect(unknownRegion.body.error.fields[0]!.field).toBe('region');
  });

  it('proposes the unmet demand of the last event for the next one, and registers it on behalf', async () => {
    // Act
    const before = await as(organizer).get<CarryOver>(`/api/events/${ids.next}/carry-over`);

    // Assert: the 400 t demand has 387.655 t left; the 10 t one was fully met; supply is not demand
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.previous).toMatchObject({ eventId: ids.fuzhou, startDate: day });
    expect(before.body.canEnroll).toBe(false); // the copy is still a draft
    expect(before.body.orgs).toEqual([
      {
        orgId: builder.org.id,
        orgName: '福州建工',
        registrationStatus: null,
        listings: [
          expect.objectContaining({
            listingId: ids.demand,
            quantity: 400,
            remaining: 387.655,
            unit: 't',
            enrolled: false,
          }),
        ],
      },
    ]);

    // Act: published, the organizer registers the firm with its carried-over listing
    expect((await as(organizer).post(`/api/events/${ids.next}/publish`, {})).status).toBe(200);
    const registered = await as(organizer).post(`/api/events/${ids.next}/registrations`, {
      orgId: builder.org.id,
      listingIds: [ids.demand],
      people: 1,
    });
    const after = await as(organizer).get<CarryOver>(`/api/events/${ids.next}/carry-over`);

    // Assert
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    expect(after.body.canEnroll).toBe(true);
    expect(after.body.orgs[0]).toMatchObject({
      registrationStatus: 'approved',
      listings: [expect.objectContaining({ listingId: ids.demand, enrolled: true })],
    });
  });

  it('shows the carry-over to the organizers of the event only; the first of a series has none', async () => {
    const firm = await as(builder).get(`/api/events/${ids.next}/carry-over`);
    const other = await as(shandong).get(`/api/events/${ids.next}/carry-over`);
    const draftOfOther = await as(shandong).get(`/api/events/${ids.draft}/carry-over`);
    const first = await as(organizer).get<CarryOver>(`/api/events/${ids.sanming}/carry-over`);
    expect([firm.status, other.status, draftOfOther.status]).toEqual([403, 403, 404]);
    expect(first.body).toMatchObject({ previous: null, orgs: [] });
  });
});
