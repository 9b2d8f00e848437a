// Run lengths of working days and days off: maximum and minimum consecutive working days, minimum consecutive days off.
import type { AgentConstraint } from '../context.ts';
import type { RosterCell } from '../model.ts';
import { numberParam } from '../rules.ts';
import { agentDayItem } from './emit.ts';

/**
 * Maximal runs of working (`work = true`) or off days as [first, last] day indices.
 * @example runs(rosterOf({ a: 'E E - E' }).a, true) // [[0, 1], [3, 3]]
 */
export function runs(cells: RosterCell[], work: boolean): [number, number][] {
  const found: [number, number][] = [];
  let start = -1;
  for (let d = 0; d <= cells.length; d++) {
    const match = d < cells.length && (cells[d].shift !== null) === work;
    if (match && start < 0) start = d;
    if (!match && start >= 0) { found.push([start, d - 1]); start = -1; }
  }
  return found;
}

/**
 * 最多连续工作: penalty = days beyond the maximum in each run (a run may start in the previous period).
 * @example maxConsecutiveWork // 8 working days in a row, max 6 → 2
 */
export const maxConsecutiveWork: AgentConstraint = {
  id: 'max-consecutive-work',
  label: 'Maximum consecutive working days',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const maxDays = numberParam(rule, 'maxDays', 6);
    const prev = ix.previous.get(agent.id) ?? [];
    let carried = 0;
    for (let k = prev.length - 1; k >= 0 && prev[k]; k--) carried++;
    for (const [first, last] of runs(cells, true)) {
      const length = last - first + 1 + (first === 0 ? carried : 0);
      if (length > maxDays) out.push(agentDayItem(ix, rule, agent.id, last, length - maxDays, `${agent.name} works ${length} days in a row (max ${maxDays})`));
    }
  },
};

/**
 * 最少连续工作: penalty = days short in each working run lying wholly inside the period.
 * @example minConsecutiveWork // 'E - E - E E E', min 2 → 1 × 20
 */
export const minConsecutiveWork: AgentConstraint = {
  id: 'min-consecutive-work',
  label: 'Minimum consecutive working days',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const minDays = numberParam(rule, 'minDays', 2);
    for (const [first, last] of runs(cells, true)) {
      const length = last - first + 1;
      if (first > 0 && last < cells.length - 1 && length < minDays) out.push(agentDayItem(ix, rule, agent.id, first, minDays - length, `${agent.name} works a run of ${length} day(s) (min ${minDays})`));
    }
  },
};

/**
 * 休息日至少连休: penalty = days short in each run of days off lying wholly inside the period.
 * @example minConsecutiveOff // 'E - E E - - E', min 2 → 1 × 20
 */
export const minConsecutiveOff: AgentConstraint = {
  id: 'min-consecutive-off',
  label: 'Minimum consecutive days off',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const minDays = numberParam(rule, 'minDays', 2);
    for (const [first, last] of runs(cells, false)) {
      const length = last - first + 1;
      if (first > 0 && last < cells.length - 1 && length < minDays) out.push(agentDayItem(ix, rule, agent.id, first, minDays - length, `${agent.name} has ${length} day(s) off in a row (min ${minDays})`));
    }
  },
};
