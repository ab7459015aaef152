/** Moved to functions/contract/errors.ts (the browser-safe contract); import it from there. */
export * from '../contract/errors.ts';
