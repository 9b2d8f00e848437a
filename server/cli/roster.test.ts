import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it, expect } from 'vitest';
import { evaluateCurtois } from '../../scheduling/curtois/evaluate.ts';
import { parseCurtois } from '../../scheduling/curtois/parse.ts';
import { run, type RosterIo } from './roster.ts';

const instanceFile = fileURLToPath(new URL('../../../shared/vectors/curtois/Instance1.txt', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'roster-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): RosterIo & { out: string[]; err: string[] } {
  const out: string[] = [], err: string[] = [];
  return { out, err, stdout: (l) => out.push(l), stderr: (l) => err.push(l) };
}

describe('roster CLI', () => {
  const resultFile = join(dir, 'result.json');

  it('solve writes a feasible Instance1 roster whose objective the evaluator confirms', async () => {
    const io = capture();
    const code = await run(['solve', '--format', 'curtois', instanceFile, '--time-limit', '3', '--seed', '7', '--out', resultFile], io);
    expect(code).toBe(0);
    const written = JSON.parse(readFileSync(resultFile, 'utf8')) as { objective: number; assignments: Record<string, string[]> };
    const instance = parseCurtois(readFileSync(instanceFile, 'utf8'));
    expect(Object.keys(written.assignments).sort()).toEqual(instance.employees.map((e) => e.id).sort());
    for (const row of Object.values(written.assignments)) expect(row).toHaveLength(14);
    const verdict = evaluateCurtois(instance, written.assignments);
    expect(verdict.violations).toEqual([]);
    expect(written.objective).toBe(verdict.objective);
    // 607 is the proven optimum (best_known.csv): nothing feasible can score lower.
    expect(written.objective).toBeGreaterThanOrEqual(607);
    expect(io.out).toHaveLength(1);
    expect(io.out[0]).toContain(`objective ${written.objective}`);
  }, 30_000);

  it('evaluate prints the objective and exits 0 for a feasible result', async () => {
    const io = capture();
    expect(await run(['evaluate', '--format', 'curtois', instanceFile, resultFile], io)).toBe(0);
    const { objective } = JSON.parse(readFileSync(resultFile, 'utf8')) as { objective: number };
    expect(io.out[0]).toBe(`objective ${objective}`);
    expect(io.out.at(-1)).toBe('feasible');
  });

  it('evaluate lists violations and exits 1 when a required day off is worked', async () => {
    const broken = join(dir, 'broken.json');
    const data = JSON.parse(readFileSync(resultFile, 'utf8')) as { assignments: Record<string, string[]> };
    data.assignments.A![0] = 'D'; // A must be off on day 0 in Instance1
    writeFileSync(broken, JSON.stringify(data));
    const io = capture();
    expect(await run(['evaluate', '--format', 'curtois', instanceFile, broken], io)).toBe(1);
    expect(io.out.some((l) => l.startsWith('violation days-off A days 0'))).toBe(true);
    expect(io.out.at(-1)).toMatch(/^infeasible: \d+ hard violations$/);
  });

  describe('edge cases', () => {
    it.each([
      [['frobnicate']],
      [[]],
      [['solve', '--format', 'curtois', instanceFile, '--time-limit', '1']],
      [['solve', '--format', 'xml', instanceFile, '--out', 'x.json']],
      [['solve', '--format', 'curtois', instanceFile, '--time-limit', 'soon', '--out', 'x.json']],
      [['evaluate', '--format', 'curtois', instanceFile]],
    ])('exits 2 with usage for %j', async (args) => {
      const io = capture();
      expect(await run(args, io)).toBe(2);
      expect(io.err.join('\n')).toContain('usage: npm run cli -- roster solve');
    });

    it('exits 1 naming the line of a malformed instance', async () => {
      const bad = join(dir, 'bad.txt');
      writeFileSync(bad, 'SECTION_HORIZON\r\nfourteen\r\nSECTION_SHIFTS\r\nD,480,\r\nSECTION_STAFF\r\n');
      const io = capture();
      expect(await run(['evaluate', '--format', 'curtois', bad, resultFile], io)).toBe(1);
      expect(io.err[0]).toContain('line 2:');
    });
  });
});
