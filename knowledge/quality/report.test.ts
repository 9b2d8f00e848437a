// Weak-spot ranking and calibration deviation, checked against published Wilson intervals and hand-worked sessions.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { calibrationItemAgreement, inspectorDeviations, itemFailureRates, outcomesOf, type CalibrationScore, type ItemOutcome } from './report.ts';
import { scoreEvaluation, type Scorecard } from './scorecard.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/sampling.json', import.meta.url), 'utf8'));

function decimalsOf(x: number): number {
  const s = String(x);
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0;
}

const outcomes = (group: string, itemId: string, failures: number, checked: number): ItemOutcome[] =>
  Array.from({ length: checked }, (_, i) => ({ group, itemId, failed: i < failures }));

describe('itemFailureRates', () => {
  it('gives the published Wilson interval beside each failure rate', () => {
    for (const v of vectors.wilson_95) {
      const [rate] = itemFailureRates(outcomes('T1', 'greeting', v.successes, v.n));
      expect(rate).toMatchObject({ group: 'T1', itemId: 'greeting', failures: v.successes, checked: v.n });
      expect(rate.rate).toBe(v.successes / v.n);
      expect(Math.abs(rate.low - v.expected[0])).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(v.expected[0]) + 1e-12);
      expect(Math.abs(rate.high - v.expected[1])).toBeLessThanOrEqual(0.5 * 10 ** -decimalsOf(v.expected[1]) + 1e-12);
    }
  });

  it('ranks by the interval’s lower bound, so a small perfect-failure group does not top the list', () => {
    // lower bounds (Python): 60/100 → 0.502, 2/2 → 0.342, 40/100 → 0.309, 0/5 → 0
    const rates = itemFailureRates([
      ...outcomes('T-small', 'greeting', 2, 2),
      ...outcomes('T-big', 'greeting', 60, 100),
      ...outcomes('T-mid', 'closing', 40, 100),
      ...outcomes('T-good', 'closing', 0, 5),
    ]);
    expect(rates.map((r) => r.group)).toEqual(['T-big', 'T-small', 'T-mid', 'T-good']);
    expect(rates[0].low).toBeCloseTo(0.502, 3);
    expect(rates[1].low).toBeCloseTo(0.342, 3);
  });

  it('keeps groups and items apart', () => {
    const rates = itemFailureRates([...outcomes('A', 'x', 1, 4), ...outcomes('A', 'y', 3, 4), ...outcomes('B', 'x', 2, 4)]);
    expect(rates.map((r) => [r.group, r.itemId, r.failures, r.checked])).toEqual([
      ['A', 'y', 3, 4],
      ['B', 'x', 2, 4],
      ['A', 'x', 1, 4],
    ]);
  });

  it('builds outcomes from scored evaluations, leaving N/A items out', () => {
    const card: Scorecard = {
      id: 'c',
      name: 'c',
      sections: [
        {
          id: 's',
          label: 'S',
          weight: 1,
          items: [
            { id: 'greeting', label: '问候', points: 1, answer: { kind: 'yesNo' } },
            { id: 'verify', label: '核实', points: 1, answer: { kind: 'yesNo' }, naAllowed: true },
          ],
        },
      ],
    };
    expect(outcomesOf('T1', scoreEvaluation(card, { greeting: 'no', verify: 'na' }))).toEqual([{ group: 'T1', itemId: 'greeting', failed: true }]);
  });

  describe('edge cases', () => {
    it('returns nothing for no outcomes', () => {
      expect(itemFailureRates([])).toEqual([]);
    });
    it('leaves out groups with fewer than minChecked checks', () => {
      const rates = itemFailureRates([...outcomes('A', 'x', 1, 3), ...outcomes('B', 'x', 1, 10)], { minChecked: 5 });
      expect(rates.map((r) => r.group)).toEqual(['B']);
    });
  });
});

