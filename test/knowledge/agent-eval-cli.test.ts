// `knowledge eval GOLD.jsonl` on the library in the database: Recall@k, MRR@10, latency.
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { testApp } from '../support/app.ts';
import { evalCommand, parseGold, type EvalIo } from '../../server/knowledge/eval-cli.ts';
import { KNOWLEDGE_COMMANDS } from '../../server/cli/knowledge.ts';

type T = Awaited<ReturnType<typeof testApp>>;

function memoryIo(files: Record<string, string> = {}): EvalIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(text: string) {
      io.out += text;
    },
    stderr(text: string) {
      io.err += text;
    },
    readFile(path: string) {
      if (path in files) return files[path];
      return readFileSync(path, 'utf8');
    },
  };
  return io;
}

describe('knowledge eval', () => {
  let t: T;
  beforeAll(async () => {
    t = await testApp();
  });

  it('prints Recall@1/5/10, MRR@10 and latency for the gold set over the published library', async () => {
    const io = memoryIo();
    expect(await evalCommand(t.sql, ['test/fixtures/gold.jsonl'], io)).toBe(0);
    expect(io.out).toMatch(/^queries {6}316 over 116 published scenarios$/m);
    const recall5 = Number(/^Recall@5 +([\d.]+)%$/m.exec(io.out)![1]);
    expect(recall5).toBeGreaterThanOrEqual(90);
    const recall1 = Number(/^Recall@1 +([\d.]+)%$/m.exec(io.out)![1]);
    const recall10 = Number(/^Recall@10 +([\d.]+)%$/m.exec(io.out)![1]);
    expect(recall1).toBeLessThanOrEqual(recall5);
    expect(recall10).toBeGreaterThanOrEqual(recall5);
    expect(io.out).toMatch(/^MRR@10 +0\.\d{3}$/m);
    expect(io.out).toMatch(/^latency p50 +\d+\.\d\d ms$/m);
    expect(io.out).toMatch(/^latency p95 +\d+\.\d\d ms$/m);
  });

  it('evaluates the lunr backend on request, at the gold set recall target too', async () => {
    const io = memoryIo();
    expect(await evalCommand(t.sql, ['--backend', 'lunr', 'test/fixtures/gold.jsonl'], io)).toBe(0);
    expect(io.out).toMatch(/^queries {6}316 over 116 published scenarios$/m);
    expect(Number(/^Recall@5 +([\d.]+)%$/m.exec(io.out)![1])).toBeGreaterThanOrEqual(90);
    const bad = memoryIo();
    expect(await evalCommand(t.sql, ['test/fixtures/gold.jsonl', '--backend', 'elastic'], bad)).toBe(2);
    expect(bad.err).toContain('[--backend compact|lunr]');
  });

  it('scores a tiny gold file exactly', async () => {
    const io = memoryIo({ 'g.jsonl': '{"query":"计划停电时间查询","target":"TD-001"}\n{"query":"计划停电时间查询","target":"NO-SUCH"}\n' });
    expect(await evalCommand(t.sql, ['g.jsonl'], io)).toBe(0);
    expect(io.out).toContain('Recall@1     50.0%');
    expect(io.out).toContain('Recall@10    50.0%');
    expect(io.out).toContain('MRR@10       0.500');
  });

  it('refuses a missing argument (2) and an invalid gold file with line numbers (1)', async () => {
    const io = memoryIo({ 'bad.jsonl': '{"query":"x","target":"TD-001"}\nnot json\n{"query":1}\n' });
    expect(await evalCommand(t.sql, [], io)).toBe(2);
    expect(io.err).toContain('usage: npm run cli -- knowledge eval GOLD.jsonl');
    expect(await evalCommand(t.sql, ['bad.jsonl'], io)).toBe(1);
    expect(io.err).toContain('bad.jsonl: line 2: not valid JSON');
    expect(io.err).toContain('bad.jsonl: line 3: expected {"query": "…", "target": "CODE"}');
    expect(parseGold('\n')).toEqual({ ok: true, gold: [] });
  });

  it('is in the knowledge command table', () => {
    expect(Object.keys(KNOWLEDGE_COMMANDS)).toContain('eval');
  });
});
