// Ranked intraday suggestions: who to call in, move, keep on or send home so every coming interval meets its target at least cost.
import type { RosterChange } from './apply.ts';
import { createBoard, changeBoard, shortfall, spareAgents, weightedServiceLevel, type Board } from './board.ts';
import { resolveSuggestOptions, type ResolvedSuggestOptions, type SuggestOptions } from './costs.ts';
import { clockLabel } from './reforecast.ts';
import type { Assignment, DayState } from './types.ts';

/** What a suggestion does. */
export type SuggestionKind = 'callIn' | 'moveAgent' | 'cancelOffline' | 'moveOffline' | 'overtime' | 'earlyLeave' | 'toOffline';

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

/** One agent's action as the search weighs it, before grouping. */
interface Action {
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

const KIND_ORDER: readonly SuggestionKind[] = ['moveOffline', 'cancelOffline', 'moveAgent', 'overtime', 'callIn', 'earlyLeave', 'toOffline'];

/** Maximal runs [from, to) of coming intervals where `test` holds. */
function runsWhere(board: Board, test: (i: number) => boolean, from = board.firstFuture, to = board.intervalCount): [number, number][] {
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

function shortIn(board: Board, project: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (shortfall(board, project, i) > 0) n++;
  return n;
}

function hours(board: Board, from: number, to: number): number {
  return ((to - from) * board.intervalMinutes) / 60;
}

function skillOf(board: Board, agentId: string, project: string): number {
  const profile = board.profiles.get(agentId);
  if (!profile) return 0;
  return profile.skills[project] ?? (profile.homeProject === project ? 1 : 0);
}

/** Offline work other than breaks covering at least half of interval i. */
function cancellableOfflineAt(board: Board, a: Assignment, i: number): boolean {
  const s = i * board.intervalMinutes;
  const e = s + board.intervalMinutes;
  let minutes = 0;
  for (const b of a.offline) if (b.kind !== 'break') minutes += Math.max(0, Math.min(b.endMinute, e) - Math.max(b.startMinute, s));
  return minutes * 2 >= board.intervalMinutes;
}

function offlineActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    const row = board.rows.get(a.agentId);
    if (!row || a.absent) continue;
    const windows = runsWhere(board, (i) => row[i].kind === 'offline' && (row[i] as { project: string }).project === project && cancellableOfflineAt(board, a, i), run[0], run[1]);
    for (const [from, to] of windows) {
      const cancel: RosterChange = { type: 'cancelOffline', agentId: a.agentId, startMinute: from * m, endMinute: to * m };
      const base = { project, sourceProject: null, tier: null, agentId: a.agentId, proficiency: skillOf(board, a.agentId, project), from, to, benefit: to - from };
      out.push({ ...base, kind: 'cancelOffline', changes: [cancel], cost: hours(board, from, to) * o.costs.cancelOfflinePerHour });
      const spare = (i: number) => row[i].kind === 'phones' && (row[i] as { project: string }).project === project && spareAgents(board, project, i) >= 1;
      const slot = runsWhere(board, spare).find(([s, e]) => e - s >= to - from);
      if (slot) {
        const block = a.offline.find((b) => b.kind !== 'break' && b.endMinute > from * m && b.startMinute < to * m);
        const kind = block ? block.kind : 'analysis';
        const add: RosterChange = { type: 'addOffline', agentId: a.agentId, kind, startMinute: slot[0] * m, endMinute: (slot[0] + to - from) * m };
        out.push({ ...base, kind: 'moveOffline', changes: [cancel, add], cost: hours(board, from, to) * o.costs.moveOfflinePerHour });
      }
    }
  }
  return out;
}

function moveActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    const source = a.project;
    if (source === project || a.absent || !board.present[source]) continue;
    const proficiency = skillOf(board, a.agentId, project);
    if (proficiency < o.minProficiency) continue;
    const row = board.rows.get(a.agentId);
    if (!row) continue;
    const onSource = (i: number) => row[i].kind === 'phones' && (row[i] as { project: string }).project === source && spareAgents(board, source, i) >= 1;
    for (const [from, to] of runsWhere(board, onSource, run[0], run[1])) {
      out.push({
        kind: 'moveAgent', project, sourceProject: source, tier: null, agentId: a.agentId, proficiency, from, to,
        changes: [{ type: 'loan', agentId: a.agentId, project, startMinute: from * m, endMinute: to * m }],
        cost: hours(board, from, to) * o.costs.movePerHour,
        benefit: to - from,
      });
    }
  }
  return out;
}

