// CLI group `roster`: solve and evaluate Curtois & Qu benchmark files (`npm run cli -- roster …`).
import { readFile, writeFile } from 'node:fs/promises';
import { evaluateCurtois } from '../../scheduling/curtois/evaluate.ts';
import { parseCurtois } from '../../scheduling/curtois/parse.ts';
import { solveCurtois } from '../../scheduling/curtois/solve.ts';
import type { CurtoisAssignments } from '../../scheduling/curtois/types.ts';

const USAGE = [
  'usage: npm run cli -- roster solve --format curtois FILE --time-limit SECONDS --seed N --out RESULT.json',
  '       npm run cli -- roster evaluate --format curtois FILE RESULT.json',
].join('\n');

/** Output streams, injectable so tests can capture what the command prints. */
export interface RosterIo {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}
const processIo: RosterIo = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

interface Parsed { positional: string[]; flags: Map<string, string> }

function parseArgs(args: string[], valued: string[]): Parsed {
  const positional: string[] = [], flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (!valued.includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else positional.push(a);
  }
  if ((flags.get('format') ?? 'curtois') !== 'curtois') throw new UsageError(`unsupported --format ${flags.get('format')} (only curtois)`);
  return { positional, flags };
}

class UsageError extends Error {}

function number(flags: Map<string, string>, name: string, fallback?: number): number {
  const raw = flags.get(name);
  if (raw === undefined) {
    if (fallback === undefined) throw new UsageError(`--${name} is required`);
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

/** Reads a result file: `{"objective": N, "assignments": {"<employee>": ["<shift or ''>", …]}}`. */
function readAssignments(text: string, file: string): CurtoisAssignments {
  const data = JSON.parse(text) as { assignments?: unknown };
  const a = data.assignments;
  if (!a || typeof a !== 'object' || Array.isArray(a)) throw new Error(`${file}: missing "assignments" object`);
  for (const [id, row] of Object.entries(a)) {
    if (!Array.isArray(row) || row.some((x) => typeof x !== 'string')) throw new Error(`${file}: assignments.${id} must be an array of strings`);
  }
  return a as CurtoisAssignments;
}

async function solve(args: string[], io: RosterIo): Promise<number> {
  const { positional, flags } = parseArgs(args, ['format', 'time-limit', 'seed', 'out']);
  if (positional.length !== 1) throw new UsageError('solve needs exactly one instance FILE');
  const file = positional[0]!;
  const out = flags.get('out');
  if (!out) throw new UsageError('--out is required');
  const timeLimitSeconds = number(flags, 'time-limit', 60);
  const seed = Math.trunc(number(flags, 'seed', 1));
  const instance = parseCurtois(await readFile(file, 'utf8'));
  const result = await solveCurtois(instance, { timeLimitSeconds, seed });
  await writeFile(out, `${JSON.stringify({ objective: result.objective, assignments: result.assignments })}\n`);
  io.stdout(`${file}: objective ${result.objective}${result.provedOptimal ? ' (optimal)' : ''}` +
    `${result.lowerBound !== null ? `, lower bound ${result.lowerBound}` : ''}, best after ${(result.timeToBestMs / 1000).toFixed(1)} s` +
    ` of ${(result.elapsedMs / 1000).toFixed(1)} s, seed ${seed} → ${out}`);
  return 0;
}

async function evaluate(args: string[], io: RosterIo): Promise<number> {
  const { positional } = parseArgs(args, ['format']);
  if (positional.length !== 2) throw new UsageError('evaluate needs an instance FILE and a RESULT.json');
  const [file, resultFile] = positional as [string, string];
  const instance = parseCurtois(await readFile(file, 'utf8'));
  const verdict = evaluateCurtois(instance, readAssignments(await readFile(resultFile, 'utf8'), resultFile));
  io.stdout(`objective ${verdict.objective}`);
  for (const v of verdict.violations) io.stdout(`violation ${v.ruleId} ${v.employeeId} days ${v.days.join(',') || '-'}: ${v.message}`);
  io.stdout(verdict.feasible ? 'feasible' : `infeasible: ${verdict.violations.length} hard violations`);
  return verdict.feasible ? 0 : 1;
}

/**
 * Runs `roster <solve|evaluate> …` and returns the exit code (0 ok, 1 infeasible or failed, 2 usage).
 * @example await run(['evaluate', '--format', 'curtois', 'Instance1.txt', 'result.json']) // 0
 */
export async function run(args: string[], io: RosterIo = processIo): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === 'solve') return await solve(rest, io);
    if (command === 'evaluate') return await evaluate(rest, io);
    io.stderr(command ? `unknown roster command: ${command}\n${USAGE}` : USAGE);
    return 2;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${err.message}\n${USAGE}`);
      return 2;
    }
    io.stderr(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
