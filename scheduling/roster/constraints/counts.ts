// Counts over the period: nights a month, weekends worked a month, days off per full week.
import type { AgentConstraint } from '../context.ts';
import { numberParam } from '../rules.ts';
import { agentDayItem } from './emit.ts';

/**
 * 每月夜班上限: penalty = nights beyond the maximum over the period.
 * @example maxNightsMonth // 10 nights, max 8 → 2
 */
export const maxNightsMonth: AgentConstraint = {
  id: 'max-nights-month',
  label: 'Maximum nights a month',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const maxNights = numberParam(rule, 'maxNights', 8);
    const nights = cells.filter((c) => c.shift && ix.shiftByCode.get(c.shift)?.night).length;
    if (nights > maxNights) out.push(agentDayItem(ix, rule, agent.id, undefined, nights - maxNights, `${agent.name} works ${nights} nights (max ${maxNights})`));
  },
};

/**
 * 每月工作周末上限: penalty = weekends worked beyond the maximum (a weekend counts when Saturday or Sunday is worked).
 * @example maxWeekendsMonth // 4 weekends worked, max 3 → 1 × 40
 */
export const maxWeekendsMonth: AgentConstraint = {
  id: 'max-weekends-month',
  label: 'Maximum weekends worked a month',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const maxWeekends = numberParam(rule, 'maxWeekends', 3);
    const worked = ix.weekends.filter((days) => days.some((d) => cells[d].shift)).length;
    if (worked > maxWeekends) out.push(agentDayItem(ix, rule, agent.id, undefined, worked - maxWeekends, `${agent.name} works ${worked} weekends (max ${maxWeekends})`));
  },
};

/**
 * 每周至少休息: penalty = days off short of the minimum in each full Monday–Sunday week inside the period.
 * @example daysOffPerWeek // 6 days worked Monday–Sunday, min 2 off → 1 × 60
 */
export const daysOffPerWeek: AgentConstraint = {
  id: 'days-off-per-week',
  label: 'Days off per week',
  scope: 'agent',
  evaluate(ix, rule, agent, cells, out) {
    const minDaysOff = numberParam(rule, 'minDaysOff', 2);
    for (const week of ix.weeks) {
      const off = week.filter((d) => !cells[d].shift).length;
      if (off < minDaysOff) out.push(agentDayItem(ix, rule, agent.id, week[0], minDaysOff - off, `${agent.name} has ${off} day(s) off in the week of ${ix.model.days[week[0]].date} (min ${minDaysOff})`));
    }
  },
};
