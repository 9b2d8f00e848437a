// Specification of the ranked intraday suggestions: which action, for whom, over which intervals, at what cost and effect.
import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { applySuggestion, recordNoShows } from './apply.ts';
import { DEFAULT_COST_MODEL } from './costs.ts';
import { dayStatus, intradayStatus, agentsNeeded } from './status.ts';
import { suggestAdjustments } from './suggest.ts';
import { agent, callsBetween, crew, day, shift, target8020 } from './testing.ts';
import type { DayState } from './types.ts';

const vectors = JSON.parse(readFileSync(new URL('../../../shared/vectors/erlang.json', import.meta.url), 'utf8'));
const publishedSl = (agents: number): number => vectors.erlangc_by_positions_A10_asa20s.find((r: { positions: number }) => r.positions === agents).service_level;
const close = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(6e-7);

/** Project X: 100 calls per interval 09:00–17:00 (needs 14), `n` agents 09:00–17:00, now 09:00. */
function floor(n: number, extra: Partial<DayState> = {}): DayState {
  return day({ projects: [target8020('X')], forecastCalls: { X: callsBetween(18, 34, 100) }, ...crew('X', 'X', n, 540, 1020), ...extra });
}

function withTraining(state: DayState, agentIds: string[], startMinute: number, endMinute: number): DayState {
  return {
    ...state,
    assignments: state.assignments.map((a) => (agentIds.includes(a.agentId) ? { ...a, offline: [{ kind: 'training' as const, startMinute, endMinute }] } : a)),
  };
}

function allMeet(state: DayState, fromInterval = 0): boolean {
  return Object.values(dayStatus(state)).every((rows) => rows.slice(fromInterval).every((r) => r.meetsTarget));
}

