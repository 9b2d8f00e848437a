// solveRoster: hard-feasible, explained, repeatable for a seed, cancellable; keeps leave, pins, the month boundary and the baseline.
import { describe, it, expect } from 'vitest';
import { demoCentreModel } from './demo.ts';
import type { Roster, RosterModel } from './model.ts';
import { scoreRoster } from './score.ts';
import { solveRoster } from './solve.ts';
import { demoRule, testAgent, tinyModel } from './testing.ts';

const small = (): RosterModel => demoCentreModel({ seed: 3, month: '2026-02', agents: 24 });
const cellsChanged = (x: Roster, y: Roster) => Object.keys(x).reduce((n, id) => n + x[id].filter((c, d) => c.shift !== y[id][d].shift || c.project !== y[id][d].project).length, 0);

describe('solveRoster', () => {
  it('returns a roster with no hard violation whose score is the full re-score of that roster', async () => {
    const model = small();
    const { roster, score, stats } = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 20_000 });
    expect(score.hard).toBe(0);
    expect(scoreRoster(model, roster).soft).toBeCloseTo(score.soft, 6);
    expect(stats.trackedSoft).toBeCloseTo(score.soft, 3);
    expect(stats.firstFeasibleMs).not.toBeNull();
    expect(stats.stoppedBy).toBe('iterations');
  });
  it('improves on its greedy start', async () => {
    const model = small();
    const start = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 0 });
    const searched = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 20_000 });
    expect(searched.score.soft).toBeLessThan(start.score.soft * 0.95);
  });
  it('is repeatable for a seed and iteration budget, and differs for another seed', async () => {
    const model = small();
    const a = await solveRoster(model, { timeLimitMs: 20_000, seed: 7, maxIterations: 5_000 });
    const b = await solveRoster(model, { timeLimitMs: 20_000, seed: 7, maxIterations: 5_000 });
    const c = await solveRoster(model, { timeLimitMs: 20_000, seed: 8, maxIterations: 5_000 });
    expect(b.roster).toEqual(a.roster);
    expect(cellsChanged(a.roster, c.roster)).toBeGreaterThan(0);
  });
  it('keeps approved leave and pinned cells', async () => {
    const model = small();
    const [x, y] = model.agents;
    model.leave.push({ agentId: x.id, date: '2026-02-10' });
    model.pinned.push({ agentId: y.id, date: '2026-02-11', shift: 'D', project: Object.keys(y.skills)[0] }, { agentId: y.id, date: '2026-02-12', shift: null });
    const { roster, score } = await solveRoster(model, { timeLimitMs: 20_000, seed: 2, maxIterations: 5_000 });
    expect(score.hard).toBe(0);
    expect(roster[x.id][9].shift).toBeNull();
    expect(roster[y.id][10]).toEqual({ shift: 'D', project: Object.keys(y.skills)[0] });
    expect(roster[y.id][11].shift).toBeNull();
  });
  it('reports progress and stops when asked, still with a hard-feasible roster', async () => {
    const seen: number[] = [];
    let calls = 0;
    const { score, stats } = await solveRoster(small(), { timeLimitMs: 20_000, seed: 1, progressEveryMs: 0, onProgress: (p) => seen.push(p.fraction), shouldStop: () => ++calls > 3 });
    expect(stats.stoppedBy).toBe('cancelled');
    expect(score.hard).toBe(0);
    expect(seen.at(-1)).toBe(1);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });
  it('moves far fewer cells in a re-plan against a baseline than a solve from scratch (weekly adjustment)', async () => {
    const model = small();
    const plan = await solveRoster(model, { timeLimitMs: 20_000, seed: 1, maxIterations: 15_000 });
    const changed = { ...model, leave: [...model.leave, ...model.agents.slice(0, 2).map((a) => ({ agentId: a.id, date: '2026-02-16' }))] };
    const rules = model.rules.map((r) => (r.id === 'baseline-change' ? { ...r, weight: 1000 } : r)); // the scheduler buys little change
    const replan = await solveRoster({ ...changed, rules, baseline: plan.roster, pinned: model.agents.flatMap((a) => plan.roster[a.id].slice(0, 7).map((c, d) => ({ agentId: a.id, date: model.days[d].date, shift: c.shift, project: c.project }))) }, { timeLimitMs: 20_000, seed: 5, maxIterations: 15_000 });
    const scratch = await solveRoster(changed, { timeLimitMs: 20_000, seed: 5, maxIterations: 15_000 });
    expect(replan.score.hard).toBe(0);
    expect(replan.roster[model.agents[0].id][model.days.findIndex((d) => d.date === '2026-02-16')].shift).toBeNull();
    expect(cellsChanged(plan.roster, replan.roster)).toBeLessThan(cellsChanged(plan.roster, scratch.roster) / 4);
  });
  describe('edge cases', () => {
    it('does not give a day shift on the 1st after a night on the last day of the previous month', async () => {
      const model = tinyModel({ from: '2026-12-01', dayCount: 3, agents: [testAgent('a1')], previousShifts: { a1: ['N'] }, rules: [demoRule('min-rest'), demoRule('coverage')] });
      model.requirement = { P: [Array(48).fill(1), Array(48).fill(1), Array(48).fill(1)] };
      const { roster, score } = await solveRoster(model, { timeLimitMs: 5_000, seed: 1, maxIterations: 3_000 });
      expect(score.hard).toBe(0);
      expect([null, 'N']).toContain(roster.a1[0].shift);
    });
    it('returns the least-bad roster, without throwing, when pins themselves break a hard rule', async () => {
      const model = tinyModel({ dayCount: 2, rules: [demoRule('min-rest'), demoRule('pinned-respected')], pinned: [{ agentId: 'a1', date: '2026-11-30', shift: 'N' }, { agentId: 'a1', date: '2026-12-01', shift: 'E' }] });
      const { score } = await solveRoster(model, { timeLimitMs: 5_000, seed: 1, maxIterations: 500 });
      expect(score.hard).toBe(660);
    });
    it('handles a centre with no agents', async () => {
      const { roster, score } = await solveRoster(tinyModel({ agents: [], rules: [demoRule('coverage')] }), { timeLimitMs: 1_000, seed: 1, maxIterations: 100 });
      expect(roster).toEqual({});
      expect(score.soft).toBe(0);
    });
  });
});