function overtimeActions(board: Board, project: string, o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const out: Action[] = [];
  for (const a of board.state.assignments) {
    if (a.project !== project || a.absent || a.origin !== 'roster') continue;
    const from = Math.ceil(a.endMinute / m);
    if (from < board.firstFuture || from >= board.intervalCount) continue;
    const rosterEnd = board.rosterEndMinute.get(a.agentId) ?? a.endMinute;
    let to = Math.min(board.intervalCount, Math.floor((rosterEnd + o.maxOvertimeMinutes) / m));
    while (to > from && shortfall(board, project, to - 1) <= 0) to--;
    const benefit = shortIn(board, project, from, to);
    if (benefit === 0) continue;
    out.push({
      kind: 'overtime', project, sourceProject: null, tier: null, agentId: a.agentId, proficiency: skillOf(board, a.agentId, project), from, to,
      changes: [{ type: 'setShiftEnd', agentId: a.agentId, endMinute: to * m }],
      cost: hours(board, a.endMinute / m, to) * o.costs.overtimePerHour,
      benefit,
    });
  }
  return out;
}

function callInActions(board: Board, project: string, run: [number, number], o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const minLength = Math.ceil(o.minCallInMinutes / m);
  const maxLength = Math.max(minLength, Math.floor(o.maxCallInMinutes / m));
  const earliest = board.firstFuture + Math.ceil(o.callInLeadMinutes / m);
  const runStart = Math.max(run[0], earliest);
  if (runStart >= run[1]) return [];
  const length = Math.min(maxLength, Math.max(minLength, run[1] - runStart));
  const to = Math.min(board.intervalCount, runStart + length);
  const from = Math.max(earliest, Math.min(runStart, to - minLength));
  if (from >= to) return [];
  const benefit = shortIn(board, project, from, to);
  if (benefit === 0) return [];
  const assigned = new Set(board.state.assignments.map((a) => a.agentId));
  for (const tier of o.callInTiers) {
    const out: Action[] = [];
    for (const p of board.profiles.values()) {
      if (p.availability !== 'reachable' || p.emergencyTier !== tier || assigned.has(p.agentId)) continue;
      const proficiency = skillOf(board, p.agentId, project);
      if (proficiency < o.minProficiency) continue;
      out.push({
        kind: 'callIn', project, sourceProject: null, tier, agentId: p.agentId, proficiency, from, to,
        changes: [{ type: 'callIn', agentId: p.agentId, project, startMinute: from * m, endMinute: to * m }],
        cost: o.costs.callInFixed + hours(board, from, to) * (o.costs.callInPerHourByTier[tier] ?? Infinity),
        benefit,
      });
    }
    if (out.length) return out; // tier 1 before tier 2: a later tier is called only when no one earlier can come
  }
  return [];
}

/** Cheaper per short agent-interval first; then kind order, more filled, more proficient, agent id. */
function better(x: Action, y: Action): boolean {
  const dx = x.cost / x.benefit;
  const dy = y.cost / y.benefit;
  if (Math.abs(dx - dy) > 1e-9) return dx < dy;
  const kx = KIND_ORDER.indexOf(x.kind);
  const ky = KIND_ORDER.indexOf(y.kind);
  if (kx !== ky) return kx < ky;
  if (x.benefit !== y.benefit) return x.benefit > y.benefit;
  if (x.proficiency !== y.proficiency) return x.proficiency > y.proficiency;
  if (x.agentId !== y.agentId) return x.agentId < y.agentId;
  return x.from < y.from;
}

function bestShortageAction(board: Board, o: ResolvedSuggestOptions): Action | null {
  let best: Action | null = null;
  for (const project of board.projects) {
    const runs = runsWhere(board, (i) => shortfall(board, project, i) > 0);
    if (!runs.length) continue;
    const candidates: Action[] = overtimeActions(board, project, o);
    for (const run of runs) candidates.push(...offlineActions(board, project, run, o), ...moveActions(board, project, run, o), ...callInActions(board, project, run, o));
    for (const c of candidates) if (c.benefit > 0 && (!best || better(c, best))) best = c;
  }
  return best;
}

