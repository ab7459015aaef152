/** Moved to functions/contract/notification.ts (the browser-safe contract); import it from there. */
export * from '../contract/notification.ts';
