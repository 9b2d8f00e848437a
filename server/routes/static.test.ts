import { describe, it, expect } from 'vitest';
import { parseRange } from './static.ts';
import { testApp } from '../../test/support/app.ts';

describe('parseRange', () => {
  it('reads a closed, an open-ended and a suffix range', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
  });
  describe('edge cases', () => {
    it('clamps the end, ignores no header and refuses unsatisfiable or malformed ranges', () => {
      expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
      expect(parseRange(undefined, 1000)).toBeNull();
      expect(parseRange('bytes=1000-', 1000)).toBe('invalid');
      expect(parseRange('bytes=5-2', 1000)).toBe('invalid');
      expect(parseRange('bytes=0-1,5-6', 1000)).toBe('invalid');
      expect(parseRange('items=0-1', 1000)).toBe('invalid');
    });
  });
});

describe('static assets', () => {
  it('serves htmx from node_modules and answers byte ranges with 206', async () => {
    const t = await testApp({ reset: false });
    const full = await t.app.request('/static/htmx.min.js');
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const body = await full.text();
    expect(body).toContain('htmx');
    const part = await t.app.request('/static/htmx.min.js', { headers: { range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 0-9/${Buffer.byteLength(body)}`);
    expect(await part.text()).toBe(body.slice(0, 10));
    expect((await t.app.request('/static/htmx.min.js', { headers: { range: 'bytes=99999999-' } })).status).toBe(416);
    expect((await t.app.request('/static/../../package.json')).status).toBe(404);
  });
});
