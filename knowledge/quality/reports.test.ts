import { describe, it, expect } from 'vitest';
import { categoryRanking, passes, rateRows, reviewerDisagreement, scorePairs, weeksBetween, type ReportEvaluation, type ReviewEvaluation } from './reports.ts';

const ev = (agent: string, project: string, week: string, score: number, passed = score >= 80): ReportEvaluation => ({ agent, project, week, score, passed });

describe('quality reports', () => {
  it('pass needs the pass mark and no fail-all item', () => {
    expect(passes(80, false, 80)).toBe(true);
    expect(passes(79.9, false, 80)).toBe(false);
    expect(passes(95, true, 80)).toBe(false);
  });

  it('rates per group: mean score and Wilson interval on the pass rate (hand-computed)', () => {
    const rows = rateRows([ev('b', 'P', 'w1', 90), ev('a', 'P', 'w1', 70), ev('a', 'P', 'w2', 85), ev('a', 'Q', 'w2', 60), ev('a', 'Q', 'w2', 95)], (e) => e.agent);
    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
    // a: 70, 85, 60, 95 → mean 77.5, 2 of 4 pass; Wilson(2, 4) = 0.5 ± 0.34997
    expect(rows[0]).toMatchObject({ checked: 4, meanScore: 77.5, passed: 2, passRate: 0.5 });
    expect(rows[0].low).toBeCloseTo(0.15003, 4);
    expect(rows[0].high).toBeCloseTo(0.84997, 4);
    // b: 1 of 1 → Wilson(1, 1) = [0.20654, 1]
    expect(rows[1]).toMatchObject({ checked: 1, meanScore: 90, passRate: 1 });
    expect(rows[1].low).toBeCloseTo(0.20654, 4);
    expect(rows[1].high).toBeCloseTo(1, 10);
  });

  it('lists every Monday of the period', () => {
    // 2026-11-04 is a Wednesday, 2026-11-23 a Monday
    expect(weeksBetween('2026-11-04', '2026-11-23')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(weeksBetween('2026-11-29', '2026-11-29')).toEqual(['2026-11-23']);
  });

  const e = (id: number, sampleId: number, evaluatorId: string, strategy: ReviewEvaluation['strategy'], supersedes: number | null, score: number, answers: ReviewEvaluation['answers']): ReviewEvaluation => ({ id, sampleId, evaluatorId, strategy, supersedes, score, answers });

  it('pairs a peer score with its recheck and the two joint scores, not a dispute outcome', () => {
    const evals = [
      e(1, 10, 'peer', 'peer', null, 90, { a: 'yes', b: 'yes', c: 4 }),
      e(2, 10, 'insp', 'peer', 1, 75, { a: 'no', b: 'yes', c: 4 }),
      e(3, 11, 'insp', 'inspector', null, 80, { a: 'yes' }),
      e(4, 11, 'insp', 'inspector', 3, 100, { a: 'yes' }), // dispute outcome: same evaluator
      e(5, 12, 'insp', 'joint', null, 60, { a: 'no', b: 'na' }),
      e(6, 12, 'client', 'joint', null, 70, { a: 'no', b: 'yes' }),
      e(7, 12, 'insp', 'joint', 6, 70, { a: 'no', b: 'yes' }), // the reconciled score
    ];
    const pairs = scorePairs(evals);
    expect(pairs.map((p) => [p.kind, p.first.id, p.second.id])).toEqual([
      ['recheck', 1, 2],
      ['joint', 5, 6],
    ]);
    const d = reviewerDisagreement(pairs);
    // insp: pair 1 |90-75| = 15, items a,b,c → a differs; pair 2 |60-70| = 10, items a,b → b differs
    // → mean 12.5, 2 of 5 items differ. peer: 15 and 1/3; client: 10 and 1/2.
    expect(d).toEqual([
      { reviewerId: 'peer', pairs: 1, meanAbsDifference: 15, itemsCompared: 3, itemsDiffering: 1, itemDisagreement: 1 / 3 },
      { reviewerId: 'insp', pairs: 2, meanAbsDifference: 12.5, itemsCompared: 5, itemsDiffering: 2, itemDisagreement: 0.4 },
      { reviewerId: 'client', pairs: 1, meanAbsDifference: 10, itemsCompared: 2, itemsDiffering: 1, itemDisagreement: 0.5 },
    ]);
  });

  it('ranks error categories by failures with the share of all failed items', () => {
    const rows = categoryRanking(['process', 'knowledge', 'process', null, 'process'], '未分类');
    expect(rows.map((r) => [r.category, r.failures, r.share])).toEqual([
      ['process', 3, 0.6],
      ['knowledge', 1, 0.2],
      ['未分类', 1, 0.2],
    ]);
    // Wilson(3, 5): centre 0.55654, half-width 0.32583
    expect(rows[0].low).toBeCloseTo(0.23072, 4);
    expect(rows[0].high).toBeCloseTo(0.88236, 4);
  });
});