/** Trough actions: early leave at the end of a shift, else an offline block, where the project has spare agents throughout. */
function troughActions(board: Board, spare: Record<string, number[]>, touched: Set<string>, o: ResolvedSuggestOptions): Action[] {
  const m = board.intervalMinutes;
  const minLength = Math.ceil(o.minTroughMinutes / m);
  const maxLength = Math.max(minLength, Math.floor(o.maxTroughMinutes / m));
  const out: Action[] = [];
  const assignments = [...board.state.assignments].sort((x, y) => (x.agentId < y.agentId ? -1 : 1));
  for (const a of assignments) {
    if (touched.has(a.agentId) || a.absent || a.loans.length || a.origin !== 'roster' || !spare[a.project]) continue;
    const row = board.rows.get(a.agentId);
    if (!row) continue;
    const free = (i: number) => row[i].kind === 'phones' && spare[a.project][i] >= 1;
    const endI = a.endMinute / m;
    const base = { project: a.project, sourceProject: null, tier: null, agentId: a.agentId, proficiency: skillOf(board, a.agentId, a.project), benefit: 0 };
    let action: Action | null = null;
    if (Number.isInteger(endI) && endI <= board.intervalCount && endI > board.firstFuture) {
      let from = endI;
      while (from > board.firstFuture && endI - from < maxLength && free(from - 1)) from--;
      if (endI - from >= minLength) {
        action = { ...base, kind: 'earlyLeave', from, to: endI, changes: [{ type: 'setShiftEnd', agentId: a.agentId, endMinute: from * m }], cost: hours(board, from, endI) * o.costs.earlyLeavePerHour };
      }
    }
    if (!action) {
      const slot = runsWhere(board, free).find(([s, e]) => e - s >= minLength && e * m < a.endMinute);
      if (slot) {
        const to = Math.min(slot[1], slot[0] + maxLength);
        action = { ...base, kind: 'toOffline', from: slot[0], to, changes: [{ type: 'addOffline', agentId: a.agentId, kind: 'analysis', startMinute: slot[0] * m, endMinute: to * m }], cost: hours(board, slot[0], to) * o.costs.toOfflinePerHour };
      }
    }
    if (!action) continue;
    for (let i = action.from; i < action.to; i++) spare[a.project][i] -= 1;
    out.push(action);
  }
  return out;
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
function rankAndMeasure(state: DayState, actions: readonly Action[]): Suggestion[] {
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

/**
 * Which changes to today's roster would make the coming intervals meet their targets, cheapest per
 * short agent-interval first (tier 1 before tier 2; moves never push the source project below target),
 * and where could agents go home early or do offline work? Greedy: pick the cheapest action, apply, repeat.
 * @example suggestAdjustments(state).suggestions[0]
 *   // { kind: 'cancelOffline', agentIds: ['A0012'], intervals: [22, 23], effect: { serviceLevelBefore: 0.64, serviceLevelAfter: 0.80, agentsAdded: 1 }, … }
 */
export function suggestAdjustments(state: DayState, options: SuggestOptions = {}): SuggestionPlan {
  const o = resolveSuggestOptions(options);
  const board = createBoard(state);
  const taken: Action[] = [];
  for (let n = 0; n < o.maxActions; n++) {
    const action = bestShortageAction(board, o);
    if (!action) break;
    changeBoard(board, action.changes);
    taken.push(action);
  }
  const remainingShortfall: SuggestionPlan['remainingShortfall'] = [];
  for (const project of board.projects) {
    for (let i = board.firstFuture; i < board.intervalCount; i++) {
      const short = shortfall(board, project, i);
      if (short > 0) remainingShortfall.push({ project, interval: i, agentsShort: short });
    }
  }
  if (o.troughs) {
    const spare: Record<string, number[]> = {};
    for (const p of board.projects) spare[p] = board.required[p].map((_, i) => spareAgents(board, p, i));
    taken.push(...troughActions(board, spare, new Set(taken.map((a) => a.agentId)), o));
  }
  return { suggestions: rankAndMeasure(state, taken), remainingShortfall };
}
