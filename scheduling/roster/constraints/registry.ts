// The constraint registry: every rule id the scorer knows, as a table of contents (hard rules of the demo rulebook first, then soft).
import type { Constraint } from '../context.ts';
import { baselineChange } from './baseline.ts';
import { contractMonthMinutes, contractWeekMinutes } from './contract.ts';
import { daysOffPerWeek, maxNightsMonth, maxWeekendsMonth } from './counts.ts';
import { coverage } from './coverage.ts';
import { entitlementDayShifts, entitlementFirstPick, entitlementHolidayRest } from './entitlements.ts';
import { fairHolidays, fairNights, fairWeekends } from './fairness.ts';
import { allowedShifts, leaveRespected, pinnedRespected, skillCoverage } from './fixed.ts';
import { avoidedShift, preferredDayOff, preferredShift } from './preferences.ts';
import { forbiddenSuccessions, minRest } from './rest.ts';
import { maxConsecutiveWork, minConsecutiveOff, minConsecutiveWork } from './sequences.ts';

/**
 * Which constraints exist, in rulebook order (hard, then soft)?
 * @example CONSTRAINTS.map((c) => c.id)[0] // 'leave-respected'
 */
export const CONSTRAINTS: readonly Constraint[] = [
  leaveRespected, pinnedRespected, skillCoverage, allowedShifts, minRest, forbiddenSuccessions,
  maxConsecutiveWork, maxNightsMonth, entitlementDayShifts, entitlementHolidayRest,
  coverage, contractWeekMinutes, contractMonthMinutes, minConsecutiveWork, minConsecutiveOff,
  daysOffPerWeek, maxWeekendsMonth, fairWeekends, fairNights, fairHolidays,
  preferredShift, avoidedShift, preferredDayOff, entitlementFirstPick, baselineChange,
];

const BY_ID = new Map(CONSTRAINTS.map((c) => [c.id, c]));

/**
 * Which constraint implements a rule id? Throws for an unknown id, so a rulebook typo cannot silently score nothing.
 * @example constraintById('min-rest').label // 'Minimum rest between shifts'
 */
export function constraintById(id: string): Constraint {
  const found = BY_ID.get(id);
  if (!found) throw new RangeError(`no constraint implements rule ${JSON.stringify(id)}`);
  return found;
}
