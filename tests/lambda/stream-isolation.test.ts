import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoClient } from '../../functions/shared/db/client.ts';
import { keys } from '../../functions/shared/db/keys.ts';
import { createStreamHandler, isTransient } from '../../functions/streams/stream-app.ts';
import { apiClient } from '../setup/api-client.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { demandBody, supplyBody } from '../setup/listing-inputs.ts';
import { streamRecords } from '../setup/stream-records.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * A record the stream handler cannot handle is isolated — retried, then set aside where an operator
 * sees it — and never blocks the records behind it. The records are the ones DynamoDB Streams really
 * produced (Lambda's event shape).
 */
describe('stream handler isolation', () => {
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let records: DynamoDBRecord[];
  let demandId: string;
  let goodSupplyId: string;
  let badSupplyId: string;

  beforeAll(async () => {
    ctx = await freshTable();
    const steel = await makeOrg(ctx.deps, { adcode: '350403' });
    const steel2 = await makeOrg(ctx.deps, { adcode: '350802' });
    const builder = await makeOrg(ctx.deps, { kinds: ['builder'] });
    // A supply whose dates the matcher refuses, as older versions stored them (year 0099).
    const bad = await apiClient(ctx.app, { token: steel.token }).post<{ id: string }>(
      '/api/listings',
      supplyBody({ quantity: 300, adcode: '350403' }),
    );
    badSupplyId = bad.body.id;
    await ctx.deps.table.update(keys.listing(badSupplyId), {
      expression: 'SET availableFrom = :from, availableUntil = :until',
      values: { ':from': '0099-01-01', ':until': '0099-12-31' },
    });
    const good = await apiClient(ctx.app, { token: steel2.token }).post<{ id: string }>(
      '/api/listings',
      supplyBody({ quantity: 500, adcode: '350802' }),
    );
    goodSupplyId = good.body.id;
    const demand = await apiClient(ctx.app, { token: builder.token }).post<{ id: string }>(
      '/api/listings',
      demandBody({ quantity: 400, adcode: '350102' }),
    );
    demandId = demand.body.id;
    records = (await streamRecords(testDynamoEndpoint(), ctx.tableName, ctx.deps.table.client)).filter(
      (r) => r.dynamodb?.NewImage?.type?.S === 'listing',
    );
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('a listing with dates the matcher refuses does not stop matching for its area', async () => {
    // Arrange
    const handler = createStreamHandler(() => ctx.deps);

    // Act
    const response = await handler({ Records: records });

    // Assert: the batch went through and the demand heard from the good supplier only.
    expect(response.batchItemFailures).toEqual([]);
    const matches = await ctx.deps.matches.forListing(demandId, 'need');
    expect(matches.map((m) => m.offerListingId)).toEqual([goodSupplyId]);
    expect(await ctx.deps.matches.forListing(badSupplyId, 'offer')).toEqual([]);
  });

  it('sets aside a record it cannot read, logs it, and handles every record behind it', async () => {
    // Arrange: an unreadable record (an attribute of no DynamoDB type) in front of the real ones.
    const first = records[0]!;
    const poison: DynamoDBRecord = {
      ...first,
      eventID: 'poison-event-1',
      dynamodb: {
        ...first.dynamodb,
        SequenceNumber: '1',
        NewImage: { type: { S: 'listing' }, id: { S: 'x' }, status: { Q: 'open' } as never },
      },
    };
    const fresh = await freshTable();
    const steel = await makeOrg(fresh.deps, { adcode: '350802' });
    const builder = await makeOrg(fresh.deps, { kinds: ['builder'] });
    await apiClient(fresh.app, { token: steel.token }).post(
      '/api/listings',
      supplyBody({ adcode: '350802' }),
    );
    const demand = await apiClient(fresh.app, { token: builder.token }).post<{ id: string }>(
      '/api/listings',
      demandBody({ quantity: 200, adcode: '350102' }),
    );
    const real = (await streamRecords(testDynamoEndpoint(), fresh.tableName, fresh.deps.table.client)).filter(
      (r) => r.dynamodb?.NewImage?.type?.S === 'listing',
    );
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
    const handler = createStreamHandler(() => fresh.deps);

    // Act
    const response = await handler({ Records: [poison, ...real] });

    // Assert
    expect(response.batchItemFailures).toEqual([]);
    expect((await fresh.deps.matches.forListing(demand.body.id, 'need')).length).toBe(1);
    const quarantined = await fresh.deps.streamQuarantine.list();
    expect(quarantined.items).toMatchObject([
      { eventId: 'poison-event-1', sequenceNumber: '1', attempts: 3 },
    ]);
    expect(
      logged.some((line) => line.includes('stream record quarantined') && line.includes('poison-event-1')),
    ).toBe(true);
  });

  it('sets a redelivered bad record aside once', async () => {
    // Arrange
    const poison: DynamoDBRecord = {
      ...records[0]!,
      eventID: 'poison-event-2',
      dynamodb: { ...records[0]!.dynamodb, SequenceNumber: '2', NewImage: { id: { Q: 'x' } as never } },
    };
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const handler = createStreamHandler(() => ctx.deps);

    // Act
    await handler({ Records: [poison] });
    await handler({ Records: [poison] });

    // Assert
    const items = (await ctx.deps.streamQuarantine.list()).items.filter(
      (i) => i.eventId === 'poison-event-2',
    );
    expect(items.length).toBe(1);
  });

  it('tells an unreachable database (retry later) from a bad record (set aside)', async () => {
    // Arrange: a real SDK failure against a port nothing listens on.
    const client = dynamoClient({ ...ctx.config, dynamoEndpoint: 'http://127.0.0.1:9' });
    const failure = await client
      .send(new GetItemCommand({ TableName: 't', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }))
      .catch((error: unknown) => error);

    // Act / Assert
    expect(isTransient(failure)).toBe(true);
    expect(isTransient(new RangeError('availableFrom: 0099-01-01 is not a calendar date'))).toBe(false);
    expect(isTransient(new TypeError('Unsupported type passed: Q'))).toBe(false);
  });
});
