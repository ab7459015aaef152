import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isAdmin, isOrganizer } from '../auth/principal.ts';
import { unknownAdcode } from '../regions/adcode-check.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { idempotency } from '../shared/idempotency.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { adcode, id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import { inviteExpiry, inviteHash, invitePath, newInviteCode } from './invitation.ts';
import { memberSchema, orgUpdateSchema, registrationSchema } from './org.schema.ts';
import {
  canManageOrg,
  type InvitedOrg,
  jurisdictionOf,
  listingKindsOf,
  SELF_SERVICE_KINDS,
  viewOrg,
} from './org.ts';
import { assertOrganizerScope, viewerFor } from './organizer-scope.ts';
import { addMember, registerOrg } from './register-org.ts';

const orgParams = z.strictObject({ orgId: id });
const pageQuery = z.strictObject(pagingFields);
const regionQuery = z.strictObject({ region: adcode, ...pagingFields });
const invitedQuery = z.strictObject({ region: z.optional(adcode), ...pagingFields });

export const orgRoutes = new Hono<AppEnv>()
  .post(
    '/register',
    describe({
      operationId: 'registerOrg',
      summary: 'Register an organisation with its first administrator; returns a session',
      tags: ['orgs'],
      auth: 'public',
      responses: { 201: 'Registered', 409: 'Credit code or email already registered' },
    }),
    jsonBody(registrationSchema),
    async (c) => {
      const input = c.req.valid('json');
      const foreign = input.org.kinds.filter((k) => !SELF_SERVICE_KINDS.includes(k));
      if (foreign.length > 0) throw new ValidationError([{ field: 'org.kinds', key: 'field.invalid_value' }]);
      const result = await registerOrg(c.get('deps'), input);
      return c.json(result, 201);
    },
  )
  .get(
    '/',
    describe({
      operationId: 'listOrgsByRegion',
      summary: "Organisations seated in a region (organizers: within their own organisation's region)",
      tags: ['orgs'],
      auth: 'user',
    }),
    query(regionQuery),
    async (c) => {
      const principal = principalOf(c);
      const q = c.req.valid('query');
      await assertOrganizerScope(c.get('deps'), principal, q.region);
      const page = await c.get('deps').orgs.listByRegion(regionPrefix(q.region), q.cursor, q.limit);
      const viewer = await viewerFor(c.get('deps'), principal);
      return c.json({ ...page, items: page.items.map((o) => viewOrg(o, viewer)) });
    },
  )
  .get(
    '/invited',
    describe({
      operationId: 'listInvitedOrgs',
      summary:
        "Organisations an organizer's import listed that have not claimed their account yet (organizers: within their jurisdiction; region narrows it, admins name one)",
      tags: ['orgs'],
      auth: 'user',
    }),
    query(invitedQuery),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const q = c.req.valid('query');
      if (!isOrganizer(principal)) throw new ForbiddenError();
      let prefix: string;
      if (q.region !== undefined) {
        await assertOrganizerScope(deps, principal, q.region);
        prefix = regionPrefix(q.region);
      } else {
        const viewer = await viewerFor(deps, principal);
        if (!viewer.oversees) throw new ValidationError([{ field: 'region', key: 'field.required' }]);
        prefix = viewer.oversees;
      }
      if (prefix === '') throw new ValidationError([{ field: 'region', key: 'field.invalid_value' }]);
      const page = await deps.orgs.listInvited(prefix, q.cursor, q.limit);
      const items: InvitedOrg[] = await Promise.all(
        page.items.map(async (org) => ({
          id: org.id,
          name: org.name,
          creditCode: org.creditCode,
          kinds: org.kinds,
          adcode: org.adcode,
          contact: org.contact,
          createdAt: org.createdAt,
          ...(org.inviteExpiresAt ? { inviteExpiresAt: org.inviteExpiresAt } : {}),
          openListings: await deps.listings.countOpen(org.id, listingKindsOf(org.kinds)),
        })),
      );
      return c.json({ items, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) });
    },
  )
  .get(
    '/:orgId',
    describe({
      operationId: 'getOrg',
      summary:
        'An organisation (contact details only for its members, the platform admin and organizers whose jurisdiction holds it)',
      tags: ['orgs'],
      auth: 'user',
    }),
    params(orgParams),
    async (c) => {
      const deps = c.get('deps');
      const org = await deps.orgs.get(c.req.valid('param').orgId);
      if (!org) throw new NotFoundError();
      return c.json(viewOrg(org, await viewerFor(deps, principalOf(c))));
    },
  )
  .patch(
    '/:orgId',
    describe({
      operationId: 'updateOrg',
      summary: 'Update the organisation profile (its org admins, or a platform admin)',
      tags: ['orgs'],
      auth: 'user',
    }),
    params(orgParams),
    jsonBody(orgUpdateSchema),
    async (c) => {
      const principal = principalOf(c);
      const { orgId } = c.req.valid('param');
      if (!canManageOrg(principal, orgId)) throw new ForbiddenError();
      const patch = c.req.valid('json');
      const places = unknownAdcode('adcode', patch.adcode);
      if (places.length > 0) throw new ValidationError(places);
      const { orgs, clock } = c.get('deps');
      const org = await orgs.get(orgId);
      if (!org) throw new NotFoundError();
      if (patch.kinds && !isAdmin(principal)) {
        const granted = patch.kinds.filter((k) => !SELF_SERVICE_KINDS.includes(k) && !org.kinds.includes(k));
        if (granted.length > 0) throw new ValidationError([{ field: 'kinds', key: 'field.invalid_value' }]);
      }
      // A department's organizer kind and its jurisdiction (by default its seat's province) are the
      // platform admin's to change: its own admin could otherwise widen its reach at will.
      if (org.kinds.includes('organizer') && !isAdmin(principal)) {
        if (patch.kinds && !patch.kinds.includes('organizer')) {
          throw new ValidationError([{ field: 'kinds', key: 'field.invalid_value' }]);
        }
        if (patch.adcode && jurisdictionOf({ ...org, adcode: patch.adcode }) !== jurisdictionOf(org)) {
          throw new ValidationError([{ field: 'adcode', key: 'field.invalid_value' }]);
        }
      }
      const updated = await orgs.update(
        { ...org, ...patch, updatedAt: clock.now().toISOString() },
        org.updatedAt,
      );
      return c.json(updated);
    },
  )
  .post(
    '/:orgId/invitation',
    describe({
      operationId: 'issueInvitation',
      summary:
        'Issue (or replace) the invitation code of an organisation an organizer listed before it registered; the firm registers with it',
      tags: ['orgs'],
      auth: 'user',
      responses: { 201: 'Issued', 409: 'The organisation has registered already' },
    }),
    params(orgParams),
    async (c) => {
      const deps = c.get('deps');
      const org = await deps.orgs.get(c.req.valid('param').orgId);
      if (!org) throw new NotFoundError();
      const viewer = await viewerFor(deps, principalOf(c));
      if (viewer.oversees === undefined || !org.adcode.startsWith(viewer.oversees))
        throw new ForbiddenError();
      if (!org.invited) throw new ConflictError();
      const inviteCode = newInviteCode();
      const expiresAt = inviteExpiry(deps.clock.now());
      await deps.orgs.setInvitation(org.id, inviteHash(inviteCode), expiresAt);
      return c.json(
        {
          orgId: org.id,
          name: org.name,
          creditCode: org.creditCode,
          inviteCode,
          invitePath: invitePath(inviteCode),
          expiresAt,
        },
        201,
      );
    },
  )
  .get(
    '/:orgId/users',
    describe({
      operationId: 'listOrgUsers',
      summary: "The organisation's users",
      tags: ['orgs'],
      auth: 'user',
    }),
    params(orgParams),
    query(pageQuery),
    async (c) => {
      const principal = principalOf(c);
      const { orgId } = c.req.valid('param');
      if (principal.orgId !== orgId && !isAdmin(principal)) throw new ForbiddenError();
      const q = c.req.valid('query');
      return c.json(await c.get('deps').users.listByOrg(orgId, q.cursor, q.limit));
    },
  )
  .post(
    '/:orgId/users',
    describe({
      operationId: 'addOrgUser',
      summary: 'Add a user to the organisation (org admins)',
      tags: ['orgs'],
      auth: 'user',
      responses: { 201: 'Added', 409: 'Email already registered' },
      idempotent: true,
    }),
    idempotency(),
    params(orgParams),
    jsonBody(memberSchema),
    async (c) => {
      const principal = principalOf(c);
      const { orgId } = c.req.valid('param');
      if (!canManageOrg(principal, orgId)) throw new ForbiddenError();
      return c.json(await addMember(c.get('deps'), orgId, c.req.valid('json')), 201);
    },
  );
