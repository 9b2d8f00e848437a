// Builds penalty items the same way for every constraint: amount = rule weight × magnitude of the miss.
import type { PenaltyItem, RosterIndex } from '../context.ts';
import type { Rule } from '../rules.ts';

/**
 * Which penalty item records `magnitude` units of a miss of `rule` by an agent on a day?
 * @example agentDayItem(ix, rule, 'a1', 0, 2, 'two days over') // { ruleId: rule.id, agentId: 'a1', date: '2026-12-01', amount: 2 × weight, … }
 */
export function agentDayItem(ix: RosterIndex, rule: Rule, agentId: string, dayIndex: number | undefined, magnitude: number, message: string): PenaltyItem {
  const item: PenaltyItem = { ruleId: rule.id, agentId, amount: rule.weight * magnitude, message };
  if (dayIndex !== undefined) item.date = ix.model.days[dayIndex].date;
  return item;
}
