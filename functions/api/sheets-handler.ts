import { lambdaApp } from './lambda-app.ts';
import { FULL_APP_MODULES } from './sheet-modules.ts';

/**
 * The sheets Lambda: the complete app, of which API Gateway sends it only the spreadsheet routes
 * (imports, templates, exports) and the OpenAPI document. Parsing runs inline: a slow file holds
 * up only this function's own instance, never the others'.
 */
export const { app, handler } = lambdaApp(FULL_APP_MODULES);
