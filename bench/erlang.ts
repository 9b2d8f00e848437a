// Benchmark: Erlang staffing for a month of 30-minute intervals × 4 demo projects, against a naive factorial/power baseline.
import { cpus } from 'node:os';
import { requiredAgents, type StaffingRequest } from '../scheduling/erlang.ts';
import { forecast } from '../scheduling/forecast.ts';
import { generateDemoHistory } from '../scheduling/demo/history.ts';

const SERVICE = { intervalSeconds: 1800, targetSeconds: 20, serviceLevel: 0.8, maxOccupancy: 0.85, shrinkage: 0.3 };

/** Textbook Erlang C with factorials and powers, recomputed from scratch per step: overflows past ~170 agents. */
function naiveRequired(r: StaffingRequest): { productiveAgents: number; finite: boolean } {
  const a = (r.calls * r.ahtSeconds) / r.intervalSeconds;
  if (a === 0) return { productiveAgents: 0, finite: true };
  const factorial = (n: number) => {
    let f = 1;
    for (let k = 2; k <= n; k++) f *= k;
    return f;
  };
  const serviceLevel = (c: number) => {
    const top = (a ** c / factorial(c)) * (c / (c - a));
    let sum = 0;
    for (let k = 0; k < c; k++) sum += a ** k / factorial(k);
    const pw = top / (sum + top);
    return 1 - pw * Math.exp((-(c - a) * r.targetSeconds) / r.ahtSeconds);
  };
  let c = Math.round(a + 1);
  let sl = serviceLevel(c);
  while (Number.isFinite(sl) && sl < r.serviceLevel) sl = serviceLevel(++c); // gives up once the terms overflow
  if (a / c > (r.maxOccupancy ?? 1)) c = Math.ceil(a / (r.maxOccupancy ?? 1));
  return { productiveAgents: c, finite: Number.isFinite(sl) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeEach<T>(requests: StaffingRequest[], fn: (r: StaffingRequest) => T): { micros: number[]; totalMs: number; results: T[] } {
  const micros: number[] = [];
  const results: T[] = [];
  const started = performance.now();
  for (const r of requests) {
    const t = performance.now();
    results.push(fn(r));
    micros.push((performance.now() - t) * 1000);
  }
  return { micros: micros.sort((x, y) => x - y), totalMs: performance.now() - started, results };
}

function report(label: string, run: { micros: number[]; totalMs: number }): void {
  const m = run.micros;
  console.log(
    `${label.padEnd(34)} n=${m.length}  p50=${percentile(m, 50).toFixed(1)}µs  p95=${percentile(m, 95).toFixed(1)}µs  max=${m.at(-1)!.toFixed(1)}µs  total=${run.totalMs.toFixed(1)}ms  ${(m.length / (run.totalMs / 1000)).toFixed(0)}/s`,
  );
}

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`);
const history = generateDemoHistory({ seed: 1 });
const month = forecast(history, { from: '2026-11-01', to: '2026-11-30' }).rows;
const requests: StaffingRequest[] = month.map((row) => ({ ...SERVICE, calls: row.calls, ahtSeconds: row.ahtSeconds || 1 }));
const maxCalls = Math.max(...requests.map((r) => r.calls));
console.log(`workload: ${requests.length} intervals (30 days × 48 × 4 projects), peak ${maxCalls.toFixed(0)} calls/interval`);

// Warm-up, then measure.
timeEach(requests.slice(0, 500), requiredAgents);
const ours = timeEach(requests, requiredAgents);
report('requiredAgents (Erlang C)', ours);

const naive = timeEach(requests, naiveRequired);
report('naive factorial/power baseline', naive);
const broken = naive.results.filter((r, i) => !r.finite || r.productiveAgents !== ours.results[i].productiveAgents).length;
console.log(`naive baseline wrong or non-finite on ${broken} of ${requests.length} intervals (overflow past ~170 agents)`);

const small = requests.map((r, i) => ({ r, i })).filter(({ i }) => ours.results[i].productiveAgents <= 120);
const oursSmall = timeEach(small.map((s) => s.r), requiredAgents);
const naiveSmall = timeEach(small.map((s) => s.r), naiveRequired);
report('requiredAgents, ≤120 agents', oursSmall);
report('naive, ≤120 agents (where it works)', naiveSmall);
console.log(`speed-up where both work: ${(naiveSmall.totalMs / oursSmall.totalMs).toFixed(1)}× (total time ratio naive/ours)`);

const oneDay = requests.filter((_, i) => month[i].date === '2026-11-02'); // 48 intervals × 4 projects
const erlangA = timeEach(oneDay, (r) => requiredAgents({ ...r, model: 'erlangA', patienceSeconds: 120 }));
report('Erlang A (patience 120 s), one day', erlangA);
console.log(`month total agent-intervals scheduled: ${ours.results.reduce((s, r) => s + r.scheduledAgents, 0)}`);
