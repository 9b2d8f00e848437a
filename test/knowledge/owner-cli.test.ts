// The library CLI: import all-or-nothing with FILE:LINE errors on stderr and exit 1, publish or draft, export to a file or stdout.
import { describe, it, expect, beforeEach } from 'vitest';
import { testApp } from '../support/app.ts';
import { exportLibraryCommand, importLibraryCommand, type LibraryCliIo } from '../../server/knowledge/owner-cli.ts';

type T = Awaited<ReturnType<typeof testApp>>;

function memoryIo(files: Record<string, string> = {}): LibraryCliIo & { out: string; err: string; files: Record<string, string> } {
  const io = {
    out: '',
    err: '',
    files,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    readFile: (path: string) => {
      if (!(path in files)) throw new Error('ENOENT: no such file');
      return files[path];
    },
    writeFile: (path: string, text: string) => void (files[path] = text),
    now: () => new Date('2026-11-25T02:00:00Z'),
  };
  return io;
}

describe('knowledge CLI: import and export', () => {
  let t: T;
  beforeEach(async () => {
    t = await testApp();
  });

  it('prints every bad line as FILE:LINE: message, exits 1 and changes nothing', async () => {
    const before = await t.sql`SELECT code, published_version FROM scenarios ORDER BY code`;
    const io = memoryIo({ 'bad.jsonl': '{"code":"T-CLI-1","title":"好"}\n{"code":"T-CLI-2","sensitivity":9,"title":"x"}\n{oops\n' });
    expect(await importLibraryCommand(t.sql, ['bad.jsonl', '--publish'], io)).toBe(1);
    expect(io.err.split('\n')).toEqual([
      'bad.jsonl:2: sensitivity: must be 0, 1, 2 or 3, not 9',
      expect.stringMatching(/^bad\.jsonl:3: not valid JSON: /),
      '2 error(s); nothing imported',
      '',
    ]);
    expect(io.out).toBe('');
    expect(await t.sql`SELECT code, published_version FROM scenarios ORDER BY code`).toEqual(before);
  });

  it('publishes new and changed scenarios as versions, then exports them back identically', async () => {
    const lib = '{"code":"T-CLI-1","title":"交费渠道","phrasings":["在哪交电费"]}\n{"code":"T-CLI-2","title":"电价"}\n';
    const io = memoryIo({ 'lib.jsonl': lib, 'v2.jsonl': '{"code":"T-CLI-1","title":"交费渠道（新）"}\n{"code":"T-CLI-2","title":"电价"}\n' });
    expect(await importLibraryCommand(t.sql, ['--publish', 'lib.jsonl'], io)).toBe(0);
    expect(await importLibraryCommand(t.sql, ['v2.jsonl', '--publish'], io)).toBe(0);
    expect(io.out).toBe('published: 2 new, 0 updated, 0 unchanged\npublished: 0 new, 1 updated, 1 unchanged\n');
    const versions = await t.sql<{ code: string; version: number; note: string }[]>`SELECT code, version, note FROM scenario_versions WHERE code LIKE 'T-CLI-%' ORDER BY code, version`;
    expect(versions).toEqual([
      { code: 'T-CLI-1', version: 1, note: 'CLI import lib.jsonl' },
      { code: 'T-CLI-1', version: 2, note: 'CLI import v2.jsonl' },
      { code: 'T-CLI-2', version: 1, note: 'CLI import lib.jsonl' },
    ]);
    const [entry] = await t.sql<{ actor_name: string }[]>`SELECT actor_name FROM audit_log WHERE action = 'library.import' ORDER BY id LIMIT 1`;
    expect(entry.actor_name).toBe('cli');
    const out = memoryIo();
    expect(await exportLibraryCommand(t.sql, ['--out', 'export.jsonl'], out)).toBe(0);
    const lines = out.files['export.jsonl'].split('\n').filter((l) => l.includes('"T-CLI-'));
    expect(lines).toEqual(['{"code":"T-CLI-1","title":"交费渠道（新）"}', '{"code":"T-CLI-2","title":"电价"}']);
    expect(out.err).toMatch(/^exported \d+ scenarios to export\.jsonl\n$/);
    const stdout = memoryIo();
    expect(await exportLibraryCommand(t.sql, [], stdout)).toBe(0);
    expect(stdout.out).toBe(out.files['export.jsonl']);
  });

  it('stores drafts without --publish', async () => {
    const io = memoryIo({ 'd.jsonl': '{"code":"T-CLI-3","title":"草稿场景"}\n' });
    expect(await importLibraryCommand(t.sql, ['d.jsonl'], io)).toBe(0);
    expect(io.out).toBe('drafts: 1 new, 0 updated, 0 unchanged\n');
    const [row] = await t.sql`SELECT published_version, draft->>'title' AS title FROM scenarios WHERE code = 'T-CLI-3'`;
    expect(row).toEqual({ published_version: null, title: '草稿场景' });
  });

  describe('edge cases', () => {
    it('exits 2 with usage for missing or extra arguments and an unreadable file', async () => {
      const io = memoryIo();
      expect(await importLibraryCommand(t.sql, [], io)).toBe(2);
      expect(await importLibraryCommand(t.sql, ['a', 'b'], io)).toBe(2);
      expect(await importLibraryCommand(t.sql, ['missing.jsonl'], io)).toBe(2);
      expect(await exportLibraryCommand(t.sql, ['--bogus'], io)).toBe(2);
      expect(io.err).toContain('usage: npm run cli -- knowledge import FILE.jsonl [--publish]');
      expect(io.err).toContain('cannot read missing.jsonl: ENOENT: no such file');
      expect(io.err).toContain('usage: npm run cli -- knowledge export [--out FILE]');
    });
    it('refuses an empty file', async () => {
      const io = memoryIo({ 'empty.jsonl': '\n\n' });
      expect(await importLibraryCommand(t.sql, ['empty.jsonl'], io)).toBe(1);
      expect(io.err).toBe('empty.jsonl: no scenario in the file; nothing imported\n');
    });
  });
});
