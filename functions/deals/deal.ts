/** Moved to functions/contract/deal.ts (the browser-safe contract); import it from there. */
export * from '../contract/deal.ts';
