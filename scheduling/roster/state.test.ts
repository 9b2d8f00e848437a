// SearchState and agentOptions: incremental totals always equal a full re-score; undo restores; options honour skills, contract and entitlements.
import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../curtois/random.ts';
import { indexModel } from './context.ts';
import { demoCentreModel } from './demo.ts';
import { emptyRoster } from './model.ts';
import { agentOptions } from './options.ts';
import { scoreRoster } from './score.ts';
import { SearchState } from './state.ts';
import { demoRule, testAgent, tinyModel } from './testing.ts';

describe('SearchState', () => {
  it('keeps hard and soft equal to scoreRoster through 300 random cell changes, and undo restores them', () => {
    const model = demoCentreModel({ seed: 5, month: '2026-10', agents: 12 });
    const ix = indexModel(model);
    const opts = agentOptions(ix);
    const state = new SearchState(ix, emptyRoster(model));
    const next = mulberry32(9);
    for (let i = 0; i < 300; i++) {
      const agent = Math.floor(next() * model.agents.length);
      const options = opts[agent].options;
      const cell = next() < 0.3 ? { shift: null, project: null } : options[Math.floor(next() * options.length)];
      const before = { hard: state.hard, soft: state.soft };
      const undo = state.apply([{ agent, day: Math.floor(next() * model.days.length), cell }]);
      if (i % 3 === 0) {
        state.apply(undo);
        expect(state.hard).toBeCloseTo(before.hard, 6);
        expect(state.soft).toBeCloseTo(before.soft, 6);
      }
    }
    const full = scoreRoster(model, state.roster);
    expect(state.hard).toBeCloseTo(full.hard, 6);
    expect(state.soft).toBeCloseTo(full.soft, 6);
    expect(full.hard).toBeGreaterThan(0); // random changes do break rules: the comparison is not vacuous
  });
  describe('edge cases', () => {
    it('refuses a rulebook where coverage is hard', () => {
      const model = tinyModel({ rules: [{ ...demoRule('coverage'), hard: true }] });
      expect(() => new SearchState(indexModel(model), emptyRoster(model))).toThrow(/must be soft/);
    });
  });
});

describe('agentOptions', () => {
  it('offers allowed shifts × skilled projects, only day shifts to a 常白班 holder, and fixes leave, holiday rest and pins', () => {
    const model = tinyModel({
      dayCount: 3,
      agents: [testAgent('a1', { skills: { P: 1, Q: 3 } }), testAgent('a2')],
      entitlements: [{ agentId: 'a2', kind: 'day-shifts-only' }, { agentId: 'a2', kind: 'holiday-rest', dates: ['2026-12-02'] }],
      leave: [{ agentId: 'a1', date: '2026-11-30' }],
      pinned: [{ agentId: 'a1', date: '2026-12-01', shift: 'N', project: 'Q' }],
      rules: ['entitlement-day-shifts', 'entitlement-holiday-rest', 'leave-respected', 'pinned-respected'].map((id) => demoRule(id)),
    });
    const [a1, a2] = agentOptions(indexModel(model));
    expect(a1.options).toHaveLength(10);
    expect(a2.options.map((o) => o.shift)).toEqual(['E', 'D']);
    expect([...a1.fixed]).toEqual([[0, { shift: null, project: null }], [1, { shift: 'N', project: 'Q' }]]);
    expect([...a2.fixed]).toEqual([[2, { shift: null, project: null }]]);
  });
});
