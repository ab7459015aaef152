import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { httpApiEvent, lambdaContext } from '../setup/apigw-event.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { eventBody } from '../setup/event-inputs.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

/**
 * The big screen in AWS polls the events Lambda every second with If-None-Match: the real handler,
 * given the real API Gateway HTTP API (payload 2.0) event, answers 200 with an ETag and a 1 s cache,
 * then 304 without a body while nothing changed, and 200 again once something did.
 */
describe('the big-screen dashboard through the events Lambda handler', () => {
  let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;
  let ctx: Awaited<ReturnType<typeof freshTable>>;
  let token: string;
  let eventId: string;

  beforeAll(async () => {
    ctx = await freshTable();
    const organizer = await makeOrg(ctx.deps, {
      creditCode: '11350000003588110J',
      kinds: ['organizer'],
      platformRoles: ['organizer'],
    });
    const api = apiClient(ctx.app, { token: organizer.token });
    eventId = (await api.post<{ id: string }>('/api/events', eventBody())).body.id;
    await api.post(`/api/events/${eventId}/publish`, {});
    token = await ctx.deps.live.ensureDashboardToken(eventId);
    process.env.TABLE_NAME = ctx.tableName;
    process.env.DYNAMODB_ENDPOINT = testDynamoEndpoint();
    process.env.AWS_REGION = 'local';
    process.env.AUTH_MODE = 'local';
    ({ handler } = (await import('../../functions/api/events-handler.ts')) as unknown as {
      handler: typeof handler;
    });
  });

  const invoke = async (event: ReturnType<typeof httpApiEvent>) =>
    (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;

  it('answers 200 with an ETag, then 304 for If-None-Match while unchanged, then 200 after a change', async () => {
    // Arrange
    const path = `/api/public/live/${token}`;

    // Act
    const first = await invoke(httpApiEvent({ method: 'GET', path }));
    const etag = first.headers?.etag ?? first.headers?.ETag;
    const unchanged = await invoke(
      httpApiEvent({ method: 'GET', path, headers: { 'if-none-match': String(etag) } }),
    );
    await ctx.deps.live.checkIn({
      eventId,
      orgId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      orgName: '到场企业',
      via: 'name',
      at: new Date().toISOString(),
      byUserId: 'u',
    });
    const changed = await invoke(
      httpApiEvent({ method: 'GET', path, headers: { 'if-none-match': String(etag) } }),
    );

    // Assert
    expect(first.statusCode).toBe(200);
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers?.['cache-control']).toBe('public, max-age=1');
    expect(JSON.parse(first.body!)).toMatchObject({ checkedIn: 0, deals: 0 });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body ?? '').toBe('');
    expect(changed.statusCode).toBe(200);
    expect(JSON.parse(changed.body!)).toMatchObject({ checkedIn: 1 });
  });

  it('answers 404 for a token no event has, without revealing anything', async () => {
    const res = await invoke(httpApiEvent({ method: 'GET', path: `/api/public/live/${'Z'.repeat(32)}` }));
    expect(res.statusCode).toBe(404);
  });
});
