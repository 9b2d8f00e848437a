// Benchmark of the roster solver on the demo centre: first hard-feasible roster, score after 60 s (300 s with LONG=1), shortfall vs the lower bound, and growth to 1,000 agents.
import os from 'node:os';
import { indexModel } from '../scheduling/roster/context.ts';
import { coverageShortfall } from '../scheduling/roster/constraints/coverage.ts';
import { demoCentreModel } from '../scheduling/roster/demo.ts';
import { sharedHighs } from '../scheduling/curtois/highsRuntime.ts';
import { lowerBound } from '../scheduling/roster/lowerBound.ts';
import { lpLowerBound } from '../scheduling/roster/lpBound.ts';
import type { RosterModel } from '../scheduling/roster/model.ts';
import { scoreRoster } from '../scheduling/roster/score.ts';
import { solveRoster } from '../scheduling/roster/solve.ts';

const MONTH = process.env.MONTH ?? '2026-10';
const SOLVE_MS = Number(process.env.SOLVE_MS ?? 60_000);
const SCALE_MS = Number(process.env.SCALE_MS ?? 30_000);
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

function scoreTimes(model: RosterModel, roster: Parameters<typeof scoreRoster>[1], runs = 15): { p50: number; p95: number } {
  const ix = indexModel(model);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) { const t = performance.now(); scoreRoster(model, roster, ix); times.push(performance.now() - t); }
  return { p50: pct(times, 0.5), p95: pct(times, 0.95) };
}

async function run(agents: number, limitMs: number, label: string) {
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const model = demoCentreModel({ seed: 1, month: MONTH, agents });
  const ix = indexModel(model);
  const bound = lowerBound(model, ix);
  const lpStarted = performance.now();
  const lp = lpLowerBound(model, await sharedHighs(), { ix, timeLimitSeconds: 60 });
  const lpMs = performance.now() - lpStarted;
  const start = await solveRoster(model, { timeLimitMs: limitMs, seed: 1, maxIterations: 0 });
  let peakHeap = 0;
  const checkpoints: string[] = [];
  const result = await solveRoster(model, {
    timeLimitMs: limitMs,
    seed: 1,
    progressEveryMs: 1000,
    onProgress: (p) => {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      if ([5, 15, 30, 60, 120, 300].some((s) => Math.abs(p.elapsedMs - s * 1000) < 500)) checkpoints.push(`${Math.round(p.elapsedMs / 1000)}s:${p.bestSoft.toFixed(0)}`);
    },
  });
  const short = coverageShortfall(ix, result.roster);
  const startShort = coverageShortfall(ix, start.roster);
  const demand = model.projects.reduce((s, p) => s + model.requirement[p].flat().reduce((a, b) => a + b, 0), 0);
  const times = scoreTimes(model, result.roster);
  console.log(`\n== ${label}: ${agents} agents × ${model.days.length} days × ${model.projects.length} projects × 48 intervals (${MONTH}), limit ${limitMs / 1000}s`);
  console.log(`  first roster with no hard violation: ${result.stats.firstFeasibleMs?.toFixed(0) ?? 'none'} ms (greedy start ${result.stats.constructMs.toFixed(0)} ms)`);
  console.log(`  score: hard ${result.score.hard}, soft ${result.score.soft.toFixed(0)}; greedy start soft ${start.score.soft.toFixed(0)} → ratio ${(result.score.soft / start.score.soft).toFixed(3)}`);
  console.log(`  best soft at checkpoints: ${checkpoints.join('  ')}`);
  console.log(`  coverage shortfall: ${short.toFixed(1)} agent-intervals (${((100 * short) / demand).toFixed(2)}% of ${demand} demanded); greedy start ${startShort.toFixed(1)}; simple bound ${bound.agentIntervalsShort.toFixed(1)}; LP bound ${lp.agentIntervalsShort?.toFixed(1) ?? 'n/a'} (${lp.columns} cols × ${lp.rows} rows, ${lpMs.toFixed(0)} ms) → solver/LP ratio ${lp.agentIntervalsShort ? (short / lp.agentIntervalsShort).toFixed(2) : 'n/a'}`);
  console.log(`  search: ${result.stats.iterations} iterations, ${(result.stats.iterations / (result.stats.elapsedMs / 1000)).toFixed(0)}/s, ${result.stats.acceptedMoves} accepted`);
  console.log(`  full scoreRoster: p50 ${times.p50.toFixed(1)} ms, p95 ${times.p95.toFixed(1)} ms; heap ${mb(heapBefore)} → peak ${mb(peakHeap)} MB, rss ${mb(process.memoryUsage().rss)} MB`);
  return { agents, constructMs: result.stats.constructMs, firstFeasibleMs: result.stats.firstFeasibleMs ?? NaN, rate: result.stats.iterations / (result.stats.elapsedMs / 1000), heapMb: (peakHeap - heapBefore) / 2 ** 20, scoreP50: times.p50 };
}

console.log(`roster bench — node ${process.version}, nproc ${os.cpus().length}, ${os.cpus()[0]?.model ?? 'unknown CPU'}`);
const base = await run(300, SOLVE_MS, 'demo month');
if (process.env.LONG === '1') await run(300, 300_000, 'demo month, long');
const big = await run(1000, SCALE_MS, 'scale');
console.log(`\n== growth 300 → 1,000 agents (×3.33): greedy start ×${(big.constructMs / base.constructMs).toFixed(2)}, first feasible ×${(big.firstFeasibleMs / base.firstFeasibleMs).toFixed(2)}, iterations/s ×${(big.rate / base.rate).toFixed(2)}, heap growth ×${(big.heapMb / Math.max(0.1, base.heapMb)).toFixed(2)}, full score ×${(big.scoreP50 / base.scoreP50).toFixed(2)}`);
