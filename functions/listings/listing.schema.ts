/** Moved to functions/contract/listing.schema.ts (the browser-safe contract); import it from there. */
export * from '../contract/listing.schema.ts';
