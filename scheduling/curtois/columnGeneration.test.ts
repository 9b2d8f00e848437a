import { readFileSync } from 'node:fs';
import type { Highs } from 'highs';
import { beforeAll, describe, it, expect } from 'vitest';
import { priceAndBranch } from './columnGeneration.ts';
import { dpSearch } from './dpSearch.ts';
import { evaluateCurtois } from './evaluate.ts';
import { sharedHighs } from './highsRuntime.ts';
import { indexInstance, toAssignments } from './indexed.ts';
import { parseCurtois } from './parse.ts';
import { generateCurtois } from './generate.ts';

const vectors = new URL('../../../shared/vectors/curtois/', import.meta.url);
const bestKnown = new Map(readFileSync(new URL('best_known.csv', vectors), 'utf8').trim().split(/\r?\n/).slice(1)
  .map((line) => line.split(',')).map((f) => [f[0]!, Number(f[5])]));
let highs: Highs;
beforeAll(async () => {
  highs = await sharedHighs();
});

function run(name: string, seconds: number) {
  const instance = parseCurtois(readFileSync(new URL(`${name}.txt`, vectors), 'utf8'));
  const m = indexInstance(instance);
  const clock = () => performance.now();
  const t0 = clock();
  const start = dpSearch(m, { seed: 1, clock, until: t0 + 300 });
  const grids: number[][][] = [];
  const result = priceAndBranch(highs, m, { clock, seed: 1, lpUntil: t0 + seconds * 600, until: t0 + seconds * 1000, startGrids: [start.grid!], onImprove: (g) => grids.push(g) });
  return { instance, result, grids };
}

describe('priceAndBranch', () => {
  it('on Instance2 converges to a lower bound of 828, the proven optimum, and an integer roster within 1% of it', () => {
    const { instance, result } = run('Instance2', 15);
    expect(result.converged).toBe(true);
    expect(result.lowerBound).toBe(bestKnown.get('Instance2'));
    const verdict = evaluateCurtois(instance, toAssignments(instance, result.grid!));
    expect(verdict.feasible).toBe(true);
    // Price-and-branch solves the integer master over the columns found, which may miss the optimum by a little.
    expect(verdict.objective).toBeGreaterThanOrEqual(828);
    expect(verdict.objective).toBeLessThanOrEqual(Math.floor(828 * 1.01));
  }, 30_000);

  it('on Instance1 gives a bound no higher than the proven optimum 607 and only feasible rosters', () => {
    const { instance, result, grids } = run('Instance1', 5);
    expect(result.lowerBound).not.toBeNull();
    expect(result.lowerBound!).toBeLessThanOrEqual(bestKnown.get('Instance1')!);
    expect(grids.length).toBeGreaterThan(0);
    for (const g of grids) expect(evaluateCurtois(instance, toAssignments(instance, g)).feasible).toBe(true);
  }, 20_000);

  it('holds fixed employees to their starting rows and reports no global bound for the neighbourhood', () => {
    const instance = parseCurtois(readFileSync(new URL('Instance2.txt', vectors), 'utf8'));
    const m = indexInstance(instance);
    const clock = () => performance.now();
    const start = dpSearch(m, { seed: 1, clock, until: clock() });
    const fixedEmployees = new Set(Array.from({ length: m.employees }, (_, e) => e).filter((e) => e % 3 !== 0));
    const bounds: number[] = [];
    const result = priceAndBranch(highs, m, { clock, seed: 1, lpUntil: clock() + 3000, until: clock() + 6000, startGrids: [start.grid!], fixedEmployees, onBound: (b) => bounds.push(b) });
    for (const e of fixedEmployees) expect(result.grid![e]).toEqual(start.grid![e]);
    expect(evaluateCurtois(instance, toAssignments(instance, result.grid!)).objective).toBeLessThanOrEqual(start.objective);
    expect([result.lowerBound, bounds]).toEqual([null, []]);
  }, 20_000);

  describe('edge cases', () => {
    it('with no time for pricing still solves the integer master over the starting columns', () => {
      const instance = generateCurtois({ seed: 4, weeks: 1, employees: 3, shiftTypes: 1 });
      const m = indexInstance(instance);
      const clock = () => performance.now();
      const start = dpSearch(m, { seed: 1, clock, until: clock() });
      const result = priceAndBranch(highs, m, { clock, seed: 1, lpUntil: clock() - 1, until: clock() + 2000, startGrids: [start.grid!] });
      expect(result.iterations).toBe(0);
      expect(result.lowerBound).toBeNull();
      expect(result.grid).toEqual(start.grid);
    });
  });
});
