import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../functions/shared/ids.ts';
import { httpApiEvent, lambdaContext } from '../setup/apigw-event.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;

/**
 * The request-path Lambdas the API is split into (functions/api/*-handler.ts), each the real
 * handler module configured by environment as the stack configures it: each serves its own routes
 * with the shared middleware (tokens, errors, health) and answers another function's route 404,
 * never by accident (API Gateway never sends it one: tests/infra/api-routing.test.ts).
 */
describe('the request-path Lambda handlers', () => {
  const handlers: Record<'api' | 'market' | 'events' | 'dealFiles', Handler> = {} as never;
  let token: string;

  beforeAll(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'gongxu-functions-')), 'key.json');
    const ctx = await freshTable({ config: { localKeyFile: keyFile } });
    Object.assign(process.env, {
      TABLE_NAME: ctx.tableName,
      DYNAMODB_ENDPOINT: testDynamoEndpoint(),
      AWS_REGION: 'local',
      AUTH_MODE: 'local',
      GONGXU_KEY_FILE: keyFile,
    });
    ({ token } = await makeOrg(ctx.deps, { adcode: '350403' }));
    const load = async (file: string) =>
      ((await import(`../../functions/api/${file}`)) as unknown as { handler: Handler }).handler;
    handlers.api = await load('handler.ts');
    handlers.market = await load('market-handler.ts');
    handlers.events = await load('events-handler.ts');
    handlers.dealFiles = await load('deal-files-handler.ts');
  });

  const get = async (handler: Handler, path: string) => {
    const res = (await handler(
      httpApiEvent({
        method: 'GET',
        path,
        headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    return { status: res.statusCode, body: JSON.parse(res.body ?? 'null') };
  };

  it('each answers its own routes with the caller signed in', async () => {
    expect((await get(handlers.api, '/api/me')).status).toBe(200);
    const mine = await get(handlers.market, '/api/listings/mine');
    expect(mine.status).toBe(200);
    expect(mine.body.items).toEqual([]);
    expect((await get(handlers.events, '/api/events/registered')).status).toBe(200);
    const file = await get(handlers.dealFiles, `/api/deals/${newId()}/file`);
    expect(file.status).toBe(404);
    expect(file.body.error.code).not.toBe('route_not_found');
  });

  it('each shares the health check and the one error body', async () => {
    for (const handler of Object.values(handlers)) {
      expect((await get(handler, '/api/health')).body).toMatchObject({ status: 'ok' });
    }
  });

  it('none serves another function’s routes', async () => {
    const notServed = [
      [handlers.api, '/api/listings/mine'],
      [handlers.market, '/api/events/registered'],
      [handlers.events, '/api/listings/mine'],
      [handlers.dealFiles, '/api/me'],
    ] as const;
    for (const [handler, path] of notServed) {
      const res = await get(handler, path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('route_not_found');
    }
  });
});
