import { dealRoutes, matchDealRoutes } from '../deals/deal.routes.ts';
import { listingRoutes } from '../listings/listing.routes.ts';
import { inboxRoutes, listingMatchRoutes, matchRoutes } from '../matches/match.routes.ts';
import { matchingRunRoutes } from '../matches/matching-run.routes.ts';
import type { RouteModule } from './app.ts';

/** The market function's routes: listings and their totals, matches, the inbox, matching runs, deals. */
export const MARKET_MODULES: readonly RouteModule[] = [
  { path: '/api/listings', routes: listingRoutes },
  { path: '/api/listings', routes: listingMatchRoutes },
  { path: '/api/matches', routes: matchRoutes },
  { path: '/api/inbox', routes: inboxRoutes },
  { path: '/api/matching-runs', routes: matchingRunRoutes },
  { path: '/api/deals', routes: dealRoutes },
  { path: '/api/matches', routes: matchDealRoutes },
];
