// Exports of the monthly roster: the floor roster as CSV and XLSX and an agent's published shifts as an iCalendar feed (RFC 5545).
import type { Sql } from '../db/index.ts';
import type { Roster } from '../../scheduling/roster/model.ts';
import { startOfLocalDate } from '../../scheduling/time.ts';
import type { MonthModel } from './roster-model.ts';
import type { XlsxSheet, XlsxValue } from '../http/xlsx.ts';
import { indexModel } from '../../scheduling/roster/context.ts';
import { staffedMinutes } from '../../scheduling/roster/constraints/coverage.ts';

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

/** Headers of the XLSX roster, in the reader's language. */
export interface RosterSheetLabels {
  roster: string;
  coverage: string;
  agent: string;
  name: string;
  team: string;
  date: string;
  project: string;
  required: string;
  scheduled: string;
  short: string;
  shortIntervals: string;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The floor roster as two worksheets: agents × days with "shift/project" (blank = day off), and coverage per day and
 * project in agent-hours (required, on duty with breaks excluded, short) with the number of intervals short.
 * @example rosterSheets(mm, roster, labels)[1].rows[1] // ['2026-12-01', '95598', 1520, 1498.5, 31.5, 9]
 */
export function rosterSheets(mm: MonthModel, roster: Roster, labels: RosterSheetLabels): XlsxSheet[] {
  const { model } = mm;
  const days = model.days.map((d) => d.date);
  const grid: XlsxValue[][] = [[labels.agent, labels.name, labels.team, ...days]];
  for (const a of model.agents) grid.push([a.id, a.name, a.team, ...roster[a.id]!.map((c) => (c.shift ? `${c.shift}/${c.project ?? ''}` : null))]);
  const ix = indexModel(model);
  const staffed = staffedMinutes(ix, roster);
  const per = ix.intervalsPerDay;
  const hours = model.intervalMinutes / 60;
  const coverage: XlsxValue[][] = [[labels.date, labels.project, labels.required, labels.scheduled, labels.short, labels.shortIntervals]];
  days.forEach((date, d) => {
    for (const p of model.projects) {
      const req = model.requirement[p]?.[d] ?? [];
      const row = staffed.get(p)!;
      let required = 0;
      let onDuty = 0;
      let short = 0;
      let shortIntervals = 0;
      for (let k = 0; k < per; k++) {
        const need = req[k] ?? 0;
        const have = row[d * per + k]! / model.intervalMinutes;
        required += need;
        onDuty += have;
        if (need - have > 1e-9) {
          short += need - have;
          shortIntervals++;
        }
      }
      coverage.push([date, p, round1(required * hours), round1(onDuty * hours), round1(short * hours), shortIntervals]);
    }
  });
  return [
    { name: labels.roster, rows: grid, stickyColumns: 3, widths: [8, 10, 10, ...days.map(() => 9)] },
    { name: labels.coverage, rows: coverage, widths: [12, 8, 12, 12, 12, 12] },
  ];
}
