// Quality reports over scored evaluations of one scorecard version: weekly trend, per-agent and
// per-project pass rates with Wilson intervals, reviewer workload and reviewer disagreement.
import { wilsonInterval } from './sampling.ts';
import type { Answers } from './scorecard.ts';

/** One current (submitted or released) evaluation of a sampled call. */
export interface ReportEvaluation {
  agent: string;
  project: string;
  /** Monday of the call's local week, `YYYY-MM-DD`. */
  week: string;
  /** Total percent. */
  score: number;
  /** Pass: at or above the pass mark and no fail-all item fired. */
  passed: boolean;
}

/** Checked calls, mean score and pass rate with its Wilson interval for one group. */
export interface RateRow {
  key: string;
  checked: number;
  meanScore: number;
  passed: number;
  passRate: number;
  low: number;
  high: number;
}

/** Does an evaluation pass? At or above `passPercent` and no fail-all item. */
export function passes(percent: number, failedAll: boolean, passPercent: number): boolean {
  return !failedAll && percent >= passPercent;
}

/**
 * Checked, mean score and pass rate (Wilson 95 % interval) per key, in key order.
 *
 * @example rateRows([{ agent: 'a', project: 'P', week: '2026-11-02', score: 90, passed: true }], (e) => e.agent)
 * // [{ key: 'a', checked: 1, meanScore: 90, passed: 1, passRate: 1, low: 0.2065…, high: 1 }]
 */
export function rateRows(evaluations: ReportEvaluation[], keyOf: (e: ReportEvaluation) => string): RateRow[] {
  const groups = new Map<string, { checked: number; sum: number; passed: number }>();
  for (const e of evaluations) {
    const key = keyOf(e);
    const g = groups.get(key) ?? { checked: 0, sum: 0, passed: 0 };
    g.checked++;
    g.sum += e.score;
    if (e.passed) g.passed++;
    groups.set(key, g);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => {
      const w = wilsonInterval(g.passed, g.checked)!;
      return { key, checked: g.checked, meanScore: g.sum / g.checked, passed: g.passed, passRate: g.passed / g.checked, low: w.low, high: w.high };
    });
}

