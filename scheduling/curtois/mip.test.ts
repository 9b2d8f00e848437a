import type { Highs } from 'highs';
import { beforeAll, describe, it, expect } from 'vitest';
import { evaluateCurtois } from './evaluate.ts';
import { sharedHighs } from './highsRuntime.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { buildCurtoisMip, columnsFromGrid, gridFromColumns } from './mip.ts';
import { runCompactMip } from './mipSearch.ts';
import { mulberry32 } from './random.ts';
import { bruteForceOptimum } from './testing.ts';
import type { CurtoisEmployee, CurtoisInstance } from './types.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await sharedHighs();
});

/** A random tiny instance: one person, one week, shifts E and L (E may not follow L), random requests and cover. */
function tiny(seed: number, employee: Partial<CurtoisEmployee> = {}): CurtoisInstance {
  const rand = mulberry32(seed);
  const w = () => 1 + Math.floor(rand() * 9);
  return {
    horizonDays: 7,
    shifts: [{ id: 'E', lengthMinutes: 480, cannotFollow: [] }, { id: 'L', lengthMinutes: 480, cannotFollow: ['E'] }],
    employees: [{ id: 'A', maxShifts: { E: 7, L: 3 }, maxTotalMinutes: 2400, minTotalMinutes: 1440, maxConsecutiveShifts: 3,
      minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 0, daysOff: [4], ...employee }],
    shiftOnRequests: rand() < 0.7 ? [{ employeeId: 'A', day: Math.floor(rand() * 7), shiftId: 'L', weight: w() }] : [],
    shiftOffRequests: rand() < 0.7 ? [{ employeeId: 'A', day: Math.floor(rand() * 7), shiftId: 'E', weight: w() }] : [],
    cover: Array.from({ length: 7 }, (_, day) => ['E', 'L'].map((shiftId) => ({ day, shiftId, requirement: Math.floor(rand() * 2), weightUnder: w(), weightOver: w() }))).flat(),
  };
}

function solveMip(instance: CurtoisInstance) {
  const m = indexInstance(instance);
  const mip = buildCurtoisMip(m, highs.infinity);
  const model = highs.createModel({
    numCols: mip.numCols, numRows: mip.numRows, offset: mip.offset, colCost: mip.colCost, colLower: mip.colLower, colUpper: mip.colUpper,
    rowLower: mip.rowLower, rowUpper: mip.rowUpper, integrality: mip.integrality as unknown as Int32Array,
    matrix: { format: 'csr', numRows: mip.numRows, numCols: mip.numCols, starts: mip.starts, indices: mip.indices, values: mip.values },
  });
  try {
    model.options.set({ output_flag: false });
    const status = model.run().modelStatus;
    if (status !== highs.constants.modelStatus.optimal) return { status, objective: Infinity, grid: null };
    const colValue = model.getSolution().colValue;
    return { status, objective: Math.round(model.getObjectiveValue()), grid: gridFromColumns(mip, colValue), mip, m };
  } finally {
    model.dispose();
  }
}

describe('buildCurtoisMip', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('its optimum equals the brute-force optimum of a tiny instance (seed %i)', (seed) => {
    const instance = tiny(seed);
    const { objective, grid } = solveMip(instance);
    expect(Number.isFinite(objective)).toBe(true);
    expect(objective).toBe(bruteForceOptimum(instance));
    expect(evaluateCurtois(instance, toAssignments(instance, grid!))).toMatchObject({ feasible: true, objective });
  });

  it.each([
    ['one-day blocks allowed at both ends', { minConsecutiveShifts: 3, daysOff: [1, 2, 3, 4, 5], minTotalMinutes: 960, maxWeekends: 1 }],
    ['a weekend may be worked', { maxWeekends: 1, daysOff: [] }],
    ['three-day off blocks', { minConsecutiveDaysOff: 3, minConsecutiveShifts: 1, minTotalMinutes: 960 }],
  ])('matches brute force when %s', (_label, employee) => {
    const instance = tiny(21, employee as Partial<CurtoisEmployee>);
    const { objective } = solveMip(instance);
    expect(Number.isFinite(objective)).toBe(true);
    expect(objective).toBe(bruteForceOptimum(instance));
  });

  it('columnsFromGrid turns a roster into a start vector whose objective is the official one', () => {
    const instance = tiny(3);
    const { grid, mip, m } = solveMip(instance);
    const cols = columnsFromGrid(mip!, m!, grid!);
    const objective = mip!.offset + cols.reduce((sum, v, j) => sum + v * mip!.colCost[j]!, 0);
    expect(objective).toBe(evaluateCurtois(instance, toAssignments(instance, grid!)).objective);
    expect(gridFromColumns(mip!, cols)).toEqual(grid);
  });

  it('runCompactMip proves optimality and hands over the optimal roster and its bound', () => {
    const instance = tiny(5);
    const m = indexInstance(instance);
    const grids: number[][][] = [], bounds: number[] = [];
    const optimal = runCompactMip(highs, m, {
      clock: () => performance.now(), until: performance.now() + 10_000, seed: 1, start: null,
      onImprove: (g) => grids.push(g), onBound: (b) => bounds.push(b), shouldStop: () => false,
    });
    expect(optimal).toBe(true);
    expect(evaluateCurtois(instance, toAssignments(instance, grids.at(-1)!)).objective).toBe(bruteForceOptimum(instance));
    expect(Math.max(...bounds)).toBeLessThanOrEqual(bruteForceOptimum(instance));
  });

  describe('edge cases', () => {
    it('runCompactMip does nothing when the time is already up', () => {
      const grids: number[][][] = [];
      const optimal = runCompactMip(highs, indexInstance(tiny(5)), {
        clock: () => 100, until: 100, seed: 1, start: null, onImprove: (g) => grids.push(g), onBound: () => {}, shouldStop: () => false,
      });
      expect([optimal, grids.length]).toEqual([false, 0]);
    });

    it('is infeasible when the minimum minutes cannot be reached', () => {
      expect(solveMip(tiny(1, { minTotalMinutes: 4000 })).status).toBe(highs.constants.modelStatus.infeasible);
    });
  });
});
