// Benchmark: intraday status and suggestions for a 300-agent day with an outage storm on 95598, against the same day without the storm;
// then the demo centre's own day (embedded PGlite: published roster, forecast, the page's sample storm CSV) as the page builds it.
import { cpus } from 'node:os';
import { mulberry32, dailyShape } from '../scheduling/demo/history.ts';
import { reforecastDay } from '../scheduling/intraday/reforecast.ts';
import { dayStatus, agentsNeeded, serviceLevelWith } from '../scheduling/intraday/status.ts';
import { suggestAdjustments, type Suggestion } from '../scheduling/intraday/suggest.ts';
import { applySuggestion } from '../scheduling/intraday/apply.ts';
import type { AgentProfile, Assignment, DayState, OfflineKind, ProjectTarget } from '../scheduling/intraday/types.ts';
import { openDatabase } from '../server/db/index.ts';
import { migrate } from '../server/db/migrate.ts';
import { seedDemo } from '../server/demo/seed.ts';
import { loadIntradayDay } from '../server/scheduling/intraday-state.ts';
import { parseActualsCsv, projectCodes, stormCsv, storeActuals } from '../server/scheduling/intraday-actuals.ts';
import { localDateOf, startOfLocalDate } from '../scheduling/time.ts';

const SEED = 7;
const NOW_MINUTE = 12 * 60;
/** Projects of the bench centre: head count, calls on an ordinary day (scaled so the roster covers it), AHT. */
const PROJECTS = [
  { project: '95598', agents: 200, callsPerDay: 9_000, ahtSeconds: 250 },
  { project: 'EV', agents: 50, callsPerDay: 2_000, ahtSeconds: 210 },
  { project: 'INS', agents: 30, callsPerDay: 700, ahtSeconds: 320 },
  { project: 'FIN', agents: 20, callsPerDay: 500, ahtSeconds: 280 },
];
const SHIFTS = [
  { code: 'E', start: 7 * 60, end: 15 * 60 },
  { code: 'D', start: 9 * 60, end: 17 * 60 },
  { code: 'M', start: 11 * 60, end: 19 * 60 },
  { code: 'L', start: 15 * 60, end: 23 * 60 },
  { code: 'N', start: 23 * 60, end: 31 * 60 },
  { code: 'n', start: -60, end: 7 * 60 },
];

function buildDay(): DayState {
  const rand = mulberry32(SEED);
  const shape = dailyShape();
  const targets: ProjectTarget[] = PROJECTS.map((p) => ({ project: p.project, ahtSeconds: p.ahtSeconds, targetSeconds: 20, serviceLevel: 0.8 }));
  const forecastCalls: Record<string, number[]> = {};
  for (const p of PROJECTS) forecastCalls[p.project] = shape.map((s) => Math.round(s * p.callsPerDay));
  const agents: AgentProfile[] = [];
  const assignments: Assignment[] = [];
  let n = 0;
  for (const p of PROJECTS) {
    const target = targets.find((t) => t.project === p.project) as ProjectTarget;
    const uncovered = forecastCalls[p.project].map((c) => agentsNeeded(target, c, 30));
    for (let k = 0; k < p.agents; k++) {
      const agentId = `A${String(++n).padStart(4, '0')}`;
      const skills: Record<string, number> = { [p.project]: Math.round((0.7 + 0.3 * rand()) * 100) / 100 };
      for (const other of PROJECTS) if (other.project !== p.project && rand() < 0.12) skills[other.project] = Math.round((0.55 + 0.4 * rand()) * 100) / 100;
      const multi = Object.keys(skills).length > 1;
      const tier = multi ? 1 : rand() < 0.3 ? 2 : null;
      const working = rand() < 0.8;
      agents.push({ agentId, homeProject: p.project, skills, emergencyTier: tier, availability: working ? 'onShift' : tier && rand() < 0.6 ? 'reachable' : 'off' });
      if (!working) continue;
      // Greedy roster: the shift covering the most still-uncovered agent-intervals.
      let best = SHIFTS[0];
      let bestGain = -1;
      for (const s of SHIFTS) {
        let gain = 0;
        for (let i = Math.max(0, s.start / 30); i < Math.min(48, s.end / 30); i++) gain += uncovered[i] > 0 ? 1 : 0;
        if (gain > bestGain) [best, bestGain] = [s, gain];
      }
      for (let i = Math.max(0, best.start / 30); i < Math.min(48, best.end / 30); i++) uncovered[i]--;
      const offline: Assignment['offline'] = [];
      if (rand() < 0.15) {
        const kinds: OfflineKind[] = ['training', 'scriptWriting', 'analysis'];
        const startMinute = best.start + 180 + 30 * Math.floor(rand() * 4);
        offline.push({ kind: kinds[Math.floor(rand() * 3)], startMinute, endMinute: startMinute + 60 });
      }
      assignments.push({ agentId, project: p.project, startMinute: best.start, endMinute: best.end, offline, loans: [], absent: rand() < 0.03, origin: 'roster' });
    }
  }
  return { date: '2026-07-15', intervalMinutes: 30, nowMinute: NOW_MINUTE, projects: targets, forecastCalls, actuals: {}, agents, assignments };
}

