/** Moved to functions/contract/credit-code.ts (the browser-safe contract); import it from there. */
export * from '../contract/credit-code.ts';
