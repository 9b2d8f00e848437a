// Benchmark: solve Curtois & Qu instances 1–5 and the generated fixtures; objective, time to best, gap to best known.
// Usage: node --import tsx bench/curtois.ts [--time-limit SECONDS] [--seed N] [--only Instance1,Generated2]
import { cpus, loadavg } from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import { parseCurtois } from '../scheduling/curtois/parse.ts';
import { solveCurtois } from '../scheduling/curtois/solve.ts';
import { evaluateCurtois } from '../scheduling/curtois/evaluate.ts';

const args = process.argv.slice(2);
const flag = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const timeLimitSeconds = Number(flag('time-limit') ?? 60);
const seed = Number(flag('seed') ?? 1);
const only = flag('only')?.split(',');

const vectors = new URL('../../shared/vectors/curtois/', import.meta.url);
const fixtures = new URL('../test/fixtures/curtois/', import.meta.url);
const bestKnown = new Map(readFileSync(new URL('best_known.csv', vectors), 'utf8').trim().split(/\r?\n/).slice(1)
  .map((line) => line.split(',')).map((f) => [f[0]!, Number(f[5])]));
const files = [
  ...[1, 2, 3, 4, 5].map((i) => ({ name: `Instance${i}`, url: new URL(`Instance${i}.txt`, vectors) })),
  ...readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f.slice(0, -4), url: new URL(f, fixtures) })),
].filter((f) => !only || only.includes(f.name));

console.log(`curtois bench: time limit ${timeLimitSeconds} s, seed ${seed}, node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('instance     best-known  objective  gap%    first  first/obj  to-best-s  elapsed-s  optimal  lower-bound  rss-MB');
for (const { name, url } of files) {
  const instance = parseCurtois(readFileSync(url, 'utf8'));
  let first: number | null = null;
  const result = await solveCurtois(instance, {
    timeLimitSeconds, seed,
    onProgress: (p) => { if (first === null && p.bestObjective !== null) first = p.bestObjective; },
  });
  const verdict = evaluateCurtois(instance, result.assignments);
  if (!verdict.feasible || verdict.objective !== result.objective) throw new Error(`${name}: evaluator disagrees with the solver`);
  const known = bestKnown.get(name);
  const gap = known ? ((result.objective - known) / known) * 100 : NaN;
  const firstObjective = first ?? result.objective;
  console.log([
    name.padEnd(12), String(known ?? '-').padStart(10), String(result.objective).padStart(10),
    (known ? gap.toFixed(2) : '-').padStart(6), String(firstObjective).padStart(8), (firstObjective / result.objective).toFixed(2).padStart(9),
    (result.timeToBestMs / 1000).toFixed(1).padStart(10), (result.elapsedMs / 1000).toFixed(1).padStart(10),
    String(result.provedOptimal).padStart(8), String(result.lowerBound ?? '-').padStart(12),
    (process.memoryUsage().rss / 2 ** 20).toFixed(0).padStart(7),
  ].join(' '));
}