/** The same day after an outage storm doubled 95598's calls from 10:00; actuals in up to 12:00 and the rest re-forecast. */
function withStorm(state: DayState): { state: DayState; reason: string } {
  const elapsed = NOW_MINUTE / 30;
  const actuals: DayState['actuals'] = {};
  const forecastCalls: DayState['forecastCalls'] = {};
  let reason = '';
  for (const [project, calls] of Object.entries(state.forecastCalls)) {
    const observed = calls.slice(0, elapsed).map((c, i) => (project === '95598' && i >= 20 ? 2 * c : c));
    const r = reforecastDay(calls, observed);
    if (project === '95598') reason = r.reason;
    forecastCalls[project] = r.calls;
    actuals[project] = [...observed.map((c) => ({ calls: c })), ...new Array(48 - elapsed).fill(null)];
  }
  return { state: { ...state, forecastCalls, actuals }, reason };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time<T>(runs: number, fn: () => T): { ms: number[]; result: T } {
  let result = fn(); // warm-up
  const ms: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    result = fn();
    ms.push(performance.now() - t);
  }
  return { ms: ms.sort((x, y) => x - y), result };
}

function line(label: string, ms: number[], baseline?: number[]): string {
  const ratio = baseline ? `  ×${(percentile(ms, 50) / percentile(baseline, 50)).toFixed(2)} vs baseline p50` : '';
  return `${label.padEnd(44)} n=${ms.length}  p50=${percentile(ms, 50).toFixed(1)}ms  p95=${percentile(ms, 95).toFixed(1)}ms${ratio}`;
}

