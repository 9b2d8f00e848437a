// The project's own Curtois evaluator: official objective, its terms, and every hard-rule violation.
import { HARD_RULES, type HardViolation } from './hardRules.ts';
import { SOFT_CONSTRAINTS, type PenaltyTerm, type SoftConstraintId } from './softConstraints.ts';
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/** The evaluator's verdict on one assignment. */
export interface CurtoisEvaluation {
  /** Official objective: request penalties plus cover penalties (counted even when infeasible). */
  objective: number;
  /** True when no hard rule is broken. */
  feasible: boolean;
  violations: HardViolation[];
  penalties: PenaltyTerm[];
  /** Objective split by soft constraint id. */
  objectiveByConstraint: Record<SoftConstraintId, number>;
}

/**
 * What does this assignment score, and which hard rules does it break?
 * @example evaluateCurtois(instance, { A: ['D', '', …] }).objective // e.g. 607 for the optimum of Instance1
 */
export function evaluateCurtois(instance: CurtoisInstance, assignments: CurtoisAssignments): CurtoisEvaluation {
  const violations = HARD_RULES.flatMap((r) => r.check(instance, assignments));
  const penalties = SOFT_CONSTRAINTS.flatMap((c) => c.penalties(instance, assignments));
  const objectiveByConstraint = Object.fromEntries(SOFT_CONSTRAINTS.map((c) => [c.id, 0])) as Record<SoftConstraintId, number>;
  for (const p of penalties) objectiveByConstraint[p.constraintId] += p.cost;
  const objective = penalties.reduce((sum, p) => sum + p.cost, 0);
  return { objective, feasible: violations.length === 0, violations, penalties, objectiveByConstraint };
}
