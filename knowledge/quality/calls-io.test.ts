// Call imports: CSV and JSONL parse all-or-nothing with the line of every problem.
import { describe, it, expect } from 'vitest';
import { csvRecords, detectCallsFormat, parseCallsBody, parseCallsCsv, parseCallsJsonl, validateCall } from './calls-io.ts';

const HEADER = 'id,agent,project,queue,startedAt,durationSeconds,direction,callerAccount,transcript';

describe('parseCallsCsv', () => {
  it('reads calls with quoted fields, embedded commas, newlines and a JSON transcript', () => {
    const text = [
      HEADER,
      'C-1,Agent,95598,general,2026-11-20T09:15:00+08:00,185,in,1002345,',
      `C-2,agent,EV,ev,2026-11-20T01:00:00Z,60,out,"A,B","[{""startSeconds"":0,""endSeconds"":2,""speaker"":""agent"",""text"":""您好\\n请讲""}]"`,
    ].join('\r\n');
    const { calls, errors } = parseCallsCsv(text);
    expect(errors).toEqual([]);
    expect(calls.map((c) => [c.line, c.call.id, c.call.agent, c.call.durationSeconds, c.call.callerAccount])).toEqual([
      [2, 'C-1', 'agent', 185, '1002345'],
      [3, 'C-2', 'agent', 60, 'A,B'],
    ]);
    expect(calls[1].call.transcript).toEqual([{ startSeconds: 0, endSeconds: 2, speaker: 'agent', text: '您好\n请讲' }]);
    expect(calls[0].call.transcript).toBeNull();
  });

  it('reports every bad record with its line number, counting lines inside quotes', () => {
    const text = [
      HEADER,
      'C-1,agent,95598,general,2026-11-20T09:15:00+08:00,185,in,"multi',
      'line",',
      'C-2,agent,95598,general,yesterday,-3,sideways,,',
      'C-1,agent,95598,general,2026-11-20T09:15:00+08:00,185,in,,',
      'C-4,agent,95598',
    ].join('\n');
    const { errors, calls } = parseCallsCsv(text);
    expect(calls.map((c) => c.call.id)).toEqual(['C-1']);
    expect(errors).toEqual([
      { line: 4, message: 'startedAt: ISO-8601 instant with a zone, e.g. 2026-11-20T09:15:00+08:00' },
      { line: 4, message: 'durationSeconds: whole seconds from 0 to 86400' },
      { line: 4, message: 'direction: in or out' },
      { line: 5, message: 'id: C-1 repeats line 2' },
      { line: 6, message: 'expected 9 fields, found 3' },
    ]);
  });

  it('names unknown and missing columns in the header', () => {
    expect(parseCallsCsv('id,agent,colour\nx,y,z').errors).toEqual([
      { line: 1, message: 'unknown column "colour"' },
      { line: 1, message: 'missing column "project"' },
      { line: 1, message: 'missing column "queue"' },
      { line: 1, message: 'missing column "startedAt"' },
      { line: 1, message: 'missing column "durationSeconds"' },
      { line: 1, message: 'missing column "direction"' },
    ]);
  });

  describe('edge cases', () => {
    it('refuses an empty file and a header without rows', () => {
      expect(parseCallsCsv('').errors).toEqual([{ line: 1, message: 'file is empty' }]);
      expect(parseCallsCsv(`${HEADER}\n`).errors).toEqual([{ line: 1, message: 'no calls after the header' }]);
    });
    it('skips a byte-order mark and blank lines', () => {
      expect(csvRecords('\ufeffa,b\n\n1,2\n')).toEqual([
        { line: 1, fields: ['a', 'b'] },
        { line: 3, fields: ['1', '2'] },
      ]);
    });
  });
});

describe('parseCallsJsonl', () => {
  const ok = { id: 'J-1', agent: 'agent', project: 'EV', queue: 'ev', startedAt: '2026-11-20T09:00:00+08:00', durationSeconds: 90, direction: 'in' };
  it('reads one object per line and numbers errors by line, blank lines included', () => {
    const text = [JSON.stringify(ok), '', '{oops', JSON.stringify({ ...ok, id: 'J-2', recordingUrl: 'ftp://x' })].join('\n');
    const r = parseCallsJsonl(text);
    expect(r.calls.map((c) => [c.line, c.call.id])).toEqual([[1, 'J-1']]);
    expect(r.errors).toEqual([
      { line: 3, message: 'not valid JSON' },
      { line: 4, message: 'recordingUrl: a path starting with / or an http(s) URL' },
    ]);
  });
  it('checks transcript segments', () => {
    const r = parseCallsJsonl(JSON.stringify({ ...ok, transcript: [{ startSeconds: 3, endSeconds: 1, speaker: 'agent', text: 'x' }] }));
    expect(r.errors).toEqual([{ line: 1, message: 'transcript[0]: needs startSeconds ≤ endSeconds, speaker agent|customer and text' }]);
  });
});

describe('parseCallsBody and validateCall', () => {
  it('accepts one object or an array, numbering by position', () => {
    const one = { id: 'A-1', agent: 'agent', project: '95598', queue: 'q', startedAt: '2026-11-20T09:00:00Z', durationSeconds: 5, direction: 'out' };
    expect(parseCallsBody(one).calls).toHaveLength(1);
    const r = parseCallsBody([one, { id: 'A-2' }]);
    expect(r.errors[0]).toEqual({ line: 2, message: 'agent: required' });
    expect(validateCall([]).problems).toEqual(['record must be an object']);
    expect(parseCallsBody([]).errors).toEqual([{ line: 1, message: 'no calls' }]);
  });
  it('detects the format from the file name, then the content', () => {
    expect(detectCallsFormat('x.JSONL', '')).toBe('jsonl');
    expect(detectCallsFormat('upload', ' {"id":1}')).toBe('jsonl');
    expect(detectCallsFormat('upload', 'id,agent')).toBe('csv');
  });
});
