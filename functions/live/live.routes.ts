import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { addMeetingInput, checkInInput, liveToken, moveMeetingInput, noShowInput } from '../contract/live.ts';
import { describe } from '../shared/openapi.ts';
import { id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import { dashboardSnapshot } from './dashboard.ts';
import {
  addLiveMeeting,
  checkIn,
  liveConsole,
  lookUpCheckIn,
  markNoShow,
  moveLiveMeeting,
  moveMeetingState,
} from './live-commands.ts';

/** The organizer's live day (mounted at /api/events) and the public big screen (at /api/public/live). */

const eventParams = z.strictObject({ eventId: id });
const meetingParams = z.strictObject({ eventId: id, meetingId: id });
const tokenParams = z.strictObject({ token: liveToken });
const noQuery = z.strictObject({});

const meetingState = (action: 'start' | 'finish' | 'noShow', path: string, summary: string) =>
  [
    `/:eventId/live/meetings/:meetingId/${path}`,
    describe({ operationId: `${action}LiveMeeting`, summary, tags: ['live'], auth: 'user' }),
    params(meetingParams),
  ] as const;

export const liveRoutes = new Hono<AppEnv>()
  .get(
    '/:eventId/live',
    describe({
      operationId: 'getLiveConsole',
      summary:
        "The organizer's live console: current and next slot, check-ins, meetings and their states, what moved, the dashboard URL",
      tags: ['live'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await liveConsole(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  )
  .post(
    '/:eventId/live/check-ins',
    describe({
      operationId: 'checkInParticipant',
      summary: 'Check in a participant by id or by the token of its QR code (the scanned URL is accepted)',
      tags: ['live'],
      auth: 'user',
    }),
    params(eventParams),
    jsonBody(checkInInput),
    async (c) =>
      c.json(await checkIn(c.get('deps'), principalOf(c), c.req.valid('param').eventId, c.req.valid('json'))),
  )
  .post(
    '/:eventId/live/no-shows',
    describe({
      operationId: 'markNoShow',
      summary:
        'A participant did not come: its meetings still to start leave, the rest is repaired (what moved)',
      tags: ['live'],
      auth: 'user',
    }),
    params(eventParams),
    jsonBody(noShowInput),
    async (c) =>
      c.json(
        await markNoShow(
          c.get('deps'),
          principalOf(c),
          c.req.valid('param').eventId,
          c.req.valid('json').orgId,
        ),
      ),
  )
  .post(
    '/:eventId/live/meetings',
    describe({
      operationId: 'addLiveMeeting',
      summary: 'Add a meeting during the day (at a chosen slot/table or where fewest others move)',
      tags: ['live'],
      auth: 'user',
      responses: { 201: 'Added' },
    }),
    params(eventParams),
    jsonBody(addMeetingInput),
    async (c) =>
      c.json(
        await addLiveMeeting(
          c.get('deps'),
          principalOf(c),
          c.req.valid('param').eventId,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .post(
    '/:eventId/live/meetings/:meetingId/move',
    describe({
      operationId: 'moveLiveMeeting',
      summary:
        'Move a meeting by hand to a slot (and table); the others in its way move as little as possible',
      tags: ['live'],
      auth: 'user',
    }),
    params(meetingParams),
    jsonBody(moveMeetingInput),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await moveLiveMeeting(c.get('deps'), principalOf(c), p.eventId, p.meetingId, c.req.valid('json')),
      );
    },
  )
  .post(...meetingState('start', 'start', 'A meeting is under way'), async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveMeetingState(c.get('deps'), principalOf(c), p.eventId, p.meetingId, 'start'));
  })
  .post(...meetingState('finish', 'finish', 'A meeting is done'), async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveMeetingState(c.get('deps'), principalOf(c), p.eventId, p.meetingId, 'finish'));
  })
  .post(
    ...meetingState(
      'noShow',
      'no-show',
      'A meeting did not take place (its cell frees; the rest is repaired)',
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await moveMeetingState(c.get('deps'), principalOf(c), p.eventId, p.meetingId, 'noShow'));
    },
  );

/** What a scanned check-in code is (mounted at /api/live): the page its URL opens asks this first. */
export const checkInCodeRoutes = new Hono<AppEnv>().get(
  '/check-ins/:token',
  describe({
    operationId: 'lookUpCheckIn',
    summary:
      "Whose check-in code this is and at which event, checked in yet (the event's organizers; anyone else 403)",
    tags: ['live'],
    auth: 'user',
  }),
  params(tokenParams),
  query(noQuery),
  async (c) => c.json(await lookUpCheckIn(c.get('deps'), principalOf(c), c.req.valid('param').token)),
);

/** Public, read-only, by unguessable token: the hall's big screen. */
export const publicLiveRoutes = new Hono<AppEnv>()
  .get(
    '/:token',
    describe({
      operationId: 'getLiveDashboard',
      summary:
        'The big-screen dashboard snapshot (no contacts, no prices); ETag and If-None-Match → 304 when unchanged',
      tags: ['live'],
      auth: 'public',
    }),
    params(tokenParams),
    query(noQuery),
    async (c) => {
      const { snapshot, etag } = await dashboardSnapshot(c.get('deps'), c.req.valid('param').token);
      // A hall of screens polling every second costs one origin call per second behind a 1 s cache.
      c.header('Cache-Control', 'public, max-age=1');
      c.header('ETag', etag);
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
      return c.json(snapshot);
    },
  )
  .get(
    '/:token/stream',
    describe({
      operationId: 'streamLiveDashboard',
      summary:
        'The dashboard as server-sent events, one per change (local server; in AWS the client polls). A client that does not accept text/event-stream gets the current snapshot as one event.',
      tags: ['live'],
      auth: 'public',
    }),
    params(tokenParams),
    query(noQuery),
    async (c) => {
      const deps = c.get('deps');
      const token = c.req.valid('param').token;
      await dashboardSnapshot(deps, token); // 404 before the stream opens
      const following = (c.req.header('Accept') ?? '').includes('text/event-stream');
      return streamSSE(c, async (stream) => {
        let last = '';
        // An EventSource follows changes for ten minutes, then reconnects; anyone else gets one event.
        const until = following ? Date.now() + 10 * 60_000 : 0;
        while (!stream.aborted) {
          const { snapshot, etag } = await dashboardSnapshot(deps, token);
          if (etag !== last) {
            last = etag;
            await stream.writeSSE({ event: 'snapshot', id: etag, data: JSON.stringify(snapshot) });
          }
          if (!following || Date.now() >= until) break;
          await stream.sleep(400);
        }
      });
    },
  );
