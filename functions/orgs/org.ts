/** Moved to functions/contract/org.ts (the browser-safe contract); import it from there. */
export * from '../contract/org.ts';
