/**
 * `npm run bench:report`: the event report of a large event — 300 approved participants with a
 * demand or a supply each, and 2,000 deals at the event (letters of intent, contracts, pending) —
 * through the real app on DynamoDB Local: the report (JSON) and its .xlsx, median of several calls.
 * Prints one line per figure.
 */
export {};

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { createFullApp } = await import('../../functions/api/sheet-modules.ts');
const { buildDeps } = await import('../../functions/api/deps.ts');
const { readConfig } = await import('../../functions/shared/config.ts');
const { dynamoClient } = await import('../../functions/shared/db/client.ts');
const { ensureTable } = await import('../../functions/shared/db/create-table.ts');
const { startDynamoDbLocal } = await import('../../functions/local/dynamodb-local.ts');
const { registerOrg } = await import('../../functions/orgs/register-org.ts');
const { newId } = await import('../../functions/shared/ids.ts');
const { registrationIdFor } = await import('../../functions/events/registration.ts');
const { amountFen } = await import('../../functions/contract/money.ts');

const PARTICIPANTS = Number(process.argv.find((a) => a.startsWith('--participants='))?.slice(15) ?? 300);
const DEALS = Number(process.argv.find((a) => a.startsWith('--deals='))?.slice(8) ?? 2_000);
const CITIES = ['350102', '350403', '350802', '350583', '350203', '360102', '370102'];
const STATUSES = ['contract', 'contract', 'delivered', 'intent', 'intent_proposed', 'disputed'] as const;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dynamo = await startDynamoDbLocal({ dataDir: null });
try {
  const config = {
    ...readConfig({ AUTH_MODE: 'local' }),
    tableName: 'bench-report',
    dynamoEndpoint: dynamo.endpoint,
    region: 'local',
  };
  await ensureTable(dynamoClient(config), config.tableName);
  const deps = buildDeps(config);
  const app = createFullApp(() => deps);
  const { session } = await registerOrg(
    deps,
    {
      org: {
        name: '福建省工业和信息化厅',
        creditCode: '11350000003588110J',
        kinds: ['organizer'],
        adcode: '350102',
        contact: { name: '陈科长', phone: '059187000000' },
      },
      admin: { name: '陈科长', email: 'bench-organizer@example.cn', password: 'bench-password-1' },
    },
    { platformRoles: ['organizer'] },
  );
  const call = (path: string, init: RequestInit = {}) =>
    app.request(path, {
      ...init,
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
    });
  const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const created = await call('/api/events', {
    method: 'POST',
    body: JSON.stringify({
      title: '基准：全省产销对接会',
      kind: 'goods',
      categories: ['steel', 'cement'],
      region: '350000',
      mode: 'venue',
      venue: { name: '福州海峡国际会展中心', address: '福州市仓山区会展路', tables: 40 },
      days: [{ date: day, start: '09:00', end: '17:00' }],
      meetingMinutes: 20,
      bufferMinutes: 0,
      registrationDeadline: deadline,
      capacity: PARTICIPANTS,
    }),
  });
  const eventId = ((await created.json()) as { id: string }).id;
  await call(`/api/events/${eventId}/publish`, { method: 'POST', body: '{}' });
  const event = (await deps.events.get(eventId))!;

  // Participants: approved registrations written as the registration command writes them.
  const now = new Date().toISOString();
  const orgs = Array.from({ length: PARTICIPANTS }, (_, i) => ({
    orgId: newId(),
    orgName: `企业${i + 1}`,
    adcode: CITIES[i % CITIES.length]!,
    listingId: newId(),
    kind: i % 2 === 0 ? 'supply' : 'demand',
    specId: i % 3 === 0 ? 'cement-po-42.5' : 'rebar-hrb400e-25',
  }));
  for (let i = 0; i < orgs.length; i += 20) {
    await Promise.all(
      orgs.slice(i, i + 20).map((o) =>
        deps.table.transact([
          deps.events.registrationItem(
            {
              id: registrationIdFor(eventId, o.orgId),
              eventId,
              eventTitle: event.title,
              eventStartDate: event.startDate,
              orgId: o.orgId,
              orgName: o.orgName,
              status: 'approved',
              listingIds: [o.listingId],
              listings: [{ id: o.listingId, kind: o.kind, item: o.specId, quantity: 5_000, unit: 't' }],
              availability: [],
              people: 2,
              createdBy: 'bench',
              createdAt: now,
              updatedAt: now,
              version: 1,
            },
            event.startDate,
          ),
        ]),
      ),
    );
  }
  const supplies = orgs.filter((o) => o.kind === 'supply');
  const demands = orgs.filter((o) => o.kind === 'demand');
  let seeded = 0;
  const started = performance.now();
  for (let i = 0; i < DEALS; i += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, DEALS - i) }, (_, k) => {
        const n = i + k;
        const offer = supplies[n % supplies.length]!;
        const need = demands[(n * 7) % demands.length]!;
        const quantity = 10 + (n % 97) + (n % 1000) / 1000;
        const unitPriceFen = 380_000 + (n % 50) * 1_37;
        const status = STATUSES[n % STATUSES.length]!;
        seeded += 1;
        return deps.table.transact(
          deps.deals.createItems({
            id: newId(),
            document: status.startsWith('intent') ? 'intent' : 'contract',
            status,
            eventId,
            offerListingId: offer.listingId,
            offerOrgId: offer.orgId,
            offerOrgName: offer.orgName,
            offerAdcode: offer.adcode,
            needListingId: need.listingId,
            needOrgId: need.orgId,
            needOrgName: need.orgName,
            needAdcode: need.adcode,
            specId: offer.specId,
            category: offer.specId.startsWith('cement') ? 'cement' : 'steel',
            quantity,
            unit: 't',
            unitPrice: `${Math.trunc(unitPriceFen / 100)}.${String(unitPriceFen % 100).padStart(2, '0')}`,
            unitPriceFen,
            amountFen: Number(amountFen(quantity, unitPriceFen)),
            deliveryFrom: day,
            deliveryUntil: day,
            deliveryAdcode: need.adcode,
            recordedByOrgId: offer.orgId,
            recordedByUserId: 'bench',
            recordedAs: 'offer',
            createdAt: now,
            updatedAt: now,
            version: 1,
          }),
        );
      }),
    );
  }
  console.log(
    `seed: participants=${PARTICIPANTS} deals=${seeded} ms=${Math.round(performance.now() - started)}`,
  );

  const timings: number[] = [];
  let body:
    | { deals: { contracts: { count: number; valueFen: string } }; department: { valueYi: string } }
    | undefined;
  for (let run = 0; run < 7; run++) {
    const t0 = performance.now();
    const res = await call(`/api/events/${eventId}/report`);
    body = (await res.json()) as typeof body;
    timings.push(performance.now() - t0);
  }
  console.log(
    `report: deals=${seeded} contracts=${body!.deals.contracts.count} valueFen=${body!.deals.contracts.valueFen} yi=${body!.department.valueYi} median_ms=${Math.round(median(timings))}`,
  );
  const sheetTimings: number[] = [];
  let bytes = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const res = await call(`/api/events/${eventId}/report/export?lang=zh`);
    bytes = (await res.arrayBuffer()).byteLength;
    sheetTimings.push(performance.now() - t0);
  }
  console.log(`xlsx: bytes=${bytes} median_ms=${Math.round(median(sheetTimings))}`);
} finally {
  await dynamo.stop();
}
