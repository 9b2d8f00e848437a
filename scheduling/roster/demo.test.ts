// demoCentreModel: a seeded month of the demo centre with four projects, five shifts, skills, leave and requirement curves.
import { describe, it, expect } from 'vitest';
import { demoCentreModel } from './demo.ts';

describe('demoCentreModel', () => {
  const model = demoCentreModel({ seed: 1, month: '2026-10', agents: 300 });
  it('has 300 agents, four projects, the five shift types and 31 days with the National Day holidays', () => {
    expect(model.agents).toHaveLength(300);
    expect(model.projects).toEqual(['95598', 'EV', 'INS', 'FIN']);
    expect(model.shiftTypes.map((s) => `${s.code}${s.startMinute / 60}`)).toEqual(['E7', 'D9', 'M12', 'L15', 'N23']);
    expect(model.days).toHaveLength(31);
    expect(model.days.filter((d) => d.holiday).map((d) => d.date)[0]).toBe('2026-10-01');
  });
  it('gives every agent a skill, some several (一专多能), and keeps leave inside the month', () => {
    expect(model.agents.every((a) => a.contract.allowedShifts.length > 0 && Object.keys(a.skills).length >= 1)).toBe(true);
    expect(model.agents.filter((a) => Object.keys(a.skills).length > 1).length).toBeGreaterThan(30);
    expect(model.leave.every((l) => l.date >= '2026-10-01' && l.date <= '2026-10-31')).toBe(true);
  });
  it('has a requirement per project, day and 30-minute interval, lower at weekends than on weekdays', () => {
    const row = model.requirement['95598'];
    expect(row).toHaveLength(31);
    expect(row.every((d) => d.length === 48)).toBe(true);
    const mean = (days: number[]) => days.reduce((s, d) => s + row[d].reduce((a, b) => a + b, 0), 0) / days.length;
    const weekdays = model.days.flatMap((d, i) => (d.weekday < 5 && !d.holiday ? [i] : []));
    const weekends = model.days.flatMap((d, i) => (d.weekday >= 5 && !d.holiday ? [i] : []));
    expect(mean(weekends)).toBeLessThan(mean(weekdays));
    expect(model.requirement.INS[0][4]).toBe(0);
  });
  describe('edge cases', () => {
    it('is the same for the same seed and different for another', () => {
      expect(demoCentreModel({ seed: 1, month: '2026-10', agents: 300 })).toEqual(model);
      expect(demoCentreModel({ seed: 2, month: '2026-10', agents: 300 }).agents[0]).not.toEqual(model.agents[0]);
    });
    it('builds a February of 28 days and an empty centre', () => {
      expect(demoCentreModel({ seed: 1, month: '2027-02', agents: 0 }).days).toHaveLength(28);
    });
  });
});
