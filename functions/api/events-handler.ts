import { EVENT_MODULES } from './event-modules.ts';
import { lambdaApp } from './lambda-app.ts';

/** The events Lambda: events, meetings, the live day, reports (functions/api/event-modules.ts). */
export const { app, handler } = lambdaApp(EVENT_MODULES);