describe('suggestAdjustments: shortages', () => {
  it('cancels training 10:00–11:00 that leaves the floor one short, at 1 cost unit per hour, lifting SL from the published 13-agent to the 14-agent value', () => {
    const state = withTraining(floor(14), ['X05'], 600, 660);
    const { suggestions, remainingShortfall } = suggestAdjustments(state);
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions;
    expect(s).toMatchObject({ rank: 1, kind: 'cancelOffline', project: 'X', agentIds: ['X05'], intervals: [20, 21], cost: 1 });
    expect(s.effect.agentsAdded).toBe(1);
    close(s.effect.serviceLevelBefore, publishedSl(13));
    close(s.effect.serviceLevelAfter, publishedSl(14));
    expect(s.changes).toEqual([{ type: 'cancelOffline', agentId: 'X05', startMinute: 600, endMinute: 660 }]);
    expect(remainingShortfall).toEqual([]);
    expect(allMeet(applySuggestion(state, s))).toBe(true);
  });

  it('moves training to a quiet interval of the same shift rather than cancelling it, when one has spare agents', () => {
    const quietAfternoon = callsBetween(30, 34, 50, callsBetween(18, 34, 100));
    const state = withTraining(floor(14, { forecastCalls: { X: quietAfternoon } }), ['X05'], 600, 660);
    const [s] = suggestAdjustments(state, { troughs: false }).suggestions;
    expect(s).toMatchObject({ kind: 'moveOffline', agentIds: ['X05'], intervals: [20, 21], cost: 0.5 });
    expect(s.changes).toEqual([
      { type: 'cancelOffline', agentId: 'X05', startMinute: 600, endMinute: 660 },
      { type: 'addOffline', agentId: 'X05', kind: 'training', startMinute: 900, endMinute: 960 },
    ]);
    expect(allMeet(applySuggestion(state, s))).toBe(true);
  });

  it('calls in tier 1 before tier 2, reachable and proficient staff only, most proficient first, for the minimum two hours', () => {
    const reachable = [
      agent('T2', 'X', { emergencyTier: 2, availability: 'reachable', skills: { X: 0.95 } }),
      agent('T1a', 'X', { emergencyTier: 1, availability: 'reachable', skills: { X: 0.7 } }),
      agent('T1b', 'X', { emergencyTier: 1, availability: 'reachable', skills: { X: 0.9 } }),
      agent('T1weak', 'X', { emergencyTier: 1, availability: 'reachable', skills: { X: 0.5 } }),
      agent('T1off', 'X', { emergencyTier: 1, availability: 'off', skills: { X: 1 } }),
    ];
    const base = floor(14);
    // 10:00–11:00 needs 16 (130 calls → Erlang C), the rest needs 14.
    const calls = callsBetween(20, 22, 130, base.forecastCalls.X);
    const need = agentsNeeded(target8020('X'), 130, 30);
    expect(need).toBe(17);
    const state: DayState = { ...base, forecastCalls: { X: calls }, agents: [...base.agents, ...reachable] };
    const { suggestions, remainingShortfall } = suggestAdjustments(state);
    expect(suggestions.map((s) => [s.kind, s.tier, s.agentIds])).toEqual([
      ['callIn', 1, ['T1b', 'T1a']],
      ['callIn', 2, ['T2']],
    ]);
    expect(suggestions[0].intervals).toEqual([20, 21, 22, 23]);
    // Tier 1: 10 fixed + 2 h × 6 per agent; tier 2: 10 + 2 h × 8.
    expect(suggestions[0].cost).toBe(2 * (10 + 2 * 6));
    expect(suggestions[1].cost).toBe(10 + 2 * 8);
    expect(remainingShortfall).toEqual([]);
    const after = suggestions.reduce(applySuggestion, state);
    expect(intradayStatus(after, 'X')[20].presentAgents).toBe(17);
    expect(allMeet(after)).toBe(true);
  });

  it('falls back to tier 2 only when no tier-1 agent can come', () => {
    const state: DayState = { ...floor(13), agents: [...floor(13).agents, agent('T2', 'X', { emergencyTier: 2, availability: 'reachable' })] };
    const [s] = suggestAdjustments(state).suggestions;
    expect(s).toMatchObject({ kind: 'callIn', tier: 2, agentIds: ['T2'], intervals: [20, 21, 22, 23, 24, 25, 26, 27] });
    expect(s.cost).toBe(10 + 4 * 8);
  });

  it('starts a call-in no sooner than the lead time after now, and not at all for a shortage ending before then', () => {
    const base = floor(13);
    const state: DayState = { ...base, agents: [...base.agents, agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })] };
    expect(suggestAdjustments(state, { callInLeadMinutes: 0 }).suggestions[0].intervals[0]).toBe(18);
    expect(suggestAdjustments(state, { callInLeadMinutes: 90 }).suggestions[0].intervals[0]).toBe(21);
    expect(suggestAdjustments({ ...state, nowMinute: 960 }).suggestions).toEqual([]);
  });

  it('moves a multi-skilled agent from a project with slack, never pushing it below its own target', () => {
    const x = crew('X', 'X', 12, 540, 1020);
    const y = crew('Y', 'Y', 15, 540, 1020); // Y needs 14 for 100 calls: exactly one spare
    y.agents = y.agents.map((p, i) => (i < 3 ? { ...p, skills: { Y: 1, X: [0.8, 0.9, 0.5][i] } } : p));
    const state = day({
      projects: [target8020('X'), target8020('Y')],
      forecastCalls: { X: callsBetween(18, 34, 100), Y: callsBetween(18, 34, 100) },
      agents: [...x.agents, ...y.agents],
      assignments: [...x.assignments, ...y.assignments],
    });
    const { suggestions, remainingShortfall } = suggestAdjustments(state);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ kind: 'moveAgent', project: 'X', sourceProject: 'Y', agentIds: ['Y02'], cost: 8 * 2 });
    expect(suggestions[0].intervals).toEqual(Array.from({ length: 16 }, (_, k) => 18 + k));
    close(suggestions[0].effect.serviceLevelBefore, publishedSl(12));
    close(suggestions[0].effect.serviceLevelAfter, publishedSl(13));
    expect(remainingShortfall).toEqual(Array.from({ length: 16 }, (_, k) => ({ project: 'X', interval: 18 + k, agentsShort: 1 })));
    const after = applySuggestion(state, suggestions[0]);
    expect(intradayStatus(after, 'Y').every((r) => r.meetsTarget)).toBe(true);
    expect(intradayStatus(after, 'X')[18].presentAgents).toBe(13);
  });

  it('never moves an agent out on the strength of a call-in the floor lead might not make', () => {
    const q = crew('Q', 'Q', 14, 540, 1020);
    q.agents[0] = { ...q.agents[0], skills: { Q: 1, P: 0.9 } };
    const p = crew('P', 'P', 13, 540, 1020);
    const state = day({
      projects: [target8020('P'), target8020('Q')],
      // Q needs 15 at 10:00–11:00 (110 calls), 14 otherwise; P needs 14 at 11:00–12:00 (100 calls), 13 otherwise (95 calls).
      forecastCalls: { Q: callsBetween(20, 22, 110, callsBetween(18, 34, 100)), P: callsBetween(22, 24, 100, callsBetween(18, 34, 95)) },
      agents: [...q.agents, ...p.agents, agent('R', 'Q', { emergencyTier: 1, availability: 'reachable' })],
      assignments: [...q.assignments, ...p.assignments],
    });
    const { suggestions, remainingShortfall } = suggestAdjustments(state, { troughs: false });
    expect(suggestions.map((x) => [x.kind, x.project, x.agentIds])).toEqual([['callIn', 'Q', ['R']]]);
    expect(suggestions[0].intervals).toEqual([20, 21, 22, 23]);
    expect(remainingShortfall).toEqual([
      { project: 'P', interval: 22, agentsShort: 1 },
      { project: 'P', interval: 23, agentsShort: 1 },
    ]);
  });

  it('offers overtime to an early shift ending before the 10:00 peak, cheaper than a call-in', () => {
    const base = floor(13);
    const state: DayState = {
      ...base,
      forecastCalls: { X: callsBetween(20, 22, 100, callsBetween(18, 34, 95)) },
      agents: [...base.agents, agent('E1', 'X'), agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })],
      assignments: [...base.assignments, shift('E1', 'X', 360, 600)],
    };
    expect(agentsNeeded(target8020('X'), 95, 30)).toBe(13);
    const { suggestions } = suggestAdjustments(state);
    expect(suggestions[0]).toMatchObject({ kind: 'overtime', agentIds: ['E1'], intervals: [20, 21], cost: 4 });
    expect(suggestions[0].changes).toEqual([{ type: 'setShiftEnd', agentId: 'E1', endMinute: 660 }]);
    expect(suggestions.some((s) => s.kind === 'callIn')).toBe(false);
  });

  it('extends a shift by at most the two-hour overtime limit, once', () => {
    const base = floor(13);
    const state: DayState = { ...base, agents: [...base.agents, agent('E1', 'X')], assignments: [...base.assignments, shift('E1', 'X', 360, 600)] };
    const { suggestions } = suggestAdjustments(state);
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]).toMatchObject({ kind: 'overtime', agentIds: ['E1'], intervals: [20, 21, 22, 23], cost: 8 });
    expect(suggestions[0].changes).toEqual([{ type: 'setShiftEnd', agentId: 'E1', endMinute: 720 }]);
  });

  it('feeds morning no-shows into the same suggestions', () => {
    const base = floor(14);
    const state: DayState = { ...base, agents: [...base.agents, agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })] };
    expect(suggestAdjustments(state).suggestions).toEqual([]);
    const sick = recordNoShows(state, ['X03']);
    const [s] = suggestAdjustments(sick).suggestions;
    expect(s).toMatchObject({ kind: 'callIn', agentIds: ['T1'], intervals: [20, 21, 22, 23, 24, 25, 26, 27] });
    close(s.effect.serviceLevelBefore, publishedSl(13));
    close(s.effect.serviceLevelAfter, publishedSl(14));
  });

  it('ranks cheaper fixes first and numbers them from 1', () => {
    const base = withTraining(floor(13), ['X01'], 600, 660);
    const state: DayState = { ...base, agents: [...base.agents, agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })] };
    const { suggestions } = suggestAdjustments(state, { troughs: false });
    expect(suggestions.map((s) => [s.rank, s.kind])).toEqual([
      [1, 'cancelOffline'],
      [2, 'callIn'],
    ]);
    expect(suggestions[0].cost).toBeLessThan(suggestions[1].cost);
  });
});

