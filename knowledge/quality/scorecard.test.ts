// Scorecard scoring rules, checked against the vendor examples in shared/vectors/agreement.json and hand-worked cards.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import {
  SCORING_RULES_EN,
  SCORING_RULES_ZH,
  overallQualityScore,
  scoreEvaluation,
  scorecardFingerprint,
  validateAnswers,
  validateScorecard,
  type Answers,
  type Scorecard,
} from './scorecard.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/agreement.json', import.meta.url), 'utf8'));

interface VendorGroup {
  weight: number;
  questions: Array<{ points: number; answer: 'yes' | 'no' }>;
}

/** The Genesys example as a scorecard: group g → section g, question q of group g → yes/no item `g.q`. */
function genesysCard(groups: VendorGroup[]): { card: Scorecard; answers: Answers } {
  const answers: Answers = {};
  const card: Scorecard = {
    id: 'genesys',
    name: 'Genesys weighted groups',
    sections: groups.map((group, g) => ({
      id: `g${g + 1}`,
      label: `Group ${g + 1}`,
      weight: group.weight,
      items: group.questions.map((q, i) => {
        answers[`${g + 1}.${i + 1}`] = q.answer;
        return { id: `${g + 1}.${i + 1}`, label: `Q${i + 1}`, points: q.points, answer: { kind: 'yesNo' as const }, naAllowed: true };
      }),
    })),
  };
  return { card, answers };
}

/** A small hotline card worked by hand in the tests below. */
const hotlineCard: Scorecard = {
  id: 'hotline',
  name: '95598 通话质检标准',
  sections: [
    {
      id: 'open',
      label: '开头',
      weight: 1,
      items: [
        { id: 'greeting', label: '使用标准开头语', points: 5, answer: { kind: 'yesNo' }, servqual: 'assurance', phraseIds: ['greeting'] },
        { id: 'verify', label: '核实客户信息', points: 5, answer: { kind: 'yesNo' }, naAllowed: true, flag: 'failSection' },
      ],
    },
    {
      id: 'handle',
      label: '业务处理',
      weight: 2,
      items: [
        { id: 'accuracy', label: '答复准确', points: 10, answer: { kind: 'points' } },
        { id: 'empathy', label: '同理心', points: 10, answer: { kind: 'scale', min: 1, max: 5 }, servqual: 'empathy' },
      ],
    },
    {
      id: 'redline',
      label: '服务红线',
      weight: 1,
      items: [{ id: 'taboo', label: '未使用服务忌语', points: 10, answer: { kind: 'yesNo' }, flag: 'failAll', phraseIds: ['taboo-1'] }],
    },
  ],
};
const allGood: Answers = { greeting: 'yes', verify: 'yes', accuracy: 10, empathy: 5, taboo: 'yes' };