/** Every Monday from the week of `from` to the week of `to` (so empty weeks show as gaps). */
export function weeksBetween(from: string, to: string): string[] {
  const monday = (s: string) => {
    const d = new Date(`${s}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    return d;
  };
  const out: string[] = [];
  const end = monday(to).getTime();
  for (const d = monday(from); d.getTime() <= end && out.length < 160; d.setUTCDate(d.getUTCDate() + 7)) out.push(d.toISOString().slice(0, 10));
  return out;
}

/** One evaluation as the disagreement report sees it (current or retracted, never drafts). */
export interface ReviewEvaluation {
  id: number;
  sampleId: number;
  evaluatorId: string;
  strategy: 'inspector' | 'peer' | 'joint' | 'mutual';
  supersedes: number | null;
  score: number;
  answers: Answers;
}

/** Two independent scores of the same call: a peer score and its recheck, or the two joint scores. */
export interface ScorePair {
  kind: 'recheck' | 'joint';
  sampleId: number;
  first: ReviewEvaluation;
  second: ReviewEvaluation;
}

/**
 * Which scores should be compared? A recheck pairs an evaluation with the one it supersedes when
 * another reviewer made it (a dispute outcome keeps the evaluator and is not a pair); on a joint
 * plan the first two scores of a sample by different reviewers are a pair.
 */
export function scorePairs(evaluations: ReviewEvaluation[]): ScorePair[] {
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const pairs: ScorePair[] = [];
  const sorted = [...evaluations].sort((a, b) => a.id - b.id);
  for (const e of sorted) {
    if (e.strategy !== 'peer' || e.supersedes === null) continue;
    const before = byId.get(e.supersedes);
    if (before && before.evaluatorId !== e.evaluatorId) pairs.push({ kind: 'recheck', sampleId: e.sampleId, first: before, second: e });
  }
  const jointBySample = new Map<number, ReviewEvaluation[]>();
  for (const e of sorted) if (e.strategy === 'joint') jointBySample.set(e.sampleId, [...(jointBySample.get(e.sampleId) ?? []), e]);
  for (const [sampleId, list] of jointBySample) {
    const first = list[0];
    const second = list.find((e) => e.evaluatorId !== first.evaluatorId);
    if (second) pairs.push({ kind: 'joint', sampleId, first, second });
  }
  return pairs.sort((a, b) => a.sampleId - b.sampleId || (a.kind < b.kind ? -1 : 1));
}

/** How much one reviewer's scores differ from the other score of the same call. */
export interface Disagreement {
  reviewerId: string;
  pairs: number;
  /** Mean |score difference| in percentage points. */
  meanAbsDifference: number;
  /** Items both answered, and how many of those got different answers. */
  itemsCompared: number;
  itemsDiffering: number;
  itemDisagreement: number | null;
}

/**
 * Disagreement per reviewer: every pair counts for both of its reviewers. Items are compared
 * when both scores answered them; N/A is an answer.
 *
 * @example reviewerDisagreement([{ kind: 'recheck', sampleId: 1, first: { …, evaluatorId: 'p', score: 90, answers: { a: 'yes' } }, second: { …, evaluatorId: 'i', score: 80, answers: { a: 'no' } } }])
 * // [{ reviewerId: 'i', pairs: 1, meanAbsDifference: 10, itemsCompared: 1, itemsDiffering: 1, itemDisagreement: 1 }, { reviewerId: 'p', … }]
 */
export function reviewerDisagreement(pairs: ScorePair[]): Disagreement[] {
  const acc = new Map<string, { pairs: number; diff: number; compared: number; differing: number }>();
  for (const p of pairs) {
    let compared = 0;
    let differing = 0;
    for (const [item, a] of Object.entries(p.first.answers)) {
      const b = p.second.answers[item];
      if (b === undefined) continue;
      compared++;
      if (String(a) !== String(b)) differing++;
    }
    const diff = Math.abs(p.first.score - p.second.score);
    for (const who of new Set([p.first.evaluatorId, p.second.evaluatorId])) {
      const a = acc.get(who) ?? { pairs: 0, diff: 0, compared: 0, differing: 0 };
      a.pairs++;
      a.diff += diff;
      a.compared += compared;
      a.differing += differing;
      acc.set(who, a);
    }
  }
  return [...acc.entries()]
    .map(([reviewerId, a]) => ({
      reviewerId,
      pairs: a.pairs,
      meanAbsDifference: a.diff / a.pairs,
      itemsCompared: a.compared,
      itemsDiffering: a.differing,
      itemDisagreement: a.compared ? a.differing / a.compared : null,
    }))
    .sort((a, b) => b.meanAbsDifference - a.meanAbsDifference || (a.reviewerId < b.reviewerId ? -1 : 1));
}

/** Failures per error category, with the share of all categorised failures and its Wilson interval. */
export interface CategoryRow {
  category: string;
  failures: number;
  share: number;
  low: number;
  high: number;
}

/**
 * Which error categories do failed items fall in? Each failed item with a category counts once;
 * ranked by count, then category. Failed items without a category are counted under `uncategorised`.
 *
 * @example categoryRanking(['process', 'process', 'knowledge'])[0] // { category: 'process', failures: 2, share: 0.667, … }
 */
export function categoryRanking(categories: (string | null)[], uncategorised = '—'): CategoryRow[] {
  const counts = new Map<string, number>();
  for (const c of categories) counts.set(c ?? uncategorised, (counts.get(c ?? uncategorised) ?? 0) + 1);
  const total = categories.length;
  return [...counts.entries()]
    .map(([category, failures]) => {
      const w = wilsonInterval(failures, total)!;
      return { category, failures, share: failures / total, low: w.low, high: w.high };
    })
    .sort((a, b) => b.failures - a.failures || (a.category < b.category ? -1 : 1));
}
