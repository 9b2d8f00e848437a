// Contract minutes within bounds: per full Monday–Sunday week and over the whole period.
import { workedMinutes, type AgentConstraint } from '../context.ts';
import { numberParam, type Rule } from '../rules.ts';

function boundsPenalty(rule: Rule, minutes: number, min: number, max: number): number {
  const over = Math.max(0, minutes - max);
  const under = Math.max(0, min - minutes);
  return (over * numberParam(rule, 'perHourOver', 1) + under * numberParam(rule, 'perHourUnder', 1)) / 60;
}

/**
 * 周工时上下限: penalty = hours over × perHourOver + hours under × perHourUnder, per full week.
 * @example contractWeekMinutes // 7 × 480 min against a 2,880 max → 8 h × 300 = 2,400
 */
export const contractWeekMinutes: AgentConstraint = {
  id: 'contract-week-minutes',
  label: 'Weekly minutes within contract bounds',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const { minWeekMinutes, maxWeekMinutes } = agent.contract;
    for (const week of ix.weeks) {
      const minutes = workedMinutes(ix, week.map((d) => cells[d]));
      const amount = rule.weight * boundsPenalty(rule, minutes, minWeekMinutes, maxWeekMinutes);
      if (amount > 0) out.push({ ruleId: rule.id, agentId: agent.id, date: ix.model.days[week[0]].date, amount, message: `${agent.name} works ${minutes} min in the week of ${ix.model.days[week[0]].date} (contract ${minWeekMinutes}–${maxWeekMinutes})` });
    }
  },
};

/**
 * 月工时上下限: as the weekly rule over the period; each leave day lowers the minimum by leaveCreditMinutes.
 * @example contractMonthMinutes // 3,360 min against a 2,880 max → 8 h × 300 = 2,400
 */
export const contractMonthMinutes: AgentConstraint = {
  id: 'contract-month-minutes',
  label: 'Monthly minutes within contract bounds',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const minutes = workedMinutes(ix, cells);
    const leaveCredit = (ix.leaveDays.get(agent.id)?.size ?? 0) * numberParam(rule, 'leaveCreditMinutes', 480);
    const min = Math.max(0, agent.contract.minMonthMinutes - leaveCredit);
    const amount = rule.weight * boundsPenalty(rule, minutes, min, agent.contract.maxMonthMinutes);
    if (amount > 0) out.push({ ruleId: rule.id, agentId: agent.id, amount, message: `${agent.name} works ${minutes} min this period (contract ${min}–${agent.contract.maxMonthMinutes})` });
  },
};
