import { describe, expect, it } from 'vitest';
import type { AgendaItemView, EventView, ScheduleView } from '../../functions/contract/events.ts';
import { seedDemoData } from '../../functions/local/demo-data.ts';
import { apiClient } from '../setup/api-client.ts';
import { freshTable } from '../setup/test-table.ts';

describe('the demo event', () => {
  it('is published with approved registrations, accepted meeting requests and a published schedule the participants see', async () => {
    // Arrange
    const ctx = await freshTable();

    // Act
    await seedDemoData(ctx.deps);
    const api = apiClient(ctx.app);
    const signIn = async (email: string) =>
      (await api.post<{ token: string }>('/api/auth/sign-in', { email, password: 'Gongxu2020!demo' })).body
        .token;
    const organizer = apiClient(ctx.app, { token: await signIn('organizer@demo.gongxu.cn') });
    const builder = apiClient(ctx.app, { token: await signIn('builder@demo.gongxu.cn') });
    const mine = await organizer.get<{ items: EventView[] }>('/api/events/mine');
    const event = mine.body.items[0]!;
    const schedule = await organizer.get<{ schedule: ScheduleView }>(`/api/events/${event.id}/schedule`);
    const agenda = await builder.get<{ items: AgendaItemView[] }>(`/api/events/${event.id}/agenda`);
    const requests = await organizer.get<{ items: { status: string }[] }>(
      `/api/events/${event.id}/meeting-requests`,
    );

    // Assert
    expect(event).toMatchObject({ status: 'published', scheduleStatus: 'published' });
    expect(event.approvedCount).toBe(4);
    expect(requests.body.items.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(schedule.body.schedule.status).toBe('published');
    expect(schedule.body.schedule.unplaced).toEqual([]);
    expect(schedule.body.schedule.meetings.length).toBe(4);
    expect(schedule.body.schedule.slotsUsed).toBe(schedule.body.schedule.lowerBound);
    expect(agenda.body.items.length).toBe(3);
  });
});
