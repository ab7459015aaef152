import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationView, ScheduleView } from '../../functions/contract/events.ts';
import { fenToYuanText } from '../../functions/contract/money.ts';
import type { EventReport } from '../../functions/contract/report.ts';
import type { Match } from '../../functions/matches/match.ts';
import type { MatchingRun } from '../../functions/matches/matching-run.ts';
import { executeRun } from '../../functions/matches/run-matching.ts';
import { makeCreditCode } from '../../functions/orgs/credit-code.ts';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, inDays, supplyBody, today } from '../setup/listing-inputs.ts';
import { freshTable } from '../setup/test-table.ts';

type Org = Awaited<ReturnType<typeof makeOrg>>;

/**
 * The event report through the API on DynamoDB Local: who may read it, its figures against what
 * was done at the event, and the .xlsx read back with exceljs carrying the same figures.
 */
describe('the event report', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let organizer: Org;
  let shandong: Org;
  let admin: Org;
  let steel: Org;
  let cement: Org;
  let builderA: Org;
  let builderB: Org;
  let eventId: string;
  let draftId: string;
  const listings: Record<string, string> = {};
  const as = (who: Org) => apiClient(ctx.app, { token: who.token });

  beforeAll(async () => {
    ctx = await freshTable();
    organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    shandong = await makeOrg(ctx.deps, {
      name: '山东省工业和信息化厅',
      kinds: ['organizer'],
      adcode: '370102',
      creditCode: makeCreditCode({ seed: 7101, authority: '1', category: '1', region: '370000' }),
      platformRoles: ['organizer'],
    });
    admin = await makeOrg(ctx.deps, { creditCode: makeCreditCode({ seed: 7102 }), platformRoles: ['admin'] });
    steel = await makeOrg(ctx.deps, { creditCode: '913504001581427114', adcode: '350403', name: '三明钢铁' });
    cement = await makeOrg(ctx.deps, {
      creditCode: '913508007384629572',
      adcode: '350802',
      name: '龙岩水泥',
    });
    builderA = await makeOrg(ctx.deps, {
      creditCode: '91350100660123452U',
      kinds: ['builder'],
      name: '福州建工',
    });
    builderB = await makeOrg(ctx.deps, {
      creditCode: '91350500782345619C',
      kinds: ['builder'],
      name: '泉州建工',
    });
    const post = async (org: Org, body: Record<string, unknown>) => {
      const res = await as(org).post<{ id: string }>('/api/listings', body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id;
    };
    listings.steel = await post(steel, supplyBody({ quantity: 700, adcode: '350403' }));
    listings.cement = await post(
      cement,
      supplyBody({ specId: 'cement-po-42.5', quantity: 5000, adcode: '350802', unitPrice: 450 }),
    );
    listings.rebarA = await post(builderA, demandBody({ quantity: 400, adcode: '350102' }));
    listings.cementA = await post(
      builderA,
      demandBody({ specId: 'cement-po-42.5', quantity: 2000, adcode: '350102', ceilingPrice: 520 }),
    );
    listings.rebarB = await post(builderB, demandBody({ quantity: 300, adcode: '350502' }));

    const org = as(organizer);
    eventId = (await org.post<{ id: string }>('/api/events', eventBody())).body.id;
    draftId = (await org.post<{ id: string }>('/api/events', eventBody({ title: '草稿对接会' }))).body.id;
    expect((await org.post(`/api/events/${eventId}/publish`, {})).status).toBe(200);
    const apply = async (firm: Org, ids: string[]) => {
      const r = await as(firm).post<RegistrationView>(`/api/events/${eventId}/registrations`, {
        listingIds: ids,
        people: 2,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id;
    };
    const registrations = [
      await apply(steel, [listings.steel!]),
      await apply(cement, [listings.cement!]),
      await apply(builderA, [listings.rebarA!, listings.cementA!]),
      await apply(builderB, [listings.rebarB!]),
    ];
    for (const id of registrations.slice(0, 3))
      expect((await org.post(`/api/events/${eventId}/registrations/${id}/approve`, {})).status).toBe(200);
    expect(
      (
        await org.post(`/api/events/${eventId}/registrations/${registrations[3]}/refuse`, {
          reason: '名额已满',
        })
      ).status,
    ).toBe(200);
    const round = await org.post<{ runs: MatchingRun[] }>(`/api/events/${eventId}/round`, {});
    expect(round.status, JSON.stringify(round.body)).toBe(202);
    for (const run of round.body.runs) await executeRun(ctx.deps, run);
    for (const run of round.body.runs) {
      let current = (await org.get<MatchingRun>(`/api/matching-runs/${run.id}`)).body;
      while (current.status !== 'published')
        current = (await org.post<MatchingRun>(`/api/matching-runs/${run.id}/publish`)).body;
    }
  });

  const matchesOf = async () =>
    (await as(organizer).get<{ items: Match[] }>(`/api/events/${eventId}/matches`)).body.items;

  it('is read by the organizers of the event and platform admins only; a draft is hidden from the rest', async () => {
    // Act
    const own = await as(organizer).get(`/api/events/${eventId}/report`);
    const byAdmin = await as(admin).get(`/api/events/${eventId}/report`);
    const otherProvince = await as(shandong).get(`/api/events/${eventId}/report`);
    const participant = await as(steel).get(`/api/events/${eventId}/report`);
    const draftByFirm = await as(steel).get(`/api/events/${draftId}/report`);
    const draftByOther = await as(shandong).get(`/api/events/${draftId}/report`);
    const exportByFirm = await as(builderA).get(`/api/events/${eventId}/report/export`);
    const exportOther = await as(shandong).get(`/api/events/${eventId}/report/export`, { lang: 'en' });
    const anonymous = await apiClient(ctx.app).get(`/api/events/${eventId}/report`);
    const unknown = await as(organizer).get('/api/events/01J0000000000000000000000A/report');

    // Assert
    expect([own.status, byAdmin.status]).toEqual([200, 200]);
    expect([otherProvince.status, participant.status, exportByFirm.status, exportOther.status]).toEqual([
      403, 403, 403, 403,
    ]);
    expect([draftByFirm.status, draftByOther.status, anonymous.status, unknown.status]).toEqual([
      404, 404, 401, 404,
    ]);
    expect(exportOther.body).toMatchObject({
      error: { code: 'forbidden', message: expect.stringMatching(/[a-z]/) },
    });
    expect(participant.body).toMatchObject({
      error: { messages: { zh: expect.any(String), en: expect.any(String) } },
    });
  });

  it('counts what happened at the event: participants, the round, meetings, deals by kind and value', async () => {
    // Arrange: both sides accept every match; a contract of 12.345 t at ¥3,987.65 on the rebar
    // match (confirmed), a letter of intent on the cement match (confirmed), one awaiting the other side.
    const matches = await matchesOf();
    for (const m of matches) {
      for (const firm of [steel, cement, builderA]) {
        if (firm.org.id === m.offerOrgId || firm.org.id === m.needOrgId)
          expect((await as(firm).post(`/api/matches/${m.id}/accept`)).status).toBe(200);
      }
    }
    const rebar = matches.find((m) => m.offerListingId === listings.steel)!;
    const cementMatch = matches.find((m) => m.offerListingId === listings.cement)!;
    const terms = (quantity: number, unitPrice: string) => ({
      quantity,
      unitPrice,
      deliveryFrom: today,
      deliveryUntil: inDays(30),
      deliveryAdcode: '350102',
    });
    const contract = await as(steel).post<{ id: string; eventId?: string }>('/api/deals', {
      matchId: rebar.id,
      document: 'contract',
      ...terms(12.345, '3987.65'),
    });
    expect(contract.status, JSON.stringify(contract.body)).toBe(201);
    expect(contract.body.eventId).toBe(eventId);
    expect((await as(builderA).post(`/api/deals/${contract.body.id}/confirm`)).status).toBe(200);
    const intent = await as(builderA).post<{ id: string }>('/api/deals', {
      matchId: cementMatch.id,
      document: 'intent',
      ...terms(800, '455.5'),
    });
    expect(intent.status, JSON.stringify(intent.body)).toBe(201);
    expect((await as(cement).post(`/api/deals/${intent.body.id}/confirm`)).status).toBe(200);
    const pending = await as(builderA).post<{ id: string }>('/api/deals', {
      matchId: rebar.id,
      document: 'intent',
      ...terms(1, '3900'),
    });
    expect(pending.status, JSON.stringify(pending.body)).toBe(201);
    // The day: two check in; the schedule is published, one meeting is held.
    const org = as(organizer);
    for (const firm of [steel, builderA])
      expect((await org.post(`/api/events/${eventId}/live/check-ins`, { orgId: firm.org.id })).status).toBe(
        200,
      );
    expect((await org.post(`/api/events/${eventId}/schedule`, {})).status).toBe(200);
    const schedule = (await org.post<ScheduleView>(`/api/events/${eventId}/schedule/publish`, {})).body;
    const held = schedule.meetings[0]!;
    expect((await org.post(`/api/events/${eventId}/live/meetings/${held.id}/start`, {})).status).toBe(200);
    expect((await org.post(`/api/events/${eventId}/live/meetings/${held.id}/finish`, {})).status).toBe(200);

    // Act
    const res = await org.get<EventReport>(`/api/events/${eventId}/report`);

    // Assert
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body;
    expect(report.participants).toEqual({
      registered: 4,
      approved: 3,
      checkedIn: 2,
      refused: 1,
      withdrawn: 0,
    });
    expect(report.matches.proposed).toBe(matches.length);
    expect(report.matches.confirmed).toBe(matches.length);
    expect(report.meetings).toMatchObject({ scheduled: schedule.meetings.length, held: 1, noShows: 0 });
    // 12.345 × 3987.65 = 49,227.539… → ¥49,227.54; 800 × 455.5 = ¥364,400.00
    expect(report.deals.contracts).toEqual({ count: 1, valueFen: '4922754' });
    expect(report.deals.intents).toEqual({ count: 1, valueFen: '36440000' });
    expect(report.deals.pending).toEqual({ count: 1, valueFen: '390000' });
    expect(report.byCategory.map((r) => [r.category, r.contracts.valueFen, r.intents.valueFen])).toEqual([
      ['steel', '4922754', '0'],
      ['cement', '0', '36440000'],
    ]);
    expect(report.byCity.map((r) => [r.adcode, r.name, r.provinceName])).toEqual([
      ['350400', '三明市', '福建省'],
      ['350800', '龙岩市', '福建省'],
    ]);
    const rebarDemand = report.demand.find((d) => d.specId === 'rebar-hrb400e-25')!;
    expect(rebarDemand).toMatchObject({ listings: 1, enrolled: 400, met: 12.345, metPercent: '3.1' });
    expect(report.demand.find((d) => d.specId === 'cement-po-42.5')).toMatchObject({
      enrolled: 2000,
      met: 0,
      intended: 800,
      metPercent: '0.0',
    });
    expect(report.department).toEqual({
      events: 1,
      firms: 3,
      deals: 1,
      valueFen: '4922754',
      valueYi: '0.0005',
      valueWan: '4.92',
    });
  });

  it('downloads as .xlsx with the same figures', async () => {
    // Arrange
    const report = (await as(organizer).get<EventReport>(`/api/events/${eventId}/report`)).body;

    // Act
    const response = await ctx.app.request(`/api/events/${eventId}/report/export?lang=zh`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());

    // Assert
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain('attachment');
    expect(book.worksheets.map((s) => s.name)).toEqual([
      '概况',
      '按品类',
      '按省份',
      '按城市',
      '需求满足',
      '部门报表',
    ]);
    const summary = new Map<string, unknown>();
    book
      .getWorksheet('概况')!
      .eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('活动名称')).toBe(report.title);
    expect(summary.get('报名企业')).toBe(report.participants.registered);
    expect(summary.get('现场签到')).toBe(report.participants.checkedIn);
    expect(summary.get('撮合确认')).toBe(report.matches.confirmed);
    expect(summary.get('完成洽谈')).toBe(report.meetings.held);
    expect(summary.get('合同数')).toBe(report.deals.contracts.count);
    expect((summary.get('合同金额（元）') as number).toFixed(2)).toBe(
      fenToYuanText(BigInt(report.deals.contracts.valueFen)),
    );
    expect((summary.get('意向金额（元）') as number).toFixed(2)).toBe(
      fenToYuanText(BigInt(report.deals.intents.valueFen)),
    );
    const categories = book.getWorksheet('按品类')!;
    expect(categories.getRow(2).values).toEqual([
      undefined,
      report.byCategory[0]!.name.zh,
      report.byCategory[0]!.intents.count,
      Number(fenToYuanText(BigInt(report.byCategory[0]!.intents.valueFen))),
      report.byCategory[0]!.contracts.count,
      Number(fenToYuanText(BigInt(report.byCategory[0]!.contracts.valueFen))),
    ]);
    expect(categories.getRow(2).getCell(5).numFmt).toBe('#,##0.00');
    const cities = book.getWorksheet('按城市')!;
    expect(cities.getRow(2).getCell(2).value).toBe(report.byCity[0]!.name);
    const demand = book.getWorksheet('需求满足')!;
    const rebarRow = report.demand.findIndex((d) => d.specId === 'rebar-hrb400e-25') + 2;
    expect(demand.getRow(rebarRow).getCell(5).value).toBe(12.345);
    expect(demand.getRow(rebarRow).getCell(7).value).toBe(3.1);
    const department = book.getWorksheet('部门报表')!.getRow(2);
    expect([1, 2, 3].map((c) => department.getCell(c).value)).toEqual([1, 3, 1]);
    expect(department.getCell(4).value).toBe(Number(report.department.valueYi));
    expect(department.getCell(4).numFmt).toBe('0.0000');
    expect((department.getCell(5).value as number).toFixed(2)).toBe(report.department.valueWan);
  });

  it('writes a title that looks like a formula as inert text', async () => {
    // Arrange
    const org = as(organizer);
    const created = await org.post<{ id: string }>(
      '/api/events',
      eventBody({ title: '=HYPERLINK("http://x","对接会")' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    // Act
    const response = await ctx.app.request(`/api/events/${created.body.id}/report/export`, {
      headers: { authorization: `Bearer ${organizer.token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());

    // Assert
    const cell = book.getWorksheet('概况')!.getRow(2).getCell(2);
    expect(cell.value).toBe(`'=HYPERLINK("http://x","对接会")`);
    expect(cell.numFmt).toBe('@');
    expect(cell.formula).toBeUndefined();
  });

  it('writes an English workbook on request', async () => {
    const response = await ctx.app.request(`/api/events/${eventId}/report/export?lang=en`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'By category',
      'By province',
      'By city',
      'Demand met',
      'Departments',
    ]);
  });

  it('refuses a bad language with the field named, in the caller’s language', async () => {
    const res = await as(organizer).get<{ error: { fields: { field: string; message: string }[] } }>(
      `/api/events/${eventId}/report/export?lang=fr`,
      { lang: 'en' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]!.field).toBe('lang');
  });
});
