import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHEET_ROUTE_PATHS } from '../../functions/api/sheet-routes.ts';
import { readSheet } from '../../functions/imports/workbook.ts';
import { httpApiEvent, lambdaContext } from '../setup/apigw-event.ts';
import { testDynamoEndpoint } from '../setup/dynamo-endpoint.ts';
import { makeOrg } from '../setup/fixtures.ts';
import { freshTable } from '../setup/test-table.ts';

type Handler = (event: unknown, context: unknown) => Promise<APIGatewayProxyResultV2>;

const CSV =
  '产品规格,可供数量,单位,出厂地点,配送半径（公里）,供货开始日期,供货截止日期,单价（元）,联系人,联系电话\n' +
  'HRB400E Φ25,"1,200",吨,福建省三明市三元区,300,2030-03-15,2030-05-15,3950,林工,13905981234\n';

/** Whether an API Gateway route path (with `{proxy+}`) takes a request path. */
function routeTakes(routePath: string, path: string): boolean {
  if (routePath.endsWith('/{proxy+}')) return path.startsWith(routePath.slice(0, -'{proxy+}'.length));
  return routePath.replace(/\{[^}+]+\}/g, 'x') === path; // a path parameter takes any segment
}

/**
 * The sheets Lambda and the API Lambda, each the real handler module configured by environment as
 * the CDK stack configures it, driven by API Gateway HTTP API (payload 2.0) events.
 */
describe('sheets Lambda handler (spreadsheet routes of the HTTP API)', () => {
  let sheets: Handler;
  let api: Handler;
  let token: string;

  beforeAll(async () => {
    const keyFile = join(mkdtempSync(join(tmpdir(), 'gongxu-sheets-')), 'key.json');
    const ctx = await freshTable({ config: { localKeyFile: keyFile } });
    Object.assign(process.env, {
      TABLE_NAME: ctx.tableName,
      DYNAMODB_ENDPOINT: testDynamoEndpoint(),
      AWS_REGION: 'local',
      AUTH_MODE: 'local',
      GONGXU_KEY_FILE: keyFile,
    });
    ({ token } = await makeOrg(ctx.deps, { adcode: '350403' }));
    ({ handler: sheets } = (await import('../../functions/api/sheets-handler.ts')) as unknown as {
      handler: Handler;
    });
    ({ handler: api } = (await import('../../functions/api/handler.ts')) as unknown as { handler: Handler });
  });

  const invoke = async (handler: Handler, event: ReturnType<typeof httpApiEvent>) =>
    (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;

  it('checks an uploaded sheet sent base64-encoded, as API Gateway sends binary bodies', async () => {
    const res = await invoke(
      sheets,
      httpApiEvent({
        method: 'POST',
        path: '/api/imports',
        query: { kind: 'supply', format: 'csv', fileName: 'stock.csv' },
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        rawBody: CSV,
        base64: true,
      }),
    );

    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body!)).toMatchObject({ status: 'validated', totalRows: 1, goodRows: 1 });
  });

  it('returns the import template as a base64-encoded .xlsx', async () => {
    const res = await invoke(
      sheets,
      httpApiEvent({
        method: 'GET',
        path: '/api/imports/template',
        query: { kind: 'supply' },
        headers: { authorization: `Bearer ${token}` },
      }),
    );

    expect(res.statusCode).toBe(200);
    expect(res.isBase64Encoded).toBe(true);
    const rows = await readSheet(Buffer.from(res.body!, 'base64'), 'xlsx');
    expect(rows[0]).toContain('产品规格*');
  });

  it('exports the 供应清单 summary as a spreadsheet', async () => {
    const res = await invoke(
      sheets,
      httpApiEvent({
        method: 'GET',
        path: '/api/listings/summary/export',
        query: { region: '350000', format: 'csv', lang: 'en' },
        headers: { authorization: `Bearer ${token}` },
      }),
    );

    expect(res.statusCode).toBe(200);
    expect(Buffer.from(res.body!, res.isBase64Encoded ? 'base64' : 'utf8').toString('utf8')).toContain(
      'Gap (demand − supply)',
    );
  });

  it('serves an OpenAPI document that describes the spreadsheet operations too', async () => {
    const res = await invoke(sheets, httpApiEvent({ method: 'GET', path: '/api/openapi.json' }));

    const doc = JSON.parse(res.body!) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/imports', '/api/listings/export', '/api/listings/summary/export']),
    );
  });

  it('is the only function with spreadsheet routes: the API function answers them 404 or 400', async () => {
    const upload = await invoke(
      api,
      httpApiEvent({
        method: 'GET',
        path: '/api/imports/template',
        query: { kind: 'supply' },
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    const health = await invoke(api, httpApiEvent({ method: 'GET', path: '/api/health' }));

    expect(upload.statusCode).toBe(404);
    expect(health.statusCode).toBe(200);
  });

  it('receives every spreadsheet operation of the OpenAPI document through its API Gateway routes', async () => {
    const res = await invoke(sheets, httpApiEvent({ method: 'GET', path: '/api/openapi.json' }));
    const doc = JSON.parse(res.body!) as {
      paths: Record<string, Record<string, { operationId: string; tags?: string[] }>>;
    };
    const sheetOperations = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.values(ops)
        .filter((op) => op.tags?.includes('imports') || /^export/.test(op.operationId))
        .map(() => path.replace(/\{[^}]+\}/g, 'x')),
    );

    expect(sheetOperations.length).toBeGreaterThanOrEqual(8);
    for (const path of sheetOperations) {
      expect(SHEET_ROUTE_PATHS.some((route) => routeTakes(route.path, path))).toBe(true);
    }
  });
});
