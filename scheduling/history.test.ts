// Specifies the history import: every good row or every bad line, never half an import.
import { describe, it, expect } from 'vitest';
import { formatHistoryCsv, parseHistory, type HistoryParseResult } from './history.ts';

const HEADER = 'project,interval_start,calls_offered,calls_handled,aht_seconds';

function errorsOf(result: HistoryParseResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

function rowsOf(result: HistoryParseResult) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.rows;
}

describe('CSV import', () => {
  it('reads rows and normalises interval starts to UTC instants', () => {
    const rows = rowsOf(parseHistory(`${HEADER}\n95598,2026-03-02T08:30:00+08:00,100,95,240\nEV,2026-03-02T00:30:00Z,7,7,301.5\n`));
    expect(rows).toEqual([
      { project: '95598', intervalStart: '2026-03-02T00:30:00.000Z', callsOffered: 100, callsHandled: 95, ahtSeconds: 240 },
      { project: 'EV', intervalStart: '2026-03-02T00:30:00.000Z', callsOffered: 7, callsHandled: 7, ahtSeconds: 301.5 },
    ]);
  });

  it('reports "line 7: calls_handled (120) exceeds calls_offered (100)" counting the header as line 1', () => {
    const good = [0, 1, 2, 3, 4].map((i) => `95598,2026-03-02T0${i}:00:00+08:00,10,10,200`);
    const text = [HEADER, ...good, '95598,2026-03-02T06:00:00+08:00,100,120,200'].join('\n');
    expect(errorsOf(parseHistory(text))).toEqual([{ line: 7, message: 'line 7: calls_handled (120) exceeds calls_offered (100)' }]);
  });

  it('lists every bad line, not just the first, and returns no rows', () => {
    const text = [
      HEADER,
      '95598,2026-03-02T08:30:00+08:00,100,95,240',
      '95598,2026-03-02T08:40:00+08:00,100,95,240',
      ',2026-03-02T09:00:00+08:00,-3,x,240',
      '95598,2026-03-02 09:30,1,1,1',
      'EV,2026-03-02T10:00:00+08:00,5,5',
    ].join('\n');
    expect(errorsOf(parseHistory(text))).toEqual([
      { line: 3, message: 'line 3: interval_start (2026-03-02T08:40:00+08:00) is not on a 30-minute boundary' },
      { line: 4, message: 'line 4: project is missing' },
      { line: 4, message: 'line 4: calls_offered must be a number ≥ 0, got "-3"' },
      { line: 4, message: 'line 4: calls_handled must be a number ≥ 0, got "x"' },
      { line: 5, message: 'line 5: interval_start ("2026-03-02 09:30") must be ISO 8601 with an offset, e.g. 2026-03-02T08:30:00+08:00' },
      { line: 6, message: 'line 6: expected 5 fields, found 4' },
    ]);
  });

  it('rejects the same project and interval twice, naming the first line, even when written in other offsets', () => {
    const text = [HEADER, 'EV,2026-03-02T08:30:00+08:00,1,1,100', '95598,2026-03-02T08:30:00+08:00,1,1,100', 'EV,2026-03-02T00:30:00Z,2,2,100'].join('\n');
    expect(errorsOf(parseHistory(text))).toEqual([
      { line: 4, message: 'line 4: duplicate of line 2 (project EV, interval 2026-03-02T00:30:00.000Z)' },
    ]);
  });

  it('accepts columns in any order', () => {
    const rows = rowsOf(parseHistory('aht_seconds,calls_handled,calls_offered,interval_start,project\n200,4,5,2026-03-02T08:00:00+08:00,FIN\n'));
    expect(rows[0]).toEqual({ project: 'FIN', intervalStart: '2026-03-02T00:00:00.000Z', callsOffered: 5, callsHandled: 4, ahtSeconds: 200 });
  });

  it('handles quoted fields with commas, escaped quotes and line breaks, numbering lines by where a record starts', () => {
    const text = `${HEADER}\n"INS, ""south""",2026-03-02T08:00:00+08:00,"5",4,200\n"multi\nline",2026-03-02T08:00:00+08:00,5,6,200\n`;
    const errors = errorsOf(parseHistory(text));
    expect(errors).toEqual([{ line: 3, message: 'line 3: calls_handled (6) exceeds calls_offered (5)' }]);
    const ok = rowsOf(parseHistory(`${HEADER}\n"INS, ""south""",2026-03-02T08:00:00+08:00,"5",4,200\n`));
    expect(ok[0].project).toBe('INS, "south"');
  });

  it('accepts a byte-order mark, CRLF line ends and blank trailing lines', () => {
    const text = `\uFEFF${HEADER}\r\n95598,2026-03-02T08:30:00+08:00,100,95,240\r\n\r\n\r\n`;
    expect(rowsOf(parseHistory(text))).toHaveLength(1);
  });

  it('round-trips through formatHistoryCsv', () => {
    const text = `${HEADER}\n"A,B",2026-03-02T08:30:00+08:00,100,95,240\nEV,2026-03-02T09:00:00+08:00,0,0,0\n`;
    const rows = rowsOf(parseHistory(text));
    expect(rowsOf(parseHistory(formatHistoryCsv(rows)))).toEqual(rows);
  });
});

