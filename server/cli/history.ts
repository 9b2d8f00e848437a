// CLI group `history`: import interval call history all-or-nothing (`npm run cli -- history import FILE`) and show what is on file.
import { readFile } from 'node:fs/promises';
import type { Sql } from '../db/index.ts';
import { parseArgs, withDatabase } from './_open.ts';
import { importHistory } from '../scheduling/import.ts';
import { historySummary, listProjects } from '../scheduling/queries.ts';
import { audit } from '../queries/audit.ts';

const USAGE = ['usage: npm run cli -- history import FILE [--format csv|jsonl]', '       npm run cli -- history status'].join('\n');

/** Output streams, injectable so tests can capture what the command prints. */
export interface HistoryIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}
const processIo: HistoryIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Imports one file into the database; prints every bad line and stores nothing on error.
 * @example await importFile(sql, 'history.csv', {}, io) // 0, after printing "imported 2688 intervals …"
 */
export async function importFile(sql: Sql, file: string, options: { format?: 'csv' | 'jsonl' }, io: HistoryIo = processIo): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.stderr(`${file}: ${(err as Error).message}`);
    return 1;
  }
  const format = options.format ?? (/\.(jsonl|ndjson)$/i.test(file) ? 'jsonl' : undefined);
  const result = await importHistory(sql, text, { format });
  if (!result.ok) {
    for (const e of result.errors) io.stderr(`${file}:${e.message}`);
    io.stderr(`${file}: not imported, ${result.errors.length} problem(s); nothing was stored`);
    return 1;
  }
  await audit(sql, { at: new Date(), actorId: null, actorName: 'cli', action: 'history.import', target: 'interval_history', detail: { file, imported: result.imported, byProject: result.byProject, from: result.from, to: result.to } });
  const parts = Object.entries(result.byProject).map(([p, n]) => `${p} ${n}`);
  io.stdout(`imported ${result.imported} intervals (${parts.join(', ')}) from ${result.from} to ${result.to}`);
  return 0;
}

/** Prints intervals, first and last instant per project. */
export async function printStatus(sql: Sql, io: HistoryIo = processIo): Promise<number> {
  const projects = await listProjects(sql);
  for (const s of await historySummary(sql)) {
    const code = projects.find((p) => p.id === s.projectId)?.code ?? String(s.projectId);
    io.stdout(`${code}\t${s.intervals}\t${s.first?.toISOString() ?? '-'}\t${s.last?.toISOString() ?? '-'}`);
  }
  return 0;
}

export async function run(args: string[], io: HistoryIo = processIo): Promise<number> {
  const [command, ...rest] = args;
  const { flags, positional } = parseArgs(rest);
  if (command === 'import') {
    const file = positional[0];
    const format = flags.format;
    if (!file || positional.length > 1 || (format !== undefined && format !== 'csv' && format !== 'jsonl')) {
      io.stderr(USAGE);
      return 2;
    }
    return withDatabase(({ sql }) => importFile(sql, file, { format: format as 'csv' | 'jsonl' | undefined }, io));
  }
  if (command === 'status') return withDatabase(({ sql }) => printStatus(sql, io));
  io.stderr(USAGE);
  return 2;
}
