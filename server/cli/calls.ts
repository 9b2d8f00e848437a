// `npm run cli -- calls import FILE [--format csv|jsonl]`: imports call records all-or-nothing,
// printing every bad line; `calls count` prints how many calls are stored.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs, withDatabase } from './_open.ts';
import { detectCallsFormat, parseCallsCsv, parseCallsJsonl } from '../../knowledge/quality/calls-io.ts';
import { importCalls } from '../quality/service.ts';
import { countCalls } from '../quality/queries.ts';

const USAGE = 'usage: npm run cli -- calls import FILE [--format csv|jsonl] | calls count\n';

export async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const { flags, positional } = parseArgs(rest);
  if (command === 'import') {
    const file = positional[0];
    if (!file || (flags.format && !['csv', 'jsonl'].includes(flags.format))) {
      process.stderr.write(USAGE);
      return 2;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      process.stderr.write(`cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    const format = (flags.format as 'csv' | 'jsonl' | undefined) ?? detectCallsFormat(file, text);
    const parsed = format === 'jsonl' ? parseCallsJsonl(text) : parseCallsCsv(text);
    return withDatabase(async ({ sql }) => {
      const result = await importCalls(sql, parsed, { actorId: null, actorName: 'cli', at: new Date() }, `cli:${basename(file)}`);
      if (result.errors.length) {
        for (const e of result.errors) process.stderr.write(`${file}:${e.line}: ${e.message}\n`);
        process.stderr.write(`${result.errors.length} problem(s); nothing imported\n`);
        return 1;
      }
      process.stdout.write(`imported ${result.inserted} calls from ${file}\n`);
      return 0;
    });
  }
  if (command === 'count') {
    return withDatabase(async ({ sql }) => {
      process.stdout.write(`${await countCalls(sql)}\n`);
      return 0;
    });
  }
  process.stderr.write(USAGE);
  return 2;
}
