// `knowledge import FILE.jsonl [--publish]` and `knowledge export [--out FILE]`: the library's JSON Lines in and out of the database, as the UI does it.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Sql } from '../db/index.ts';
import { withDatabase } from '../cli/_open.ts';
import { audit } from '../queries/audit.ts';
import { parseLibraryJsonl, serializeLibraryJsonl } from '../../knowledge/library-io.ts';
import { importScenarios, listPublishedBodies, responsibilityMatrix } from './owner-queries.ts';

/** Where a command reads and writes; tests pass their own. */
export interface LibraryCliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  writeFile(path: string, text: string): void;
  now(): Date;
}

export const processIo: LibraryCliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFileSync(path, 'utf8'),
  writeFile: (path, text) => writeFileSync(path, text),
  now: () => new Date(),
};

export const IMPORT_USAGE = 'usage: npm run cli -- knowledge import FILE.jsonl [--publish]\n';
export const EXPORT_USAGE = 'usage: npm run cli -- knowledge export [--out FILE]\n';

/**
 * Imports a library file: all-or-nothing; on any invalid line prints `FILE:LINE: message` for
 * each error on stderr and exits 1 with nothing changed; otherwise publishes each changed
 * scenario as its next version (`--publish`) or stores it as the scenario's draft, and prints a
 * summary. Exit 2 on a usage mistake or an unreadable file.
 * @example await importLibraryCommand(sql, ['lib.jsonl', '--publish']) // 0, stdout "published: 2 new, 1 updated, 0 unchanged"
 */
export async function importLibraryCommand(sql: Sql, args: string[], io: LibraryCliIo = processIo): Promise<number> {
  const publish = args.includes('--publish');
  const rest = args.filter((a) => a !== '--publish');
  if (rest.length !== 1 || rest[0].startsWith('--')) {
    io.stderr(IMPORT_USAGE);
    return 2;
  }
  const file = rest[0];
  let text: string;
  try {
    text = io.readFile(file);
  } catch (error) {
    io.stderr(`cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  const parsed = parseLibraryJsonl(text, { matrix: await responsibilityMatrix(sql) });
  if (!parsed.ok) {
    for (const e of parsed.errors) io.stderr(`${file}:${e.line}: ${e.message}\n`);
    io.stderr(`${parsed.errors.length} error(s); nothing imported\n`);
    return 1;
  }
  if (parsed.scenarios.length === 0) {
    io.stderr(`${file}: no scenario in the file; nothing imported\n`);
    return 1;
  }
  const now = io.now();
  const outcome = await importScenarios(sql, parsed.scenarios, { publish, userId: null, note: `CLI import ${basename(file)}`, now });
  await audit(sql, { at: now, actorId: null, actorName: 'cli', action: 'library.import', target: `file:${basename(file)}`, detail: { publish, created: outcome.created.length, updated: outcome.updated.length, unchanged: outcome.unchanged.length, generation: outcome.generation } });
  io.stdout(`${publish ? 'published' : 'drafts'}: ${outcome.created.length} new, ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged\n`);
  return 0;
}

/**
 * Writes the published library as JSON Lines to `--out FILE` (a summary on stderr) or to stdout.
 * @example await exportLibraryCommand(sql, ['--out', 'lib.jsonl']) // 0, stderr "exported 84 scenarios to lib.jsonl"
 */
export async function exportLibraryCommand(sql: Sql, args: string[], io: LibraryCliIo = processIo): Promise<number> {
  let out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out' && i + 1 < args.length && !out) out = args[++i];
    else if (args[i].startsWith('--out=') && !out) out = args[i].slice('--out='.length);
    else {
      io.stderr(EXPORT_USAGE);
      return 2;
    }
  }
  const text = serializeLibraryJsonl(await listPublishedBodies(sql));
  const count = text === '' ? 0 : text.split('\n').length - 1;
  if (out === undefined) {
    io.stdout(text);
    return 0;
  }
  try {
    io.writeFile(out, text);
  } catch (error) {
    io.stderr(`cannot write ${out}: ${(error as Error).message}\n`);
    return 2;
  }
  io.stderr(`exported ${count} scenarios to ${out}\n`);
  return 0;
}

/** `knowledge import …` on the configured database (for the CLI's command table). */
export function runLibraryImport(args: string[]): Promise<number> {
  return withDatabase((db) => importLibraryCommand(db.sql, args));
}

/** `knowledge export …` on the configured database (for the CLI's command table). */
export function runLibraryExport(args: string[]): Promise<number> {
  return withDatabase((db) => exportLibraryCommand(db.sql, args));
}