/** Call-weighted predicted SL of a project over the coming intervals, and how many of them meet target. */
function outlook(state: DayState, project: string): { sl: number; meeting: number; total: number; shortAgentIntervals: number } {
  const target = state.projects.find((p) => p.project === project) as ProjectTarget;
  const rows = dayStatus(state, [project])[project].filter((r) => !r.elapsed);
  let calls = 0;
  let answered = 0;
  for (const r of rows) {
    calls += r.expectedCalls;
    answered += r.expectedCalls * serviceLevelWith(target, r.expectedCalls, r.presentAgents, state.intervalMinutes);
  }
  return {
    sl: calls ? answered / calls : 1,
    meeting: rows.filter((r) => r.meetsTarget).length,
    total: rows.length,
    shortAgentIntervals: rows.reduce((s, r) => s + Math.max(0, -r.gap), 0),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
function show(label: string, o: ReturnType<typeof outlook>): string {
  return `${label.padEnd(44)} SL ${pct(o.sl)}  intervals meeting target ${o.meeting}/${o.total}  short agent-intervals ${o.shortAgentIntervals}`;
}

console.log(`CPU: ${cpus()[0]?.model ?? 'unknown'} × ${cpus().length}, Node ${process.version}`);
const normal = buildDay();
const { state: storm, reason } = withStorm(normal);
console.log(`day: ${normal.agents.length} agents, ${normal.assignments.length} rostered, ${normal.assignments.filter((a) => a.absent).length} no-shows, ${normal.agents.filter((a) => a.availability === 'reachable').length} reachable off-duty; now ${NOW_MINUTE / 60}:00`);
console.log(`95598 re-forecast: ${reason}`);

const heapBefore = process.memoryUsage().heapUsed;
const statusNormal = time(20, () => dayStatus({ ...normal, nowMinute: NOW_MINUTE }));
const statusStorm = time(20, () => dayStatus(storm));
const suggestNormal = time(10, () => suggestAdjustments(normal));
const suggestStorm = time(10, () => suggestAdjustments(storm));
const heapAfter = process.memoryUsage().heapUsed;
console.log(line('status, 4 projects × 48 intervals (normal day)', statusNormal.ms));
console.log(line('status, storm day', statusStorm.ms, statusNormal.ms));
console.log(line('suggestions, normal day (baseline)', suggestNormal.ms));
console.log(line('suggestions, storm day', suggestStorm.ms, suggestNormal.ms));
console.log(line('status + suggestions, storm day', statusStorm.ms.map((x, i) => x + suggestStorm.ms[Math.min(i, suggestStorm.ms.length - 1)]).sort((a, b) => a - b)));
console.log(`heap used: ${(heapAfter / 1e6).toFixed(1)} MB (Δ ${((heapAfter - heapBefore) / 1e6).toFixed(1)} MB over the timed runs)`);

const plan = suggestStorm.result;
const shortage = plan.suggestions.filter((s) => s.effect.agentsAdded > 0);
const kinds = (list: Suggestion[]) => Object.entries(list.reduce<Record<string, number>>((m, s) => ({ ...m, [s.kind]: (m[s.kind] ?? 0) + s.agentIds.length }), {})).map(([k, v]) => `${k} ${v}`).join(', ');
console.log(`storm plan: ${plan.suggestions.length} suggestions (${shortage.length} for shortages: ${kinds(shortage)}), ${plan.remainingShortfall.length} project-intervals still short`);
for (const s of plan.suggestions.slice(0, 5)) console.log(`  #${s.rank} ${s.reason}`);
console.log(show('95598 rest of day, before', outlook(storm, '95598')));
for (const top of [1, 3, 5, 10]) {
  const after = plan.suggestions.slice(0, top).reduce(applySuggestion, storm);
  console.log(show(`95598 rest of day, after top ${top}`, outlook(after, '95598')));
}
const all = shortage.reduce(applySuggestion, storm);
console.log(show(`95598 rest of day, after all ${shortage.length} shortage`, outlook(all, '95598')));
for (const p of ['EV', 'INS', 'FIN']) console.log(show(`${p} rest of day, before → after all`, outlook(storm, p)), '→', pct(outlook(all, p).sl));

// The demo centre's day, as the intraday page builds it: 304 agents on the seeded published roster, the forecast for
// today, the morning's actuals from the page's storm sample (95598 doubled from 10:00), judged at 12:00.
{
  const TZ = 'Asia/Shanghai';
  const db = await openDatabase({ memory: true });
  await migrate(db.sql);
  await seedDemo(db.sql);
  const date = localDateOf(new Date(), { timeZone: TZ });
  const noon = new Date(startOfLocalDate(date, { timeZone: TZ }).getTime() + 12 * 3_600_000);
  const calm = await loadIntradayDay(db.sql, date, noon, TZ);
  const parsed = parseActualsCsv(stormCsv(calm, TZ), await projectCodes(db.sql));
  if (!parsed.ok) throw new Error(parsed.errors[0]!.message);
  await storeActuals(db.sql, parsed.rows, TZ, noon);
  const load = await (async () => {
    const ms: number[] = [];
    for (let k = 0; k < 10; k++) {
      const t = performance.now();
      await loadIntradayDay(db.sql, date, noon, TZ);
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b);
  })();
  const day = await loadIntradayDay(db.sql, date, noon, TZ);
  console.log(`\ndemo centre ${date}: ${day.state.agents.length} agents, ${day.state.assignments.length} on the roster today; 95598 re-forecast: ${day.reforecast['95598']!.reason}`);
  const calmSuggest = time(5, () => suggestAdjustments(calm.state));
  const stormSuggest = time(5, () => suggestAdjustments(day.state));
  console.log(line('demo day: build state from the DB (PGlite)', load));
  console.log(line('demo day: suggestions, no storm (baseline)', calmSuggest.ms));
  console.log(line('demo day: suggestions, storm', stormSuggest.ms, calmSuggest.ms));
  const demoPlan = stormSuggest.result;
  console.log(show('demo 95598 rest of day, no storm', outlook(calm.state, '95598')));
  console.log(show('demo 95598 rest of day, storm, none applied', outlook(day.state, '95598')));
  for (const top of [1, 3, 5, 10]) console.log(show(`demo 95598 after top ${top} (all projects)`, outlook(demoPlan.suggestions.slice(0, top).reduce(applySuggestion, day.state), '95598')));
  // As the floor lead does on the page: apply the first 95598 suggestion, let the page re-suggest, repeat.
  let floor = day.state;
  for (let k = 1; k <= 10; k++) {
    const first = suggestAdjustments(floor).suggestions.find((x) => x.project === '95598');
    if (!first) break;
    floor = applySuggestion(floor, first);
    if (k === 3 || k === 6 || k === 10) console.log(show(`demo 95598 after ${k} applies on the page`, outlook(floor, '95598')));
  }
  const demoAll = demoPlan.suggestions.filter((x) => x.effect.agentsAdded > 0).reduce(applySuggestion, day.state);
  console.log(show('demo 95598 after all shortage suggestions', outlook(demoAll, '95598')));
  await db.close();
}
