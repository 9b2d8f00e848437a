// Test helpers: every possible roster of a tiny instance, scored by the evaluator (brute-force oracle).
import { evaluateCurtois } from './evaluate.ts';
import type { CurtoisAssignments, CurtoisInstance } from './types.ts';

/**
 * What is the lowest objective of any hard-feasible roster? Enumerates every roster, so only
 * for tiny instances (≤ ~20,000 rosters). Returns Infinity when none is feasible.
 * @example bruteForceOptimum(tinyInstance) // 12
 */
export function bruteForceOptimum(instance: CurtoisInstance): number {
  const options = ['', ...instance.shifts.map((s) => s.id)];
  const cells = instance.employees.length * instance.horizonDays;
  const total = options.length ** cells;
  if (total > 50_000) throw new Error(`too many rosters to enumerate: ${total}`);
  let best = Infinity;
  for (let code = 0; code < total; code++) {
    const assignments: CurtoisAssignments = {};
    let rest = code;
    for (const e of instance.employees) {
      assignments[e.id] = Array.from({ length: instance.horizonDays }, () => {
        const v = options[rest % options.length]!;
        rest = Math.floor(rest / options.length);
        return v;
      });
    }
    const verdict = evaluateCurtois(instance, assignments);
    if (verdict.feasible && verdict.objective < best) best = verdict.objective;
  }
  return best;
}
