/**
 * The HTTP API Gateway routes served by the sheets Lambda. The OpenAPI document is among them:
 * only the complete app can describe every operation. A test checks that every route of the
 * spreadsheet modules is covered (tests/infra/sheets-function.test.ts).
 */
export const SHEET_ROUTE_PATHS = [
  { path: '/api/imports', methods: ['ANY'] },
  { path: '/api/imports/{proxy+}', methods: ['ANY'] },
  { path: '/api/listings/export', methods: ['GET'] },
  { path: '/api/listings/summary/export', methods: ['GET'] },
  { path: '/api/events/{eventId}/report/export', methods: ['GET'] },
  { path: '/api/openapi.json', methods: ['GET'] },
] as const;
