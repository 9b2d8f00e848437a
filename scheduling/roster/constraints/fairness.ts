// Fair shares across agents: weekends, nights and holidays worked, penalising each agent's distance from the mean.
import type { GlobalConstraint, PenaltyItem, RosterIndex } from '../context.ts';
import type { Agent, RosterCell } from '../model.ts';
import type { Rule } from '../rules.ts';

/** Which per-agent count a fairness rule compares, and who is eligible for it. */
export interface FairnessMeasure {
  count(ix: RosterIndex, cells: RosterCell[]): number;
  eligible(ix: RosterIndex, agent: Agent): boolean;
  what: string;
}

/**
 * Per-agent counts: weekends touched, nights, holidays worked.
 * @example FAIRNESS_MEASURES['fair-nights'].count(ix, cells) // nights in cells
 */
export const FAIRNESS_MEASURES: Record<string, FairnessMeasure> = {
  'fair-weekends': { what: 'weekends', eligible: () => true, count: (ix, cells) => ix.weekends.filter((days) => days.some((d) => cells[d].shift)).length },
  'fair-nights': {
    what: 'nights',
    eligible: (ix, agent) => agent.contract.allowedShifts.some((s) => ix.shiftByCode.get(s)?.night),
    count: (ix, cells) => cells.filter((c) => c.shift && ix.shiftByCode.get(c.shift)?.night).length,
  },
  'fair-holidays': { what: 'holidays', eligible: () => true, count: (ix, cells) => cells.filter((c, d) => c.shift && ix.model.days[d].holiday).length },
};

/**
 * Which items penalise each eligible agent by weight × |count − mean count|?
 * @example fairnessItems(rule, [{ agentId: 'a', count: 4 }, { agentId: 'b', count: 0 }], 'nights') // two items of 2 × weight
 */
export function fairnessItems(rule: Rule, counts: { agentId: string; count: number }[], what: string): PenaltyItem[] {
  if (counts.length === 0) return [];
  const mean = counts.reduce((s, c) => s + c.count, 0) / counts.length;
  return counts
    .filter((c) => Math.abs(c.count - mean) > 1e-9)
    .map((c) => ({ ruleId: rule.id, agentId: c.agentId, amount: rule.weight * Math.abs(c.count - mean), message: `${c.count} ${what} against a mean of ${mean.toFixed(2)}` }));
}

function fairness(id: string, label: string): GlobalConstraint {
  return {
    id,
    label,
    scope: 'global',
    evaluate(ix, rule, roster, out) {
      const measure = FAIRNESS_MEASURES[id];
      const counts = ix.model.agents.filter((a) => measure.eligible(ix, a)).map((a) => ({ agentId: a.id, count: measure.count(ix, roster[a.id]) }));
      out.push(...fairnessItems(rule, counts, measure.what));
    },
  };
}

/**
 * 周末公平: weekends worked, each agent against the mean.
 * @example fairWeekends // weekends worked 1 and 0 → 0.5 × 5 each
 */
export const fairWeekends = fairness('fair-weekends', 'Fair share of weekends');
/**
 * 夜班公平: nights worked, among agents allowed nights.
 * @example fairNights // nights 2 and 0 among night-capable agents → 1 × 5 each
 */
export const fairNights = fairness('fair-nights', 'Fair share of nights');
/**
 * 节假日公平: holidays worked, each agent against the mean.
 * @example fairHolidays // holidays 1, 0, 0 → (2/3 + 1/3 + 1/3) × 5
 */
export const fairHolidays = fairness('fair-holidays', 'Fair share of holidays');
