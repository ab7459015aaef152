import { reportSheetRoutes } from '../events/report-sheet.routes.ts';
import { importRoutes } from '../imports/import.routes.ts';
import { listingSheetRoutes } from '../listings/listing-sheet.routes.ts';
import { createApp, type RouteModule } from './app.ts';
import type { Deps } from './deps.ts';

/**
 * The routes that read or write spreadsheet files (exceljs, papaparse): imports, the import
 * templates, the list exports and the event report's workbook. In AWS they run in the sheets Lambda (infra/api.ts routes
 * the paths in sheet-routes.ts to it); the API Lambda is built without them.
 */
export const SHEET_MODULES: readonly RouteModule[] = [
  { path: '/api/imports', routes: importRoutes },
  { path: '/api/listings', routes: listingSheetRoutes },
  { path: '/api/events', routes: reportSheetRoutes },
];

/** Every route: the sheets Lambda, the local server and the tests. */
export function createFullApp(getDeps: () => Deps) {
  return createApp(getDeps, SHEET_MODULES);
}
