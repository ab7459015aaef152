import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { baseCatalogue } from '../../../functions/catalogue/catalogue.ts';
import {
  fenToWanText,
  fenToYiText,
  fenToYuanText,
  groupThousands,
} from '../../../functions/contract/money.ts';
import type { Deal, DealStatus } from '../../../functions/deals/deal.ts';
import { carryOver, previousInSeries } from '../../../functions/events/carry-over.ts';
import type { MatchEvent } from '../../../functions/events/event.ts';
import { cityOf, eventReport, percentText } from '../../../functions/events/event-report.ts';
import { dashboardCities, regionDashboard } from '../../../functions/events/region-dashboard.ts';
import type { Registration } from '../../../functions/events/registration.ts';
import type { Listing } from '../../../functions/listings/listing.ts';
import type { Match } from '../../../functions/matches/match.ts';
import type { Meeting } from '../../../functions/meetings/meeting.ts';

const event: MatchEvent = {
  id: 'E1',
  title: '福建省重点项目钢材水泥产销对接会',
  kind: 'goods',
  categories: ['steel', 'cement'],
  region: '350000',
  mode: 'venue',
  venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路', tables: 4 },
  days: [{ date: '2026-03-17', start: '09:00', end: '12:00' }],
  meetingMinutes: 20,
  bufferMinutes: 0,
  breaks: [],
  registrationDeadline: '2026-03-10',
  capacity: 40,
  organizerOrgId: 'ORG',
  organizerName: '福建省工业和信息化厅',
  seriesId: 'E1',
  status: 'closed',
  startDate: '2026-03-17',
  registrationCount: 5,
  approvedCount: 4,
  createdBy: 'U',
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  version: 1,
} as MatchEvent;

function registration(
  orgId: string,
  status: Registration['status'],
  listings: Registration['listings'] = [],
): Registration {
  return {
    id: `R-${orgId}`,
    eventId: 'E1',
    eventTitle: event.title,
    eventStartDate: event.startDate,
    orgId,
    orgName: orgId,
    status,
    listingIds: listings.map((l) => l.id),
    listings,
    availability: [],
    people: 2,
    createdBy: 'U',
    createdAt: '',
    updatedAt: '',
    version: 1,
  };
}

let dealCount = 0;
function deal(status: DealStatus, over: Partial<Deal> = {}): Deal {
  dealCount += 1;
  return {
    id: `D${dealCount}`,
    document: status.startsWith('intent') ? 'intent' : 'contract',
    status,
    eventId: 'E1',
    offerListingId: 'S1',
    offerOrgId: 'STEEL',
    offerOrgName: '三明钢铁',
    offerAdcode: '350403', // 三明市三元区
    needListingId: 'D1',
    needOrgId: 'BUILDER',
    needOrgName: '福州建工',
    needAdcode: '350102',
    specId: 'rebar-hrb400e-25',
    category: 'steel',
    quantity: 100,
    unit: 't',
    unitPrice: '3987.65',
    unitPriceFen: 398765,
    amountFen: 39876500,
    deliveryFrom: '2026-04-01',
    deliveryUntil: '2026-04-30',
    deliveryAdcode: '350102',
    recordedByOrgId: 'STEEL',
    recordedByUserId: 'U',
    recordedAs: 'offer',
    createdAt: '',
    updatedAt: '',
    version: 1,
    ...over,
  };
}

const demandRebar = { id: 'D1', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 400, unit: 't' };
const demandRebar2 = { id: 'D2', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 0.3, unit: 't' };
const demandCement = { id: 'D3', kind: 'demand', item: 'cement-po-42.5', quantity: 2000, unit: 't' };
const supplySteel = { id: 'S1', kind: 'supply', item: 'rebar-hrb400e-25', quantity: 700, unit: 't' };

const matchesOf = (...statuses: Match['status'][]) => statuses.map((status) => ({ status }));
const meetingsOf = (...statuses: Meeting['status'][]) => statuses.map((status) => ({ status }));

