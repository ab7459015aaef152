/** Moved to functions/contract/list-summary.ts (the browser-safe contract); import it from there. */
export * from '../contract/list-summary.ts';