describe('suggestAdjustments: troughs', () => {
  it('offers early leave from 15:00 to the agents the quiet afternoon does not need, as a saving', () => {
    const state = floor(14, { forecastCalls: { X: callsBetween(30, 34, 50, callsBetween(18, 34, 100)) } });
    const need = agentsNeeded(target8020('X'), 50, 30);
    const spare = 14 - need;
    expect(spare).toBeGreaterThan(0);
    const { suggestions } = suggestAdjustments(state);
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions;
    expect(s).toMatchObject({ kind: 'earlyLeave', intervals: [30, 31, 32, 33], cost: spare * 2 * DEFAULT_COST_MODEL.earlyLeavePerHour });
    expect(s.agentIds).toHaveLength(spare);
    expect(s.effect.agentsAdded).toBe(-spare);
    expect(s.effect.serviceLevelAfter).toBeGreaterThanOrEqual(0.8);
    expect(allMeet(applySuggestion(state, s))).toBe(true);
  });

  it('moves spare agents to offline analysis in a mid-shift trough instead', () => {
    const state = floor(14, { forecastCalls: { X: callsBetween(24, 26, 50, callsBetween(18, 34, 100)) } });
    const spare = 14 - agentsNeeded(target8020('X'), 50, 30);
    const [s] = suggestAdjustments(state).suggestions;
    expect(s).toMatchObject({ kind: 'toOffline', intervals: [24, 25], cost: 0 });
    expect(s.agentIds).toHaveLength(spare);
    expect(s.changes[0]).toEqual({ type: 'addOffline', agentId: s.agentIds[0], kind: 'analysis', startMinute: 720, endMinute: 780 });
    expect(allMeet(applySuggestion(state, s))).toBe(true);
  });

  it('offers nothing at a trough shorter than the minimum hour', () => {
    const state = floor(14, { forecastCalls: { X: callsBetween(24, 25, 50, callsBetween(18, 34, 100)) } });
    expect(suggestAdjustments(state).suggestions).toEqual([]);
  });
});

