import { describe, expect, it } from 'vitest';
import { agendaIcs, escapeText, foldLine } from '../../../functions/meetings/agenda-ics.ts';

describe('the agenda as iCalendar (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines at 75 octets without splitting a Chinese character', () => {
    // Arrange: 40 CJK characters are 120 octets in UTF-8.
    const line = `SUMMARY:${'洽'.repeat(40)}`;

    // Act
    const folded = foldLine(line);

    // Assert
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
  });

  it('writes one VEVENT per meeting with its UID and UTC times from Beijing time, CRLF throughout', () => {
    // Act
    const text = agendaIcs(
      '对接会, 第一场',
      [
        {
          uid: '01HXAMPLEMEETING0000000000',
          date: '2026-03-17',
          start: '09:00',
          end: '09:20',
          summary: '洽谈：福建交建集团',
          location: '福州海峡国际会展中心 第 3 桌',
          description: 'HRB400E; 400 t',
          url: 'https://meeting.tencent.com/dm/room-3',
        },
      ],
      new Date('2026-03-01T00:00:00Z'),
    );

    // Assert
    const lines = text.split('\r\n');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines).toContain('BEGIN:VCALENDAR');
    expect(lines).toContain('UID:01HXAMPLEMEETING0000000000@gongxu');
    expect(lines).toContain('DTSTART:20260317T010000Z');
    expect(lines).toContain('DTEND:20260317T012000Z');
    expect(lines).toContain('DTSTAMP:20260301T000000Z');
    expect(lines).toContain('DESCRIPTION:HRB400E\\; 400 t');
    expect(lines).toContain('X-WR-CALNAME:对接会\\, 第一场');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT').length).toBe(1);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });
});
