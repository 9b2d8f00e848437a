// lowerBound: shortfall no roster can avoid, from per-interval availability and total capacity; never above a solved roster's shortfall.
import { describe, it, expect } from 'vitest';
import { indexModel } from './context.ts';
import { coverageShortfall } from './constraints/coverage.ts';
import { demoCentreModel } from './demo.ts';
import { lowerBound } from './lowerBound.ts';
import { solveRoster } from './solve.ts';
import { demoRule, testAgent, tinyModel } from './testing.ts';

const demand = (days: number, fill: (d: number, k: number) => number) => Array.from({ length: days }, (_, d) => Array.from({ length: 48 }, (_, k) => fill(d, k)));
const rules = [demoRule('coverage'), demoRule('leave-respected'), demoRule('max-consecutive-work'), demoRule('skill-coverage')];

describe('lowerBound', () => {
  it('counts demand beyond the skilled agents who could be on duty: 3 needed at 07:00, 1 agent → 2 short, 200 penalty', () => {
    const model = tinyModel({ dayCount: 1, rules, requirement: { P: demand(1, (_, k) => (k === 14 ? 3 : 0)) } });
    expect(lowerBound(model)).toMatchObject({ agentIntervalsShort: 2, penalty: 200 });
  });
  it('removes agents on leave and agents without the skill', () => {
    const model = tinyModel({ dayCount: 1, rules, agents: [testAgent('a1'), testAgent('a2')], leave: [{ agentId: 'a1', date: '2026-11-30' }], requirement: { Q: demand(1, (_, k) => (k === 14 ? 1 : 0)), P: demand(1, (_, k) => (k === 14 ? 1 : 0)) } });
    expect(lowerBound(model).agentIntervalsShort).toBe(1); // Q: nobody skilled; P: a2 can come
  });
  it('bounds by total capacity: one agent, 7 days of 16 early intervals, at most 6 working days in a row → 16 short', () => {
    const model = tinyModel({ rules, requirement: { P: demand(7, (_, k) => (k >= 14 && k < 30 ? 1 : 0)) } });
    expect(lowerBound(model)).toMatchObject({ perIntervalBound: 0, capacityBound: 16, agentIntervalsShort: 16 });
  });
  it('never exceeds the shortfall of a solved demo roster', async () => {
    const model = demoCentreModel({ seed: 4, month: '2026-02', agents: 16 });
    const bound = lowerBound(model);
    const { roster, score } = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 3_000 });
    const under = coverageShortfall(indexModel(model), roster);
    expect(bound.agentIntervalsShort).toBeGreaterThan(0);
    expect(bound.agentIntervalsShort).toBeLessThanOrEqual(under + 1e-9);
  });
  describe('edge cases', () => {
    it('lets a night shift on the day before cover the early hours', () => {
      const model = tinyModel({ dayCount: 2, rules, requirement: { P: demand(2, (d, k) => (d === 1 && k === 2 ? 1 : 0)) } });
      expect(lowerBound(model).agentIntervalsShort).toBe(0);
    });
    it('is zero with no requirement', () => {
      expect(lowerBound(tinyModel({ rules })).penalty).toBe(0);
    });
  });
});