describe('the event report', () => {
  it('counts participants, the round, meetings and deals by kind of paper', () => {
    // Arrange
    const registrations = [
      registration('STEEL', 'approved', [supplySteel]),
      registration('BUILDER', 'approved', [demandRebar, demandCement]),
      registration('CEMENT', 'approved'),
      registration('LATE', 'applied'),
      registration('OFF', 'refused'),
      registration('GONE', 'withdrawn'),
    ];
    const deals = [
      deal('contract', { quantity: 12.345, amountFen: 4922754 }),
      deal('delivered', { quantity: 100, amountFen: 39876500 }),
      deal('intent', { quantity: 50, amountFen: 19938250 }),
      deal('intent_proposed', { amountFen: 100 }),
      deal('contract_proposed', { amountFen: 200 }),
      deal('disputed'),
      deal('withdrawn'),
    ];

    // Act
    const report = eventReport({
      event,
      registrations,
      checkIns: [{ orgId: 'STEEL' }, { orgId: 'BUILDER' }, { orgId: 'STEEL' }],
      matches: matchesOf(
        'proposed',
        'accepted_by_offer',
        'accepted_by_need',
        'confirmed',
        'confirmed',
        'declined',
        'expired',
        'cancelled',
      ),
      meetings: meetingsOf('scheduled', 'under_way', 'done', 'done', 'no_show', 'cancelled', 'draft'),
      deals,
      now: new Date('2026-03-18T00:00:00Z'),
      catalogue: baseCatalogue,
    });

    // Assert
    expect(report.participants).toEqual({
      registered: 6,
      approved: 3,
      checkedIn: 2,
      refused: 1,
      withdrawn: 1,
    });
    expect(report.matches).toEqual({
      proposed: 8,
      accepted: 4,
      confirmed: 2,
      declined: 1,
      expired: 1,
      cancelled: 1,
    });
    expect(report.meetings).toEqual({ scheduled: 5, held: 2, underWay: 1, noShows: 1, cancelled: 1 });
    expect(report.deals.contracts).toEqual({ count: 2, valueFen: '44799254' });
    expect(report.deals.intents).toEqual({ count: 1, valueFen: '19938250' });
    expect(report.deals.pending).toEqual({ count: 2, valueFen: '300' });
    expect(report.deals.disputed).toBe(1);
    expect(report.department).toEqual({
      events: 1,
      firms: 3,
      deals: 2,
      valueFen: '44799254',
      valueYi: '0.0045', // 447,992.54 yuan
      valueWan: '44.80',
    });
  });

  it('sums by category and by the supply city and province, largest signed value first', () => {
    // Arrange
    const deals = [
      deal('contract', { amountFen: 100, offerAdcode: '350403' }), // 三明市
      deal('contract', {
        amountFen: 300,
        offerAdcode: '350802',
        category: 'cement',
        specId: 'cement-po-42.5',
      }), // 龙岩市
      deal('intent', { amountFen: 999, offerAdcode: '350481' }), // 永安市, 三明市
      deal('contract', { amountFen: 50, offerAdcode: '360102' }), // 南昌市, 江西
    ];

    // Act
    const report = eventReport({
      event,
      registrations: [],
      checkIns: [],
      matches: [],
      meetings: [],
      deals,
      now: new Date(),
      catalogue: baseCatalogue,
    });

    // Assert
    expect(
      report.byCategory.map((r) => [r.category, r.name.zh, r.contracts.valueFen, r.intents.count]),
    ).toEqual([
      ['cement', '水泥', '300', 0],
      ['steel', '钢材', '150', 1],
    ]);
    expect(report.byCity.map((r) => [r.adcode, r.name, r.provinceName, r.contracts.valueFen])).toEqual([
      ['350800', '龙岩市', '福建省', '300'],
      ['350400', '三明市', '福建省', '100'],
      ['360100', '南昌市', '江西省', '50'],
    ]);
    expect(report.byCity.find((r) => r.adcode === '350400')!.intents).toEqual({ count: 1, valueFen: '999' });
    expect(report.byProvince.map((r) => [r.adcode, r.contracts.valueFen])).toEqual([
      ['350000', '400'],
      ['360000', '50'],
    ]);
  });

  it("measures the enrolled demand met by the event's contracts, per spec and unit, on exact decimals", () => {
    // Arrange: 0.1 + 0.2 t of contracts fully meet a demand of 0.3 t (floats would say 0.30000000000000004).
    const registrations = [
      registration('BUILDER', 'approved', [demandRebar, demandRebar2, demandCement]),
      registration('OTHER', 'refused', [{ ...demandCement, id: 'D9' }]),
    ];
    const deals = [
      deal('contract', { needListingId: 'D1', quantity: 150 }),
      deal('intent', { needListingId: 'D1', quantity: 40 }),
      deal('contract', { needListingId: 'D2', quantity: 0.1 }),
      deal('delivered', { needListingId: 'D2', quantity: 0.2 }),
      deal('contract', { needListingId: 'D9', quantity: 10, specId: 'cement-po-42.5' }), // not enrolled by an approved firm
      deal('contract_proposed', { needListingId: 'D3', quantity: 2000 }),
    ];

    // Act
    const report = eventReport({
      event,
      registrations,
      checkIns: [],
      matches: [],
      meetings: [],
      deals,
      now: new Date(),
      catalogue: baseCatalogue,
    });

    // Assert
    expect(report.demand).toEqual([
      expect.objectContaining({
        specId: 'cement-po-42.5',
        unit: 't',
        listings: 1,
        enrolled: 2000,
        met: 0,
        intended: 0,
        metPercent: '0.0',
      }),
      expect.objectContaining({
        specId: 'rebar-hrb400e-25',
        unit: 't',
        unitSymbol: { zh: '吨', en: 't' },
        listings: 2,
        enrolled: 400.3,
        met: 150.3,
        intended: 40,
        metPercent: '37.5', // 150.3 / 400.3 = 37.547 %
      }),
    ]);
    expect(report.demandListingsFullyMet).toEqual({ listings: 3, fullyMet: 1, percent: '33.3' });
  });

  it('keeps sums of many large deals exact beyond 2^53 fen', () => {
    // Arrange: 100 deals of ¥9,999,999,999.99 each.
    const deals = Array.from({ length: 100 }, () => deal('contract', { amountFen: 999_999_999_999 }));

    // Act
    const report = eventReport({
      event,
      registrations: [],
      checkIns: [],
      matches: [],
      meetings: [],
      deals,
      now: new Date(),
      catalogue: baseCatalogue,
    });

    // Assert
    expect(report.deals.contracts.valueFen).toBe('99999999999900');
    expect(fenToYuanText(BigInt(report.deals.contracts.valueFen))).toBe('999999999999.00');
    expect(report.department.valueYi).toBe('10000.0000');
    expect(report.department.valueWan).toBe('100000000.00');
  });
});

