// Ranked intraday suggestions: who to call in, move, keep on or send home so every coming interval meets its target at least cost.
import { createBoard, changeBoard, shortfall, spareAgents, type Board } from './board.ts';
import { resolveSuggestOptions, type ResolvedSuggestOptions, type SuggestOptions } from './costs.ts';
import { runsWhere, type Action, type SuggestionKind } from './actions.ts';
import { callInActions, moveActions, offlineActions, overtimeActions } from './shortageActions.ts';
import { troughActions } from './troughActions.ts';
import { rankAndMeasure, type SuggestionPlan } from './rank.ts';
import type { DayState } from './types.ts';

export type { SuggestionKind } from './actions.ts';
export type { Suggestion, SuggestionPlan } from './rank.ts';

const KIND_ORDER: readonly SuggestionKind[] = ['moveOffline', 'cancelOffline', 'moveAgent', 'overtime', 'callIn', 'earlyLeave', 'toOffline'];

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

/**
 * Which changes to today's roster would make the coming intervals meet their targets, cheapest per
 * short agent-interval first (tier 1 before tier 2; moves never push the source project below target),
 * and where could agents go home early or do offline work? Greedy: pick the cheapest single-agent action, apply,
 * repeat; then group actions by kind, project, source project and tier, ranked by their first pick, each group's
 * effect measured with the groups above it applied. The input state is never changed.
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
