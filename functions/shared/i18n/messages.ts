/** Moved to functions/contract/messages.ts (the browser-safe contract); import it from there. */
export * from '../../contract/messages.ts';
