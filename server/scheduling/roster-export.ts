// Exports of the monthly roster: the floor roster as CSV and an agent's published shifts as an iCalendar feed (RFC 5545).
import type { Sql } from '../db/index.ts';
import type { Roster } from '../../scheduling/roster/model.ts';
import { startOfLocalDate } from '../../scheduling/time.ts';
import type { MonthModel } from './roster-model.ts';

/** A CSV field: quoted when it holds a comma, quote or newline; a leading =, +, - or @ is defused with an apostrophe. */
function csvField(value: string): string {
  const s = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The floor roster as CSV: one row per agent, one column per date, cells "E/95598", blank for a day off, "*" marks a lock.
 * @example rosterCsv(mm, roster, new Set()).split('\r\n')[0] // 'agent,name,team,2026-12-01,…'
 */
export function rosterCsv(mm: MonthModel, roster: Roster, locked: ReadonlySet<string>): string {
  const days = mm.model.days.map((d) => d.date);
  const lines = [['agent', 'name', 'team', ...days].join(',')];
  for (const a of mm.model.agents) {
    const cells = roster[a.id]!.map((c, d) => (c.shift ? `${c.shift}/${c.project ?? ''}` : '') + (locked.has(`${a.id}|${days[d]}`) ? '*' : ''));
    lines.push([a.id, a.name, a.team, ...cells].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * A TEXT value escaped per RFC 5545 §3.3.11 (backslash, semicolon, comma, newline).
 * @example icsText('早班, 95598; A') // '早班\\, 95598\\; A'
 */
export function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/**
 * A content line folded at 75 octets (continuation lines start with a space), never splitting a UTF-8 character.
 * @example foldLine('SUMMARY:' + 'x'.repeat(80)).split('\r\n').length // 2
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = parts.length ? 74 : 75;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/**
 * An instant as an iCalendar UTC date-time.
 * @example icsUtc(new Date('2026-12-01T23:00:00Z')) // '20261201T230000Z'
 */
export function icsUtc(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** One shift of an agent for the calendar. */
export interface CalendarShift {
  rosterId: number;
  agentCode: string;
  date: string;
  shift: string;
  shiftName: string;
  startMinute: number;
  lengthMinutes: number;
  project: string | null;
}

/**
 * Which VCALENDAR lists these shifts? Times are UTC, computed from the centre's zone; the UID is stable per agent and day.
 * @example calendarOf([], 'Asia/Shanghai', new Date()).startsWith('BEGIN:VCALENDAR') // true
 */
export function calendarOf(shifts: readonly CalendarShift[], timeZone: string, stamp: Date): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Peakline//Roster//ZH', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const s of shifts) {
    const start = new Date(startOfLocalDate(s.date, { timeZone }).getTime() + s.startMinute * 60_000);
    const end = new Date(start.getTime() + s.lengthMinutes * 60_000);
    lines.push(
      'BEGIN:VEVENT',
      `UID:roster-${s.rosterId}-${s.agentCode}-${s.date}@peakline`,
      `DTSTAMP:${icsUtc(stamp)}`,
      `DTSTART:${icsUtc(start)}`,
      `DTEND:${icsUtc(end)}`,
      `SUMMARY:${icsText(`${s.shiftName} ${s.shift}${s.project ? ` · ${s.project}` : ''}`)}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The signed-in agent's published shifts from `fromDate` on, as an iCalendar feed (empty calendar without any). */
export async function agentCalendar(sql: Sql, userId: number, fromDate: string, timeZone: string, stamp: Date): Promise<string> {
  const rows = await sql<{ roster_id: number; code: string; date: string; shift: string; name: string; start_minute: number; length_minutes: number; project: string | null }[]>`
    SELECT c.roster_id, a.code, to_char(c.date, 'YYYY-MM-DD') AS date, c.shift_code AS shift, st.name, st.start_minute, st.length_minutes, c.project_code AS project
    FROM roster_cells c
    JOIN rosters r ON r.id = c.roster_id AND r.status = 'published'
    JOIN agents_sched a ON a.id = c.agent_id AND a.user_id = ${userId}
    JOIN shift_types st ON st.code = c.shift_code
    WHERE c.date >= ${fromDate}::date
    ORDER BY c.date LIMIT 400`;
  return calendarOf(rows.map((r) => ({ rosterId: r.roster_id, agentCode: r.code, date: r.date, shift: r.shift, shiftName: r.name, startMinute: r.start_minute, lengthMinutes: r.length_minutes, project: r.project })), timeZone, stamp);
}
