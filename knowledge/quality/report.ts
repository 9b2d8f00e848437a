// Weak-spot and calibration helpers: item failure rates per group with Wilson intervals, inspector deviation from a reference.
import { krippendorffAlpha, percentAgreement, type Rating } from './agreement.ts';
import { wilsonInterval } from './sampling.ts';
import type { Answer, Answers, EvaluationScore } from './scorecard.ts';

/** One scored item of one evaluation (N/A items are left out before this point). */
export interface ItemOutcome {
  /** What the rate is broken down by: a team, project, agent or scenario. */
  group: string;
  itemId: string;
  failed: boolean;
}

/** Failure rate of one item in one group, with its Wilson interval. */
export interface FailureRate {
  group: string;
  itemId: string;
  failures: number;
  checked: number;
  rate: number;
  low: number;
  high: number;
}

/**
 * Which items did this evaluation fail? Turns a scored evaluation into outcomes for
 * `itemFailureRates`: missed items are failures, N/A items are left out.
 *
 * @example outcomesOf('team-3', scoreEvaluation(card, answers)) // [{ group: 'team-3', itemId: 'greeting', failed: false }, …]
 */
export function outcomesOf(group: string, score: EvaluationScore): ItemOutcome[] {
  return score.sections.flatMap((section) =>
    section.items.filter((item) => item.earned !== null).map((item) => ({ group, itemId: item.itemId, failed: item.missed })),
  );
}

/**
 * Where are the weak spots? Failure rate of each item in each group with a Wilson interval,
 * sorted worst first by the interval's lower bound — a group that failed 2 of 2 does not outrank
 * one that failed 40 of 100 until the evidence says so — then by rate, then by more checks.
 * Groups with fewer than `minChecked` checks are left out.
 *
 * @example itemFailureRates([{ group: 'T1', itemId: 'greeting', failed: true }, { group: 'T1', itemId: 'greeting', failed: false }])
 * // [{ group: 'T1', itemId: 'greeting', failures: 1, checked: 2, rate: 0.5, low: 0.094…, high: 0.905… }]
 */
export function itemFailureRates(outcomes: ItemOutcome[], { z = 1.96, minChecked = 1 }: { z?: number; minChecked?: number } = {}): FailureRate[] {
  const tally = new Map<string, { group: string; itemId: string; failures: number; checked: number }>();
  for (const outcome of outcomes) {
    const key = JSON.stringify([outcome.group, outcome.itemId]);
    const entry = tally.get(key) ?? { group: outcome.group, itemId: outcome.itemId, failures: 0, checked: 0 };
    entry.checked++;
    if (outcome.failed) entry.failures++;
    tally.set(key, entry);
  }
  return [...tally.values()]
    .filter((t) => t.checked >= Math.max(1, minChecked))
    .map((t) => {
      const interval = wilsonInterval(t.failures, t.checked, z)!;
      return { ...t, rate: t.failures / t.checked, low: interval.low, high: interval.high };
    })
    .sort(
      (a, b) =>
        b.low - a.low ||
        b.rate - a.rate ||
        b.checked - a.checked ||
        (a.group < b.group ? -1 : a.group > b.group ? 1 : 0) ||
        (a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0),
    );
}

/** One participant's blind score of one calibration call. */
export interface CalibrationScore {
  inspectorId: string;
  callId: string;
  /** Total percent from `scoreEvaluation`, or `null` when unscored. */
  percent: number | null;
  answers?: Answers;
}

/** The expert or consensus reference for one calibration call. */
export interface CalibrationReference {
  callId: string;
  percent: number | null;
  answers?: Answers;
}

/** How far one participant sits from the reference. */
export interface InspectorDeviation {
  inspectorId: string;
  /** Calls with both a participant percent and a reference percent. */
  calls: number;
  /** Mean of (participant − reference) percentage points: positive = scores too leniently. */
  meanSignedDeviation: number | null;
  meanAbsoluteDeviation: number | null;
  maxAbsoluteDeviation: number | null;
  /** Item answers compared with the reference (both answered, N/A counts as an answer). */
  itemsCompared: number;
  itemsAgreeing: number;
  /** itemsAgreeing ÷ itemsCompared, or `null` when nothing was compared. */
  itemAgreement: number | null;
}

