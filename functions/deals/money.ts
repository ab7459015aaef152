/** Moved to functions/contract/money.ts (the browser-safe contract); import it from there. */
export * from '../contract/money.ts';
