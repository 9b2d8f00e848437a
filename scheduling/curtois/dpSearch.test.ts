import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { dpSearch, gridObjective } from './dpSearch.ts';
import { evaluateCurtois } from './evaluate.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { parseCurtois } from './parse.ts';

const instance = parseCurtois(readFileSync(new URL('../../../shared/vectors/curtois/Instance2.txt', import.meta.url), 'utf8'));
const m = indexInstance(instance);
/** A clock that advances 1 ms per reading, so runs are bounded by work done, not by wall time. */
const ticking = () => { let t = 0; return () => t++; };

describe('dpSearch', () => {
  it('returns a roster without hard violations whose objective is the official one', () => {
    const result = dpSearch(m, { seed: 1, clock: ticking(), until: 200 });
    const verdict = evaluateCurtois(instance, toAssignments(instance, result.grid!));
    expect(verdict.feasible).toBe(true);
    expect(result.objective).toBe(verdict.objective);
    expect(gridObjective(m, result.grid!)).toBe(verdict.objective);
    // 828 is the proven optimum of Instance2 (best_known.csv).
    expect(result.objective).toBeGreaterThanOrEqual(828);
  });

  it('is repeatable: same seed and same clock give the same roster', () => {
    const a = dpSearch(m, { seed: 7, clock: ticking(), until: 300 });
    const b = dpSearch(m, { seed: 7, clock: ticking(), until: 300 });
    expect(b.grid).toEqual(a.grid);
    expect(a.kicks).toBeGreaterThan(0);
  });

  it('reports each improvement in decreasing order, ending with the best', () => {
    const seen: number[] = [];
    const result = dpSearch(m, { seed: 2, clock: ticking(), until: 300, onImprove: (_g, objective) => seen.push(objective) });
    expect(seen).toEqual([...seen].sort((x, y) => y - x));
    expect(seen.at(-1)).toBe(result.objective);
  });

  describe('edge cases', () => {
    it('returns no grid when an employee has no feasible row', () => {
      const broken = indexInstance({ ...instance, employees: instance.employees.map((e, i) => (i === 0 ? { ...e, minTotalMinutes: 1e6 } : e)) });
      expect(dpSearch(broken, { seed: 1, clock: ticking(), until: 10 }).grid).toBeNull();
    });

    it('still builds a feasible roster when the time is already up', () => {
      const result = dpSearch(m, { seed: 1, clock: () => 0, until: 0 });
      expect(evaluateCurtois(instance, toAssignments(instance, result.grid!)).feasible).toBe(true);
    });
  });
});