describe('JSONL import', () => {
  it('reads one object per line with the CSV field names', () => {
    const text = [
      '{"project":"95598","interval_start":"2026-03-02T08:30:00+08:00","calls_offered":100,"calls_handled":95,"aht_seconds":240}',
      '{"project":"EV","interval_start":"2026-03-02T09:00:00+08:00","calls_offered":3,"calls_handled":3,"aht_seconds":180}',
    ].join('\n');
    const rows = rowsOf(parseHistory(text));
    expect(rows.map((r) => r.project)).toEqual(['95598', 'EV']);
    expect(rows[1].intervalStart).toBe('2026-03-02T01:00:00.000Z');
  });

  it('numbers JSONL lines from 1 (no header) and explains each problem', () => {
    const text = [
      '{"project":"95598","interval_start":"2026-03-02T08:30:00+08:00","calls_offered":100,"calls_handled":95,"aht_seconds":240}',
      '{"project":"95598","interval_start":"2026-03-02T09:00:00+08:00","calls_offered":1.5,"calls_handled":1,"aht_seconds":240}',
      'not json',
      '[1,2]',
      '{"project":"EV","interval_start":"2026-03-02T09:00:00+08:00","calls_offered":1,"calls_handled":1,"aht_seconds":240,"queue":"x"}',
      '{"project":"EV","interval_start":"2026-02-30T09:00:00+08:00","calls_offered":1,"calls_handled":1,"aht_seconds":240}',
    ].join('\n');
    expect(errorsOf(parseHistory(text, { format: 'jsonl' }))).toEqual([
      { line: 2, message: 'line 2: calls_offered must be a whole number, got 1.5' },
      { line: 3, message: 'line 3: not valid JSON' },
      { line: 4, message: 'line 4: expected a JSON object with fields project, interval_start, calls_offered, calls_handled, aht_seconds' },
      { line: 5, message: 'line 5: unknown field(s) queue' },
      { line: 6, message: 'line 6: interval_start (2026-02-30T09:00:00+08:00) is not a real date and time' },
    ]);
  });
});

describe('edge cases', () => {
  it('rejects an empty file and a header with no rows', () => {
    expect(errorsOf(parseHistory(''))[0].line).toBe(1);
    expect(errorsOf(parseHistory(`${HEADER}\n`))).toEqual([{ line: 1, message: 'line 1: no data rows found' }]);
  });

  it('rejects a wrong header, naming missing and unknown columns', () => {
    expect(errorsOf(parseHistory('project,start,calls_offered,calls_handled,aht_seconds\nx,y,1,1,1\n'))).toEqual([
      { line: 1, message: `line 1: header must be ${HEADER}; missing column(s) interval_start; unknown column(s) start` },
    ]);
  });

  it('reports an unterminated quote at the line where it opens', () => {
    expect(errorsOf(parseHistory(`${HEADER}\n95598,2026-03-02T08:30:00+08:00,100,95,240\n"EV,2026-03-02T09:00:00+08:00,1,1,1\n`))).toContainEqual({
      line: 3,
      message: 'line 3: quoted field is never closed',
    });
  });

  it('requires a positive AHT when calls were handled, but allows 0 for an empty interval', () => {
    expect(errorsOf(parseHistory(`${HEADER}\nEV,2026-03-02T08:30:00+08:00,3,3,0\n`))[0].message).toBe(
      'line 2: aht_seconds must be > 0 when calls were handled (calls_handled 3)',
    );
    expect(rowsOf(parseHistory(`${HEADER}\nEV,2026-03-02T08:30:00+08:00,0,0,0\n`))).toHaveLength(1);
  });

  it('rejects seconds off the boundary and honours a 15-minute grid when asked', () => {
    expect(errorsOf(parseHistory(`${HEADER}\nEV,2026-03-02T08:30:01+08:00,1,1,1\n`))[0].message).toMatch(/30-minute boundary/);
    expect(rowsOf(parseHistory(`${HEADER}\nEV,2026-03-02T08:45:00+08:00,1,1,1\n`, { intervalMinutes: 15 }))).toHaveLength(1);
  });

  it('treats an instant written without an offset as an error, since the zone would be a guess', () => {
    expect(errorsOf(parseHistory(`${HEADER}\nEV,2026-03-02T08:30:00,1,1,1\n`))[0].message).toMatch(/with an offset/);
  });
});
