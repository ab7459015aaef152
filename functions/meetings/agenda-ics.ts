import { slotInstant } from '../contract/events.ts';

/**
 * An agenda as an iCalendar file (RFC 5545): one VEVENT per meeting with a stable UID (the meeting
 * id), times in UTC, text escaped (backslash, semicolon, comma, newline) and lines folded at 75
 * octets (UTF-8, never inside a character), CRLF line ends. Pure.
 */
export interface IcsMeeting {
  uid: string;
  date: string;
  start: string;
  end: string;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
}

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines lose one octet to the space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function utc(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function agendaIcs(calendarName: string, meetings: readonly IcsMeeting[], stamp: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Gongxu//Matchmaking events//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendarName)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const m of meetings) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${m.uid}@gongxu`,
      `DTSTAMP:${utc(stamp)}`,
      `DTSTART:${utc(slotInstant(m.date, m.start))}`,
      `DTEND:${utc(slotInstant(m.date, m.end))}`,
      `SUMMARY:${escapeText(m.summary)}`,
      ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : []),
      ...(m.description ? [`DESCRIPTION:${escapeText(m.description)}`] : []),
      ...(m.url ? [`URL:${m.url}`] : []),
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