describe('the departments’ units', () => {
  it.each([
    [0n, '0.0000', '0.00'],
    [1n, '0.0000', '0.00'],
    [500_000n, '0.0001', '0.50'], // ¥5,000: half of the last 亿元 digit rounds up
    [499_999n, '0.0000', '0.50'],
    [4_999n, '0.0000', '0.00'],
    [5_000n, '0.0000', '0.01'], // ¥50 is half of 0.01 万元
    [123_456_789_012n, '12.3457', '123456.79'],
    [10_000_000_000n, '1.0000', '10000.00'], // ¥1亿
    [2n ** 63n, '922337203.6855', '9223372036854.78'],
  ])('writes %s fen as %s 亿元 and %s 万元', (fen, yi, wan) => {
    expect(fenToYiText(fen)).toBe(yi);
    expect(fenToWanText(fen)).toBe(wan);
  });

  it('agrees with integer arithmetic for any amount (no float noise)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), (fen) => {
        const wanHundredths = (fen + 5_000n) / 10_000n; // half up
        expect(fenToWanText(fen)).toBe(
          `${wanHundredths / 100n}.${String(wanHundredths % 100n).padStart(2, '0')}`,
        );
        const yiTenThousandths = (fen + 500_000n) / 1_000_000n;
        expect(fenToYiText(fen)).toBe(
          `${yiTenThousandths / 10_000n}.${String(yiTenThousandths % 10_000n).padStart(4, '0')}`,
        );
      }),
    );
  });

  it('groups thousands of yuan text', () => {
    expect(groupThousands('44799254.00')).toBe('44,799,254.00');
    expect(groupThousands('999.5')).toBe('999.5');
    expect(groupThousands('1000')).toBe('1,000');
  });

  it('works percentages out on decimals, half up to a tenth', () => {
    expect(percentText(150.3, 400.3)).toBe('37.5');
    expect(percentText(1, 8)).toBe('12.5');
    expect(percentText(1, 16)).toBe('6.3'); // 6.25 rounds up
    expect(percentText(0.3, 0.3)).toBe('100.0');
    expect(percentText(5, 0)).toBe('0.0');
  });

  it('finds the city of a county, and leaves cities and provinces as they are', () => {
    expect(cityOf('350403')).toBe('350400');
    expect(cityOf('350400')).toBe('350400');
    expect(cityOf('350000')).toBe('350000');
  });
});

