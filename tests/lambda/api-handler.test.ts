import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { httpApiEvent, lambdaContext } from '../setup/apigw-event.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { freshTable } from '../setup/test-table.ts';

/** The real handler module, configured by environment as the CDK stack configures it. */
describe('API Lambda handler (API Gateway HTTP API, payload 2.0)', () => {
  let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;

  beforeAll(async () => {
    const { tableName } = await freshTable();
    process.env.TABLE_NAME = tableName;
    process.env.DYNAMODB_ENDPOINT = testDynamoEndpoint();
    process.env.AWS_REGION = 'local';
    process.env.AUTH_MODE = 'local';
    ({ handler } = (await import('../../functions/api/handler.ts')) as unknown as {
      handler: typeof handler;
    });
  });

  const invoke = async (event: ReturnType<typeof httpApiEvent>) =>
    (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;

  it('answers GET /api/health on the $default stage', async () => {
    const res = await invoke(httpApiEvent({ method: 'GET', path: '/api/health' }));
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'ok' });
  });

  it('answers on a named stage whose name prefixes the raw path', async () => {
    const res = await invoke(httpApiEvent({ method: 'GET', path: '/api/health', stage: 'prod' }));
    expect(res.statusCode).toBe(200);
  });

  it('reads a base64-encoded body and returns the documented 400 for bad fields', async () => {
    const res = await invoke(
      httpApiEvent({
        method: 'POST',
        path: '/api/auth/sign-in',
        body: { email: 'x' },
        base64: true,
        headers: { 'accept-language': 'en' },
      }),
    );
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body!);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.fields[0].message).toMatch(/email/i);
  });

  it('returns 404 in the error body for an unknown route, never a 500', async () => {
    const res = await invoke(httpApiEvent({ method: 'GET', path: '/api/nope' }));
    expect(res.statusCode).toBe(404);
    expect(JSON.parse(res.body!).error.code).toBe('route_not_found');
  });

  it('sends security headers', async () => {
    const res = await invoke(httpApiEvent({ method: 'GET', path: '/api/health' }));
    const headers = Object.fromEntries(
      Object.entries(res.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toMatch(/max-age/);
  });
});
