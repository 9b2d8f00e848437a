// iCalendar and CSV exports of the roster: RFC 5545 escaping and folding, UTC times from the centre's zone, CSV shape.
import { describe, it, expect } from 'vitest';
import { calendarOf, foldLine, icsText, icsUtc, rosterCsv, rosterSheets } from '../../server/scheduling/roster-export.ts';
import { readXlsx, xlsxBuffer } from '../../server/http/xlsx.ts';
import type { MonthModel } from '../../server/scheduling/roster-model.ts';

describe('icsText', () => {
  it('escapes backslash, semicolon, comma and newlines per RFC 5545', () => {
    expect(icsText('早班, 95598; A\\B\nC')).toBe('早班\\, 95598\\; A\\\\B\\nC');
  });
});

describe('foldLine', () => {
  it('keeps a line of 75 octets whole', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
  });
  it('folds at 75 octets with a leading space on continuation lines', () => {
    const folded = foldLine('SUMMARY:' + 'x'.repeat(80));
    const lines = folded.split('\r\n');
    expect(lines).toHaveLength(2);
    expect(Buffer.byteLength(lines[0]!)).toBe(75);
    expect(lines[1]!.startsWith(' ')).toBe(true);
    expect(lines.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe('SUMMARY:' + 'x'.repeat(80));
  });
  it('never splits a three-octet Chinese character', () => {
    const folded = foldLine('SUMMARY:' + '早'.repeat(40));
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n').map((l, i) => (i ? l.slice(1) : l)).join('')).toBe('SUMMARY:' + '早'.repeat(40));
  });
});

describe('calendarOf', () => {
  const stamp = new Date('2026-11-25T02:00:00Z');
  it('puts a night shift in UTC from Asia/Shanghai, crossing midnight', () => {
    const ics = calendarOf([{ rosterId: 3, agentCode: 'A0001', date: '2026-12-01', shift: 'N', shiftName: '夜班', startMinute: 23 * 60, lengthMinutes: 480, project: '95598' }], 'Asia/Shanghai', stamp);
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Peakline//Roster//ZH',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:roster-3-A0001-2026-12-01@peakline',
      'DTSTAMP:20261125T020000Z',
      'DTSTART:20261201T150000Z',
      'DTEND:20261201T230000Z',
      'SUMMARY:夜班 N · 95598',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });
  it('is an empty calendar without shifts', () => {
    expect(calendarOf([], 'Asia/Shanghai', stamp)).toBe('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Peakline//Roster//ZH\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n');
  });
  it('formats UTC instants without separators or milliseconds', () => {
    expect(icsUtc(new Date('2026-12-01T23:00:00.000Z'))).toBe('20261201T230000Z');
  });
});

describe('rosterCsv', () => {
  const mm = {
    model: { days: [{ date: '2026-12-01', weekday: 1, holiday: false }, { date: '2026-12-02', weekday: 2, holiday: false }], agents: [{ id: 'A0001', name: '王, 伟', team: '95598-A' }, { id: 'A0002', name: '=cmd', team: 'EV-A' }] },
  } as unknown as MonthModel;
  it('writes one row per agent and one column per date, quoting commas and defusing formulas, marking locks', () => {
    const csv = rosterCsv(mm, { A0001: [{ shift: 'E', project: '95598' }, { shift: null, project: null }], A0002: [{ shift: null, project: null }, { shift: 'N', project: 'EV' }] }, new Set(['A0002|2026-12-01']));
    expect(csv).toBe(`agent,name,team,2026-12-01,2026-12-02\r\nA0001,"王, 伟",95598-A,E/95598,\r\nA0002,'=cmd,EV-A,*,N/EV\r\n`);
  });
});

describe('rosterSheets', () => {
  // Two days, 6-hour intervals (4 a day), one project; shift D covers 06:00–18:00 = intervals 1 and 2 of its day.
  const mm = {
    model: {
      intervalMinutes: 360,
      projects: ['P'],
      shiftTypes: [{ code: 'D', name: '白班', startMinute: 360, lengthMinutes: 720, breaks: [], night: false }],
      days: [{ date: '2026-12-01', weekday: 1, holiday: false }, { date: '2026-12-02', weekday: 2, holiday: false }],
      agents: [{ id: 'A0001', name: '王伟', team: 'T1' }, { id: 'A0002', name: '=cmd', team: 'T2' }],
      requirement: { P: [[0, 2, 1, 0], [0, 1, 1, 1]] },
      leave: [], pinned: [], entitlements: [], rules: [],
    },
  } as unknown as MonthModel;
  const labels = { roster: '排班', coverage: '每日覆盖', agent: '工号', name: '姓名', team: '班组', date: '日期', project: '项目', required: '需求人时', scheduled: '在岗人时', short: '缺口人时', shortIntervals: '缺员时段数' };
  const roster = { A0001: [{ shift: 'D', project: 'P' }, { shift: 'D', project: 'P' }], A0002: [{ shift: null, project: null }, { shift: 'D', project: 'P' }] };

  it('lays out agents × days and coverage per day in agent-hours, and survives a round trip through XLSX', async () => {
    const book = readXlsx(await xlsxBuffer(rosterSheets(mm, roster, labels)));
    expect(book).toEqual([
      { name: '排班', rows: [['工号', '姓名', '班组', '2026-12-01', '2026-12-02'], ['A0001', '王伟', 'T1', 'D/P', 'D/P'], ['A0002', '=cmd', 'T2', null, 'D/P']] },
      {
        name: '每日覆盖',
        rows: [
          ['日期', '项目', '需求人时', '在岗人时', '缺口人时', '缺员时段数'],
          // day 1: need 2+1 = 3 agent-intervals (18 h), one agent in intervals 1–2 (12 h), one short in interval 1 (6 h)
          ['2026-12-01', 'P', 18, 12, 6, 1],
          // day 2: need 1+1+1 (18 h), two agents in intervals 1–2 (24 h), interval 3 uncovered (6 h)
          ['2026-12-02', 'P', 18, 24, 6, 1],
        ],
      },
    ]);
  });
});