describe('scoreEvaluation', () => {
  const genesys = vectors.scorecards[0];
  it(`gives the documented Genesys weighted-group score of ${genesys.expected_percent} %`, () => {
    const { card, answers } = genesysCard(genesys.groups);
    expect(scoreEvaluation(card, answers).percent).toBeCloseTo(genesys.expected_percent, 9);
  });

  it('gives the Genesys N/A variant: the second question of group 1 N/A drops out of earned and possible', () => {
    const published = Number(/score is ([\d.]+)/.exec(genesys.variant)![1]);
    const { card, answers } = genesysCard(genesys.groups);
    expect(scoreEvaluation(card, { ...answers, '1.2': 'na' }).percent).toBeCloseTo(published, 9);
  });

  it('counts each point with its section weight (hand-worked)', () => {
    // open 5/10 ×1, handle (6 + 10·(4−1)/4 = 13.5)/20 ×2, redline 10/10 ×1 → (5 + 27 + 10) / (10 + 40 + 10) = 70 %
    const result = scoreEvaluation(hotlineCard, { ...allGood, greeting: 'no', accuracy: 6, empathy: 4 });
    expect(result.percent).toBeCloseTo(70, 9);
    expect(result.sections.map((s) => [s.sectionId, s.earned, s.possible, s.percent])).toEqual([
      ['open', 5, 10, 50],
      ['handle', 13.5, 20, 67.5],
      ['redline', 10, 10, 100],
    ]);
    expect(result.sections[0].items[0]).toEqual({ itemId: 'greeting', earned: 0, possible: 5, missed: true });
    expect(result.firedFlags).toEqual([]);
  });

  it('scores 100 % when everything is at full marks', () => {
    expect(scoreEvaluation(hotlineCard, allGood).percent).toBe(100);
  });

  it('zeroes the section of a missed fail-section item but keeps its possible points', () => {
    // open 0/10, handle 20/20 ×2, redline 10/10 → 50/60
    const result = scoreEvaluation(hotlineCard, { ...allGood, verify: 'no' });
    expect(result.sections[0]).toMatchObject({ earned: 0, possible: 10, percent: 0, failed: true });
    expect(result.percent).toBeCloseTo((50 / 60) * 100, 9);
    expect(result.firedFlags).toEqual([{ itemId: 'verify', sectionId: 'open', flag: 'failSection' }]);
    expect(result.failedAll).toBe(false);
  });

  it('scores 0 % after a missed fail-all item and still reports the sections', () => {
    const result = scoreEvaluation(hotlineCard, { ...allGood, taboo: 'no' });
    expect(result.percent).toBe(0);
    expect(result.failedAll).toBe(true);
    expect(result.sections[1].percent).toBe(100);
    expect(result.firedFlags).toEqual([{ itemId: 'taboo', sectionId: 'redline', flag: 'failAll' }]);
  });

  it('does not fire a fail-section flag for an N/A item', () => {
    // open: greeting 5/5 only → total (5 + 40 + 10) / (5 + 40 + 10)
    const result = scoreEvaluation(hotlineCard, { ...allGood, verify: 'na' });
    expect(result.percent).toBe(100);
    expect(result.sections[0]).toMatchObject({ earned: 5, possible: 5, failed: false });
    expect(result.sections[0].items[1]).toEqual({ itemId: 'verify', earned: null, possible: 0, missed: false });
  });

  it('counts a points item below full marks as missed', () => {
    const result = scoreEvaluation(hotlineCard, { ...allGood, accuracy: 9.5 });
    expect(result.sections[1].items[0].missed).toBe(true);
  });

  describe('edge cases', () => {
    it('gives no score when every item is N/A and drops all-N/A sections', () => {
      const card: Scorecard = {
        id: 'c',
        name: 'c',
        sections: [
          { id: 'a', label: 'A', weight: 3, items: [{ id: 'x', label: 'x', points: 1, answer: { kind: 'yesNo' }, naAllowed: true }] },
          { id: 'b', label: 'B', weight: 1, items: [{ id: 'y', label: 'y', points: 1, answer: { kind: 'yesNo' }, naAllowed: true }] },
        ],
      };
      expect(scoreEvaluation(card, { x: 'na', y: 'na' }).percent).toBeNull();
      const oneSection = scoreEvaluation(card, { x: 'na', y: 'no' });
      expect(oneSection.percent).toBe(0);
      expect(oneSection.sections[0].percent).toBeNull();
    });
    it('gives no score for a scorecard without items', () => {
      expect(scoreEvaluation({ id: 'e', name: 'e', sections: [] }, {}).percent).toBeNull();
    });
    it('maps the bottom of a scale to 0 points', () => {
      const result = scoreEvaluation(hotlineCard, { ...allGood, empathy: 1 });
      expect(result.sections[1].earned).toBe(10);
    });
    it('throws, listing every problem, for invalid answers', () => {
      expect(() => scoreEvaluation(hotlineCard, { ...allGood, greeting: 'na', accuracy: 11 })).toThrow(
        /greeting: N\/A is not allowed.*accuracy: points must be between 0 and 10/,
      );
    });
  });
});

describe('validateAnswers', () => {
  it('accepts a complete, valid set of answers', () => {
    expect(validateAnswers(hotlineCard, allGood)).toEqual([]);
  });
  it('reports missing, wrongly typed, out-of-range and unknown answers', () => {
    const { greeting: _omitted, ...rest } = allGood;
    expect(validateAnswers(hotlineCard, { ...rest, verify: 3, empathy: 6, extra: 'yes' })).toEqual([
      'item greeting: not answered',
      'item verify: answer yes or no',
      'item empathy: value must be between 1 and 5',
      'item extra: not on this scorecard',
    ]);
  });
  describe('edge cases', () => {
    it('rejects a yes/no answer to a points item and NaN', () => {
      expect(validateAnswers(hotlineCard, { ...allGood, accuracy: 'yes' })).toEqual(['item accuracy: answer a number']);
      expect(validateAnswers(hotlineCard, { ...allGood, accuracy: Number.NaN })).toEqual(['item accuracy: answer a number']);
    });
  });
});

