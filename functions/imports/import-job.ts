/** Moved to functions/contract/import-job.ts (the browser-safe contract); import it from there. */
export * from '../contract/import-job.ts';
