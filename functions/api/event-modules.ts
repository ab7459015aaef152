import { eventRoutes, publicEventRoutes } from '../events/event.routes.ts';
import { reportRoutes } from '../events/report.routes.ts';
import { checkInCodeRoutes, liveRoutes, publicLiveRoutes } from '../live/live.routes.ts';
import { meetingRoutes } from '../meetings/meeting.routes.ts';
import type { RouteModule } from './app.ts';

/**
 * The events function's routes: matchmaking events (issue 9), their meetings and schedule, the
 * live day and its public big screen (issue 10), reports.
 */
export const EVENT_MODULES: readonly RouteModule[] = [
  { path: '/api/events', routes: reportRoutes }, // ahead of /:eventId (its /dashboard)
  { path: '/api/events', routes: eventRoutes },
  { path: '/api/events', routes: meetingRoutes },
  { path: '/api/events', routes: liveRoutes },
  { path: '/api/public/live', routes: publicLiveRoutes },
  { path: '/api/live', routes: checkInCodeRoutes },
  { path: '/api/public/events', routes: publicEventRoutes },
];
