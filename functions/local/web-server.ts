import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The local front door: `/api/*` goes to the API app (the same one Lambda serves), everything else
 * is the built web bundle with a single-page-app fallback, like CloudFront in AWS.
 */
export function createLocalServerApp(
  api: { fetch: (request: Request, env?: unknown) => Response | Promise<Response> },
  webDist: string,
  local?: Hono,
) {
  const app = new Hono();
  const root = relative(process.cwd(), resolve(webDist)) || '.';
  const hasWeb = existsSync(resolve(webDist, 'index.html'));
  app.all('/api/*', (c) => api.fetch(c.req.raw, c.env));
  app.all('/api', (c) => api.fetch(c.req.raw, c.env));
  // Local-only pages (the outbox of e-mails and SMS); the API app, and so AWS, has none of them.
  if (local) app.route('/', local);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  if (hasWeb) {
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  } else {
    app.get('*', (c) =>
      c.text('The web bundle is not built yet: run `npm run build:web` (npm start does it for you).', 503),
    );
  }
  return app;
}
