// The Curtois & Qu objective terms as named soft constraints, each listing its priced misses.
import { workedRow } from './hardRules.ts';
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/** Ids of every soft constraint (the terms of the official objective). */
export const SOFT_CONSTRAINT_IDS = ['shift-on-request', 'shift-off-request', 'cover-under', 'cover-over'] as const;
export type SoftConstraintId = (typeof SOFT_CONSTRAINT_IDS)[number];

/** One priced miss: which constraint, day and shift, whose request (if any), and its cost. */
export interface PenaltyTerm {
  constraintId: SoftConstraintId;
  employeeId?: string;
  day: number;
  shiftId: string;
  cost: number;
  message: string;
}

/** A soft constraint: id, human label, and its penalty terms for an assignment. */
export interface SoftConstraint {
  id: SoftConstraintId;
  label: string;
  penalties(instance: CurtoisInstance, assignments: CurtoisAssignments): PenaltyTerm[];
}

function coverCounts(instance: CurtoisInstance, assignments: CurtoisAssignments): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of instance.employees) {
    workedRow(instance, assignments, e.id).forEach((x, d) => {
      if (x !== '') counts.set(`${d}|${x}`, (counts.get(`${d}|${x}`) ?? 0) + 1);
    });
  }
  return counts;
}

/** The soft constraints; look one up with `softConstraint(id)`. */
export const SOFT_CONSTRAINTS: SoftConstraint[] = [
  {
    id: 'shift-on-request', label: 'Requested shift not given',
    penalties: (inst, a) => inst.shiftOnRequests.flatMap((r) => {
      const worked = workedRow(inst, a, r.employeeId)[r.day];
      return worked === r.shiftId || r.weight === 0 ? [] : [{ constraintId: 'shift-on-request' as const, employeeId: r.employeeId, day: r.day, shiftId: r.shiftId, cost: r.weight,
        message: `${r.employeeId} asked for ${r.shiftId} on day ${r.day}` }];
    }),
  },
  {
    id: 'shift-off-request', label: 'Shift given against a request',
    penalties: (inst, a) => inst.shiftOffRequests.flatMap((r) => {
      const worked = workedRow(inst, a, r.employeeId)[r.day];
      return worked !== r.shiftId || r.weight === 0 ? [] : [{ constraintId: 'shift-off-request' as const, employeeId: r.employeeId, day: r.day, shiftId: r.shiftId, cost: r.weight,
        message: `${r.employeeId} asked not to work ${r.shiftId} on day ${r.day}` }];
    }),
  },
  {
    id: 'cover-under', label: 'Fewer people than required (per person short)',
    penalties: (inst, a) => {
      const counts = coverCounts(inst, a);
      return inst.cover.flatMap((c) => {
        const short = c.requirement - (counts.get(`${c.day}|${c.shiftId}`) ?? 0);
        return short > 0 && c.weightUnder > 0 ? [{ constraintId: 'cover-under' as const, day: c.day, shiftId: c.shiftId, cost: short * c.weightUnder,
          message: `day ${c.day} ${c.shiftId}: ${short} short of ${c.requirement}` }] : [];
      });
    },
  },
  {
    id: 'cover-over', label: 'More people than required (per person extra)',
    penalties: (inst, a) => {
      const counts = coverCounts(inst, a);
      return inst.cover.flatMap((c) => {
        const extra = (counts.get(`${c.day}|${c.shiftId}`) ?? 0) - c.requirement;
        return extra > 0 && c.weightOver > 0 ? [{ constraintId: 'cover-over' as const, day: c.day, shiftId: c.shiftId, cost: extra * c.weightOver,
          message: `day ${c.day} ${c.shiftId}: ${extra} over ${c.requirement}` }] : [];
      });
    },
  },
];

/**
 * Which soft constraint has this id? Throws on an unknown id.
 * @example softConstraint('cover-under').label // 'Fewer people than required (per person short)'
 */
export function softConstraint(id: SoftConstraintId): SoftConstraint {
  const c = SOFT_CONSTRAINTS.find((x) => x.id === id);
  if (!c) throw new Error(`unknown soft constraint ${id}`);
  return c;
}
