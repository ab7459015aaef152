/** Moved to functions/contract/deal.schema.ts (the browser-safe contract); import it from there. */
export * from '../contract/deal.schema.ts';
