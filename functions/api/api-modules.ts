import { adminRoutes } from '../admin/admin.routes.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes, meRoutes } from '../auth/auth.routes.ts';
import { catalogueRoutes } from '../catalogue/catalogue.routes.ts';
// notifications (issue 13): the signed-in user's own, under /api/me
import { notificationRoutes } from '../notifications/notification.routes.ts';
import { orgRoutes } from '../orgs/org.routes.ts';
import { regionRoutes } from '../regions/region.routes.ts';
import type { RouteModule } from './app.ts';

/**
 * The API function's routes (API Gateway's catch-all): sign-in and accounts, organisations,
 * regions, the catalogue, audit trails and the platform admin's area, the health check and every
 * unknown path. The only function that administers Cognito users (functions/api/handler.ts).
 */
export const API_MODULES: readonly RouteModule[] = [
  { path: '/api/auth', routes: authRoutes },
  { path: '/api/me', routes: meRoutes },
  { path: '/api/me', routes: notificationRoutes },
  { path: '/api/orgs', routes: orgRoutes },
  { path: '/api/regions', routes: regionRoutes },
  { path: '/api/catalogue', routes: catalogueRoutes },
  { path: '/api/audit', routes: auditRoutes },
  // hardening (issue 12): the platform admin's area
  { path: '/api/admin', routes: adminRoutes },
];
