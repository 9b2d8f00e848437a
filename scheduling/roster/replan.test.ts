import { describe, expect, it } from 'vitest';
import { applyChanges, explainChanges, recheck, replanModel, replanStart, replanWeek, replanWindow, type ReplanInput } from './replan.ts';
import { demoRule, rosterOf, testAgent, tinyModel } from './testing.ts';
import type { RosterModel } from './model.ts';

// Week Mon 2026-11-30 … Sun 2026-12-06. P needs one agent 09:00–17:00 (a D shift: intervals 18–33) every day.
const need = (days = 7) => ({ P: Array.from({ length: days }, () => Array.from({ length: 48 }, (_, k) => (k >= 18 && k < 34 ? 1 : 0))) });
const rules = () => [demoRule('leave-respected'), demoRule('pinned-respected'), demoRule('skill-coverage'), demoRule('coverage'), demoRule('forbidden-successions')];

function model(overrides: Partial<RosterModel> = {}): RosterModel {
  return tinyModel({
    agents: [testAgent('a1'), testAgent('a2', { skills: { Q: 2 } }), testAgent('a3'), testAgent('a4')],
    requirement: need(),
    rules: rules(),
    ...overrides,
  });
}

// a1 works D Monday–Friday, a2 (Q only) D@Q at the weekend, a3 D at the weekend, a4 nothing.
const published = rosterOf({
  a1: 'D D D D D - -',
  a2: '- - - - - D@Q D@Q',
  a3: '- - - - - D D',
  a4: '- - - - - - -',
});

const input = (m: RosterModel, extra: Partial<ReplanInput> = {}): ReplanInput => ({ model: m, baseline: published, weekStart: '2026-11-30', today: '2026-11-30', changeWeight: 50, ...extra });
const run = (i: ReplanInput) => replanWeek(i, { timeLimitMs: 60_000, seed: 7, maxIterations: 20_000 });

describe('replanWindow', () => {
  it('keeps today and the past, and days outside the period', () => {
    expect(replanWindow(model(), '2026-11-30', '2026-12-01')).toEqual(['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(replanWindow(model({ days: model().days.slice(0, 3) }), '2026-11-30', '2026-11-29')).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });
});

describe('replanWeek', () => {
  it('takes the agent on new leave off and fills the gap with one other change', async () => {
    // a4 is locked off that Wednesday, so a3 is the only one who can step in.
    const m = model({ leave: [{ agentId: 'a1', date: '2026-12-02' }] });
    const r = await run(input(m, { locked: new Set(['a4|2026-12-02']) }));
    expect(r.changes).toEqual([
      { agent: 'a1', date: '2026-12-02', from: { shift: 'D', project: 'P' }, to: { shift: null, project: null }, reasons: ['leave'], required: true },
      { agent: 'a3', date: '2026-12-02', from: { shift: null, project: null }, to: { shift: 'D', project: 'P' }, reasons: ['coverage'], required: false },
    ]);
    // Before: the leave leaves Wednesday 16 intervals short; after: covered.
    expect(r.before.shortfall).toBe(16);
    expect(r.after.shortfall).toBe(0);
    expect(r.after.hard).toBe(0);
  });

  it('moves only the leave cell when a change costs more than the coverage it buys', async () => {
    // 16 intervals × 100 = 1600 of coverage penalty < 5000 per changed assignment.
    const m = model({ leave: [{ agentId: 'a1', date: '2026-12-02' }] });
    const r = await run(input(m, { changeWeight: 5000 }));
    expect(r.changes.map((c) => [c.agent, c.date, c.to.shift])).toEqual([['a1', '2026-12-02', null]]);
    expect(r.after.shortfall).toBe(16);
  });

  it('never changes the past or today, and keeps locked cells', async () => {
    // a1 is sick today (Monday, frozen) and on Thursday; a3 is locked off on Thursday, so a4 covers it.
    const m = model({ leave: [{ agentId: 'a1', date: '2026-11-30' }, { agentId: 'a1', date: '2026-12-03' }] });
    const r = await run(input(m, { locked: new Set(['a3|2026-12-03']) }));
    expect(r.changes.map((c) => [c.agent, c.date, c.from.shift, c.to.shift, c.reasons])).toEqual([
      ['a1', '2026-12-03', 'D', null, ['leave']],
      ['a4', '2026-12-03', null, 'D', ['coverage']],
    ]);
    expect(r.roster.a1[0]).toEqual({ shift: 'D', project: 'P' });
    expect(r.after.hard).toBe(0);
  });

  it('changes nothing when nothing moved', async () => {
    const r = await run(input(model()));
    expect(r.changes).toEqual([]);
    expect(r.before).toEqual(r.after);
  });
});

describe('explainChanges', () => {
  it('names rule repairs and knock-on changes', () => {
    // Published: a1 L on Tuesday then E on Wednesday (a forbidden succession, the rule was added after publishing).
    const baseline = rosterOf({ a1: 'D L E D D - -', a3: '- - - - - D D', a2: '- - - - - - -', a4: '- - - - - - -' });
    const m = replanModel(input(model(), { baseline }));
    const start = replanStart(m);
    // The result moves a1's Wednesday to D (repair) and gives a4 an extra Saturday (nothing asked for it).
    const result = applyChanges(baseline, m, [
      { agent: 'a1', date: '2026-12-02', to: { shift: 'D', project: 'P' } },
      { agent: 'a4', date: '2026-12-05', to: { shift: 'D', project: 'P' } },
    ]);
    const changes = explainChanges(m, baseline, start, result);
    expect(changes.map((c) => [c.agent, c.date, c.reasons])).toEqual([
      ['a1', '2026-12-02', ['coverage', 'rule']], // E left 15:00–17:00 short too
      ['a4', '2026-12-05', ['knock-on']],
    ]);
  });
});

describe('recheck', () => {
  it('re-scores a change list with a change dropped', () => {
    const m = model({ leave: [{ agentId: 'a1', date: '2026-12-02' }] });
    const leaveOnly = [{ agent: 'a1', date: '2026-12-02', to: { shift: null, project: null } }];
    expect(recheck(input(m), leaveOnly).after).toMatchObject({ shortfall: 16, hard: 0 });
    // Dropping the leave change itself puts a1 to work on leave: a hard violation, named.
    expect(recheck(input(m), []).after).toMatchObject({ hard: 1, hardRules: { 'leave-respected': 1 } });
  });
});
