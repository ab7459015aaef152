import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppEnv } from '../api/context.ts';
import { principalOf } from '../api/context.ts';
import { meetingRequestInput, pinInput } from '../contract/events.ts';
import { idempotency } from '../shared/idempotency.ts';
import { describe } from '../shared/openapi.ts';
import { id } from '../shared/schema-fields.ts';
import { jsonBody, params, query } from '../shared/validation.ts';
import { agendaCalendar, agendaFor, timetableFor } from './agenda.ts';
import {
  meetingRequestsFor,
  moveMeetingRequest,
  participantsFor,
  requestMeeting,
} from './meeting-request-commands.ts';
import { generateSchedule, getSchedule, pinMeeting, publishSchedule } from './schedule-commands.ts';

/** Meeting requests, the schedule, agendas and the timetable of an event (mounted at /api/events). */

const eventParams = z.strictObject({ eventId: id });
const requestParams = z.strictObject({ eventId: id, requestId: id });
const meetingParams = z.strictObject({ eventId: id, meetingId: id });

const requestMove = (action: 'accept' | 'decline' | 'cancel', summary: string) =>
  [
    `/:eventId/meeting-requests/:requestId/${action}`,
    describe({ operationId: `${action}MeetingRequest`, summary, tags: ['meetings'], auth: 'user' }),
    params(requestParams),
  ] as const;

export const meetingRoutes = new Hono<AppEnv>()
  .get(
    '/:eventId/participants',
    describe({
      operationId: 'eventParticipants',
      summary: "An event's approved participants, names only (its participants and organizers)",
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) =>
      c.json({ items: await participantsFor(c.get('deps'), principalOf(c), c.req.valid('param').eventId) }),
  )
  .get(
    '/:eventId/meeting-requests',
    describe({
      operationId: 'listMeetingRequests',
      summary: 'Meeting requests: those I made or received (organizers: all)',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) =>
      c.json({
        items: await meetingRequestsFor(c.get('deps'), principalOf(c), c.req.valid('param').eventId),
      }),
  )
  .post(
    '/:eventId/meeting-requests',
    describe({
      operationId: 'requestMeeting',
      summary: 'Ask another participant for a meeting (it lapses unanswered after 72 hours)',
      tags: ['meetings'],
      auth: 'user',
      idempotent: true,
      responses: { 201: 'Requested' },
    }),
    idempotency(),
    params(eventParams),
    jsonBody(meetingRequestInput),
    async (c) =>
      c.json(
        await requestMeeting(
          c.get('deps'),
          principalOf(c),
          c.req.valid('param').eventId,
          c.req.valid('json'),
        ),
        201,
      ),
  )
  .post(...requestMove('accept', 'Accept a meeting request made to me'), async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveMeetingRequest(c.get('deps'), principalOf(c), p.eventId, p.requestId, 'accept'));
  })
  .post(...requestMove('decline', 'Decline a meeting request made to me'), async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveMeetingRequest(c.get('deps'), principalOf(c), p.eventId, p.requestId, 'decline'));
  })
  .post(...requestMove('cancel', 'Cancel a meeting request I made'), async (c) => {
    const p = c.req.valid('param');
    return c.json(await moveMeetingRequest(c.get('deps'), principalOf(c), p.eventId, p.requestId, 'cancel'));
  })
  .get(
    '/:eventId/schedule',
    describe({
      operationId: 'getSchedule',
      summary:
        'The schedule with its lower bound, slots used and why they differ ({ schedule: null } before one is generated)',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) =>
      c.json({ schedule: await getSchedule(c.get('deps'), principalOf(c), c.req.valid('param').eventId) }),
  )
  .post(
    '/:eventId/schedule',
    describe({
      operationId: 'generateSchedule',
      summary:
        'Generate (or regenerate) the schedule: one meeting per pair, pins kept; a draft until published',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await generateSchedule(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  )
  .post(
    '/:eventId/schedule/publish',
    describe({
      operationId: 'publishSchedule',
      summary: 'Publish the schedule: participants see their agendas',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await publishSchedule(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  )
  .post(
    '/:eventId/schedule/meetings/:meetingId/pin',
    describe({
      operationId: 'pinMeeting',
      summary: 'Pin a meeting to a slot (and table) by hand and reschedule the rest around it',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(meetingParams),
    jsonBody(pinInput),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await pinMeeting(c.get('deps'), principalOf(c), p.eventId, p.meetingId, c.req.valid('json')),
      );
    },
  )
  .post(
    '/:eventId/schedule/meetings/:meetingId/unpin',
    describe({
      operationId: 'unpinMeeting',
      summary: 'Release a pinned meeting and reschedule',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(meetingParams),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await pinMeeting(c.get('deps'), principalOf(c), p.eventId, p.meetingId, null));
    },
  )
  .get(
    '/:eventId/timetable',
    describe({
      operationId: 'eventTimetable',
      summary: 'The whole timetable by time and by table (table cards), for printing (organizers)',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => c.json(await timetableFor(c.get('deps'), principalOf(c), c.req.valid('param').eventId)),
  )
  .get(
    '/:eventId/agenda',
    describe({
      operationId: 'getAgenda',
      summary:
        "My agenda: time, table or video link, counterpart, what was matched and why (organizers: any participant's, by orgId)",
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    query(z.strictObject({ orgId: z.optional(id) })),
    async (c) =>
      c.json(
        await agendaFor(
          c.get('deps'),
          principalOf(c),
          c.req.valid('param').eventId,
          c.req.valid('query').orgId,
        ),
      ),
  )
  .get(
    '/:eventId/agenda.ics',
    describe({
      operationId: 'getAgendaIcs',
      summary: 'My agenda as an iCalendar (.ics) file',
      tags: ['meetings'],
      auth: 'user',
    }),
    params(eventParams),
    async (c) => {
      const eventId = c.req.valid('param').eventId;
      const text = await agendaCalendar(c.get('deps'), principalOf(c), eventId, c.get('lang'));
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="gongxu-agenda-${eventId}.ics"`);
      return c.body(text);
    },
  );
