// Small builders of day states for the intraday tests: a project at 80/20 with AHT 180 s, agents on plain shifts.
import type { AgentProfile, Assignment, DayState, OfflineBlock, ProjectTarget } from './types.ts';

/** 80% in 20 s, AHT 180 s: the "Erlang C made simple" example (100 calls / 30 min → 14 agents). */
export function target8020(project: string): ProjectTarget {
  return { project, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 };
}

/** 48 intervals of `callsPerInterval` from `from` (inclusive) to `to` (exclusive), 0 elsewhere. */
export function callsBetween(from: number, to: number, callsPerInterval: number, base: number[] = new Array(48).fill(0)): number[] {
  return base.map((c, i) => (i >= from && i < to ? callsPerInterval : c));
}

/** A rostered assignment; minutes after midnight. */
export function shift(agentId: string, project: string, startMinute: number, endMinute: number, offline: OfflineBlock[] = []): Assignment {
  return { agentId, project, startMinute, endMinute, offline, loans: [], absent: false, origin: 'roster' };
}

/** An agent profile; skills default to full proficiency in the home project. */
export function agent(agentId: string, homeProject: string, extra: Partial<AgentProfile> = {}): AgentProfile {
  return { agentId, homeProject, skills: { [homeProject]: 1 }, emergencyTier: null, availability: 'onShift', ...extra };
}

/** `n` agents `${prefix}1..n` of a project on the same shift, with profiles. */
export function crew(prefix: string, project: string, n: number, startMinute: number, endMinute: number): { agents: AgentProfile[]; assignments: Assignment[] } {
  const ids = Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
  return { agents: ids.map((id) => agent(id, project)), assignments: ids.map((id) => shift(id, project, startMinute, endMinute)) };
}

/** A day state with sensible defaults: 30-minute intervals, now 09:00, no actuals. */
export function day(parts: Partial<DayState> & Pick<DayState, 'projects' | 'forecastCalls'>): DayState {
  return { date: '2026-07-15', intervalMinutes: 30, nowMinute: 540, actuals: {}, agents: [], assignments: [], ...parts };
}
