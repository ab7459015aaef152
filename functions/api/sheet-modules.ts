import { reportSheetRoutes } from '../events/report-sheet.routes.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { listingSheetRoutes } from '../listings/listing-sheet.routes.ts';
import { API_MODULES } from './api-modules.ts';
import { createApp, type RouteModule } from './app.ts';
import { DEAL_FILE_MODULES } from './deal-file-modules.ts';
import type { Deps } from './deps.ts';
import { EVENT_MODULES } from './event-modules.ts';
import { MARKET_MODULES } from './market-modules.ts';

/**
 * The routes that read or write spreadsheet files (exceljs, papaparse): imports, the import
 * templates, the list exports and the event report's workbook. In AWS they run in the sheets
 * Lambda (infra/api.ts routes the paths in api-routes.ts to it); no other function is built with them.
 */
export const SHEET_MODULES: readonly RouteModule[] = [
  { path: '/api/imports', routes: importRoutes },
  { path: '/api/listings', routes: listingSheetRoutes },
  { path: '/api/events', routes: reportSheetRoutes },
];

/**
 * Every route, in the order the functions' paths need: the spreadsheet routes first (so that
 * `/api/listings/export` is not taken for a listing id), then each request-path function's modules.
 */
export const FULL_APP_MODULES: readonly RouteModule[] = [
  ...SHEET_MODULES,
  ...API_MODULES,
  ...MARKET_MODULES,
  ...EVENT_MODULES,
  ...DEAL_FILE_MODULES,
];

/** Every route: the sheets Lambda, the local server and the tests. */
export function createFullApp(getDeps: () => Deps) {
  return createApp(getDeps, FULL_APP_MODULES);
}
