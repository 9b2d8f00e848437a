// Greedy construction of a first roster: fixed cells first, then day by day the (shift, project) that covers most unmet demand goes to the agent who most needs shifts, never adding a hard violation.
import type { PenaltyItem, RosterIndex } from './context.ts';
import { emptyRoster, type Roster } from './model.ts';
import type { AgentOptions } from './options.ts';
import { numberParam } from './rules.ts';
import { agentPenalty, agentRules } from './score.ts';

/**
 * Which roster does the greedy start give? Each day it repeatedly takes the option that fills most unmet duty minutes
 * (while that is at least `minShare` of a shift's duty), and gives it to the eligible agent with the largest share of
 * remaining days still to work (about the middle of the monthly contract band; at most 7 − minDaysOff a week).
 * Never adds a hard violation; fully determined by `next` (a seeded generator).
 * @example constructRoster(ix, agentOptions(ix), mulberry32(1))['A0001'][0] // { shift: 'E', project: '95598' }
 */
export function constructRoster(ix: RosterIndex, options: AgentOptions[], next: () => number, minShare = 0.35): Roster {
  const { model } = ix;
  const roster = emptyRoster(model);
  const A = model.agents.length;
  const hardRules = agentRules(ix).filter(([r]) => r.hard);
  const scratch: PenaltyItem[] = [];
  const hardOf = (a: number) => { const h = agentPenalty(ix, hardRules, model.agents[a], roster[model.agents[a].id], scratch).hard; scratch.length = 0; return h; };
  options.forEach((o, a) => { for (const [d, cell] of o.fixed) roster[model.agents[a].id][d] = { ...cell }; });
  const perDay = ix.intervalsPerDay;
  const slots = ix.dayCount * perDay;
  const need = model.projects.map((p) => {
    const row = new Float64Array(slots);
    (model.requirement[p] ?? []).forEach((day, d) => day.forEach((v, k) => { if (d < ix.dayCount) row[d * perDay + k] = v * model.intervalMinutes; }));
    return row;
  });
  const projectIndex = new Map(model.projects.map((p, i) => [p, i]));
  const cover = (shift: string, project: string, d: number) => {
    const profile = ix.coverageProfile.get(shift)!;
    const row = need[projectIndex.get(project)!];
    for (let k = 0; k < profile.length && d * perDay + k < slots; k++) row[d * perDay + k] -= profile[k];
  };
  const benefit = (shift: string, project: string, d: number) => {
    const profile = ix.coverageProfile.get(shift)!;
    const row = need[projectIndex.get(project)!];
    let sum = 0;
    for (let k = 0; k < profile.length && d * perDay + k < slots; k++) if (profile[k] > 0 && row[d * perDay + k] > 0) sum += Math.min(profile[k], row[d * perDay + k]);
    return sum;
  };
  const worked = new Float64Array(A);
  const target = model.agents.map((agent, a) => {
    const mid = (agent.contract.minMonthMinutes + agent.contract.maxMonthMinutes) / 2;
    return Math.max(0, mid / 480 - [...options[a].fixed.values()].filter((c) => !c.shift).length);
  });
  const weekRule = ix.rules.get('days-off-per-week');
  const maxWeekDays = 7 - (weekRule ? numberParam(weekRule, 'minDaysOff', 2) : 0);
  const weekOf = new Int32Array(ix.dayCount).fill(-1);
  ix.weeks.forEach((days, w) => days.forEach((d) => { weekOf[d] = w; }));
  const weekWorked = new Float64Array(A * Math.max(1, ix.weeks.length));
  const jitter = model.agents.map(() => next() * 1e-3);
  const allOptions = new Map<string, { shift: string; project: string }>();
  const agentsFor = new Map<string, number[]>();
  options.forEach((o, a) => o.options.forEach((c) => {
    const key = `${c.shift}|${c.project}`;
    if (!allOptions.has(key)) { allOptions.set(key, { shift: c.shift!, project: c.project! }); agentsFor.set(key, []); }
    agentsFor.get(key)!.push(a);
  }));
  const dutyMinutes = new Map([...ix.coverageProfile].map(([code, profile]) => [code, profile.reduce((s, v) => s + v, 0)]));
  const duty = (shift: string) => dutyMinutes.get(shift)!;
  const credit = (a: number, d: number) => { worked[a]++; if (weekOf[d] >= 0) weekWorked[a * ix.weeks.length + weekOf[d]]++; };
  model.agents.forEach((agent, a) => roster[agent.id].forEach((c, d) => { if (c.shift && c.project && ix.coverageProfile.has(c.shift) && projectIndex.has(c.project)) { cover(c.shift, c.project, d); credit(a, d); } }));
  for (let d = 0; d < ix.dayCount; d++) {
    const taken = new Uint8Array(A);
    const closed = new Set<string>();
    for (;;) {
      let best: { key: string; shift: string; project: string } | undefined;
      let bestGain = 0;
      for (const [key, o] of allOptions) {
        if (closed.has(key)) continue;
        const gain = benefit(o.shift, o.project, d);
        if (gain >= minShare * duty(o.shift) && gain > bestGain) { bestGain = gain; best = { key, ...o }; }
      }
      if (!best) break;
      const candidates: { a: number; priority: number }[] = [];
      for (const a of agentsFor.get(best.key)!) {
        if (taken[a] || options[a].fixed.has(d) || worked[a] >= target[a]) continue;
        if (weekOf[d] >= 0 && weekWorked[a * ix.weeks.length + weekOf[d]] >= maxWeekDays) continue;
        candidates.push({ a, priority: (target[a] - worked[a]) / (ix.dayCount - d) - 0.02 * options[a].options.length + jitter[a] });
      }
      candidates.sort((x, y) => y.priority - x.priority);
      let placed = false;
      for (const { a } of candidates.slice(0, 8)) {
        const cells = roster[model.agents[a].id];
        const before = hardOf(a);
        cells[d] = { shift: best.shift, project: best.project };
        if (hardOf(a) <= before) { cover(best.shift, best.project, d); credit(a, d); taken[a] = 1; placed = true; break; }
        cells[d] = { shift: null, project: null };
      }
      if (!placed) closed.add(best.key);
    }
  }
  return roster;
}
