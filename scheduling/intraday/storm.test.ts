// The floor lead's storm morning end to end: actuals double from 10:00, re-forecast at 12:00, suggestions applied, predicted SL recovers.
import { describe, it, expect } from 'vitest';
import { applySuggestion } from './apply.ts';
import { reforecastDay } from './reforecast.ts';
import { dayStatus, intradayStatus, type IntervalStatus } from './status.ts';
import { suggestAdjustments, type Suggestion } from './suggest.ts';
import { agent, callsBetween, crew, day, target8020 } from './testing.ts';
import type { DayState } from './types.ts';

/** X: 100 calls per interval 08:00–20:00; early crew 08:00–16:00 and late crew 12:00–20:00 of 14 each. Y: a quiet line with slack. */
function stormDay(): DayState {
  const early = crew('E', 'X', 14, 480, 960);
  const late = crew('L', 'X', 14, 720, 1200);
  const y = crew('Y', 'Y', 12, 480, 1200);
  y.agents = y.agents.map((p, i) => (i < 3 ? { ...p, skills: { Y: 1, X: 0.8 } } : p));
  const forecastX = callsBetween(16, 40, 100);
  const observed = forecastX.slice(0, 24).map((c, i) => (i >= 20 ? 2 * c : c));
  const re = reforecastDay(forecastX, observed);
  return day({
    nowMinute: 720,
    projects: [target8020('X'), target8020('Y')],
    forecastCalls: { X: re.calls, Y: callsBetween(16, 40, 40) },
    actuals: { X: observed.map((calls) => ({ calls })) },
    agents: [...early.agents, ...late.agents, ...y.agents, ...['R1', 'R2', 'R3', 'R4'].map((id) => agent(id, 'X', { emergencyTier: 1, availability: 'reachable' as const }))],
    assignments: [...early.assignments, ...late.assignments, ...y.assignments],
  });
}

function weightedSl(rows: IntervalStatus[], intervals: number[]): number {
  const calls = intervals.reduce((s, i) => s + rows[i].expectedCalls, 0);
  return intervals.reduce((s, i) => s + rows[i].expectedCalls * rows[i].predictedServiceLevel, 0) / calls;
}

describe('an outage storm on X from 10:00, judged at 12:00', () => {
  it('re-forecasts the afternoon at twice the forecast', () => {
    const state = stormDay();
    expect(state.forecastCalls.X.slice(24, 40)).toEqual(new Array(16).fill(200));
  });

  it('misses target from 16:00 before any change and recovers after the suggestions', () => {
    const state = stormDay();
    const before = intradayStatus(state, 'X');
    expect(before.slice(32, 40).every((r) => !r.meetsTarget)).toBe(true);
    const { suggestions, remainingShortfall } = suggestAdjustments(state);
    const after = suggestions.reduce(applySuggestion, state);
    const rows = intradayStatus(after, 'X');
    const afternoon = Array.from({ length: 8 }, (_, k) => 32 + k);
    expect(weightedSl(rows, afternoon)).toBeGreaterThan(weightedSl(before, afternoon) + 0.3);
    expect(remainingShortfall.filter((r) => r.project === 'X').map((r) => r.interval)).toEqual(afternoon.filter((i) => !rows[i].meetsTarget));
    expect(intradayStatus(after, 'Y').every((r) => r.meetsTarget)).toBe(true);
  });

  it('uses every kind of help: overtime for the early crew, moves from Y, tier-1 call-ins', () => {
    const kinds = new Set(suggestAdjustments(stormDay()).suggestions.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['callIn', 'moveAgent', 'overtime']));
  });

  it("states each suggestion's effect as the status module sees it once the ones above it are applied", () => {
    let state = stormDay();
    const { suggestions } = suggestAdjustments(state);
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions as Suggestion[]) {
      const next = applySuggestion(state, s);
      expect(s.effect.serviceLevelBefore).toBeCloseTo(weightedSl(dayStatus(state)[s.project], s.intervals), 12);
      expect(s.effect.serviceLevelAfter).toBeCloseTo(weightedSl(dayStatus(next)[s.project], s.intervals), 12);
      state = next;
    }
  });

  it('leaves the day untouched when no suggestion is applied', () => {
    const state = stormDay();
    const copy = structuredClone(state);
    suggestAdjustments(state);
    expect(state).toEqual(copy);
  });
});
