import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_MODULES } from '../../functions/api/api-modules.ts';
import { createApp as createApiApp, type RouteModule } from '../../functions/api/app.ts';
import { DEAL_FILE_MODULES } from '../../functions/api/deal-file-modules.ts';
import type { Deps } from '../../functions/api/deps.ts';
import { EVENT_MODULES } from '../../functions/api/event-modules.ts';
import { MARKET_MODULES } from '../../functions/api/market-modules.ts';
import { createFullApp, FULL_APP_MODULES } from '../../functions/api/sheet-modules.ts';
import { createApp, type GongxuStack } from '../../infra/app.ts';

/**
 * The API is several Lambdas behind one HTTP API: API Gateway picks the function by path. For every
 * route of the complete app (what the local server serves on one origin), the route API Gateway
 * selects — simulated with its documented precedence — must belong to a function whose app has that
 * route, so splitting the API never loses an operation.
 */
let stack: GongxuStack;
let routes: { method: string; path: string; target: string }[];

const logicalId = (fn: NodejsFunction): string =>
  Stack.of(fn).resolve(Stack.of(fn).getLogicalId(fn.node.defaultChild as never)) as string;

beforeAll(() => {
  ({ stack } = createApp({
    context: { stage: 'dev', 'aws:cdk:bundling-stacks': [] },
    webDistPath: '/nonexistent/web/dist',
  }));
  const resources = Template.fromStack(stack).toJSON().Resources as Record<
    string,
    { Type: string; Properties: Record<string, unknown> }
  >;
  routes = Object.values(resources)
    .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
    .map((route) => {
      const [method, path] = (route.Properties.RouteKey as string).split(' ') as [string, string];
      const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = resources[target['Fn::Join'][1][1].Ref]!;
      const uri = integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      return { method, path, target: uri['Fn::GetAtt'][0] };
    });
});

/**
 * HTTP API route selection: a full match beats a route with path variables, which beats a greedy
 * `{proxy+}` (the longest greedy prefix first); for one path an explicit method beats ANY.
 */
function selectRoute<R extends { method: string; path: string }>(
  candidates: readonly R[],
  method: string,
  path: string,
): R | undefined {
  const segments = path.split('/').slice(1);
  const rank = (route: R): number[] | undefined => {
    if (route.method !== 'ANY' && route.method !== method) return undefined;
    const explicit = route.method === 'ANY' ? 0 : 1;
    const parts = route.path === '/' ? [''] : route.path.split('/').slice(1);
    const greedy = parts.at(-1) === '{proxy+}';
    const fixed = greedy ? parts.slice(0, -1) : parts;
    if (greedy ? segments.length <= fixed.length : segments.length !== fixed.length) return undefined;
    let variables = 0;
    for (const [i, part] of fixed.entries()) {
      if (/^\{[^}+]+\}$/.test(part)) {
        if (segments[i] === '') return undefined;
        variables++;
      } else if (part !== segments[i]) return undefined;
    }
    if (greedy && segments.slice(fixed.length).join('/') === '') return undefined;
    if (greedy) return [0, fixed.length, explicit];
    return [variables === 0 ? 2 : 1, -variables, explicit];
  };
  let best: { route: R; key: number[] } | undefined;
  for (const route of candidates) {
    const key = rank(route);
    if (!key) continue;
    if (!best || compareKeys(key, best.key) > 0) best = { route, key };
  }
  return best?.route;
}

/** Lexicographic order of two rank keys. */
function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

describe('API Gateway routing across the API functions', () => {
  const modulesOf = (): Record<string, readonly RouteModule[]> => ({
    [logicalId(stack.api.apiFunction)]: API_MODULES,
    [logicalId(stack.api.marketFunction)]: MARKET_MODULES,
    [logicalId(stack.api.eventsFunction)]: EVENT_MODULES,
    [logicalId(stack.api.dealFilesFunction)]: DEAL_FILE_MODULES,
    [logicalId(stack.api.sheetsFunction)]: FULL_APP_MODULES,
  });
  const noDeps = () => ({}) as Deps;
  const operations = createFullApp(noDeps)
    .routes.filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }));
  const concrete = (path: string) => path.replace(/:[^/]+/g, (name) => `${name.slice(1)}-1`);

  it('the simulated precedence picks what API Gateway documents', () => {
    const table = [
      { method: 'ANY', path: '/{proxy+}' },
      { method: 'ANY', path: '/api/listings/{proxy+}' },
      { method: 'GET', path: '/api/listings/export' },
      { method: 'ANY', path: '/api/deals/{proxy+}' },
      { method: 'GET', path: '/api/deals/{dealId}/file' },
    ];
    expect(selectRoute(table, 'GET', '/api/listings/export')?.path).toBe('/api/listings/export');
    expect(selectRoute(table, 'POST', '/api/listings/export')?.path).toBe('/api/listings/{proxy+}');
    expect(selectRoute(table, 'GET', '/api/listings/l-1')?.path).toBe('/api/listings/{proxy+}');
    expect(selectRoute(table, 'GET', '/api/deals/d-1/file')?.path).toBe('/api/deals/{dealId}/file');
    expect(selectRoute(table, 'POST', '/api/deals/d-1/file')?.path).toBe('/api/deals/{proxy+}');
    expect(selectRoute(table, 'GET', '/api/deals/d-1/history')?.path).toBe('/api/deals/{proxy+}');
    expect(selectRoute(table, 'GET', '/api/health')?.path).toBe('/{proxy+}');
  });

  it('sends every operation of the complete app to a function that serves it', () => {
    const modules = modulesOf();
    const served = new Map(
      Object.entries(modules).map(([id, list]) => [
        id,
        new Set(createApiApp(noDeps, list).routes.map((r) => `${r.method} ${r.path}`)),
      ]),
    );
    expect(operations.length).toBeGreaterThan(100);
    const lost = operations.filter((op) => {
      const route = selectRoute(routes, op.method, concrete(op.path));
      return !route || !served.get(route.target)?.has(`${op.method} ${op.path}`);
    });
    expect(lost).toEqual([]);
  });

  it('builds each request-path function from its own modules only, the complete app from all of them', () => {
    const modules = modulesOf();
    const split = [API_MODULES, MARKET_MODULES, EVENT_MODULES, DEAL_FILE_MODULES].flat();
    expect(new Set(Object.keys(modules)).size).toBe(5);
    for (const module of split) expect(FULL_APP_MODULES).toContain(module);
    expect(new Set(split).size).toBe(split.length);
  });
});
