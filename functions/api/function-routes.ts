/**
 * The HTTP API Gateway routes of each request-path Lambda besides the API function, which takes
 * the catch-all (`ANY /`, `ANY /{proxy+}`: sign-in, accounts, organisations, regions, the catalogue,
 * audit, admin, health and unknown paths). API Gateway picks a full path over one with a path
 * variable over a greedy `{proxy+}`, and the longest greedy prefix among those, so e.g.
 * `GET /api/listings/export` goes to the sheets function and `/api/listings/{id}` to the market one.
 * tests/infra/api-routing.test.ts checks that every operation of the OpenAPI document reaches a
 * function whose app serves it.
 */
export interface FunctionRoute {
  readonly path: string;
  readonly methods: readonly ('ANY' | 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE')[];
}

const any = (...paths: string[]): FunctionRoute[] => paths.map((path) => ({ path, methods: ['ANY'] }));

/** Listings and their totals, matches, the inbox, matching runs, deals (functions/api/market-modules.ts). */
export const MARKET_ROUTE_PATHS: readonly FunctionRoute[] = any(
  '/api/listings',
  '/api/listings/{proxy+}',
  '/api/matches',
  '/api/matches/{proxy+}',
  '/api/inbox',
  '/api/inbox/{proxy+}',
  '/api/matching-runs',
  '/api/matching-runs/{proxy+}',
  '/api/deals',
  '/api/deals/{proxy+}',
);

/** Events, meetings, the live day and its big screen, reports (functions/api/event-modules.ts). */
export const EVENT_ROUTE_PATHS: readonly FunctionRoute[] = any(
  '/api/events',
  '/api/events/{proxy+}',
  '/api/public/{proxy+}',
  '/api/live/{proxy+}',
);

/** The scans of signed papers (functions/api/deal-file-modules.ts): the one function with S3. */
export const DEAL_FILE_ROUTE_PATHS: readonly FunctionRoute[] = [
  { path: '/api/deals/{dealId}/file', methods: ['GET', 'PUT'] },
];
