// Peak plans (度夏, campaign week, storm): the staffing gap an expected volume uplift opens per project and day, and which emergency tier closes it.
import { requiredAgents } from '../erlang.ts';
import { isLocalDate } from '../time.ts';
import type { ProjectTarget } from '../intraday/types.ts';

/** A declared peak period with its expected uplift per project (0.3 = +30% calls). */
export interface PeakPlan {
  id: string;
  kind: 'summerPeak' | 'campaign' | 'storm';
  name: string;
  /** First and last local date, both included. */
  from: string;
  to: string;
  upliftByProject: Record<string, number>;
}

/** Baseline calls of one project on one date, per interval. */
export interface BaselineDay {
  project: string;
  date: string;
  calls: number[];
}

/** An emergency-capable agent and how many extra hours a day they can give in a peak. */
export interface EmergencyAgent {
  agentId: string;
  tier: number;
  /** Proficiency 0..1 per project. */
  skills: Record<string, number>;
  /** Extra hours a day this agent can give (default: the input's hoursPerAgentPerDay). */
  hoursPerDay?: number;
}

/** Input of {@link peakGap}. */
export interface PeakGapInput {
  plan: PeakPlan;
  baseline: readonly BaselineDay[];
  targets: readonly ProjectTarget[];
  emergency: readonly EmergencyAgent[];
  intervalMinutes?: number;
  /** Shrinkage added on top of Erlang C agents, 0 ≤ x < 1 (default 0: agent-hours on the phones). */
  shrinkage?: number;
  /** Extra hours a day an emergency agent can give when they do not say (default 4). */
  hoursPerAgentPerDay?: number;
  /** Lowest proficiency to count an agent for a project (default 0.6). */
  minProficiency?: number;
}

/** The gap of one project on one date and who closes it. */
export interface PeakGapRow {
  project: string;
  date: string;
  baselineCalls: number;
  peakCalls: number;
  baselineAgentHours: number;
  peakAgentHours: number;
  /** peakAgentHours − baselineAgentHours. */
  extraAgentHours: number;
  /** Hours taken from each tier, tier 1 first, with the agents drawn on. */
  closedBy: { tier: number; agentHours: number; agentIds: string[] }[];
  uncoveredAgentHours: number;
}

/** Result of {@link peakGap}. */
export interface PeakGap {
  planId: string;
  rows: PeakGapRow[];
  byTier: { tier: number; agentHours: number }[];
  extraAgentHours: number;
  uncoveredAgentHours: number;
}

function agentHours(calls: readonly number[], target: ProjectTarget, intervalMinutes: number, shrinkage: number): number {
  let agents = 0;
  for (const c of calls) {
    agents += requiredAgents({
      calls: c,
      intervalSeconds: intervalMinutes * 60,
      ahtSeconds: target.ahtSeconds,
      targetSeconds: target.targetSeconds,
      serviceLevel: target.serviceLevel,
      shrinkage,
    }).scheduledAgents;
  }
  return (agents * intervalMinutes) / 60;
}

/**
 * What staffing gap does a peak plan open per project and day (extra Erlang C agent-hours), and how much of it can
 * emergency tiers close — tier 1 capacity first, then tier 2, the most proficient first; each agent's hours are
 * shared across projects within a day, the largest gap served first.
 * @example peakGap({ plan: { id: 'p', kind: 'storm', name: '台风', from: '2026-07-15', to: '2026-07-15', upliftByProject: { X: 0.3 } },
 *   baseline: [{ project: 'X', date: '2026-07-15', calls: [100] }], targets: [{ project: 'X', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 }], emergency: [] })
 *   .rows[0].extraAgentHours // 1.5 (14 → 17 agents for half an hour)
 */
export function peakGap(input: PeakGapInput): PeakGap {
  const { plan, intervalMinutes = 30, shrinkage = 0, hoursPerAgentPerDay = 4, minProficiency = 0.6 } = input;
  if (!isLocalDate(plan.from) || !isLocalDate(plan.to) || plan.from > plan.to) throw new RangeError(`peak plan ${plan.id} needs from ≤ to as YYYY-MM-DD`);
  for (const [project, uplift] of Object.entries(plan.upliftByProject)) {
    if (!(uplift > -1) || !Number.isFinite(uplift)) throw new RangeError(`uplift of ${project} must be a finite number > −1, got ${uplift}`);
  }
  const targets = new Map(input.targets.map((t) => [t.project, t]));
  const rows: PeakGapRow[] = [];
  for (const day of input.baseline) {
    const uplift = plan.upliftByProject[day.project];
    if (uplift === undefined || day.date < plan.from || day.date > plan.to) continue;
    const target = targets.get(day.project);
    if (!target) throw new RangeError(`no service target for project ${day.project}`);
    const peakCalls = day.calls.map((c) => c * (1 + uplift));
    const baselineAgentHours = agentHours(day.calls, target, intervalMinutes, shrinkage);
    const peakAgentHours = agentHours(peakCalls, target, intervalMinutes, shrinkage);
    rows.push({
      project: day.project,
      date: day.date,
      baselineCalls: day.calls.reduce((s, c) => s + c, 0),
      peakCalls: peakCalls.reduce((s, c) => s + c, 0),
      baselineAgentHours,
      peakAgentHours,
      extraAgentHours: Math.max(0, peakAgentHours - baselineAgentHours),
      closedBy: [],
      uncoveredAgentHours: Math.max(0, peakAgentHours - baselineAgentHours),
    });
  }
  rows.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : b.extraAgentHours - a.extraAgentHours || (a.project < b.project ? -1 : 1)));
  const tiers = [...new Set(input.emergency.map((a) => a.tier))].sort((a, b) => a - b);
  const left = new Map<string, number>();
  for (const row of rows) {
    const capacityKey = (id: string) => `${row.date}|${id}`;
    for (const tier of tiers) {
      if (row.uncoveredAgentHours <= 1e-9) break;
      const pool = input.emergency
        .filter((a) => a.tier === tier && (a.skills[row.project] ?? 0) >= minProficiency)
        .sort((a, b) => (b.skills[row.project] ?? 0) - (a.skills[row.project] ?? 0) || (a.agentId < b.agentId ? -1 : 1));
      const used = { tier, agentHours: 0, agentIds: [] as string[] };
      for (const a of pool) {
        if (row.uncoveredAgentHours <= 1e-9) break;
        const key = capacityKey(a.agentId);
        const available = left.get(key) ?? a.hoursPerDay ?? hoursPerAgentPerDay;
        const take = Math.min(available, row.uncoveredAgentHours);
        if (take <= 0) continue;
        left.set(key, available - take);
        row.uncoveredAgentHours -= take;
        used.agentHours += take;
        used.agentIds.push(a.agentId);
      }
      if (used.agentHours > 0) row.closedBy.push(used);
    }
  }
  const byTier = tiers.map((tier) => ({ tier, agentHours: rows.reduce((s, r) => s + (r.closedBy.find((c) => c.tier === tier)?.agentHours ?? 0), 0) }));
  return {
    planId: plan.id,
    rows,
    byTier,
    extraAgentHours: rows.reduce((s, r) => s + r.extraAgentHours, 0),
    uncoveredAgentHours: rows.reduce((s, r) => s + r.uncoveredAgentHours, 0),
  };
}