describe('the region dashboard', () => {
  const at = (id: string, region: string, startDate: string, over: Partial<MatchEvent> = {}): MatchEvent =>
    ({ ...event, id, region, startDate, seriesId: id, approvedCount: 3, ...over }) as MatchEvent;

  it('puts events under their city, province-wide ones apart, and measures held events against ten', () => {
    // Arrange: eleven held events in Fuzhou (one at a county), one planned, a cancelled one, a province-wide one
    const fuzhou = Array.from({ length: 11 }, (_, i) =>
      at(`F${i}`, i === 0 ? '350102' : '350100', `2026-03-${String(i + 1).padStart(2, '0')}`),
    );
    const events = [
      ...fuzhou,
      at('LATER', '350100', '2026-03-30'),
      at('OFF', '350100', '2026-03-05', { status: 'cancelled' }),
      at('WIDE', '350000', '2026-03-10'),
    ];
    const deals = new Map([['F1', [deal('contract', { amountFen: 100 }), deal('intent', { amountFen: 7 })]]]);

    // Act
    const d = regionDashboard({
      month: '2026-03',
      region: '350000',
      today: '2026-03-20',
      events,
      dealsOf: (id) => deals.get(id) ?? [],
      seriesEvents: (id) => events.filter((e) => e.seriesId === id),
    });

    // Assert
    expect(d.cities.map((c) => c.adcode)).toEqual(dashboardCities('350000'));
    expect(d.cities.find((c) => c.adcode === '350100')).toMatchObject({
      events: 12,
      held: 11,
      met: true,
      participants: 36,
      deals: 1,
      valueFen: '100',
    });
    expect(d.cities.find((c) => c.adcode === '350200')).toMatchObject({ events: 0, held: 0, met: false });
    expect(d.provinceWide).toMatchObject({ events: 1, held: 1 });
    expect(d.events.find((e) => e.eventId === 'F1')).toMatchObject({ deals: 1, intents: 1, held: true });
    expect(d.department).toMatchObject({ events: 12, deals: 1, valueFen: '100' });
    expect(d.series).toEqual([]); // one-off events
  });

  it("names a series' next event (a draft too) after the last one held this month", () => {
    const first = at('S1', '350100', '2026-03-05', { seriesId: 'S1' });
    const second = at('S2', '350100', '2026-04-05', { seriesId: 'S1', status: 'draft' });
    const d = regionDashboard({
      month: '2026-03',
      region: '350100',
      today: '2026-03-20',
      events: [first],
      dealsOf: () => [],
      seriesEvents: () => [first, second],
    });
    expect(d.cities.map((c) => c.adcode)).toEqual(['350100']);
    expect(d.series).toEqual([{ seriesId: 'S1', title: first.title, lastEventId: 'S1', nextEventId: 'S2' }]);
  });
});

describe('demand carried over in a series', () => {
  const listing = (id: string, over: Record<string, unknown> = {}): Listing =>
    ({
      id,
      kind: 'demand',
      orgId: 'BUILDER',
      orgName: '福州建工',
      status: 'open',
      specId: 'rebar-hrb400e-25',
      category: 'steel',
      unit: 't',
      quantity: 400,
      remaining: 100,
      ...over,
    }) as unknown as Listing;

  it('proposes the open, not fully met demand of approved participants that fits the next event', () => {
    // Arrange
    const previous = { ...event, id: 'P', startDate: '2026-03-01' } as MatchEvent;
    const next = { ...event, id: 'N', startDate: '2026-04-01', status: 'published' } as MatchEvent;
    const previousRegistrations = [
      registration('BUILDER', 'approved', [
        { id: 'L1', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 400, unit: 't' },
        { id: 'L2', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 10, unit: 't' },
        { id: 'L3', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 10, unit: 't' },
        { id: 'L4', kind: 'demand', item: 'rebar-hrb400e-25', quantity: 10, unit: 't' },
      ]),
      registration('OTHER', 'refused', [{ id: 'L5', kind: 'demand', item: 'x', quantity: 1, unit: 't' }]),
    ];

    // Act
    const c = carryOver({
      event: next,
      previous,
      previousRegistrations,
      listings: [
        listing('L1'),
        listing('L2', { remaining: 0 }), // fully met
        listing('L3', { status: 'closed' }),
        listing('L4', { category: 'masks' }), // does not fit the next event
        listing('L5', { orgId: 'OTHER' }),
      ],
      registrations: [],
      fits: (l) => (l as unknown as { category: string }).category === 'steel',
      catalogue: baseCatalogue,
    });

    // Assert
    expect(c.previous).toEqual({ eventId: 'P', title: event.title, startDate: '2026-03-01' });
    expect(c.canEnroll).toBe(true);
    expect(c.orgs).toEqual([
      expect.objectContaining({
        orgId: 'BUILDER',
        registrationStatus: null,
        listings: [
          expect.objectContaining({ listingId: 'L1', remaining: 100, quantity: 400, enrolled: false }),
        ],
      }),
    ]);
  });

  it('takes the event just before in the series, skipping cancelled ones and drafts', () => {
    const series = [
      { ...event, id: 'A', startDate: '2026-01-01', status: 'closed' },
      { ...event, id: 'B', startDate: '2026-02-01', status: 'cancelled' },
      { ...event, id: 'C', startDate: '2026-02-15', status: 'draft' },
      { ...event, id: 'D', startDate: '2026-03-01', status: 'published' },
      { ...event, id: 'E', startDate: '2026-04-01', status: 'published' },
    ] as MatchEvent[];
    expect(previousInSeries(series[3]!, series)?.id).toBe('A');
    expect(previousInSeries(series[4]!, series)?.id).toBe('D');
    expect(previousInSeries(series[0]!, series)).toBeUndefined();
  });
});