/**
 * How far is each calibration participant from the reference? Per inspector: signed, absolute
 * and largest deviation of total percent in percentage points, and the share of item answers
 * that match the reference. Calls without a reference are ignored. Sorted by mean absolute
 * deviation, largest first (participants without comparable totals last).
 *
 * @example inspectorDeviations([{ inspectorId: 'i1', callId: 'c1', percent: 90 }], [{ callId: 'c1', percent: 80 }])[0].meanSignedDeviation // 10
 */
export function inspectorDeviations(scores: CalibrationScore[], reference: CalibrationReference[]): InspectorDeviation[] {
  const byCall = new Map(reference.map((r) => [r.callId, r]));
  const byInspector = new Map<string, { deviations: number[]; compared: number; agreeing: number }>();
  for (const score of scores) {
    const ref = byCall.get(score.callId);
    if (!ref) continue;
    const entry = byInspector.get(score.inspectorId) ?? { deviations: [], compared: 0, agreeing: 0 };
    byInspector.set(score.inspectorId, entry);
    if (score.percent !== null && ref.percent !== null) entry.deviations.push(score.percent - ref.percent);
    for (const [itemId, answer] of Object.entries(score.answers ?? {})) {
      const expected = ref.answers?.[itemId];
      if (expected === undefined) continue;
      entry.compared++;
      if (expected === answer) entry.agreeing++;
    }
  }
  const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return [...byInspector.entries()]
    .map(([inspectorId, e]): InspectorDeviation => ({
      inspectorId,
      calls: e.deviations.length,
      meanSignedDeviation: mean(e.deviations),
      meanAbsoluteDeviation: mean(e.deviations.map(Math.abs)),
      maxAbsoluteDeviation: e.deviations.length === 0 ? null : Math.max(...e.deviations.map(Math.abs)),
      itemsCompared: e.compared,
      itemsAgreeing: e.agreeing,
      itemAgreement: e.compared === 0 ? null : e.agreeing / e.compared,
    }))
    .sort((a, b) => (b.meanAbsoluteDeviation ?? -1) - (a.meanAbsoluteDeviation ?? -1) || (a.inspectorId < b.inspectorId ? -1 : 1));
}

/** Agreement on one scorecard item across a calibration session. */
export interface ItemAgreement {
  itemId: string;
  /** How often each answer was given (keys: 'yes', 'no', 'na' or the number as text). */
  distribution: Record<string, number>;
  /** Pooled pairwise agreement among participants (see `percentAgreement`). */
  percentAgreement: number | null;
  /** Krippendorff's alpha: nominal for yes/no answers, interval when every answer is a number; N/A counts as missing. */
  alpha: number | null;
  level: 'nominal' | 'interval';
}

/**
 * Do participants agree on each item? For every item: the answer distribution, raw pairwise
 * agreement and Krippendorff's alpha over participants × calls (show both: alpha is near 0 when
 * almost every call passes an item).
 *
 * @example calibrationItemAgreement(scores, ['greeting'])[0] // { itemId: 'greeting', distribution: { yes: 7, no: 1 }, percentAgreement: 0.75, alpha: …, level: 'nominal' }
 */
export function calibrationItemAgreement(scores: CalibrationScore[], itemIds: string[]): ItemAgreement[] {
  const inspectors = [...new Set(scores.map((s) => s.inspectorId))].sort();
  const calls = [...new Set(scores.map((s) => s.callId))].sort();
  return itemIds.map((itemId): ItemAgreement => {
    const distribution: Record<string, number> = {};
    const answerOf = new Map<string, Answer>();
    for (const s of scores) {
      const answer = s.answers?.[itemId];
      if (answer === undefined) continue;
      distribution[String(answer)] = (distribution[String(answer)] ?? 0) + 1;
      answerOf.set(JSON.stringify([s.inspectorId, s.callId]), answer);
    }
    const table: Rating[][] = inspectors.map((inspector) =>
      calls.map((call) => {
        const answer = answerOf.get(JSON.stringify([inspector, call]));
        return answer === undefined || answer === 'na' ? null : answer;
      }),
    );
    const level = [...answerOf.values()].every((a) => typeof a === 'number' || a === 'na') && answerOf.size > 0 ? 'interval' : 'nominal';
    return { itemId, distribution, percentAgreement: percentAgreement(table), alpha: krippendorffAlpha(table, level), level };
  });
}
