/** Moved to functions/contract/error-body.ts (the browser-safe contract); import it from there. */
export * from '../contract/error-body.ts';
