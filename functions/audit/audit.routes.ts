import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isAdmin } from '../auth/principal.ts';
import { ForbiddenError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { isoDate } from '../shared/schema-fields.ts';
import { query } from '../shared/validation.ts';

/** The platform's change log, a day at a time, newest first (admins; organizers read per listing). */
export const auditRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    operationId: 'auditLog',
    summary:
      'Every change to listings, matches, imports and the catalogue on a day: who, when, what (admins)',
    tags: ['audit'],
    auth: 'user',
  }),
  query(z.strictObject({ day: isoDate, ...pagingFields })),
  async (c) => {
    const principal = principalOf(c);
    if (!isAdmin(principal)) throw new ForbiddenError();
    const q = c.req.valid('query');
    return c.json(await c.get('deps').audit.forDay(q.day, q.cursor, q.limit));
  },
);
