import { dealFileRoutes } from '../deals/deal-file.routes.ts';
import type { RouteModule } from './app.ts';

/** The deal-files function's routes: the scans of signed papers, the one use of S3. */
export const DEAL_FILE_MODULES: readonly RouteModule[] = [{ path: '/api/deals', routes: dealFileRoutes }];
