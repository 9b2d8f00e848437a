// Imports interval history (CSV or JSONL) all-or-nothing: parse, check project codes, then store in one transaction.
import type { Sql } from '../db/index.ts';
import { parseHistory, type HistoryError } from '../../scheduling/history.ts';
import { listProjects, upsertHistory } from './queries.ts';

/** The outcome of an import: every error with its line, or what was stored. */
export type ImportResult =
  | { ok: false; errors: HistoryError[] }
  | { ok: true; imported: number; byProject: Record<string, number>; from: string; to: string };

/**
 * On which line does each data record start? Blank lines are skipped; CSV quoting may span lines;
 * the CSV header is not a data record.
 * @example recordStartLines('a,b\n\n1,2\n', 'csv') // [3]
 */
export function recordStartLines(text: string, format: 'csv' | 'jsonl'): number[] {
  const body = text.replace(/^\uFEFF/, '');
  if (format === 'jsonl') {
    return body.split(/\r?\n/).flatMap((l, i) => (l.trim() ? [i + 1] : []));
  }
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  let recordHasContent = false;
  let recordLine = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (atRecordStart) {
      recordLine = line;
      atRecordStart = false;
      recordHasContent = false;
    }
    if (ch === '"') inQuotes = !inQuotes;
    if (ch === '\n') {
      line++;
      if (!inQuotes) {
        if (recordHasContent) starts.push(recordLine);
        atRecordStart = true;
      }
      continue;
    }
    if (ch !== '\r' && ch.trim() !== '') recordHasContent = true;
  }
  if (!atRecordStart && recordHasContent) starts.push(recordLine);
  return starts.slice(1);
}

/**
 * Parses and stores history; nothing is stored unless every line is good and every project known.
 * @example await importHistory(sql, 'project,interval_start,…\nEV,2026-03-02T08:30:00+08:00,100,95,240\n') // { ok: true, imported: 1, … }
 */
export async function importHistory(sql: Sql, text: string, options: { format?: 'csv' | 'jsonl' } = {}): Promise<ImportResult> {
  const format = options.format ?? (text.replace(/^\uFEFF/, '').trimStart().startsWith('{') ? 'jsonl' : 'csv');
  const parsed = parseHistory(text, { format });
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const projects = await listProjects(sql);
  const ids = new Map(projects.map((p) => [p.code, p.id]));
  const lines = recordStartLines(text, format);
  const errors: HistoryError[] = [];
  parsed.rows.forEach((r, i) => {
    if (ids.has(r.project)) return;
    const line = lines.length === parsed.rows.length ? lines[i]! : i + 2;
    errors.push({ line, message: `line ${line}: unknown project "${r.project}" (known: ${projects.map((p) => p.code).join(', ')})` });
  });
  if (errors.length) return { ok: false, errors };
  await sql.begin(async (tx) => {
    await upsertHistory(tx as unknown as Sql, parsed.rows, ids);
  });
  const byProject: Record<string, number> = {};
  let from = parsed.rows[0]!.intervalStart;
  let to = from;
  for (const r of parsed.rows) {
    byProject[r.project] = (byProject[r.project] ?? 0) + 1;
    if (r.intervalStart < from) from = r.intervalStart;
    if (r.intervalStart > to) to = r.intervalStart;
  }
  return { ok: true, imported: parsed.rows.length, byProject, from, to };
}