describe('applySuggestion', () => {
  it('leaves the input state untouched and returns a new one', () => {
    const state = withTraining(floor(14), ['X05'], 600, 660);
    const copy = structuredClone(state);
    const [s] = suggestAdjustments(state).suggestions;
    const next = applySuggestion(state, s);
    expect(state).toEqual(copy);
    expect(next).not.toBe(state);
    expect(next.assignments.find((a) => a.agentId === 'X05')?.offline).toEqual([]);
  });

  it('with no changes gives a state equal to the input', () => {
    const state = floor(14);
    expect(applySuggestion(state, { changes: [] })).toEqual(state);
  });

  it('marks called-in agents on shift with a call-in assignment', () => {
    const state: DayState = { ...floor(14), agents: [agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })] };
    const next = applySuggestion(state, { changes: [{ type: 'callIn', agentId: 'T1', project: 'X', startMinute: 600, endMinute: 720 }] });
    expect(next.agents[0].availability).toBe('onShift');
    expect(next.assignments.at(-1)).toEqual({ agentId: 'T1', project: 'X', startMinute: 600, endMinute: 720, offline: [], loans: [], absent: false, origin: 'callIn' });
  });

  it('trims offline work around a cancelled window and keeps breaks', () => {
    const state = floor(1);
    state.assignments[0] = shift('X01', 'X', 540, 1020, [
      { kind: 'analysis', startMinute: 600, endMinute: 720 },
      { kind: 'break', startMinute: 630, endMinute: 645 },
    ]);
    const next = applySuggestion(state, { changes: [{ type: 'cancelOffline', agentId: 'X01', startMinute: 630, endMinute: 690 }] });
    expect(next.assignments[0].offline).toEqual([
      { kind: 'analysis', startMinute: 600, endMinute: 630 },
      { kind: 'analysis', startMinute: 690, endMinute: 720 },
      { kind: 'break', startMinute: 630, endMinute: 645 },
    ]);
  });

  describe('edge cases', () => {
    it('refuses to change an agent without an assignment, or to call in one already working', () => {
      const state = floor(2);
      expect(() => applySuggestion(state, { changes: [{ type: 'setShiftEnd', agentId: 'nobody', endMinute: 600 }] })).toThrow(RangeError);
      expect(() => applySuggestion(state, { changes: [{ type: 'callIn', agentId: 'X01', project: 'X', startMinute: 600, endMinute: 700 }] })).toThrow(RangeError);
      expect(() => applySuggestion(state, { changes: [{ type: 'setShiftEnd', agentId: 'X01', endMinute: 500 }] })).toThrow(RangeError);
    });

    it('refuses no-shows for agents not on today’s roster', () => {
      expect(() => recordNoShows(floor(2), ['ghost'])).toThrow(RangeError);
    });
  });
});