describe('inspectorDeviations', () => {
  const reference = [
    { callId: 'c1', percent: 80, answers: { greeting: 'yes' as const, accuracy: 8 } },
    { callId: 'c2', percent: 60, answers: { greeting: 'no' as const, accuracy: 6 } },
  ];
  const scores: CalibrationScore[] = [
    { inspectorId: 'lenient', callId: 'c1', percent: 90, answers: { greeting: 'yes', accuracy: 9 } },
    { inspectorId: 'lenient', callId: 'c2', percent: 80, answers: { greeting: 'yes', accuracy: 8 } },
    { inspectorId: 'close', callId: 'c1', percent: 78, answers: { greeting: 'yes', accuracy: 8 } },
    { inspectorId: 'close', callId: 'c2', percent: 64, answers: { greeting: 'no', accuracy: 6 } },
    { inspectorId: 'close', callId: 'c9', percent: 10 },
  ];

  it('gives signed, absolute and largest deviation and item agreement per inspector, worst first', () => {
    expect(inspectorDeviations(scores, reference)).toEqual([
      {
        inspectorId: 'lenient',
        calls: 2,
        meanSignedDeviation: 15, // (+10 + 20) / 2
        meanAbsoluteDeviation: 15,
        maxAbsoluteDeviation: 20,
        itemsCompared: 4,
        itemsAgreeing: 1,
        itemAgreement: 0.25,
      },
      {
        inspectorId: 'close',
        calls: 2,
        meanSignedDeviation: 1, // (−2 + 4) / 2; call c9 has no reference
        meanAbsoluteDeviation: 3,
        maxAbsoluteDeviation: 4,
        itemsCompared: 4,
        itemsAgreeing: 4,
        itemAgreement: 1,
      },
    ]);
  });

  describe('edge cases', () => {
    it('reports null deviations when totals are missing', () => {
      const [row] = inspectorDeviations([{ inspectorId: 'i', callId: 'c1', percent: null }], reference);
      expect(row).toMatchObject({ calls: 0, meanSignedDeviation: null, maxAbsoluteDeviation: null, itemAgreement: null });
    });
    it('returns nothing when no call has a reference', () => {
      expect(inspectorDeviations(scores, [])).toEqual([]);
    });
  });
});

describe('calibrationItemAgreement', () => {
  it('gives distribution, raw agreement and nominal alpha for a yes/no item', () => {
    // two inspectors, three calls: yes/yes, no/no, yes/no → 2 of 3 pairs agree
    const scores: CalibrationScore[] = [
      { inspectorId: 'a', callId: 'c1', percent: null, answers: { greeting: 'yes' } },
      { inspectorId: 'b', callId: 'c1', percent: null, answers: { greeting: 'yes' } },
      { inspectorId: 'a', callId: 'c2', percent: null, answers: { greeting: 'no' } },
      { inspectorId: 'b', callId: 'c2', percent: null, answers: { greeting: 'no' } },
      { inspectorId: 'a', callId: 'c3', percent: null, answers: { greeting: 'yes' } },
      { inspectorId: 'b', callId: 'c3', percent: null, answers: { greeting: 'no' } },
    ];
    const [result] = calibrationItemAgreement(scores, ['greeting']);
    expect(result.distribution).toEqual({ yes: 3, no: 3 });
    expect(result.percentAgreement).toBeCloseTo(2 / 3, 12);
    // n = 6, n_yes = n_no = 3, o_yes,no = 2: alpha = 1 − (n − 1)·2 / (2·3·3) = 1 − 10/18
    expect(result.alpha).toBeCloseTo(1 - 10 / 18, 12);
    expect(result.level).toBe('nominal');
  });

  it('uses interval alpha for points items and treats N/A as missing', () => {
    const scores: CalibrationScore[] = [
      { inspectorId: 'a', callId: 'c1', percent: null, answers: { accuracy: 10 } },
      { inspectorId: 'b', callId: 'c1', percent: null, answers: { accuracy: 10 } },
      { inspectorId: 'a', callId: 'c2', percent: null, answers: { accuracy: 4 } },
      { inspectorId: 'b', callId: 'c2', percent: null, answers: { accuracy: 4 } },
      { inspectorId: 'c', callId: 'c2', percent: null, answers: { accuracy: 'na' } },
    ];
    const [result] = calibrationItemAgreement(scores, ['accuracy']);
    expect(result.level).toBe('interval');
    expect(result.alpha).toBeCloseTo(1, 12);
    expect(result.distribution).toEqual({ '10': 2, '4': 2, na: 1 });
  });

  describe('edge cases', () => {
    it('gives nulls for an item nobody answered', () => {
      expect(calibrationItemAgreement([], ['x'])).toEqual([{ itemId: 'x', distribution: {}, percentAgreement: null, alpha: null, level: 'nominal' }]);
    });
  });
});
