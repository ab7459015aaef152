/** Moved to functions/contract/listing.ts (the browser-safe contract); import it from there. */
export * from '../contract/listing.ts';
