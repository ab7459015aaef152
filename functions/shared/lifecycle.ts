/** Moved to functions/contract/lifecycle.ts (the browser-safe contract); import it from there. */
export * from '../contract/lifecycle.ts';
