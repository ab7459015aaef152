import { lambdaApp } from './lambda-app.ts';
import { MARKET_MODULES } from './market-modules.ts';

/** The market Lambda: listings, matches, the inbox, matching runs, deals (functions/api/market-modules.ts). */
export const { app, handler } = lambdaApp(MARKET_MODULES);
