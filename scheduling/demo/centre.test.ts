import { describe, it, expect } from 'vitest';
import { DEMO_AGENT_TEAMS, DEMO_SHIFT_TYPES, generateDemoAgents } from './centre.ts';
import { DEMO_ROSTER_SHIFTS } from '../roster/demo.ts';

describe('demo shift types', () => {
  it('has early 07:00–15:00, day 09:00–17:00, middle 12:00–20:00, late 15:00–23:00, night 23:00–07:00 and four-hour part shifts', () => {
    const at = (code: string) => DEMO_SHIFT_TYPES.find((s) => s.code === code)!;
    expect([at('E').startMinute, at('D').startMinute, at('M').startMinute, at('L').startMinute, at('N').startMinute]).toEqual([420, 540, 720, 900, 1380]);
    expect(DEMO_SHIFT_TYPES.filter((s) => !s.partTime).every((s) => s.lengthMinutes === 480)).toBe(true);
    expect(DEMO_SHIFT_TYPES.filter((s) => s.partTime).map((s) => s.lengthMinutes)).toEqual([240, 240, 240]);
    expect(DEMO_SHIFT_TYPES.filter((s) => s.night).map((s) => s.code)).toEqual(['N']);
  });
});

describe('agreement with the roster model', () => {
  it('has the full shifts of the roster demo with the same times', () => {
    for (const r of DEMO_ROSTER_SHIFTS) {
      expect(DEMO_SHIFT_TYPES.find((s) => s.code === r.code)).toMatchObject({ startMinute: r.startMinute, lengthMinutes: r.lengthMinutes, night: r.night });
    }
  });
});

describe('generateDemoAgents', () => {
  it('returns the same 304 agents for the same seed, with unique codes and names', () => {
    const a = generateDemoAgents({ seed: 3 });
    expect(a).toEqual(generateDemoAgents({ seed: 3 }));
    expect(a).toHaveLength(DEMO_AGENT_TEAMS.reduce((s, t) => s + t.count, 0));
    expect(new Set(a.map((x) => x.code)).size).toBe(a.length);
    expect(new Set(a.map((x) => x.name)).size).toBe(a.length);
  });
  it('gives every agent a skill in their own project, allowed shifts that exist, and sane contract bounds', () => {
    const codes = new Set(DEMO_SHIFT_TYPES.map((s) => s.code));
    const projectOf = new Map(DEMO_AGENT_TEAMS.map((t) => [t.team, t.project]));
    for (const x of generateDemoAgents({ seed: 1 })) {
      expect(x.skills[projectOf.get(x.team)!]).toBeGreaterThanOrEqual(0.6);
      expect(x.allowedShifts.every((s) => codes.has(s))).toBe(true);
      expect(x.monthlyMinHours).toBeLessThan(x.monthlyMaxHours);
      if (Object.keys(x.skills).length > 1) expect(x.emergencyTier).toBe(1);
    }
  });
  it('differs for another seed', () => {
    expect(generateDemoAgents({ seed: 1 })[0]!.name === generateDemoAgents({ seed: 2 })[0]!.name && generateDemoAgents({ seed: 1 })[5]!.name === generateDemoAgents({ seed: 2 })[5]!.name).toBe(false);
  });
});
