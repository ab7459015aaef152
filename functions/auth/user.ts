/** Moved to functions/contract/user.ts (the browser-safe contract); import it from there. */
export * from '../contract/user.ts';
