// Specification of the emergency-resource view: tier order, skills, availability today, absences counted as off.
import { describe, it, expect } from 'vitest';
import { emergencyResources } from './resources.ts';
import { agent, shift } from '../intraday/testing.ts';

describe('emergencyResources', () => {
  const agents = [
    agent('B2', 'EV', { emergencyTier: 2, availability: 'reachable', skills: { EV: 0.7 } }),
    agent('A1', 'EV', { emergencyTier: 1, availability: 'onShift', skills: { EV: 0.8, '95598': 0.9 } }),
    agent('C1', '95598', { emergencyTier: 1, availability: 'onShift' }),
    agent('N0', 'EV', { emergencyTier: null }),
    agent('A0', 'EV', { emergencyTier: 1, availability: 'off' }),
  ];
  const assignments = [shift('A1', 'EV', 540, 1020), { ...shift('C1', '95598', 420, 900), absent: true }];

  it('lists each project’s emergency staff, tier 1 first then by id, leaving out agents without a tier', () => {
    const view = emergencyResources(agents, assignments);
    expect(view.map((p) => [p.project, p.agents.map((a) => a.agentId)])).toEqual([
      ['95598', ['C1']],
      ['EV', ['A0', 'A1', 'B2']],
    ]);
  });

  it('shows skills most proficient first and today’s shift', () => {
    const a1 = emergencyResources(agents, assignments)[1].agents[1];
    expect(a1).toEqual({
      agentId: 'A1',
      tier: 1,
      skills: [
        { project: '95598', proficiency: 0.9 },
        { project: 'EV', proficiency: 0.8 },
      ],
      availability: 'onShift',
      shift: { startMinute: 540, endMinute: 1020, project: 'EV' },
      absent: false,
    });
  });

  it('counts by tier and availability, an absent agent as off', () => {
    const view = emergencyResources(agents, assignments);
    expect(view[0].countsByTier).toEqual({ 1: { onShift: 0, off: 1, reachable: 0 } });
    expect(view[0].agents[0]).toMatchObject({ availability: 'off', absent: true });
    expect(view[1].countsByTier).toEqual({ 1: { onShift: 1, off: 1, reachable: 0 }, 2: { onShift: 0, off: 0, reachable: 1 } });
  });

  describe('edge cases', () => {
    it('returns nothing without emergency-capable agents', () => {
      expect(emergencyResources([agent('N0', 'EV')], [])).toEqual([]);
    });
  });
});
