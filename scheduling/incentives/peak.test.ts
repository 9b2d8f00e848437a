// Specification of peak plans: the extra Erlang C agent-hours an uplift opens and which emergency tier closes them.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { erlangCServiceLevel } from '../erlang.ts';
import { peakGap, type EmergencyAgent, type PeakPlan } from './peak.ts';
import { target8020 } from '../intraday/testing.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/erlang.json', import.meta.url), 'utf8'));
const storm: PeakPlan = { id: 'storm-1', kind: 'storm', name: '台风应急', from: '2026-07-15', to: '2026-07-16', upliftByProject: { X: 0.3 } };
const targets = [target8020('X'), target8020('Y')];
const t1 = (agentId: string, skills: Record<string, number>, hoursPerDay?: number): EmergencyAgent => ({ agentId, tier: 1, skills, hoursPerDay });

describe('peakGap', () => {
  it('opens 3 agent-hours when +30% turns 100 calls into 130 in two half-hours (14 → 17 agents)', () => {
    // 14 agents for 100 calls at 80/20 is published; 17 for 130 is the first count reaching 80% at A = 13.
    expect(vectors.erlangc_required[0].raw_positions).toBe(14);
    const sl = (agents: number) => erlangCServiceLevel({ agents, trafficErlangs: 13, ahtSeconds: 180, targetSeconds: 20 });
    expect(sl(16)).toBeLessThan(0.8);
    expect(sl(17)).toBeGreaterThanOrEqual(0.8);
    const gap = peakGap({ plan: storm, baseline: [{ project: 'X', date: '2026-07-15', calls: [100, 100] }], targets, emergency: [] });
    expect(gap.rows).toEqual([
      { project: 'X', date: '2026-07-15', baselineCalls: 200, peakCalls: 260, baselineAgentHours: 14, peakAgentHours: 17, extraAgentHours: 3, closedBy: [], uncoveredAgentHours: 3 },
    ]);
    expect(gap.uncoveredAgentHours).toBe(3);
  });

  it('closes the gap with tier 1 first (proficient agents only), then tier 2', () => {
    const emergency: EmergencyAgent[] = [
      { agentId: 'T2', tier: 2, skills: { X: 0.8 } },
      t1('T1', { X: 0.9 }, 2),
      t1('Weak', { X: 0.5 }),
    ];
    const gap = peakGap({ plan: storm, baseline: [{ project: 'X', date: '2026-07-15', calls: [100, 100] }], targets, emergency });
    expect(gap.rows[0].closedBy).toEqual([
      { tier: 1, agentHours: 2, agentIds: ['T1'] },
      { tier: 2, agentHours: 1, agentIds: ['T2'] },
    ]);
    expect(gap.rows[0].uncoveredAgentHours).toBe(0);
    expect(gap.byTier).toEqual([
      { tier: 1, agentHours: 2 },
      { tier: 2, agentHours: 1 },
    ]);
  });

  it("shares an agent's hours across projects within a day, the larger gap first, and renews them the next day", () => {
    const plan: PeakPlan = { ...storm, upliftByProject: { X: 0.3, Y: 0.3 } };
    const baseline = [
      { project: 'Y', date: '2026-07-15', calls: [100] },
      { project: 'X', date: '2026-07-15', calls: [100, 100] },
      { project: 'X', date: '2026-07-16', calls: [100, 100] },
    ];
    const gap = peakGap({ plan, baseline, targets, emergency: [t1('M', { X: 0.9, Y: 0.9 }, 4)] });
    expect(gap.rows.map((r) => [r.date, r.project, r.extraAgentHours, r.closedBy[0]?.agentHours ?? 0, r.uncoveredAgentHours])).toEqual([
      ['2026-07-15', 'X', 3, 3, 0],
      ['2026-07-15', 'Y', 1.5, 1, 0.5],
      ['2026-07-16', 'X', 3, 3, 0],
    ]);
    expect(gap.extraAgentHours).toBe(7.5);
    expect(gap.uncoveredAgentHours).toBe(0.5);
  });

  it('adds shrinkage on top: ceil(14 / 0.7) = 20 and ceil(17 / 0.7) = 25 scheduled agents', () => {
    const gap = peakGap({ plan: storm, baseline: [{ project: 'X', date: '2026-07-15', calls: [100, 100] }], targets, emergency: [], shrinkage: 0.3 });
    expect(gap.rows[0]).toMatchObject({ baselineAgentHours: 20, peakAgentHours: 25, extraAgentHours: 5 });
  });

  it('uses the default four hours an emergency agent can give a day', () => {
    const gap = peakGap({ plan: storm, baseline: [{ project: 'X', date: '2026-07-15', calls: new Array(4).fill(100) }], targets, emergency: [t1('A', { X: 1 })] });
    expect(gap.rows[0].closedBy).toEqual([{ tier: 1, agentHours: 4, agentIds: ['A'] }]);
    expect(gap.rows[0].uncoveredAgentHours).toBe(2);
  });

  describe('edge cases', () => {
    it('ignores dates outside the plan and projects without uplift', () => {
      const baseline = [
        { project: 'X', date: '2026-07-14', calls: [100] },
        { project: 'X', date: '2026-07-17', calls: [100] },
        { project: 'Y', date: '2026-07-15', calls: [100] },
      ];
      expect(peakGap({ plan: storm, baseline, targets, emergency: [] }).rows).toEqual([]);
    });

    it('opens no gap with zero uplift or no calls', () => {
      const plan = { ...storm, upliftByProject: { X: 0 } };
      expect(peakGap({ plan, baseline: [{ project: 'X', date: '2026-07-15', calls: [100] }], targets, emergency: [] }).rows[0].extraAgentHours).toBe(0);
      expect(peakGap({ plan: storm, baseline: [{ project: 'X', date: '2026-07-15', calls: [0, 0] }], targets, emergency: [] }).rows[0].extraAgentHours).toBe(0);
    });

    it('rejects a reversed or malformed date range, an uplift of −100% or less, and a project without a target', () => {
      expect(() => peakGap({ plan: { ...storm, from: '2026-07-16', to: '2026-07-15' }, baseline: [], targets, emergency: [] })).toThrow(RangeError);
      expect(() => peakGap({ plan: { ...storm, from: '2026-7-15' }, baseline: [], targets, emergency: [] })).toThrow(RangeError);
      expect(() => peakGap({ plan: { ...storm, upliftByProject: { X: -1 } }, baseline: [], targets, emergency: [] })).toThrow(RangeError);
      expect(() => peakGap({ plan: { ...storm, upliftByProject: { Z: 0.1 } }, baseline: [{ project: 'Z', date: '2026-07-15', calls: [1] }], targets, emergency: [] })).toThrow(RangeError);
    });
  });
});
