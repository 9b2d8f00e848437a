import { describe, it, expect } from 'vitest';
import { DEMO_AGENT_TEAMS, DEMO_RULEBOOK, DEMO_SHIFT_TYPES, generateDemoAgents } from './centre.ts';

describe('demo shift types', () => {
  it('has early 07:00–15:00, day 09:00–17:00, late 15:00–23:00, night 23:00–07:00 and four-hour part shifts', () => {
    const at = (code: string) => DEMO_SHIFT_TYPES.find((s) => s.code === code)!;
    expect([at('E').startMinute, at('D').startMinute, at('L').startMinute, at('N').startMinute]).toEqual([420, 540, 900, 1380]);
    expect(DEMO_SHIFT_TYPES.filter((s) => !s.partTime).every((s) => s.lengthMinutes === 480)).toBe(true);
    expect(DEMO_SHIFT_TYPES.filter((s) => s.partTime).map((s) => s.lengthMinutes)).toEqual([240, 240, 240]);
    expect(DEMO_SHIFT_TYPES.filter((s) => s.night).map((s) => s.code)).toEqual(['N']);
  });
});

describe('demo rulebook', () => {
  it('holds at least 14 uniquely named rules, hard first, soft with positive weights', () => {
    expect(DEMO_RULEBOOK.length).toBeGreaterThanOrEqual(14);
    expect(new Set(DEMO_RULEBOOK.map((r) => r.id)).size).toBe(DEMO_RULEBOOK.length);
    const firstSoft = DEMO_RULEBOOK.findIndex((r) => !r.hard);
    expect(DEMO_RULEBOOK.slice(firstSoft).every((r) => !r.hard && r.weight > 0)).toBe(true);
    expect(DEMO_RULEBOOK.find((r) => r.id === 'min-rest')!.params).toEqual({ minMinutes: 660 });
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
