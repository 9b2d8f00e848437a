import { describe, it, expect } from 'vitest';
import { bestEmployeeRow } from './employeeDp.ts';
import { evaluateCurtois } from './evaluate.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { mulberry32 } from './random.ts';
import { bruteForceOptimum } from './testing.ts';
import type { CurtoisEmployee, CurtoisInstance, CurtoisRequest } from './types.ts';

/** One employee over 7 days (Mon–Sun), shifts E and L (E may not follow L), random requests as costs. */
function single(seed: number, employee: Partial<CurtoisEmployee>): CurtoisInstance {
  const rand = mulberry32(seed);
  const on: CurtoisRequest[] = [], off: CurtoisRequest[] = [];
  for (let day = 0; day < 7; day++) for (const shiftId of ['E', 'L']) {
    const r = rand();
    if (r < 0.3) on.push({ employeeId: 'A', day, shiftId, weight: 1 + Math.floor(rand() * 9) });
    else if (r < 0.6) off.push({ employeeId: 'A', day, shiftId, weight: 1 + Math.floor(rand() * 9) });
  }
  return {
    horizonDays: 7,
    shifts: [{ id: 'E', lengthMinutes: 480, cannotFollow: [] }, { id: 'L', lengthMinutes: 600, cannotFollow: ['E'] }],
    employees: [{ id: 'A', maxShifts: { E: 7, L: 2 }, maxTotalMinutes: 2880, minTotalMinutes: 1440, maxConsecutiveShifts: 3,
      minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 0, daysOff: [2], ...employee }],
    shiftOnRequests: on, shiftOffRequests: off, cover: [],
  };
}

function dpOptimum(instance: CurtoisInstance, method: 'dense' | 'sparse' = 'dense') {
  const m = indexInstance(instance);
  const result = bestEmployeeRow(m, 0, m.assignCost[0]!, method);
  if (!result) return { objective: Infinity, feasible: false };
  const verdict = evaluateCurtois(instance, toAssignments(instance, [result.row]));
  expect(verdict.objective).toBe(m.baseCost + result.cost);
  return verdict;
}

describe('bestEmployeeRow', () => {
  it.each([1, 2, 3, 4, 5, 6].flatMap((seed) => (['dense', 'sparse'] as const).map((method) => [seed, method] as const)))('finds the brute-force optimum of a one-person week (seed %i, %s table)', (seed, method) => {
    const instance = single(seed, {});
    const verdict = dpOptimum(instance, method);
    expect(verdict.feasible).toBe(true);
    expect(verdict.objective).toBe(bruteForceOptimum(instance));
  });

  it.each([
    ['weekend allowed, no day off', { maxWeekends: 1, daysOff: [] }],
    ['three-day minimum blocks', { minConsecutiveShifts: 3, minConsecutiveDaysOff: 1, maxConsecutiveShifts: 7, maxWeekends: 1, daysOff: [] }],
    ['L forbidden', { maxShifts: { E: 7 }, minTotalMinutes: 960 }],
    ['long minimum off block', { minConsecutiveDaysOff: 3, maxConsecutiveShifts: 2, minConsecutiveShifts: 1, minTotalMinutes: 960 }],
  ])('finds the brute-force optimum with %s, in both table layouts', (_label, employee) => {
    const instance = single(11, employee as Partial<CurtoisEmployee>);
    const optimum = bruteForceOptimum(instance);
    for (const method of ['dense', 'sparse'] as const) {
      const verdict = dpOptimum(instance, method);
      expect(verdict.feasible).toBe(true);
      expect(verdict.objective).toBe(optimum);
    }
  });

  describe('edge cases', () => {
    it('returns null when no row can reach the minimum minutes', () => {
      const m = indexInstance(single(1, { minTotalMinutes: 10_000 }));
      expect(bestEmployeeRow(m, 0, m.assignCost[0]!, 'dense')).toBeNull();
      expect(bestEmployeeRow(m, 0, m.assignCost[0]!, 'sparse')).toBeNull();
    });

    it('exempts blocks touching the horizon ends: a single working day at each end is allowed', () => {
      const instance = single(1, { daysOff: [1, 2, 3, 4, 5], minTotalMinutes: 960, maxWeekends: 1 });
      const m = indexInstance(instance);
      const result = bestEmployeeRow(m, 0, m.assignCost[0]!);
      expect(result?.row.map((s) => (s < 0 ? '.' : 'x')).join('')).toBe('x.....x');
    });
  });
});
