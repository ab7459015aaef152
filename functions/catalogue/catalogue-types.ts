/** Moved to functions/contract/catalogue-types.ts (the browser-safe contract); import it from there. */
export * from '../contract/catalogue-types.ts';