describe('validateScorecard', () => {
  it('accepts the hotline card', () => {
    expect(validateScorecard(hotlineCard)).toEqual([]);
  });
  describe('edge cases', () => {
    it('reports duplicate ids, zero weights and points, and inverted scales', () => {
      const bad: Scorecard = {
        id: 'b',
        name: 'b',
        sections: [
          { id: 's', label: 'S', weight: 0, items: [{ id: 'i', label: 'i', points: 0, answer: { kind: 'scale', min: 5, max: 1 } }] },
          { id: 's', label: 'S2', weight: 1, items: [{ id: 'i', label: 'i', points: 1, answer: { kind: 'yesNo' } }] },
        ],
      };
      expect(validateScorecard(bad)).toEqual([
        'section s: weight must be > 0',
        'item i: points must be > 0',
        'item i: scale min must be below max',
        'section s: duplicate id',
        'item i: duplicate id',
      ]);
    });
  });
});

describe('overallQualityScore', () => {
  const zendesk = vectors.scorecards[1];
  it(`gives the documented Zendesk QA mean of ${zendesk.expected_percent} %`, () => {
    const score = overallQualityScore(zendesk.review_scores) as number;
    expect(Math.abs(score - zendesk.expected_percent)).toBeLessThanOrEqual(0.005);
  });
  describe('edge cases', () => {
    it('leaves unscored evaluations out and gives null for none', () => {
      expect(overallQualityScore([80, null, 60])).toBe(70);
      expect(overallQualityScore([])).toBeNull();
      expect(overallQualityScore([null])).toBeNull();
    });
  });
});

describe('scorecardFingerprint', () => {
  const base = scorecardFingerprint(hotlineCard);
  const edit = (f: (card: Scorecard) => void): string => {
    const card = structuredClone(hotlineCard);
    f(card);
    return scorecardFingerprint(card);
  };
  it('is a 64-character hex digest, stable across calls', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(scorecardFingerprint(structuredClone(hotlineCard))).toBe(base);
  });
  it('keeps the version for label typos, names, SERVQUAL tags, links and display order', () => {
    expect(edit((c) => (c.name = '95598 通话质检标准（修订）'))).toBe(base);
    expect(edit((c) => (c.sections[0].items[0].label = '使用规范开头语'))).toBe(base);
    expect(edit((c) => (c.sections[0].label = '开场'))).toBe(base);
    expect(edit((c) => (c.sections[1].items[1].servqual = 'responsiveness'))).toBe(base);
    expect(edit((c) => (c.sections[2].items[0].phraseIds = ['taboo-1', 'taboo-2']))).toBe(base);
    expect(edit((c) => c.sections.reverse())).toBe(base);
  });
  it('makes a new version when points, weights, flags, N/A, scales or items change', () => {
    const changed = [
      edit((c) => (c.sections[0].items[0].points = 6)),
      edit((c) => (c.sections[1].weight = 3)),
      edit((c) => (c.sections[0].items[0].flag = 'failAll')),
      edit((c) => delete c.sections[2].items[0].flag),
      edit((c) => (c.sections[0].items[0].naAllowed = true)),
      edit((c) => (c.sections[1].items[1].answer = { kind: 'scale', min: 0, max: 5 })),
      edit((c) => c.sections[1].items.pop()),
      edit((c) => c.sections[0].items.push({ id: 'close', label: '结束语', points: 5, answer: { kind: 'yesNo' } })),
      edit((c) => c.sections[1].items.push(c.sections[0].items.shift()!)),
    ];
    for (const fingerprint of changed) expect(fingerprint).not.toBe(base);
    expect(new Set(changed).size).toBe(changed.length);
  });
  describe('edge cases', () => {
    it('treats a missing naAllowed like false', () => {
      expect(edit((c) => (c.sections[0].items[0].naAllowed = false))).toBe(base);
    });
  });
});

describe('scoring rules text', () => {
  it('has the same number of rules in English and Chinese', () => {
    expect(SCORING_RULES_ZH).toHaveLength(SCORING_RULES_EN.length);
  });
});
