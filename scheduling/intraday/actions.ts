// The single-agent actions the suggestion search weighs, and small helpers over the board they share.
import type { RosterChange } from './apply.ts';
import { shortfall, type Board } from './board.ts';

/** What a suggestion does. */
export type SuggestionKind = 'callIn' | 'moveAgent' | 'cancelOffline' | 'moveOffline' | 'overtime' | 'earlyLeave' | 'toOffline';

/** One agent's action as the search weighs it, before grouping. */
export interface Action {
  kind: SuggestionKind;
  project: string;
  sourceProject: string | null;
  tier: number | null;
  agentId: string;
  proficiency: number;
  from: number;
  to: number;
  changes: RosterChange[];
  cost: number;
  /** Short agent-intervals it fills. */
  benefit: number;
}

/** Maximal runs [from, to) of coming intervals where `test` holds. */
export function runsWhere(board: Board, test: (i: number) => boolean, from = board.firstFuture, to = board.intervalCount): [number, number][] {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const ok = i < to && test(i);
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  return runs;
}

/** How many of the intervals [from, to) a project is short in. */
export function shortIn(board: Board, project: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (shortfall(board, project, i) > 0) n++;
  return n;
}

/** Length of the intervals [from, to) in hours. */
export function hours(board: Board, from: number, to: number): number {
  return ((to - from) * board.intervalMinutes) / 60;
}

/** An agent's proficiency for a project: their listed skill, 1 for the home project, else 0. */
export function skillOf(board: Board, agentId: string, project: string): number {
  const profile = board.profiles.get(agentId);
  if (!profile) return 0;
  return profile.skills[project] ?? (profile.homeProject === project ? 1 : 0);
}
