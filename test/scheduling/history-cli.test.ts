// The `history` CLI group: import a file all-or-nothing with line-numbered errors, and report what is on file.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testApp } from '../support/app.ts';
import { importFile, printStatus, run, type HistoryIo } from '../../server/cli/history.ts';

type T = Awaited<ReturnType<typeof testApp>>;

function capture(): HistoryIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

describe('history CLI', () => {
  let t: T;
  const dir = mkdtempSync(join(tmpdir(), 'history-cli-'));
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function evCount(): Promise<number> {
    const [row] = await t.sql<{ n: string }[]>`SELECT count(*) AS n FROM interval_history h JOIN projects p ON p.id = h.project_id WHERE p.code = 'EV' AND interval_start >= '2030-01-01'`;
    return Number(row!.n);
  }

  it('imports a JSONL file and says what it stored', async () => {
    const file = join(dir, 'ok.jsonl');
    writeFileSync(file, ['{"project":"EV","interval_start":"2030-01-07T08:00:00+08:00","calls_offered":80,"calls_handled":78,"aht_seconds":210}', '', '{"project":"EV","interval_start":"2030-01-07T08:30:00+08:00","calls_offered":90,"calls_handled":85,"aht_seconds":205}'].join('\n'));
    const io = capture();
    expect(await importFile(t.sql, file, {}, io)).toBe(0);
    expect(io.out).toEqual(['imported 2 intervals (EV 2) from 2030-01-07T00:00:00.000Z to 2030-01-07T00:30:00.000Z']);
    expect(await evCount()).toBe(2);
  });

  it('prints every bad line with its number and stores nothing', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, ['project,interval_start,calls_offered,calls_handled,aht_seconds', 'EV,2030-02-04T08:00:00+08:00,10,9,200', 'EV,2030-02-04T08:30:00+08:00,ten,9,200', 'XX,2030-02-04T09:00:00+08:00,10,9,200'].join('\n'));
    const io = capture();
    expect(await importFile(t.sql, file, {}, io)).toBe(1);
    expect(io.err[0]).toMatch(/bad\.csv:line 3: /);
    expect(io.err.at(-1)).toMatch(/not imported, 1 problem\(s\); nothing was stored/);
    expect(await evCount()).toBe(2);
  });

  it('names unknown projects with their line once the file parses', async () => {
    const file = join(dir, 'unknown.csv');
    writeFileSync(file, ['project,interval_start,calls_offered,calls_handled,aht_seconds', 'EV,2030-02-04T08:00:00+08:00,10,9,200', 'XX,2030-02-04T09:00:00+08:00,10,9,200'].join('\n'));
    const io = capture();
    expect(await importFile(t.sql, file, {}, io)).toBe(1);
    expect(io.err[0]).toBe(`${file}:line 3: unknown project "XX" (known: 95598, EV, INS, FIN)`);
    expect(await evCount()).toBe(2);
  });

  it('reports a missing file and wrong usage', async () => {
    const io = capture();
    expect(await importFile(t.sql, join(dir, 'missing.csv'), {}, io)).toBe(1);
    expect(io.err[0]).toContain('missing.csv: ENOENT');
    const usage = capture();
    expect(await run(['import'], usage)).toBe(2);
    expect(await run(['import', 'a.csv', '--format', 'xml'], usage)).toBe(2);
    expect(await run(['frobnicate'], usage)).toBe(2);
    expect(usage.err[0]).toContain('npm run cli -- history import FILE');
  });

  it('prints the history on file per project', async () => {
    const io = capture();
    expect(await printStatus(t.sql, io)).toBe(0);
    expect(io.out).toHaveLength(4);
    expect(io.out[1]).toMatch(/^EV\t5378\t/);
  });
});
