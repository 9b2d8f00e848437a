// lpLowerBound: the LP relaxation's shortfall is exact on small cases, at least the simple bound, and never above a solved roster's shortfall.
import { describe, it, expect } from 'vitest';
import { sharedHighs } from '../curtois/highsRuntime.ts';
import { indexModel } from './context.ts';
import { coverageShortfall } from './constraints/coverage.ts';
import { demoCentreModel } from './demo.ts';
import { lowerBound } from './lowerBound.ts';
import { lpLowerBound } from './lpBound.ts';
import { solveRoster } from './solve.ts';
import { demoRule, testAgent, tinyModel } from './testing.ts';

const demand = (days: number, fill: (d: number, k: number) => number) => Array.from({ length: days }, (_, d) => Array.from({ length: 48 }, (_, k) => fill(d, k)));
const rules = [demoRule('coverage'), demoRule('leave-respected'), demoRule('max-consecutive-work'), demoRule('max-nights-month'), demoRule('skill-coverage')];

describe('lpLowerBound', () => {
  it('finds the capacity shortfall of one agent needed 7 days in a row with at most 6 working days: 16 agent-intervals, 1,600 penalty', async () => {
    const model = tinyModel({ rules, requirement: { P: demand(7, (_, k) => (k >= 14 && k < 30 ? 1 : 0)) } });
    expect(lpLowerBound(model, await sharedHighs())).toMatchObject({ agentIntervalsShort: 16, penalty: 1600 });
  });
  it('caps nights per month: 146 night agent-intervals demanded, 8 nights of at most 16 each → 18 short', async () => {
    const model = tinyModel({ dayCount: 10, rules: rules.filter((r) => r.id !== 'max-consecutive-work'), requirement: { P: demand(10, (d, k) => (k >= 46 || (d > 0 && k < 14) ? 1 : 0)) } });
    // demand: 23:00–24:00 on 10 days (20) + 00:00–07:00 on days 1–9 (126); only a night covers those hours
    expect(lpLowerBound(model, await sharedHighs()).agentIntervalsShort).toBeCloseTo(146 - 8 * 16, 6);
  });
  it('is at least the simple bound and at most a solved demo roster\'s shortfall', async () => {
    const model = demoCentreModel({ seed: 4, month: '2026-02', agents: 16 });
    const lp = lpLowerBound(model, await sharedHighs());
    const { roster } = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 3_000 });
    expect(lp.agentIntervalsShort!).toBeGreaterThanOrEqual(lowerBound(model).agentIntervalsShort - 1e-6);
    expect(lp.agentIntervalsShort!).toBeLessThanOrEqual(coverageShortfall(indexModel(model), roster) + 1e-6);
  });
  describe('edge cases', () => {
    it('is zero when nothing is required, and counts demand nobody is skilled for', async () => {
      expect(lpLowerBound(tinyModel({ rules }), await sharedHighs()).agentIntervalsShort).toBe(0);
      const unskilled = tinyModel({ dayCount: 1, rules, agents: [testAgent('a1')], requirement: { Q: demand(1, (_, k) => (k === 20 ? 2 : 0)) } });
      expect(lpLowerBound(unskilled, await sharedHighs()).agentIntervalsShort).toBe(2);
    });
  });
});
