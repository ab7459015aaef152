/** Moved to functions/contract/matching-run.ts (the browser-safe contract); import it from there. */
export * from '../contract/matching-run.ts';
