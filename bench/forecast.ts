// Benchmark: forecast a month from a year of demo history (time, memory), backtest accuracy against a seasonal-naive baseline.
import { cpus } from 'node:os';
import { backtest, forecast } from '../scheduling/forecast.ts';
import { generateDemoHistory } from '../scheduling/demo/history.ts';
import { holidaySpecialDays } from '../scheduling/demo/holidays.ts';
import { localSlotOf, slotLocator } from '../scheduling/time.ts';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`);
const heapBefore = process.memoryUsage().heapUsed;
const generated = timed(() => generateDemoHistory({ seed: 1 }));
const history = generated.value;
console.log(`generate a year of history: ${history.length} rows in ${generated.ms.toFixed(0)} ms, heap +${mb(process.memoryUsage().heapUsed - heapBefore)}`);

const specialDays = [
  ...holidaySpecialDays({ factor: 0.8, project: '95598' }),
  ...holidaySpecialDays({ factor: 1.1, project: 'EV' }),
  ...holidaySpecialDays({ factor: 0.45, project: 'INS' }),
  ...holidaySpecialDays({ factor: 0.5, project: 'FIN' }),
];
const options = { from: '2026-11-01', to: '2026-11-30', specialDays };
forecast(history, options); // warm-up
const runs: number[] = [];
let peakHeap = 0;
for (let i = 0; i < 7; i++) {
  const heap = process.memoryUsage().heapUsed;
  const run = timed(() => forecast(history, options));
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heap);
  runs.push(run.ms);
}
console.log(`forecast a month (4 projects × 30 days × 48 = 5760 rows): median ${median(runs).toFixed(1)} ms, min ${Math.min(...runs).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms over ${runs.length} runs; heap growth per run ≤ ${mb(peakHeap)}`);

// Baseline for the bucketing step: date-fns-tz per row versus the cached slot locator.
const sample = history.slice(0, 20_000);
const perRow = timed(() => sample.map((r) => localSlotOf(new Date(r.intervalStart))));
const slotOf = slotLocator();
const cached = timed(() => sample.map((r) => slotOf(Date.parse(r.intervalStart))));
console.log(`bucket 20k rows: formatInTimeZone per row ${perRow.ms.toFixed(0)} ms vs cached locator ${cached.ms.toFixed(0)} ms (${(perRow.ms / cached.ms).toFixed(1)}×)`);

// Accuracy: our model versus seasonal naive (last week repeated: weeks 1, no trend) on the last 2 weeks held out.
const ours = timed(() => backtest(history, { holdoutWeeks: 2, specialDays }));
const naive = timed(() => backtest(history, { holdoutWeeks: 2, weeks: 1, trendDamping: 0 }));
const fmt = (w: number | null) => (w === null ? 'n/a' : `${(w * 100).toFixed(1)}%`);
console.log(`backtest ${ours.value.holdout.from}…${ours.value.holdout.to}: WAPE ours ${fmt(ours.value.wape)} (${ours.ms.toFixed(0)} ms) vs seasonal naive ${fmt(naive.value.wape)} (ratio ${((ours.value.wape ?? 0) / (naive.value.wape ?? 1)).toFixed(2)})`);
for (const project of Object.keys(ours.value.byProject)) {
  console.log(`  ${project.padEnd(6)} ours ${fmt(ours.value.byProject[project])}  naive ${fmt(naive.value.byProject[project])}`);
}
const summer = backtest(history.filter((r) => r.intervalStart < '2026-08-16'), { holdoutWeeks: 2, specialDays });
console.log(`backtest in the summer peak (${summer.holdout.from}…${summer.holdout.to}): WAPE ${fmt(summer.wape)}`);
console.log(`rss ${mb(process.memoryUsage().rss)}`);
