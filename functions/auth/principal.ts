/** Moved to functions/contract/principal.ts (the browser-safe contract); import it from there. */
export * from '../contract/principal.ts';
