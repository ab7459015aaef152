import { describe, expect, it } from 'vitest';
import {
  availableSlots,
  managesEvent,
  registrationOpen,
  slotGrid,
  tablesOf,
  videoLinkFor,
} from '../../../functions/contract/events.ts';

describe('the slot grid', () => {
  it('cuts each day into meetings and skips a break, resuming when it ends', () => {
    // Arrange
    const event = {
      days: [{ date: '2026-03-17', start: '09:00', end: '12:00' }],
      meetingMinutes: 20,
      breaks: [{ start: '10:20', end: '10:40' }],
    };

    // Act
    const slots = slotGrid(event);

    // Assert
    expect(slots.map((s) => `${s.start}-${s.end}`)).toEqual([
      '09:00-09:20',
      '09:20-09:40',
      '09:40-10:00',
      '10:00-10:20',
      '10:40-11:00',
      '11:00-11:20',
      '11:20-11:40',
      '11:40-12:00',
    ]);
    expect(slots.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('numbers slots across days in time order, with a buffer between meetings and a break on one day only', () => {
    // Arrange
    const event = {
      days: [
        { date: '2026-03-17', start: '14:00', end: '15:00' },
        { date: '2026-03-18', start: '09:00', end: '10:00' },
      ],
      meetingMinutes: 15,
      bufferMinutes: 5,
      breaks: [{ date: '2026-03-18', start: '09:20', end: '09:40' }],
    };

    // Act
    const slots = slotGrid(event);

    // Assert
    expect(slots.map((s) => `${s.date} ${s.start}`)).toEqual([
      '2026-03-17 14:00',
      '2026-03-17 14:20',
      '2026-03-17 14:40',
      '2026-03-18 09:00',
      '2026-03-18 09:40',
    ]);
  });

  it('gives no slot when a meeting does not fit the hours', () => {
    expect(
      slotGrid({ days: [{ date: '2026-03-17', start: '09:00', end: '09:10' }], meetingMinutes: 20 }),
    ).toEqual([]);
  });

  it("keeps the slots wholly inside a participant's windows, and all of them when it gives none", () => {
    // Arrange
    const slots = slotGrid({
      days: [{ date: '2026-03-17', start: '09:00', end: '11:00' }],
      meetingMinutes: 30,
    });

    // Act
    const morning = availableSlots(slots, [{ date: '2026-03-17', start: '09:15', end: '10:30' }]);
    const otherDay = availableSlots(slots, [{ date: '2026-03-18', start: '09:00', end: '11:00' }]);

    // Assert
    expect(morning).toEqual([1, 2]);
    expect(otherDay).toEqual([]);
    expect(availableSlots(slots, [])).toEqual([0, 1, 2, 3]);
  });
});

describe('tables, links, jurisdiction and the registration deadline', () => {
  it('uses the venue tables, or video rooms online', () => {
    expect(tablesOf({ mode: 'venue', venue: { tables: 12 } })).toBe(12);
    expect(tablesOf({ mode: 'online', venue: { tables: 12 }, rooms: 5 })).toBe(5);
    expect(tablesOf({ mode: 'online' })).toBe(20);
  });

  it("fills the table number into the event's link pattern", () => {
    expect(videoLinkFor('https://meeting.tencent.com/dm/room-{table}', 7)).toBe(
      'https://meeting.tencent.com/dm/room-7',
    );
    expect(videoLinkFor(undefined, 7)).toBeUndefined();
  });

  it('lets a provincial organizer manage events in its province only, a city organizer only its city', () => {
    expect(managesEvent({ oversees: '35' }, { region: '350100' })).toBe(true);
    expect(managesEvent({ oversees: '35' }, { region: '370000' })).toBe(false);
    expect(managesEvent({ oversees: '3501' }, { region: '350000' })).toBe(false);
    expect(managesEvent({ oversees: '3501' }, { region: '350102' })).toBe(true);
    expect(managesEvent({ oversees: '' }, { region: '110000' })).toBe(true);
    expect(managesEvent({}, { region: '350000' })).toBe(false);
  });

  it('takes applications until the end of the deadline day in Beijing time, only while published', () => {
    const event = { status: 'published' as const, registrationDeadline: '2026-03-10' };
    expect(registrationOpen(event, new Date('2026-03-10T15:59:00Z'))).toBe(true);
    expect(registrationOpen(event, new Date('2026-03-10T16:00:00Z'))).toBe(false);
    expect(registrationOpen({ ...event, status: 'draft' }, new Date('2026-03-01T00:00:00Z'))).toBe(false);
  });
});
