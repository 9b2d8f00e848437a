// Benchmark of the weekly re-plan on the demo centre: a published month roster, then 5% of agents get new leave in one
// week; re-plan the week from the published roster (minimal change, at several change prices) against solving the same
// week from scratch, with the same time limit: time, coverage restored, assignments moved.
// node --import tsx bench/replan.ts   (BASE_MS, LIMIT_MS, MONTH, WEEK, WEIGHTS to override)
import os from 'node:os';
import { mulberry32 } from '../scheduling/curtois/random.ts';
import { indexModel } from '../scheduling/roster/context.ts';
import { demoCentreModel } from '../scheduling/roster/demo.ts';
import type { Roster, RosterModel } from '../scheduling/roster/model.ts';
import { replanModel, replanStart, replanWeek, replanWindow, shortfallOn, type ReplanInput } from '../scheduling/roster/replan.ts';
import { scoreRoster } from '../scheduling/roster/score.ts';
import { solveRoster } from '../scheduling/roster/solve.ts';
import { addLocalDays } from '../scheduling/time.ts';

const MONTH = process.env.MONTH ?? '2026-10';
const WEEK = process.env.WEEK ?? '2026-10-12';
const BASE_MS = Number(process.env.BASE_MS ?? 60_000);
const LIMIT_MS = Number(process.env.LIMIT_MS ?? 20_000);
const WEIGHTS = (process.env.WEIGHTS ?? '2500,800,100').split(',').map(Number);

function moved(model: RosterModel, a: Roster, b: Roster, dates: ReadonlySet<string>): number {
  let n = 0;
  for (const agent of model.agents) {
    model.days.forEach((day, d) => {
      if (!dates.has(day.date)) return;
      const x = a[agent.id]![d]!;
      const y = b[agent.id]![d]!;
      if (x.shift !== y.shift || (x.shift && x.project !== y.project)) n++;
    });
  }
  return n;
}

async function main() {
  console.log(`machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB, node ${process.version}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const month = demoCentreModel({ seed: 1, month: MONTH, agents: 300 });
  const t0 = performance.now();
  const published = await solveRoster(month, { timeLimitMs: BASE_MS, seed: 1 });
  console.log(`published roster: ${month.agents.length} agents × ${month.days.length} days, solved ${((performance.now() - t0) / 1000).toFixed(1)} s, hard ${published.score.hard}, soft ${published.score.soft.toFixed(0)}`);

  // 5% of agents (15 of 300) fall sick or take leave on 1–3 of the days they work in the week.
  const today = addLocalDays(WEEK, -1);
  const week = Array.from({ length: 7 }, (_, i) => addLocalDays(WEEK, i));
  const dayIndex = new Map(month.days.map((d, i) => [d.date, i]));
  const next = mulberry32(42);
  const working = month.agents.filter((a) => week.some((date) => published.roster[a.id]![dayIndex.get(date)!]!.shift));
  const chosen = new Set<string>();
  while (chosen.size < Math.round(month.agents.length * 0.05)) chosen.add(working[Math.floor(next() * working.length)]!.id);
  const newLeave: RosterModel['leave'] = [];
  for (const id of chosen) {
    const days = week.filter((date) => published.roster[id]![dayIndex.get(date)!]!.shift);
    const take = 1 + Math.floor(next() * Math.min(3, days.length));
    const start = Math.floor(next() * (days.length - take + 1));
    for (const date of days.slice(start, start + take)) newLeave.push({ agentId: id, date });
  }
  const model: RosterModel = { ...month, leave: [...month.leave, ...newLeave] };
  console.log(`new leave: ${chosen.size} agents, ${newLeave.length} published shifts now on leave, week ${WEEK}…${week[6]} (today ${today})`);

  const base: ReplanInput = { model, baseline: published.roster, weekStart: WEEK, today, changeWeight: 0 };
  const window = new Set(replanWindow(model, WEEK, today));
  const ix = indexModel(replanModel({ ...base, changeWeight: 1 }));
  const publishedShort = shortfallOn(ix, published.roster, window);
  const withLeave = replanStart(replanModel({ ...base, changeWeight: 1 }));
  const leaveShort = shortfallOn(ix, withLeave, window);
  console.log(`week shortfall (agent-intervals): published ${publishedShort.toFixed(1)}, with the new leave ${leaveShort.toFixed(1)} (+${(leaveShort - publishedShort).toFixed(1)}); forced changes (leave) ${newLeave.length}`);
  console.log('\n| plan | change price | time (s) | week short after | restored of the leave gap | assignments moved | moved beyond the leave | hard |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const w of WEIGHTS) {
    const started = performance.now();
    const r = await replanWeek({ ...base, changeWeight: w }, { timeLimitMs: LIMIT_MS, seed: 1 });
    const secs = (performance.now() - started) / 1000;
    const gap = leaveShort - publishedShort;
    console.log(`| re-plan from published | ${w} | ${secs.toFixed(1)} | ${r.after.shortfall.toFixed(1)} | ${gap > 0 ? ((100 * (leaveShort - r.after.shortfall)) / gap).toFixed(0) : '—'}% | ${r.changes.length} | ${r.changes.length - newLeave.length} | ${r.after.hard} |`);
  }
  // From scratch: the same window free (everything else pinned), no published roster to start from or stay close to.
  const scratchModel = replanModel({ ...base, changeWeight: 1 });
  delete scratchModel.baseline;
  scratchModel.rules = scratchModel.rules.filter((r) => r.id !== 'baseline-change');
  const started = performance.now();
  const s = await solveRoster(scratchModel, { timeLimitMs: LIMIT_MS, seed: 1 });
  const secs = (performance.now() - started) / 1000;
  const short = shortfallOn(ix, s.roster, window);
  const gap = leaveShort - publishedShort;
  const hard = scoreRoster(scratchModel, s.roster).hard;
  const n = moved(model, published.roster, s.roster, window);
  console.log(`| week from scratch | — | ${secs.toFixed(1)} | ${short.toFixed(1)} | ${gap > 0 ? ((100 * (leaveShort - short)) / gap).toFixed(0) : '—'}% | ${n} | ${n - newLeave.length} | ${hard} |`);
}

await main();
