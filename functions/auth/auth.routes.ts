import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { clientAddress, principalOf } from '../api/context.ts';
import { withoutSecrets } from '../orgs/org.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { AuthenticationError, NotFoundError } from '../shared/errors.ts';
import { describe } from '../shared/openapi.ts';
import { email, password } from '../shared/schema-fields.ts';
import { jsonBody } from '../shared/validation.ts';
import { publicUser } from './user.ts';

const signInSchema = z.strictObject({ email, password });

export const authRoutes = new Hono<AppEnv>()
  .post(
    '/sign-in',
    describe({
      operationId: 'signIn',
      summary: 'Sign in with email and password; returns a bearer token (JWT)',
      tags: ['auth'],
      auth: 'public',
      responses: { 200: 'Signed in', 401: 'Wrong email or password', 429: 'Too many failed attempts' },
    }),
    jsonBody(signInSchema),
    async (c) => {
      const { users, identity, signInThrottle } = c.get('deps');
      const input = c.req.valid('json');
      const address = clientAddress(c);
      // Counted before the password is checked: parallel guesses cannot all get through.
      const admission = await signInThrottle.admit(input.email, address);
      const user = await users.findByEmail(input.email);
      const session = await identity.signIn(user, input.email, input.password);
      // A disabled user gets exactly the answer of a wrong password.
      if (!user || user.disabled) throw new AuthenticationError('sign_in_failed');
      await admission.forgive();
      return c.json({ ...session, user: publicUser(user!) });
    },
  )
  .get(
    '/jwks.json',
    describe({
      operationId: 'jwks',
      summary: 'Public keys of the local identity provider (empty in AWS, where Cognito publishes its own)',
      tags: ['auth'],
      auth: 'public',
    }),
    async (c) => {
      const { signingKey } = c.get('deps');
      return c.json(signingKey ? (await signingKey()).publicJwks : { keys: [] });
    },
  );

export const meRoutes = new Hono<AppEnv>().get(
  '/',
  describe({
    operationId: 'me',
    summary:
      'The signed-in user and their organisation, and the region it oversees as an organizer ("" everywhere, for admins)',
    tags: ['auth'],
    auth: 'user',
  }),
  async (c) => {
    const principal = principalOf(c);
    const deps = c.get('deps');
    const [user, org, viewer] = await Promise.all([
      deps.users.get(principal.userId),
      deps.orgs.get(principal.orgId),
      viewerFor(deps, principal),
    ]);
    if (!user || !org) throw new NotFoundError();
    return c.json({
      user: publicUser(user),
      org: withoutSecrets(org),
      ...(viewer.oversees !== undefined ? { oversees: viewer.oversees } : {}),
    });
  },
);
