// A valid lower bound on the coverage shortfall: per-interval availability of skilled agents, and the period's total capacity.
import { indexModel, type RosterIndex } from './context.ts';
import type { RosterModel } from './model.ts';
import { agentOptions } from './options.ts';
import { numberParam } from './rules.ts';

/** The bound in agent-intervals short and in coverage penalty units (weight × underWeight × agents short). */
export interface ShortfallBound {
  agentIntervalsShort: number;
  penalty: number;
  /** The two arguments: summed per-interval availability, and total demand against total capacity. */
  perIntervalBound: number;
  capacityBound: number;
}

/**
 * How many agent-intervals short must every roster be, whatever the solver does? Per interval: demand a project's
 * skilled, available agents cannot reach (and all projects pooled); over the period: total demand minus the most duty
 * minutes the agents could give (days capped by leave and the hard maximum run of working days).
 * @example lowerBound(model).agentIntervalsShort // 0 when every interval could be staffed
 */
export function lowerBound(model: RosterModel, ix: RosterIndex = indexModel(model)): ShortfallBound {
  const opts = agentOptions(ix);
  const perDay = ix.intervalsPerDay;
  const slots = ix.dayCount * perDay;
  const P = model.projects.length;
  const capProject = model.projects.map(() => new Float64Array(slots));
  const capAll = new Float64Array(slots);
  const im = model.intervalMinutes;
  let capacityMinutes = 0;
  const maxRun = ix.rules.get('max-consecutive-work');
  model.agents.forEach((agent, a) => {
    const { options, fixed } = opts[a];
    const freeDays = ix.dayCount - [...fixed.values()].filter((c) => !c.shift).length;
    const runCap = maxRun?.hard ? ix.dayCount - Math.floor(ix.dayCount / (numberParam(maxRun, 'maxDays', 6) + 1)) : ix.dayCount;
    let bestShiftMinutes = 0;
    for (let d = 0; d < ix.dayCount; d++) {
      const dayOptions = fixed.has(d) ? (fixed.get(d)!.shift ? [fixed.get(d)!] : []) : options;
      const best = new Float64Array(perDay * 2 * P);
      const bestAny = new Float64Array(perDay * 2);
      for (const o of dayOptions) {
        const profile = ix.coverageProfile.get(o.shift!);
        const j = model.projects.indexOf(o.project!);
        if (!profile || j < 0) continue;
        bestShiftMinutes = Math.max(bestShiftMinutes, profile.reduce((s, v) => s + v, 0));
        for (let k = 0; k < profile.length; k++) {
          best[j * perDay * 2 + k] = Math.max(best[j * perDay * 2 + k], profile[k]);
          bestAny[k] = Math.max(bestAny[k], profile[k]);
        }
      }
      for (let k = 0; k < perDay * 2 && d * perDay + k < slots; k++) {
        capAll[d * perDay + k] += bestAny[k] / im;
        for (let j = 0; j < P; j++) capProject[j][d * perDay + k] += best[j * perDay * 2 + k] / im;
      }
    }
    capacityMinutes += Math.min(freeDays, runCap) * bestShiftMinutes;
  });
  let perIntervalBound = 0;
  let demandAgentIntervals = 0;
  for (let s = 0; s < slots; s++) {
    const d = Math.floor(s / perDay);
    let sumShort = 0;
    let sumReq = 0;
    model.projects.forEach((p, j) => {
      const req = model.requirement[p]?.[d]?.[s % perDay] ?? 0;
      sumReq += req;
      sumShort += Math.max(0, req - capProject[j][s]);
    });
    demandAgentIntervals += sumReq;
    perIntervalBound += Math.max(sumShort, sumReq - capAll[s]);
  }
  const capacityBound = Math.max(0, demandAgentIntervals - capacityMinutes / im);
  const agentIntervalsShort = Math.max(perIntervalBound, capacityBound);
  const rule = ix.rules.get('coverage');
  const penalty = rule ? rule.weight * numberParam(rule, 'underWeight', 100) * agentIntervalsShort : 0;
  return { agentIntervalsShort, penalty, perIntervalBound, capacityBound };
}
