/** Moved to functions/contract/date-range.ts (the browser-safe contract); import it from there. */
export * from '../contract/date-range.ts';
