// Rest between consecutive days' shifts, across midnight and across the period start (previous shifts).
import type { AgentConstraint, RosterIndex } from '../context.ts';
import type { RosterCell } from '../model.ts';
import { numberParam } from '../rules.ts';
import { agentDayItem } from './emit.ts';

/**
 * Shift code on day `d` (negative days read the agent's previous shifts).
 * @example shiftOn(ix, 'a1', cells, -1) // last shift of the previous period
 */
export function shiftOn(ix: RosterIndex, agentId: string, cells: RosterCell[], d: number): string | null {
  if (d >= 0) return cells[d]?.shift ?? null;
  const prev = ix.previous.get(agentId);
  return prev ? (prev[prev.length + d] ?? null) : null;
}

/**
 * 班次间最少休息: penalty = minutes short of the minimum rest between a shift and the next day's shift.
 * @example minRest // L (ends 23:00) then E (07:00) → 180 (660 − 480 minutes)
 */
export const minRest: AgentConstraint = {
  id: 'min-rest',
  label: 'Minimum rest between shifts',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const minMinutes = numberParam(rule, 'minMinutes', 660);
    for (let d = 0; d < cells.length; d++) {
      const today = cells[d].shift ? ix.shiftByCode.get(cells[d].shift!) : undefined;
      const prevCode = shiftOn(ix, agent.id, cells, d - 1);
      const before = prevCode ? ix.shiftByCode.get(prevCode) : undefined;
      if (!today || !before) continue;
      const restMinutes = 1440 + today.startMinute - (before.startMinute + before.lengthMinutes);
      if (restMinutes < minMinutes) out.push(agentDayItem(ix, rule, agent.id, d, minMinutes - restMinutes, `${agent.name}: ${restMinutes} min rest between ${before.code} and ${today.code}, ${minMinutes - restMinutes} short`));
    }
  },
};

/**
 * 禁止的班次衔接: one unit per forbidden pair (yesterday's shift, today's shift), e.g. night then early.
 * @example forbiddenSuccessions // N then E with pairs [['N','E']] → 1
 */
export const forbiddenSuccessions: AgentConstraint = {
  id: 'forbidden-successions',
  label: 'Forbidden successions',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const pairs = (rule.params.pairs as [string, string][] | undefined) ?? [];
    for (let d = 0; d < cells.length; d++) {
      const prev = shiftOn(ix, agent.id, cells, d - 1);
      const today = cells[d].shift;
      if (prev && today && pairs.some(([a, b]) => a === prev && b === today)) {
        out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name}: ${today} may not follow ${prev}`));
      }
    }
  },
};