describe('DEFAULT_COST_MODEL', () => {
  it('prices an hour of call-in (either tier, before its fixed part) above overtime, overtime above a move, a move above cancelling offline work, and cancelling above moving it', () => {
    const c = DEFAULT_COST_MODEL;
    expect(Math.min(c.callInPerHourByTier[1], c.callInPerHourByTier[2])).toBeGreaterThan(c.overtimePerHour);
    expect(c.callInPerHourByTier[2]).toBeGreaterThan(c.callInPerHourByTier[1]);
    expect(c.overtimePerHour).toBeGreaterThan(c.movePerHour);
    expect(c.movePerHour).toBeGreaterThan(c.cancelOfflinePerHour);
    expect(c.cancelOfflinePerHour).toBeGreaterThan(c.moveOfflinePerHour);
    expect(c.earlyLeavePerHour).toBeLessThan(0);
  });

  it('follows a configured cost model: with call-ins cheaper than cancelling training, the call-in ranks first', () => {
    const base = withTraining(floor(13), ['X01'], 600, 660);
    const state: DayState = { ...base, agents: [...base.agents, agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })] };
    const costs = { ...DEFAULT_COST_MODEL, callInFixed: 0, callInPerHourByTier: { 1: 0.1, 2: 0.2 }, cancelOfflinePerHour: 5, moveOfflinePerHour: 5 };
    expect(suggestAdjustments(state, { costs, troughs: false }).suggestions[0].kind).toBe('callIn');
  });
});

describe('suggestAdjustments: edge cases', () => {
  it('suggests nothing when every interval meets its target and nothing is spare', () => {
    expect(suggestAdjustments(floor(14))).toEqual({ suggestions: [], remainingShortfall: [] });
  });

  it('does not try to fix intervals that have already elapsed', () => {
    const state = { ...withTraining(floor(14), ['X05'], 600, 660), nowMinute: 660 };
    expect(suggestAdjustments(state).suggestions).toEqual([]);
  });

  it('reports what it cannot fix when nobody is available', () => {
    const { suggestions, remainingShortfall } = suggestAdjustments(floor(13));
    expect(suggestions).toEqual([]);
    expect(remainingShortfall).toHaveLength(16);
    expect(remainingShortfall[0]).toEqual({ project: 'X', interval: 18, agentsShort: 1 });
  });

  it('never calls in someone reported absent today', () => {
    const base = floor(13);
    const state = recordNoShows({ ...base, agents: [...base.agents, agent('T1', 'X', { emergencyTier: 1, availability: 'reachable' })], assignments: [...base.assignments, shift('T1', 'X', 1020, 1200)] }, ['T1']);
    expect(suggestAdjustments(state).suggestions.filter((s) => s.agentIds.includes('T1'))).toEqual([]);
  });

  it('rejects impossible options and days', () => {
    expect(() => suggestAdjustments(floor(14), { minProficiency: 1.5 })).toThrow(RangeError);
    expect(() => suggestAdjustments(floor(14), { minCallInMinutes: 300, maxCallInMinutes: 240 })).toThrow(RangeError);
    expect(() => suggestAdjustments(floor(14), { maxOvertimeMinutes: -30 })).toThrow(RangeError);
    expect(() => suggestAdjustments({ ...floor(14), intervalMinutes: 7 })).toThrow(RangeError);
    expect(() => suggestAdjustments({ ...floor(14), nowMinute: 1500 })).toThrow(RangeError);
  });

  it('suggests nothing for the shortage when no action may be taken (maxActions 0)', () => {
    expect(suggestAdjustments(withTraining(floor(14), ['X05'], 600, 660), { maxActions: 0 }).suggestions).toEqual([]);
  });

  it('gives the same suggestions for the same state', () => {
    const state = withTraining(floor(13), ['X01', 'X02'], 600, 660);
    expect(suggestAdjustments(state)).toEqual(suggestAdjustments(structuredClone(state)));
  });
});
