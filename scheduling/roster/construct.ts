// Greedy construction of a first roster: fixed cells first, then day by day each agent takes the option that covers most unmet demand without breaking a hard rule.
import type { PenaltyItem, RosterIndex } from './context.ts';
import { emptyRoster, type Roster } from './model.ts';
import type { AgentOptions } from './options.ts';
import { agentPenalty, agentRules } from './score.ts';

/**
 * Which roster does the greedy start give? Spreads each agent's shifts evenly over the period (about the middle of
 * the monthly contract band), never adds a hard violation, and is fully determined by `next` (a seeded generator).
 * @example constructRoster(ix, agentOptions(ix), mulberry32(1))['A0001'][0] // { shift: 'E', project: '95598' }
 */
export function constructRoster(ix: RosterIndex, options: AgentOptions[], next: () => number): Roster {
  const { model } = ix;
  const roster = emptyRoster(model);
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
  const cover = (shift: string, project: string, d: number, sign: number) => {
    const profile = ix.coverageProfile.get(shift)!;
    const row = need[projectIndex.get(project)!];
    for (let k = 0; k < profile.length && d * perDay + k < slots; k++) row[d * perDay + k] -= sign * profile[k];
  };
  const benefit = (shift: string, project: string, d: number) => {
    const profile = ix.coverageProfile.get(shift)!;
    const row = need[projectIndex.get(project)!];
    let sum = 0;
    for (let k = 0; k < profile.length && d * perDay + k < slots; k++) if (profile[k] > 0 && row[d * perDay + k] > 0) sum += Math.min(profile[k], row[d * perDay + k]);
    return sum;
  };
  const worked = new Float64Array(model.agents.length);
  const target = model.agents.map((agent, a) => {
    const mid = (agent.contract.minMonthMinutes + agent.contract.maxMonthMinutes) / 2;
    return Math.max(0, mid / 480 - [...options[a].fixed.values()].filter((c) => !c.shift).length);
  });
  model.agents.forEach((agent, a) => roster[agent.id].forEach((c, d) => { if (c.shift && c.project) { cover(c.shift, c.project, d, 1); worked[a]++; } }));
  const key = model.agents.map(() => next());
  const order = model.agents.map((_, a) => a).sort((x, y) => options[x].options.length - options[y].options.length || key[x] - key[y]);
  for (let d = 0; d < ix.dayCount; d++) {
    for (const a of order) {
      if (options[a].fixed.has(d) || worked[a] >= Math.ceil((target[a] * (d + 1)) / ix.dayCount)) continue;
      const ranked = options[a].options.map((o) => ({ o, gain: benefit(o.shift!, o.project!, d) + next() })).filter((x) => x.gain > 1).sort((x, y) => y.gain - x.gain);
      const cells = roster[model.agents[a].id];
      const before = hardOf(a);
      for (const { o } of ranked.slice(0, 6)) {
        cells[d] = { shift: o.shift, project: o.project };
        if (hardOf(a) <= before) { cover(o.shift!, o.project!, d, 1); worked[a]++; break; }
        cells[d] = { shift: null, project: null };
      }
    }
  }
  return roster;
}
