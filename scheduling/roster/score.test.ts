// scoreRoster: hard/soft split and the explanation by rule, agent, day and interval.
import { describe, it, expect } from 'vitest';
import { scoreRoster } from './score.ts';
import { demoRule, rosterOf, testAgent, tinyModel } from './testing.ts';

describe('scoreRoster', () => {
  const requirement = { P: [Array(48).fill(0), Array(48).fill(0)] };
  requirement.P[0][14] = 2;
  const model = tinyModel({
    dayCount: 2,
    agents: [testAgent('a1'), testAgent('a2')],
    requirement,
    leave: [{ agentId: 'a2', date: '2026-12-01' }],
    rules: [demoRule('coverage'), demoRule('leave-respected'), demoRule('min-rest')],
  });
  const score = scoreRoster(model, rosterOf({ a1: 'L E', a2: 'E E' }));

  it('adds hard penalties (leave 1 + rest 180 minutes short) apart from soft ones', () => {
    expect(score.hard).toBe(181);
    expect(score.byRule['min-rest']).toEqual({ name: '班次间最少休息11小时', hard: true, amount: 180, count: 1 });
    expect(score.byRule['leave-respected'].amount).toBe(1);
  });
  it('explains coverage by interval: day 0 #14 is one short (100), every other covered interval is over (2 each)', () => {
    expect(score.byInterval['2026-11-30'][14]).toBe(100);
    expect(score.byInterval['2026-11-30'][15]).toBe(2);
    expect(score.byInterval['2026-12-01'][0]).toBe(0);
    expect(score.soft).toBe(score.byRule.coverage.amount);
  });
  it('explains by agent and by day', () => {
    expect(score.byAgent).toEqual({ a1: 180, a2: 1 });
    expect(score.byDay['2026-12-01']).toBe(181 + 2 * 16 * 2);
  });
  describe('edge cases', () => {
    it('refuses a roster with the wrong number of days for an agent', () => {
      expect(() => scoreRoster(model, rosterOf({ a1: 'E', a2: 'E E' }))).toThrow(/needs 2 cells/);
    });
    it('scores an empty centre as zero', () => {
      const empty = scoreRoster(tinyModel({ agents: [], rules: [demoRule('coverage')] }), {});
      expect([empty.hard, empty.soft, empty.items.length]).toEqual([0, 0, 0]);
    });
  });
});
