/** Moved to functions/contract/org.schema.ts (the browser-safe contract); import it from there. */
export * from '../contract/org.schema.ts';
