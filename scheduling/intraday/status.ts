// Per interval of today: forecast vs actual calls, required vs present agents, predicted and actual service level, gap.
import { erlangA, erlangCServiceLevel, requiredAgents } from '../erlang.ts';
import { intervalsPerDay } from '../time.ts';
import { clockLabel } from './reforecast.ts';
import { presenceByProject } from './presence.ts';
import type { DayState, ProjectTarget } from './types.ts';

/** One row of the intraday chart. */
export interface IntervalStatus {
  interval: number;
  /** `10:00–10:30`. */
  label: string;
  /** True when the interval ended at or before `nowMinute`. */
  elapsed: boolean;
  forecastCalls: number;
  actualCalls: number | null;
  /** Calls the staffing is judged on: the actual where reported, else the forecast. */
  expectedCalls: number;
  /** Erlang C productive agents for the project's target at expectedCalls. */
  requiredAgents: number;
  scheduledAgents: number;
  absentAgents: number;
  offlineAgents: number;
  presentAgents: number;
  /** Erlang C service level of expectedCalls with presentAgents. */
  predictedServiceLevel: number;
  /** As reported by telephony, where it is. */
  actualServiceLevel: number | null;
  /** Share of callers expected to hang up with presentAgents (Erlang A); null when the project gives no patience. */
  predictedAbandonment: number | null;
  /** presentAgents − requiredAgents (negative: short). */
  gap: number;
  meetsTarget: boolean;
}

/**
 * What service level do `agents` give `calls` in one interval of a project (Erlang C)?
 * @example serviceLevelWith({ project: 'x', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 }, 100, 14, 30) // ≈ 0.88835
 */
export function serviceLevelWith(target: ProjectTarget, calls: number, agents: number, intervalMinutes: number): number {
  const trafficErlangs = (calls * target.ahtSeconds) / (intervalMinutes * 60);
  return erlangCServiceLevel({ agents, trafficErlangs, ahtSeconds: target.ahtSeconds, targetSeconds: target.targetSeconds });
}

/**
 * How many agents on the phones does one interval need to meet the project's target (Erlang C)?
 * @example agentsNeeded({ project: 'x', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 }, 100, 30) // 14
 */
export function agentsNeeded(target: ProjectTarget, calls: number, intervalMinutes: number): number {
  return requiredAgents({
    calls,
    intervalSeconds: intervalMinutes * 60,
    ahtSeconds: target.ahtSeconds,
    targetSeconds: target.targetSeconds,
    serviceLevel: target.serviceLevel,
  }).productiveAgents;
}

/**
 * What share of callers will hang up before an answer with `agents` (Erlang A)? Null without a patience figure.
 * @example abandonmentWith({ project: 'x', ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8, patienceSeconds: 300 }, 100, 12, 30) // ≈ 0.042711
 */
export function abandonmentWith(target: ProjectTarget, calls: number, agents: number, intervalMinutes: number): number | null {
  if (target.patienceSeconds === undefined) return null;
  if (calls <= 0) return 0;
  if (agents < 1) return 1;
  return erlangA({ calls, intervalSeconds: intervalMinutes * 60, ahtSeconds: target.ahtSeconds, agents, patienceSeconds: target.patienceSeconds, targetSeconds: target.targetSeconds })
    .abandonmentProbability;
}

/** Calls each interval is judged on for a project: reported actuals where present, else forecast. */
export function expectedCallsOf(state: DayState, project: string): number[] {
  const forecast = state.forecastCalls[project] ?? [];
  const actuals = state.actuals[project] ?? [];
  return forecast.map((f, i) => actuals[i]?.calls ?? f);
}

function targetOf(state: DayState, project: string): ProjectTarget {
  const target = state.projects.find((p) => p.project === project);
  if (!target) throw new RangeError(`unknown project ${JSON.stringify(project)}`);
  return target;
}

/**
 * How does each interval of today look for one project?
 * @example intradayStatus(state, '95598')[20] // { label: '10:00–10:30', requiredAgents: 14, presentAgents: 12, gap: -2, … }
 */
export function intradayStatus(state: DayState, project: string): IntervalStatus[] {
  return dayStatus(state, [project])[project];
}

/**
 * How does each interval of today look, for every project (or those listed)?
 * @example Object.keys(dayStatus(state)) // ['95598', 'EV', …]
 */
export function dayStatus(state: DayState, projects: readonly string[] = state.projects.map((p) => p.project)): Record<string, IntervalStatus[]> {
  const count = intervalsPerDay(state.intervalMinutes);
  if (!(state.nowMinute >= 0 && state.nowMinute <= 1440)) throw new RangeError(`nowMinute must be in 0..1440, got ${state.nowMinute}`);
  const presence = presenceByProject(state.assignments, projects, state.intervalMinutes, count);
  const out: Record<string, IntervalStatus[]> = {};
  for (const project of projects) {
    const target = targetOf(state, project);
    const forecast = state.forecastCalls[project] ?? [];
    const actuals = state.actuals[project] ?? [];
    out[project] = Array.from({ length: count }, (_, i) => {
      const forecastCalls = forecast[i] ?? 0;
      const actual = actuals[i] ?? null;
      const expectedCalls = actual?.calls ?? forecastCalls;
      const required = agentsNeeded(target, expectedCalls, state.intervalMinutes);
      const p = presence[project][i];
      return {
        interval: i,
        label: `${clockLabel(i * state.intervalMinutes)}–${clockLabel((i + 1) * state.intervalMinutes)}`,
        elapsed: (i + 1) * state.intervalMinutes <= state.nowMinute,
        forecastCalls,
        actualCalls: actual ? actual.calls : null,
        expectedCalls,
        requiredAgents: required,
        scheduledAgents: p.scheduled,
        absentAgents: p.absent,
        offlineAgents: p.offline,
        presentAgents: p.present,
        predictedServiceLevel: serviceLevelWith(target, expectedCalls, p.present, state.intervalMinutes),
        actualServiceLevel: actual?.serviceLevel ?? null,
        predictedAbandonment: abandonmentWith(target, expectedCalls, p.present, state.intervalMinutes),
        gap: p.present - required,
        meetsTarget: p.present >= required,
      };
    });
  }
  return out;
}
