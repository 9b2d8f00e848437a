import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { evaluateCurtois } from './evaluate.ts';
import { parseCurtois } from './parse.ts';
import { solveCurtois, type CurtoisProgress } from './solve.ts';
import { bruteForceOptimum } from './testing.ts';
import type { CurtoisInstance } from './types.ts';

const vectors = new URL('../../../shared/vectors/curtois/', import.meta.url);
const fixtures = new URL('../../test/fixtures/curtois/', import.meta.url);
const bestKnown = new Map(readFileSync(new URL('best_known.csv', vectors), 'utf8').trim().split(/\r?\n/).slice(1)
  .map((line) => line.split(',')).map((f) => [f[0]!, Number(f[5])]));

/** Two people, one shift, one week, cover that cannot be met exactly: small enough to enumerate. */
const tiny: CurtoisInstance = {
  horizonDays: 7,
  shifts: [{ id: 'D', lengthMinutes: 480, cannotFollow: [] }],
  employees: ['A', 'B'].map((id) => ({ id, maxShifts: { D: 7 }, maxTotalMinutes: 2400, minTotalMinutes: 1440, maxConsecutiveShifts: 4,
    minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1, daysOff: id === 'A' ? [3] : [] })),
  shiftOnRequests: [{ employeeId: 'A', day: 5, shiftId: 'D', weight: 3 }, { employeeId: 'B', day: 0, shiftId: 'D', weight: 2 }],
  shiftOffRequests: [{ employeeId: 'B', day: 1, shiftId: 'D', weight: 4 }],
  cover: [2, 1, 2, 1, 2, 2, 0].map((requirement, day) => ({ day, shiftId: 'D', requirement, weightUnder: 10, weightOver: 1 })),
};

describe('solveCurtois', () => {
  it('proves the brute-force optimum of a tiny instance', async () => {
    const result = await solveCurtois(tiny, { timeLimitSeconds: 5, seed: 1 });
    expect(result.objective).toBe(bruteForceOptimum(tiny));
    expect(result.provedOptimal).toBe(true);
    expect(result.lowerBound).toBe(result.objective);
  });

  it('returns a feasible Instance1 roster scored as the evaluator scores it, never below the proven optimum 607', async () => {
    const instance = parseCurtois(readFileSync(new URL('Instance1.txt', vectors), 'utf8'));
    const progress: CurtoisProgress[] = [];
    const result = await solveCurtois(instance, { timeLimitSeconds: 4, seed: 3, onProgress: (p) => progress.push(p) });
    const verdict = evaluateCurtois(instance, result.assignments);
    expect(verdict.violations).toEqual([]);
    expect(result.objective).toBe(verdict.objective);
    expect(result.objective).toBeGreaterThanOrEqual(bestKnown.get('Instance1')!);
    // Within a few seconds the search is already close to the optimum (under 5% above).
    expect(result.objective).toBeLessThanOrEqual(bestKnown.get('Instance1')! * 1.05);
    const bests = progress.map((p) => p.bestObjective).filter((b): b is number => b !== null);
    expect(bests).toEqual([...bests].sort((a, b) => b - a));
    expect(progress.at(-1)).toMatchObject({ fraction: 1, bestObjective: result.objective });
    expect(result.elapsedMs).toBeLessThan(4000 + 1500);
  }, 20_000);

  it.each(['Generated1', 'Generated2', 'Generated3'])('finds a feasible roster for fixture %s in 2 s', async (name) => {
    const instance = parseCurtois(readFileSync(new URL(`${name}.txt`, fixtures), 'utf8'));
    const result = await solveCurtois(instance, { timeLimitSeconds: 2, seed: 1 });
    expect(evaluateCurtois(instance, result.assignments)).toMatchObject({ feasible: true, objective: result.objective });
  }, 15_000);

  describe('edge cases', () => {
    it('throws when some employee has no feasible row at all', async () => {
      const impossible = { ...tiny, employees: tiny.employees.map((e) => ({ ...e, minTotalMinutes: 10_000 })) };
      await expect(solveCurtois(impossible, { timeLimitSeconds: 1, seed: 1 })).rejects.toThrow('no roster without hard violations');
    });

    it('still returns a feasible roster with a zero time limit', async () => {
      const result = await solveCurtois(tiny, { timeLimitSeconds: 0, seed: 1 });
      expect(evaluateCurtois(tiny, result.assignments).feasible).toBe(true);
    });
  });
});
