// Redeemed incentives the roster honours: 常白班 (day shifts only), 节日连休 (off on the given dates) and 优选排次 (first pick of a shift).
import type { AgentConstraint } from '../context.ts';
import { agentDayItem } from './emit.ts';

/**
 * 常白班: one unit per day an entitled agent works a shift outside the rule's day shifts.
 * @example entitlementDayShifts // 常白班 holder on L → 1
 */
export const entitlementDayShifts: AgentConstraint = {
  id: 'entitlement-day-shifts',
  label: 'Regular day shift entitlement',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    if (!ix.dayShiftsOnly.has(agent.id)) return;
    const dayShifts = ix.dayShiftsOnly.get(agent.id) ?? (rule.params.shifts as string[] | undefined) ?? ['D'];
    cells.forEach((cell, d) => {
      if (cell.shift && !dayShifts.includes(cell.shift)) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} holds 常白班 but works ${cell.shift}`));
    });
  },
};

/**
 * 节日连休: one unit per entitled holiday date the agent works.
 * @example entitlementHolidayRest // 节日连休 holder working an entitled date → 1
 */
export const entitlementHolidayRest: AgentConstraint = {
  id: 'entitlement-holiday-rest',
  label: 'Holiday rest entitlement',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    for (const d of ix.holidayRest.get(agent.id) ?? []) {
      if (cells[d].shift) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} holds 节日连休 but works on ${ix.model.days[d].date}`));
    }
  },
};

/**
 * 优选排次: one unit per working day an entitled agent is not on a shift they picked (days off cost nothing).
 * @example entitlementFirstPick // first pick of D, working E → 1
 */
export const entitlementFirstPick: AgentConstraint = {
  id: 'entitlement-first-pick',
  label: 'First pick of shifts entitlement',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const picked = ix.firstPick.get(agent.id);
    if (!picked) return;
    cells.forEach((cell, d) => {
      if (cell.shift && !picked.has(cell.shift)) out.push(agentDayItem(ix, rule, agent.id, d, 1, `${agent.name} holds 优选排次 (${[...picked].join('/')}) but works ${cell.shift}`));
    });
  },
};
