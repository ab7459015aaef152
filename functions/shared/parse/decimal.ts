/** Moved to functions/contract/decimal.ts (the browser-safe contract); import it from there. */
export * from '../../contract/decimal.ts';
