import { describe, it, expect } from 'vitest';
import { createLogger, redact } from './log.ts';

describe('structured logs', () => {
  it('writes one JSON line per event at or above the level', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l));
    log.debug('hidden');
    log.info('shown', { reqId: 'abc', status: 200 });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', msg: 'shown', reqId: 'abc', status: 200 });
    expect(lines[0].endsWith('\n')).toBe(true);
  });

  it('redacts secret-looking keys at any depth', () => {
    expect(redact({ user: 'a', password: 'p', nested: { apiToken: 't', list: [{ cookie: 'c' }] } })).toEqual({
      user: 'a',
      password: '[redacted]',
      nested: { apiToken: '[redacted]', list: [{ cookie: '[redacted]' }] },
    });
  });

  describe('edge cases', () => {
    it('logs errors as name, message and stack; silent writes nothing', () => {
      const out = redact({ err: new Error('boom') }) as { err: { name: string; message: string } };
      expect(out.err).toMatchObject({ name: 'Error', message: 'boom' });
      const lines: string[] = [];
      createLogger('silent', (l) => lines.push(l)).error('x');
      expect(lines).toEqual([]);
    });
  });
});
