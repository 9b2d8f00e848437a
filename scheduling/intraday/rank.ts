// Grouping single-agent actions into ranked suggestions, measuring each by replay, and wording the reason.
import type { RosterChange } from './apply.ts';
import { changeBoard, createBoard, weightedServiceLevel, type Board } from './board.ts';
import type { Action, SuggestionKind } from './actions.ts';
import { clockLabel } from './reforecast.ts';
import type { DayState } from './types.ts';

/** One ranked suggestion; its effect assumes the suggestions ranked above it are applied. */
export interface Suggestion {
  id: string;
  rank: number;
  kind: SuggestionKind;
  /** Project whose intervals it changes. */
  project: string;
  /** For moveAgent: the project the agents leave (it keeps its own target). */
  sourceProject: string | null;
  /** For callIn: the emergency tier called. */
  tier: number | null;
  agentIds: string[];
  /** Interval indices of today the change covers. */
  intervals: number[];
  effect: {
    /** Call-weighted Erlang C service level of `project` over `intervals`, before and after. */
    serviceLevelBefore: number;
    serviceLevelAfter: number;
    /** Agents on the phones added per interval (negative at troughs). */
    agentsAdded: number;
  };
  /** In the cost model's units (negative: a saving). */
  cost: number;
  reason: string;
  changes: RosterChange[];
}

/** Result of {@link suggestAdjustments}. */
export interface SuggestionPlan {
  suggestions: Suggestion[];
  /** Coming intervals still short once every suggestion is applied. */
  remainingShortfall: { project: string; interval: number; agentsShort: number }[];
}

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function span(board: Board, intervals: readonly number[]): string {
  const m = board.intervalMinutes;
  return `${clockLabel(intervals[0] * m)}–${clockLabel((intervals[intervals.length - 1] + 1) * m)}`;
}

function describe(s: Omit<Suggestion, 'reason' | 'id' | 'rank'>, board: Board): string {
  const n = s.agentIds.length;
  const who = `${n} agent${n === 1 ? '' : 's'} (${s.agentIds.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''})`;
  const window = span(board, s.intervals);
  const target = pct((board.targets.get(s.project) as { serviceLevel: number }).serviceLevel);
  const action: Record<SuggestionKind, string> = {
    callIn: `Call in ${who} of emergency tier ${s.tier} to ${s.project}`,
    moveAgent: `Move ${who} multi-skilled from ${s.sourceProject}, which has spare agents then, to ${s.project}`,
    cancelOffline: `Cancel offline work of ${who} to answer ${s.project}`,
    moveOffline: `Move offline work of ${who} to quieter intervals of the same shift to answer ${s.project}`,
    overtime: `Offer ${who} overtime on ${s.project}: extend shifts ending before the peak`,
    earlyLeave: `Offer ${who} early leave (${s.project} has spare agents)`,
    toOffline: `Move ${who} to offline work (analysis) while ${s.project} has spare agents`,
  };
  return `${action[s.kind]}, ${window}: service level ${pct(s.effect.serviceLevelBefore)} → ${pct(s.effect.serviceLevelAfter)} (target ${target}), cost ${s.cost.toFixed(1)}`;
}

/**
 * Gathers actions into suggestions by kind, project, source project and tier, ranked by their first action in
 * the search's order, and measures each one's effect by replaying them in rank order from the original day.
 */
export function rankAndMeasure(state: DayState, actions: readonly Action[]): Suggestion[] {
  const groups = new Map<string, Action[]>();
  for (const a of actions) {
    const key = [a.kind, a.project, a.sourceProject ?? '', a.tier ?? ''].join('|');
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  const board = createBoard(state);
  const out: Suggestion[] = [];
  for (const members of groups.values()) {
    const first = members[0];
    const intervals = [...new Set(members.flatMap((a) => Array.from({ length: a.to - a.from }, (_, k) => a.from + k)))].sort((x, y) => x - y);
    const changes = members.flatMap((a) => a.changes);
    const before = board.present[first.project].slice();
    changeBoard(board, changes);
    const agentIds = [...new Set(members.map((a) => a.agentId))];
    const body = {
      kind: first.kind,
      project: first.project,
      sourceProject: first.sourceProject,
      tier: first.tier,
      agentIds,
      intervals,
      effect: {
        serviceLevelBefore: weightedServiceLevel(board, first.project, intervals, before),
        serviceLevelAfter: weightedServiceLevel(board, first.project, intervals),
        agentsAdded: (first.kind === 'earlyLeave' || first.kind === 'toOffline' ? -1 : 1) * agentIds.length,
      },
      cost: members.reduce((sum, a) => sum + a.cost, 0),
      changes,
    };
    const rank = out.length + 1;
    out.push({ id: `${rank}-${first.kind}-${first.project}${first.sourceProject ? `-from-${first.sourceProject}` : ''}${first.tier ? `-tier${first.tier}` : ''}`, rank, ...body, reason: describe(body, board) });
  }
  return out;
}

