// Coverage: agents on duty per project and interval against the requirement; being short costs far more than being over.
import type { GlobalConstraint, RosterIndex } from '../context.ts';
import type { RosterCell } from '../model.ts';
import { numberParam, type Rule } from '../rules.ts';

/**
 * How many minutes of duty does each project get per interval of the period (index day × intervalsPerDay + interval)?
 * A night shift's minutes after midnight count on the next day; past the last day they are dropped.
 * @example staffedMinutes(ix, roster).get('95598')![46] // 30 × agents on N that day
 */
export function staffedMinutes(ix: RosterIndex, roster: Record<string, RosterCell[]>): Map<string, Int32Array> {
  const slots = ix.dayCount * ix.intervalsPerDay;
  const staffed = new Map(ix.model.projects.map((p) => [p, new Int32Array(slots)]));
  for (const agent of ix.model.agents) {
    roster[agent.id].forEach((cell, d) => {
      if (!cell.shift || !cell.project) return;
      const profile = ix.coverageProfile.get(cell.shift);
      const row = staffed.get(cell.project);
      if (!profile || !row) return;
      const base = d * ix.intervalsPerDay;
      for (let k = 0; k < profile.length && base + k < slots; k++) row[base + k] += profile[k];
    });
  }
  return staffed;
}

/**
 * What does one slot cost: weight × (underWeight × agents short + overWeight × agents over), agents = minutes / interval?
 * @example slotPenalty(rule, 30, 3, 60) // 100 (one agent short at underWeight 100)
 */
export function slotPenalty(rule: Rule, intervalMinutes: number, requiredAgents: number, staffedMinutes: number): number {
  const diff = requiredAgents - staffedMinutes / intervalMinutes;
  return diff > 0 ? rule.weight * numberParam(rule, 'underWeight', 100) * diff : -diff * rule.weight * numberParam(rule, 'overWeight', 1);
}

/**
 * 各时段人力满足需求: one item per project and interval that is short or over.
 * @example coverage // 2 required, 1 on duty → 100; 1 required, 2 on duty → 2
 */
export const coverage: GlobalConstraint = {
  id: 'coverage',
  label: 'Coverage of the requirement per interval',
  scope: 'global',
  evaluate(ix, rule, roster, out) {
    const staffed = staffedMinutes(ix, roster);
    for (const project of ix.model.projects) {
      const row = staffed.get(project)!;
      const req = ix.model.requirement[project] ?? [];
      for (let s = 0; s < row.length; s++) {
        const d = Math.floor(s / ix.intervalsPerDay);
        const interval = s % ix.intervalsPerDay;
        const required = req[d]?.[interval] ?? 0;
        const amount = slotPenalty(rule, ix.model.intervalMinutes, required, row[s]);
        if (amount === 0) continue;
        const onDuty = row[s] / ix.model.intervalMinutes;
        out.push({ ruleId: rule.id, project, date: ix.model.days[d].date, interval, amount, message: `${project} ${ix.model.days[d].date} #${interval}: ${onDuty} on duty, ${required} required` });
      }
    }
  },
};

/**
 * How many agent-intervals short of the requirement is a roster, summed over projects and intervals (over-staffing ignored)?
 * @example coverageShortfall(ix, roster) // 12.5
 */
export function coverageShortfall(ix: RosterIndex, roster: Record<string, RosterCell[]>): number {
  const staffed = staffedMinutes(ix, roster);
  let short = 0;
  for (const project of ix.model.projects) {
    const row = staffed.get(project)!;
    const req = ix.model.requirement[project] ?? [];
    for (let s = 0; s < row.length; s++) short += Math.max(0, (req[Math.floor(s / ix.intervalsPerDay)]?.[s % ix.intervalsPerDay] ?? 0) - row[s] / ix.model.intervalMinutes);
  }
  return short;
}
