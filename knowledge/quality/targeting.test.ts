// Targeted-sampling predicates and rule presets.
import { describe, it, expect } from 'vitest';
import { firstMatchingRule, matchesPredicate, targetRules, type CallRecord } from './targeting.ts';

const call: CallRecord = {
  id: 'C-1',
  agentId: 'A01',
  orderKind: 'complaint',
  durationSeconds: 900,
  repeatCaller: true,
  agentTenureDays: 20,
  agentRecentScorePercent: 71.5,
  scenarioCode: 'EV-03',
};

describe('matchesPredicate', () => {
  it('compares equality, membership and numeric bounds', () => {
    expect(matchesPredicate(call, { field: 'orderKind', equals: 'complaint' })).toBe(true);
    expect(matchesPredicate(call, { field: 'orderKind', equals: 'praise' })).toBe(false);
    expect(matchesPredicate(call, { field: 'scenarioCode', oneOf: ['EV-01', 'EV-03'] })).toBe(true);
    expect(matchesPredicate(call, { field: 'durationSeconds', atLeast: 900 })).toBe(true);
    expect(matchesPredicate(call, { field: 'durationSeconds', atLeast: 901 })).toBe(false);
    expect(matchesPredicate(call, { field: 'agentRecentScorePercent', below: 71.5 })).toBe(false);
    expect(matchesPredicate(call, { field: 'agentRecentScorePercent', below: 72 })).toBe(true);
  });
  it('combines with all, any and not', () => {
    const long = { field: 'durationSeconds', atLeast: 600 };
    const praise = { field: 'orderKind', equals: 'praise' };
    expect(matchesPredicate(call, { all: [long, { not: praise }] })).toBe(true);
    expect(matchesPredicate(call, { all: [long, praise] })).toBe(false);
    expect(matchesPredicate(call, { any: [praise, long] })).toBe(true);
  });
  describe('edge cases', () => {
    it('never matches a comparison on a missing or non-numeric field', () => {
      const bare: CallRecord = { id: 'C-2', agentId: 'A01', durationSeconds: Number.NaN };
      expect(matchesPredicate(bare, { field: 'durationSeconds', atLeast: 0 })).toBe(false);
      expect(matchesPredicate(bare, { field: 'agentTenureDays', below: 1000 })).toBe(false);
      expect(matchesPredicate(bare, { field: 'scenarioCode', oneOf: ['EV-03'] })).toBe(false);
    });
    it('treats empty all as true and empty any as false', () => {
      expect(matchesPredicate(call, { all: [] })).toBe(true);
      expect(matchesPredicate(call, { any: [] })).toBe(false);
    });
  });
});

describe('targetRules', () => {
  it('builds each preset so that it matches the intended call', () => {
    expect(matchesPredicate(call, targetRules.complaints(1).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.repeatCallers(1).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.longCalls(1, 600).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.newHires(1, 30).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.newHires(1, 20).when)).toBe(false);
    expect(matchesPredicate(call, targetRules.lowRecentScores(1, 80).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.sensitiveScenarios(1, ['EV-03']).when)).toBe(true);
    expect(matchesPredicate(call, targetRules.sensitiveScenarios(1, ['EV-04']).when)).toBe(false);
  });
});

describe('firstMatchingRule', () => {
  it('picks the matching rule with the lowest priority number', () => {
    const rules = [targetRules.longCalls(3, 600), targetRules.newHires(2, 30), targetRules.sensitiveScenarios(5, ['EV-03'])];
    expect(firstMatchingRule(call, rules)?.id).toBe('new-hires');
  });
  it('keeps list order between equal priorities', () => {
    expect(firstMatchingRule(call, [targetRules.longCalls(1, 600), targetRules.complaints(1)])?.id).toBe('long-calls');
  });
  describe('edge cases', () => {
    it('returns undefined when nothing matches or there are no rules', () => {
      expect(firstMatchingRule(call, [targetRules.longCalls(1, 5000)])).toBeUndefined();
      expect(firstMatchingRule(call, [])).toBeUndefined();
    });
  });
});
