/** Moved to functions/contract/deal-file.ts (the browser-safe contract); import it from there. */
export * from '../contract/deal-file.ts';
