import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isAdmin, type Principal } from '../auth/principal.ts';
import { publicUser } from '../auth/user.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { email, id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import {
  adminCreateOrgSchema,
  passwordResetSchema,
  platformRolesSchema,
  userStatusSchema,
} from './admin.schema.ts';
import {
  createOrgAsAdmin,
  resetPassword,
  setDisabled,
  setPlatformRoles,
  verifyOrg,
} from './admin-commands.ts';

/** The platform admin's operations: organisations, roles, users, and what the stream set aside. */
function adminOf(c: Parameters<typeof principalOf>[0]): Principal {
  const principal = principalOf(c);
  if (!isAdmin(principal)) throw new ForbiddenError();
  return principal;
}

const orgParams = z.strictObject({ orgId: id });
const userParams = z.strictObject({ userId: id });

export const adminRoutes = new Hono<AppEnv>()
  .post(
    '/orgs',
    describe({
      operationId: 'adminCreateOrg',
      summary:
        'Create an organisation with its first administrator (an organizer department with the province, city or county it serves) (platform admin)',
      tags: ['admin'],
      auth: 'user',
      responses: { 201: 'Created', 409: 'Credit code or email already registered' },
    }),
    jsonBody(adminCreateOrgSchema),
    async (c) => {
      const principal = adminOf(c);
      return c.json(await createOrgAsAdmin(c.get('deps'), principal, c.req.valid('json')), 201);
    },
  )
  .post(
    '/orgs/:orgId/verification',
    describe({
      operationId: 'adminVerifyOrg',
      summary: 'Mark an organisation as verified (platform admin)',
      tags: ['admin'],
      auth: 'user',
    }),
    params(orgParams),
    async (c) => {
      const principal = adminOf(c);
      return c.json(await verifyOrg(c.get('deps'), principal, c.req.valid('param').orgId));
    },
  )
  .get(
    '/users',
    describe({
      operationId: 'adminFindUser',
      summary: 'Find a user by email (platform admin)',
      tags: ['admin'],
      auth: 'user',
    }),
    query(z.strictObject({ email })),
    async (c) => {
      adminOf(c);
      const user = await c.get('deps').users.findByEmail(c.req.valid('query').email);
      if (!user) throw new NotFoundError();
      return c.json(publicUser(user));
    },
  )
  .put(
    '/users/:userId/roles',
    describe({
      operationId: 'adminSetRoles',
      summary:
        "Grant or revoke a user's platform roles (organizer, admin); effective at once (platform admin)",
      tags: ['admin'],
      auth: 'user',
    }),
    params(userParams),
    jsonBody(platformRolesSchema),
    async (c) => {
      const principal = adminOf(c);
      const { userId } = c.req.valid('param');
      return c.json(
        await setPlatformRoles(c.get('deps'), principal, userId, c.req.valid('json').platformRoles),
      );
    },
  )
  .put(
    '/users/:userId/status',
    describe({
      operationId: 'adminSetUserStatus',
      summary: 'Disable a user (their tokens stop working at once) or enable them again (platform admin)',
      tags: ['admin'],
      auth: 'user',
    }),
    params(userParams),
    jsonBody(userStatusSchema),
    async (c) => {
      const principal = adminOf(c);
      const { userId } = c.req.valid('param');
      return c.json(await setDisabled(c.get('deps'), principal, userId, c.req.valid('json').disabled));
    },
  )
  .put(
    '/users/:userId/password',
    describe({
      operationId: 'adminResetPassword',
      summary: 'Set a new password for a user; their earlier sessions end (platform admin)',
      tags: ['admin'],
      auth: 'user',
    }),
    params(userParams),
    jsonBody(passwordResetSchema),
    async (c) => {
      const principal = adminOf(c);
      const { userId } = c.req.valid('param');
      return c.json(await resetPassword(c.get('deps'), principal, userId, c.req.valid('json').password));
    },
  )
  .get(
    '/stream-quarantine',
    describe({
      operationId: 'adminStreamQuarantine',
      summary: 'Stream records the stream handler set aside after its retries, oldest first (platform admin)',
      tags: ['admin'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      adminOf(c);
      const q = c.req.valid('query');
      return c.json(await c.get('deps').streamQuarantine.list(q.cursor, q.limit));
    },
  );
