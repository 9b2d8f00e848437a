// `knowledge eval GOLD.jsonl`: retrieval quality of the library in the database on a gold set of
// caller utterances — the knowledge owners' regression check before publishing.
import { readFileSync } from 'node:fs';
import type { Sql } from '../db/index.ts';
import { withDatabase } from '../cli/_open.ts';
import { evaluateGold, type GoldLine, type GoldReport } from '../../knowledge/search/eval.ts';
import { KnowledgeSearch } from './search-service.ts';
import { loadConfig } from '../config.ts';
import type { SearchBackend } from '../../knowledge/search/index.ts';

export interface EvalIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
}

const processIo: EvalIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
};

export const EVAL_USAGE = 'usage: npm run cli -- knowledge eval GOLD.jsonl [--misses] [--backend compact|lunr]\n';

/**
 * What gold lines does this JSON Lines text hold (`{"query": "…", "target": "CODE"}`), or what is wrong with it?
 * @example parseGold('{"query":"没电了","target":"TD-002"}\n') // { ok: true, gold: [{ query: '没电了', target: 'TD-002' }] }
 */
export function parseGold(text: string): { ok: true; gold: GoldLine[] } | { ok: false; errors: string[] } {
  const gold: GoldLine[] = [];
  const errors: string[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        const value = JSON.parse(line) as { query?: unknown; target?: unknown };
        if (typeof value.query !== 'string' || typeof value.target !== 'string') errors.push(`line ${i + 1}: expected {"query": "…", "target": "CODE"}`);
        else gold.push({ query: value.query, target: value.target });
      } catch (err) {
        errors.push(`line ${i + 1}: not valid JSON: ${(err as Error).message}`);
      }
    });
  if (errors.length) return { ok: false, errors };
  return { ok: true, gold };
}

/** The report as the CLI prints it. */
export function formatGoldReport(report: GoldReport, scenarios: number): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `queries      ${report.queries} over ${scenarios} published scenarios`,
    `Recall@1     ${pct(report.recall[1] ?? 0)}`,
    `Recall@5     ${pct(report.recall[5] ?? 0)}`,
    `Recall@10    ${pct(report.recall[10] ?? 0)}`,
    `MRR@10       ${report.mrr.toFixed(3)}`,
    `latency p50  ${report.latencyMs.p50.toFixed(2)} ms`,
    `latency p95  ${report.latencyMs.p95.toFixed(2)} ms`,
  ].join('\n') + '\n';
}

/**
 * Evaluates the published library in `sql` on the gold file named in `args`; returns the exit code
 * (0 done, 1 unreadable or invalid gold file, 2 usage).
 * @example await evalCommand(sql, ['test/fixtures/gold.jsonl']) // 0; stdout "Recall@5     9x.x%" …
 */
export async function evalCommand(sql: Sql, args: string[], io: EvalIo = processIo, defaultBackend: SearchBackend = 'compact'): Promise<number> {
  const at = args.indexOf('--backend');
  const backend = at >= 0 ? args[at + 1] : defaultBackend;
  const file = args.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (!file || (backend !== 'compact' && backend !== 'lunr')) {
    io.stderr(EVAL_USAGE);
    return 2;
  }
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    io.stderr(`cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  const parsed = parseGold(text);
  if (!parsed.ok) {
    io.stderr(parsed.errors.map((e) => `${file}: ${e}\n`).join(''));
    return 1;
  }
  const index = await new KnowledgeSearch(sql, undefined, { backend }).searchIndex();
  const report = evaluateGold(index, parsed.gold, { clock: () => performance.now() });
  io.stdout(formatGoldReport(report, index.scenarios.size));
  if (args.includes('--misses')) {
    for (const miss of report.misses) io.stdout(`miss  ${miss.target}  rank ${miss.rank ?? '-'}  ${miss.query}  top ${miss.top.join(' ')}\n`);
  }
  return 0;
}

/** `knowledge eval …` on the configured database (for the CLI's command table). */
export function runEval(args: string[]): Promise<number> {
  return withDatabase((db) => evalCommand(db.sql, args, processIo, loadConfig().searchBackend));
}
