/** Moved to functions/contract/audit.ts (the browser-safe contract); import it from there. */
export * from '../contract/audit.ts';
