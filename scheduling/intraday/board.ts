// A working copy of today for the suggestion search: calls, required and present agents per interval, updated per change.
import { applySuggestion, type RosterChange } from './apply.ts';
import { activityAt, type Activity } from './presence.ts';
import { agentsNeeded, expectedCallsOf, serviceLevelWith } from './status.ts';
import type { AgentProfile, DayState, ProjectTarget } from './types.ts';
import { intervalsPerDay } from '../time.ts';

/** The suggestion search's view of today; `present` and `rows` follow every change applied with {@link changeBoard}. */
export interface Board {
  state: DayState;
  intervalMinutes: number;
  intervalCount: number;
  /** First interval a change can still affect: the one starting at or after nowMinute. */
  firstFuture: number;
  projects: string[];
  targets: Map<string, ProjectTarget>;
  calls: Record<string, number[]>;
  required: Record<string, number[]>;
  present: Record<string, number[]>;
  /**
   * Presence that holds whichever subset of the changes so far is applied: the starting presence minus every
   * agent a change took off a project's phones. Slack is judged on it, so a move or an early leave never
   * leans on a call-in the floor lead might not make.
   */
  guaranteed: Record<string, number[]>;
  /** Each assigned agent's activity per interval. */
  rows: Map<string, Activity[]>;
  profiles: Map<string, AgentProfile>;
  /** Each rostered agent's shift end before any change, so overtime is bounded from it. */
  rosterEndMinute: Map<string, number>;
}

function rowOf(board: Pick<Board, 'intervalMinutes' | 'intervalCount'>, assignment: DayState['assignments'][number]): Activity[] {
  const m = board.intervalMinutes;
  return Array.from({ length: board.intervalCount }, (_, i) => activityAt(assignment, i * m, (i + 1) * m));
}

function count(board: Board, row: readonly Activity[], sign: 1 | -1): void {
  row.forEach((activity, i) => {
    if (activity.kind === 'phones' && board.present[activity.project]) board.present[activity.project][i] += sign;
  });
}

/**
 * What does the search start from? Required agents are fixed by the day's calls; presence follows changes.
 * @example createBoard(state).required['95598'][20] // Erlang C agents for 10:00–10:30
 */
export function createBoard(state: DayState): Board {
  const intervalMinutes = state.intervalMinutes;
  const intervalCount = intervalsPerDay(intervalMinutes);
  if (!(state.nowMinute >= 0 && state.nowMinute <= 1440)) throw new RangeError(`nowMinute must be in 0..1440, got ${state.nowMinute}`);
  const projects = state.projects.map((p) => p.project);
  const targets = new Map(state.projects.map((p) => [p.project, p]));
  const calls: Record<string, number[]> = {};
  const required: Record<string, number[]> = {};
  const present: Record<string, number[]> = {};
  for (const p of projects) {
    const expected = expectedCallsOf(state, p);
    calls[p] = Array.from({ length: intervalCount }, (_, i) => expected[i] ?? 0);
    required[p] = calls[p].map((c) => agentsNeeded(targets.get(p) as ProjectTarget, c, intervalMinutes));
    present[p] = new Array(intervalCount).fill(0);
  }
  const board: Board = {
    state,
    intervalMinutes,
    intervalCount,
    firstFuture: Math.min(intervalCount, Math.ceil(state.nowMinute / intervalMinutes)),
    projects,
    targets,
    calls,
    required,
    present,
    guaranteed: {},
    rows: new Map(),
    profiles: new Map(state.agents.map((a) => [a.agentId, a])),
    rosterEndMinute: new Map(state.assignments.map((a) => [a.agentId, a.endMinute])),
  };
  for (const a of state.assignments) {
    const row = rowOf(board, a);
    board.rows.set(a.agentId, row);
    count(board, row, 1);
  }
  for (const p of projects) board.guaranteed[p] = board.present[p].slice();
  return board;
}

/** Applies changes to the board in place (the board is the search's private working copy). */
export function changeBoard(board: Board, changes: readonly RosterChange[]): void {
  board.state = applySuggestion(board.state, { changes });
  for (const id of new Set(changes.map((c) => c.agentId))) {
    const old = board.rows.get(id);
    if (old) count(board, old, -1);
    const assignment = board.state.assignments.find((a) => a.agentId === id);
    if (!assignment) continue;
    const row = rowOf(board, assignment);
    board.rows.set(id, row);
    count(board, row, 1);
    old?.forEach((was, i) => {
      const now = row[i];
      if (was.kind === 'phones' && board.guaranteed[was.project] && !(now.kind === 'phones' && now.project === was.project)) board.guaranteed[was.project][i] -= 1;
    });
  }
  for (const c of changes) if (c.type === 'callIn') board.profiles = new Map(board.state.agents.map((a) => [a.agentId, a]));
}

/** Agents a project can give up in an interval whatever subset of the changes so far is applied. */
export function spareAgents(board: Board, project: string, interval: number): number {
  return board.guaranteed[project][interval] - board.required[project][interval];
}

/** Agents a project lacks in an interval (negative: spare agents). */
export function shortfall(board: Board, project: string, interval: number): number {
  return board.required[project][interval] - board.present[project][interval];
}

/**
 * What service level does a project reach over some intervals, weighting each by its calls?
 * @example weightedServiceLevel(board, '95598', [20, 21]) // e.g. 0.62
 */
export function weightedServiceLevel(board: Board, project: string, intervals: readonly number[], present = board.present[project]): number {
  const target = board.targets.get(project) as ProjectTarget;
  let calls = 0;
  let answered = 0;
  for (const i of intervals) {
    const c = board.calls[project][i];
    calls += c;
    answered += c * serviceLevelWith(target, c, present[i], board.intervalMinutes);
  }
  return calls > 0 ? answered / calls : 1;
}
