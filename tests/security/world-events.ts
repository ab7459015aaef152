import { expect } from 'vitest';
import { apiClient } from '../setup/api-client.ts';
import { eventBody } from '../setup/event-inputs.ts';
import type { TestContext } from './world.ts';

/**
 * Matchmaking events for the security suites: fresh events of the Fujian organizer (in its
 * jurisdiction) in each state an operation needs. Org A and org B take part; org C does not.
 */
export interface Scheduled {
  eventId: string;
  meetingId: string;
  requestId: string;
  registrationA: string;
}

export interface EventWorld {
  draft(): Promise<string>;
  published(): Promise<string>;
  /** Published; A applied (not yet decided) with a fresh supply; B approved with a fresh demand. */
  withApplicants(): Promise<{ eventId: string; registrationA: string; registrationB: string }>;
  /** Published; A and B approved. */
  withParticipants(): Promise<{ eventId: string; registrationA: string; registrationB: string }>;
  /** A asked B for a meeting (unanswered). */
  meetingRequest(): Promise<{ eventId: string; requestId: string; registrationA: string }>;
  /** A's request to B accepted and the schedule generated (a draft): one meeting. */
  scheduled(): Promise<Scheduled>;
  /** As scheduled(), and the schedule published. */
  scheduledAndPublished(): Promise<Scheduled>;
}

export function eventWorld(
  ctx: TestContext,
  tokens: { a: string; b: string; organizer: string },
  listings: { supplyOfA: () => Promise<string>; demandOfB: () => Promise<string> },
  orgs: { b: string },
): EventWorld {
  const api = apiClient(ctx.app);
  const asOrganizer = { token: tokens.organizer };

  async function draft(): Promise<string> {
    const res = await api.post<{ id: string }>('/api/events', eventBody({ categories: [] }), asOrganizer);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function published(): Promise<string> {
    const eventId = await draft();
    const res = await api.post(`/api/events/${eventId}/publish`, undefined, asOrganizer);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return eventId;
  }

  async function apply(eventId: string, token: string, listingId: string): Promise<string> {
    const res = await api.post<{ id: string }>(
      `/api/events/${eventId}/registrations`,
      { listingIds: [listingId], people: 2 },
      { token },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  async function approve(eventId: string, registrationId: string): Promise<void> {
    const res = await api.post(
      `/api/events/${eventId}/registrations/${registrationId}/approve`,
      undefined,
      asOrganizer,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  async function withApplicants() {
    const eventId = await published();
    const registrationA = await apply(eventId, tokens.a, await listings.supplyOfA());
    const registrationB = await apply(eventId, tokens.b, await listings.demandOfB());
    await approve(eventId, registrationB);
    return { eventId, registrationA, registrationB };
  }

  async function withParticipants() {
    const made = await withApplicants();
    await approve(made.eventId, made.registrationA);
    return made;
  }

  async function meetingRequest() {
    const { eventId, registrationA } = await withParticipants();
    const res = await api.post<{ id: string }>(
      `/api/events/${eventId}/meeting-requests`,
      { toOrgId: orgs.b },
      { token: tokens.a },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { eventId, requestId: res.body.id, registrationA };
  }

  async function scheduled(): Promise<Scheduled> {
    const { eventId, requestId, registrationA } = await meetingRequest();
    const accepted = await api.post(
      `/api/events/${eventId}/meeting-requests/${requestId}/accept`,
      undefined,
      {
        token: tokens.b,
      },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const schedule = await api.post<{ meetings: { id: string }[] }>(
      `/api/events/${eventId}/schedule`,
      undefined,
      asOrganizer,
    );
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(200);
    return { eventId, meetingId: schedule.body.meetings[0]!.id, requestId, registrationA };
  }

  async function scheduledAndPublished() {
    const made = await scheduled();
    const res = await api.post(`/api/events/${made.eventId}/schedule/publish`, undefined, asOrganizer);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return made;
  }

  return {
    draft,
    published,
    withApplicants,
    withParticipants,
    meetingRequest,
    scheduled,
    scheduledAndPublished,
  };
}
