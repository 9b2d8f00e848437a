// Agents' wishes: preferred shift on a weekday, avoided shift on a weekday, preferred weekday off.
import type { AgentConstraint } from '../context.ts';
import { agentDayItem } from './emit.ts';

/**
 * 偏好班次: one unit per working day on a weekday with a preferred shift when another shift is rostered.
 * @example preferredShift // prefers E on Monday, works D on Monday → 1 × 3
 */
export const preferredShift: AgentConstraint = {
  id: 'preferred-shift',
  label: 'Preferred shift honoured',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const prefs = agent.preferences.preferredShifts;
    if (prefs.length === 0) return;
    cells.forEach((cell, d) => {
      const weekday = ix.model.days[d].weekday;
      const wanted = prefs.filter((p) => p.weekday === weekday);
      if (cell.shift && wanted.length > 0 && !wanted.some((p) => p.shift === cell.shift)) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} prefers ${wanted.map((p) => p.shift).join('/')} but works ${cell.shift}`));
    });
  },
};

/**
 * 避开班次: one unit per day rostered on a shift the agent avoids on that weekday.
 * @example avoidedShift // avoids N on Tuesday, works N on Tuesday → 1 × 5
 */
export const avoidedShift: AgentConstraint = {
  id: 'avoided-shift',
  label: 'Avoided shift honoured',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const avoided = agent.preferences.avoidedShifts;
    if (avoided.length === 0) return;
    cells.forEach((cell, d) => {
      const weekday = ix.model.days[d].weekday;
      if (cell.shift && avoided.some((p) => p.weekday === weekday && p.shift === cell.shift)) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} avoids ${cell.shift} on this weekday`));
    });
  },
};

/**
 * 偏好休息日: one unit per working day on a weekday the agent prefers off.
 * @example preferredDayOff // prefers Sunday off, works Sunday → 1 × 5
 */
export const preferredDayOff: AgentConstraint = {
  id: 'preferred-day-off',
  label: 'Preferred day off honoured',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const wanted = agent.preferences.preferredDaysOff;
    if (wanted.length === 0) return;
    cells.forEach((cell, d) => {
      if (cell.shift && wanted.includes(ix.model.days[d].weekday)) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} prefers this weekday off`));
    });
  },
};
