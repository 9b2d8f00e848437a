import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { indexInstance, toAssignments, toGrid } from './indexed.ts';
import { parseCurtois } from './parse.ts';

const instance = parseCurtois(readFileSync(new URL('../../../shared/vectors/curtois/Instance3.txt', import.meta.url), 'utf8'));

describe('indexInstance', () => {
  it('reads Instance3 into numbers: L (index 2) may not be followed by E or D, A may not work L', () => {
    const m = indexInstance(instance);
    expect([m.employees, m.days, m.shifts, m.weekends]).toEqual([20, 14, 3, 2]);
    expect(m.forbidden[2]).toEqual([true, true, false]);
    expect(m.maxShifts[0]).toEqual([14, 14, 0]);
    expect(m.weekendOf.slice(0, 8)).toEqual([-1, -1, -1, -1, -1, 0, 0, -1]);
  });

  it('prices each cell as its off-request weights minus its on-request weights, relative to a day off', () => {
    const m = indexInstance(instance);
    for (const r of [...instance.shiftOnRequests, ...instance.shiftOffRequests]) {
      const e = instance.employees.findIndex((x) => x.id === r.employeeId);
      const s = instance.shifts.findIndex((x) => x.id === r.shiftId);
      const same = (q: typeof r) => q.employeeId === r.employeeId && q.day === r.day && q.shiftId === r.shiftId;
      const expected = instance.shiftOffRequests.filter(same).reduce((a, q) => a + q.weight, 0)
        - instance.shiftOnRequests.filter(same).reduce((a, q) => a + q.weight, 0);
      expect(m.assignCost[e]![r.day]![s]).toBe(expected);
    }
    expect(m.baseCost).toBe(instance.shiftOnRequests.reduce((sum, r) => sum + r.weight, 0));
  });

  it('toGrid and toAssignments are inverse for rosters of known shifts', () => {
    const assignments = Object.fromEntries(instance.employees.map((e, i) => [e.id, Array.from({ length: 14 }, (_, d) => ['', 'E', 'D', 'L'][(i + d) % 4]!)]));
    expect(toAssignments(instance, toGrid(instance, assignments))).toEqual(assignments);
  });

  describe('edge cases', () => {
    it('toGrid treats unknown shifts and missing rows as days off', () => {
      const grid = toGrid(instance, { A: ['X', 'E'] });
      expect(grid[0]!.slice(0, 3)).toEqual([-1, 0, -1]);
      expect(grid[1]).toEqual(new Array(14).fill(-1));
    });
  });
});
