import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { isOrganizer } from '../auth/principal.ts';
import {
  copyEventInput,
  eventInput,
  eventPatch,
  refuseInput,
  registrationInput,
} from '../contract/events.ts';
import { todayInChina } from '../contract/plausibility.ts';
import { viewerFor } from '../orgs/organizer-scope.ts';
import { regionPrefix } from '../regions/regions.ts';
import { ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { idempotency } from '../shared/idempotency.ts';
import { describe } from '../shared/openapi.ts';
import { pagingFields } from '../shared/paging-query.ts';
import { adcode, id, yearMonth } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import {
  canSeeEvent,
  copyEvent,
  createEvent,
  editEvent,
  loadVisibleEvent,
  moveEvent,
  publicEvent,
  viewEvent,
} from './event-commands.ts';
import {
  getRegistration,
  moveRegistration,
  myRegistration,
  register,
  registrationsFor,
  viewRegistration,
} from './registration-commands.ts';
import { eventMatchesFor, startRound } from './round-commands.ts';

/**
 * Matchmaking events: the event itself, its series, registrations and the matching round. The
 * meeting requests, schedule and agenda are in functions/meetings/meeting.routes.ts (same base path).
 */

const eventParams = z.strictObject({ eventId: id });
const registrationParams = z.strictObject({ eventId: id, registrationId: id });
const listQuery = z.strictObject({
  month: z.optional(yearMonth),
  region: z.optional(adcode),
  ...pagingFields,
});
const mineQuery = z.strictObject({
  month: z.optional(yearMonth),
  region: z.optional(adcode),
  ...pagingFields,
});

/** This month in Beijing time (YYYY-MM). */
const beijingMonth = (now: Date) => todayInChina(now).slice(0, 7);

const eventMove = (action: 'publish' | 'cancel' | 'close', summary: string) =>
  [
    `/:eventId/${action}`,
    describe({ operationId: `${action}Event`, summary, tags: ['events'], auth: 'user' }),
    params(eventParams),
  ] as const;

const registrationMove = (action: 'approve' | 'withdraw', summary: string) =>
  [
    `/:eventId/registrations/:registrationId/${action}`,
    describe({ operationId: `${action}Registration`, summary, tags: ['events'], auth: 'user' }),
    params(registrationParams),
  ] as const;

export const eventRoutes = new Hono<AppEnv>()
  .post(
    '/',
    describe({
      operationId: 'createEvent',
      summary: 'Create a matchmaking event (a draft) in my jurisdiction (organizers)',
      tags: ['events'],
      auth: 'user',
      idempotent: true,
      responses: { 201: 'Created' },
    }),
    idempotency(),
    jsonBody(eventInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const event = await createEvent(deps, principal, c.req.valid('json'));
      return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()), 201);
    },
  )
  .get(
    '/',
    describe({
      operationId: 'listEvents',
      summary: 'Published events of a month in a region (default: this month, my province)',
      tags: ['events'],
      auth: 'user',
    }),
    query(listQuery),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const q = c.req.valid('query');
      const region = q.region ?? (await deps.orgs.get(principal.orgId))?.adcode.slice(0, 2).padEnd(6, '0');
      if (!region) throw new NotFoundError();
      const viewer = await viewerFor(deps, principal);
      const page = await deps.events.listByMonth(
        q.month ?? beijingMonth(deps.clock.now()),
        regionPrefix(region),
        q,
      );
      return c.json({ ...page, items: page.items.map((e) => viewEvent(e, viewer, deps.clock.now())) });
    },
  )
  .get(
    '/mine',
    describe({
      operationId: 'myEvents',
      summary: "My department's events, drafts included (organizers), optionally of one month",
      tags: ['events'],
      auth: 'user',
    }),
    query(mineQuery),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      if (!isOrganizer(principal)) throw new ForbiddenError();
      const viewer = await viewerFor(deps, principal);
      const q = c.req.valid('query');
      const page = await deps.events.listByOrganizer(principal.orgId, q);
      // A region narrows the page to events in it (the page may then hold fewer than `limit`).
      const prefix = q.region ? regionPrefix(q.region) : '';
      const items = page.items.filter((e) => regionPrefix(e.region).startsWith(prefix));
      return c.json({ ...page, items: items.map((e) => viewEvent(e, viewer, deps.clock.now())) });
    },
  )
  .get(
    '/registered',
    describe({
      operationId: 'myEventRegistrations',
      summary: "My organisation's registrations for events (the events it takes part in)",
      tags: ['events'],
      auth: 'user',
    }),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const page = await deps.events.listByOrg(principal.orgId, c.req.valid('query'));
      return c.json({
        ...page,
        items: page.items.map(({ createdBy: _c, version: _v, registeredByOrgId, ...r }) => ({
          ...r,
          ...(registeredByOrgId ? { onBehalf: true } : {}),
        })),
      });
    },
  )
  .get(
    '/:eventId',
    describe({
      operationId: 'getEvent',
      summary: 'An event with its slot grid and what I may do (drafts only for its organizers)',
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => {
      const deps = c.get('deps');
      const { event, viewer } = await loadVisibleEvent(deps, principalOf(c), c.req.valid('param').eventId);
      return c.json(viewEvent(event, viewer, deps.clock.now()));
    },
  )
  .patch(
    '/:eventId',
    describe({
      operationId: 'editEvent',
      summary: 'Edit an event (its organizers)',
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    jsonBody(eventPatch),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const event = await editEvent(deps, principal, c.req.valid('param').eventId, c.req.valid('json'));
      return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()));
    },
  )
  .post(
    ...eventMove('publish', 'Publish a draft event: its public page goes live, registration opens'),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const event = await moveEvent(deps, principal, c.req.valid('param').eventId, 'publish');
      return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()));
    },
  )
  .post(...eventMove('cancel', 'Cancel an event'), async (c) => {
    const deps = c.get('deps');
    const principal = principalOf(c);
    const event = await moveEvent(deps, principal, c.req.valid('param').eventId, 'cancel');
    return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()));
  })
  .post(...eventMove('close', 'Close an event after its day'), async (c) => {
    const deps = c.get('deps');
    const principal = principalOf(c);
    const event = await moveEvent(deps, principal, c.req.valid('param').eventId, 'close');
    return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()));
  })
  .post(
    '/:eventId/copy',
    describe({
      operationId: 'copyEvent',
      summary: 'The next event of the series: a copy (draft) on new dates',
      tags: ['events'],
      auth: 'user',
      responses: { 201: 'Created' },
    }),
    params(eventParams),
    jsonBody(copyEventInput),
    async (c) => {
      const deps = c.get('deps');
      const principal = principalOf(c);
      const event = await copyEvent(deps, principal, c.req.valid('param').eventId, c.req.valid('json'));
      return c.json(viewEvent(event, await viewerFor(deps, principal), deps.clock.now()), 201);
    },
  )
  .get(
    '/:eventId/series',
    describe({
      operationId: 'eventSeries',
      summary: "The events of this event's series in date order (drafts only for organizers)",
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    query(z.strictObject(pagingFields)),
    async (c) => {
      const deps = c.get('deps');
      const { event, viewer } = await loadVisibleEvent(deps, principalOf(c), c.req.valid('param').eventId);
      const page = await deps.events.listSeries(event.seriesId, c.req.valid('query'));
      return c.json({
        ...page,
        items: page.items
          .filter((e) => canSeeEvent(viewer, e))
          .map((e) => viewEvent(e, viewer, deps.clock.now())),
      });
    },
  )
  .get(
    '/:eventId/registrations',
    describe({
      operationId: 'listRegistrations',
      summary: "An event's registrations (its organizers)",
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    query(z.strictObject(pagingFields)),
    async (c) =>
      c.json(
        await registrationsFor(
          c.get('deps'),
          principalOf(c),
          c.req.valid('param').eventId,
          c.req.valid('query'),
        ),
      ),
  )
  .post(
    '/:eventId/registrations',
    describe({
      operationId: 'registerForEvent',
      summary:
        'Apply with open listings, availability and number of people; organizers register a firm on its behalf (orgId), approved at once',
      tags: ['events'],
      auth: 'user',
      idempotent: true,
      responses: { 201: 'Registered' },
    }),
    idempotency(),
    params(eventParams),
    jsonBody(registrationInput),
    async (c) => {
      const { registration, event, viewer } = await register(
        c.get('deps'),
        principalOf(c),
        c.req.valid('param').eventId,
        c.req.valid('json'),
      );
      return c.json(viewRegistration(registration, viewer, event), 201);
    },
  )
  .get(
    '/:eventId/registrations/mine',
    describe({
      operationId: 'myRegistration',
      summary: "My organisation's registration for this event ({ registration: null } when none)",
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) =>
      c.json({
        registration: await myRegistration(c.get('deps'), principalOf(c), c.req.valid('param').eventId),
      }),
  )
  .get(
    '/:eventId/registrations/:registrationId',
    describe({
      operationId: 'getRegistration',
      summary: 'A registration (its organisation and the event organizers)',
      tags: ['events'],
      auth: 'user',
    }),
    params(registrationParams),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await getRegistration(c.get('deps'), principalOf(c), p.eventId, p.registrationId));
    },
  )
  .post(...registrationMove('approve', 'Approve a registration (within capacity)'), async (c) => {
    const p = c.req.valid('param');
    return c.json(
      await moveRegistration(c.get('deps'), principalOf(c), p.eventId, p.registrationId, 'approve'),
    );
  })
  .post(
    '/:eventId/registrations/:registrationId/refuse',
    describe({
      operationId: 'refuseRegistration',
      summary: 'Refuse a registration, with a reason',
      tags: ['events'],
      auth: 'user',
    }),
    params(registrationParams),
    jsonBody(refuseInput),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await moveRegistration(
          c.get('deps'),
          principalOf(c),
          p.eventId,
          p.registrationId,
          'refuse',
          c.req.valid('json').reason,
        ),
      );
    },
  )
  .post(
    ...registrationMove('withdraw', 'Withdraw a registration (the firm, or its organizers)'),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await moveRegistration(c.get('deps'), principalOf(c), p.eventId, p.registrationId, 'withdraw'),
      );
    },
  )
  .post(
    '/:eventId/round',
    describe({
      operationId: 'startEventRound',
      summary:
        'Run the matching round: exact allocation over the enrolled listings only (matching runs with scope = event); publish each run to send the proposals',
      tags: ['events'],
      auth: 'user',
      responses: { 202: 'Queued' },
    }),
    params(eventParams),
    async (c) => {
      const { runs } = await startRound(c.get('deps'), principalOf(c), c.req.valid('param').eventId);
      return c.json({ ...runs[0]!, runs }, 202);
    },
  )
  .get(
    '/:eventId/matches',
    describe({
      operationId: 'eventMatches',
      summary: "The round's matches: all for its organizers, a participant's own for a participant",
      tags: ['events'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) =>
      c.json({ items: await eventMatchesFor(c.get('deps'), principalOf(c), c.req.valid('param').eventId) }),
  );

/** The public page of a published event: no sign-in, no firm's contacts. */
export const publicEventRoutes = new Hono<AppEnv>().get(
  '/:eventId',
  describe({
    operationId: 'getPublicEvent',
    summary: 'The public page of a published event: what, when, where, who organizes, how to take part',
    tags: ['events'],
    auth: 'public',
  }),
  params(eventParams),
  async (c) => {
    const deps = c.get('deps');
    const event = await deps.events.get(c.req.valid('param').eventId);
    if (!event || event.status === 'draft') throw new NotFoundError();
    return c.json(publicEvent(event, deps.clock.now()));
  },
);
