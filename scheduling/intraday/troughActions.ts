// Actions at troughs: early leave at the end of a shift, or offline work mid-shift, only where spare agents are guaranteed.
import type { Board } from './board.ts';
import type { ResolvedSuggestOptions } from './costs.ts';
import { hours, runsWhere, skillOf, type Action } from './actions.ts';

/** Trough actions: early leave at the end of a shift, else an offline block, where the project has spare agents throughout. */
export function troughActions(board: Board, spare: Record<string, number[]>, touched: Set<string>, o: ResolvedSuggestOptions): Action[] {
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

