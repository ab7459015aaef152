/** Moved to functions/contract/match.ts (the browser-safe contract); import it from there. */
export * from '../contract/match.ts';
