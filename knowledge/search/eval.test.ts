// Specification of gold-set evaluation: Recall@k, MRR@10 and latency from an injected clock.
import { describe, it, expect } from 'vitest';
import { evaluateGold, percentile } from './eval.ts';
import { buildSearchIndex } from './index.ts';
import { FIXTURE_SCENARIOS } from './fixtures.ts';

const index = buildSearchIndex(FIXTURE_SCENARIOS);
/** A fake clock that advances 2 ms per reading, so each query "takes" exactly 2 ms. */
const steppingClock = () => {
  let now = 0;
  return () => (now += 2);
};

describe('evaluateGold', () => {
  it('scores recall and MRR from the rank of each target', () => {
    const gold = [
      { query: 'cdz', target: 'CDZ-001' }, // rank 1
      { query: '电费太高', target: 'DF-001' }, // rank 1
      { query: 'cdz', target: 'NOWHERE' }, // absent
      { query: '停电', target: 'QF-001' }, // ranked below the two 停电 scenarios whose titles are shorter
    ];
    const report = evaluateGold(index, gold, { clock: steppingClock() });
    const rankOfLast = report.misses.find((m) => m.target === 'QF-001')!.rank!;
    expect(rankOfLast).toBeGreaterThan(1);
    expect(rankOfLast).toBeLessThanOrEqual(5);
    expect(report.queries).toBe(4);
    expect(report.recall).toEqual({ 1: 0.5, 5: 0.75, 10: 0.75 });
    expect(report.mrr).toBeCloseTo((1 + 1 + 0 + 1 / rankOfLast) / 4, 10);
  });

  it('lists every query whose target was not first, with its rank and the top codes', () => {
    const report = evaluateGold(index, [{ query: 'cdz', target: 'NOWHERE' }], { clock: steppingClock() });
    expect(report.misses).toEqual([{ query: 'cdz', target: 'NOWHERE', rank: null, top: ['CDZ-001'] }]);
  });

  it('measures latency with the clock it is given', () => {
    const report = evaluateGold(index, [{ query: 'cdz', target: 'CDZ-001' }, { query: '停电', target: 'TD-001' }], { clock: steppingClock() });
    expect(report.latencyMs).toEqual({ p50: 2, p95: 2 });
  });

  it('takes other cut-offs', () => {
    const report = evaluateGold(index, [{ query: 'cdz', target: 'CDZ-001' }], { clock: steppingClock(), ks: [3] });
    expect(report.recall).toEqual({ 3: 1 });
  });
});

describe('percentile', () => {
  it('takes the nearest rank', () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([5, 1, 4, 2, 3], 0.95)).toBe(5);
  });
});

describe('edge cases', () => {
  it('reports zeros for an empty gold set', () => {
    expect(evaluateGold(index, [], { clock: steppingClock() })).toEqual({
      queries: 0,
      recall: { 1: 0, 5: 0, 10: 0 },
      mrr: 0,
      latencyMs: { p50: 0, p95: 0 },
      misses: [],
    });
  });

  it('gives percentile 0 for no samples', () => {
    expect(percentile([], 0.5)).toBe(0);
  });
});
