import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { formatCurtois } from './format.ts';
import { generateCurtois, type GenerateOptions } from './generate.ts';
import { parseCurtois } from './parse.ts';

const fixtures = new URL('../../test/fixtures/curtois/', import.meta.url);
/** The committed fixtures and the generator calls that produced them. */
const FIXTURES: (GenerateOptions & { name: string })[] = [
  { name: 'Generated1', seed: 101, weeks: 2, employees: 10, shiftTypes: 2 },
  { name: 'Generated2', seed: 202, weeks: 2, employees: 16, shiftTypes: 3 },
  { name: 'Generated3', seed: 303, weeks: 4, employees: 12, shiftTypes: 2 },
  { name: 'Generated4', seed: 404, weeks: 4, employees: 24, shiftTypes: 3 },
];

describe('generateCurtois', () => {
  it('gives the same instance for the same seed and a different one for another seed', () => {
    const a = generateCurtois({ seed: 5, weeks: 2, employees: 8, shiftTypes: 2 });
    expect(generateCurtois({ seed: 5, weeks: 2, employees: 8, shiftTypes: 2 })).toEqual(a);
    expect(generateCurtois({ seed: 6, weeks: 2, employees: 8, shiftTypes: 2 })).not.toEqual(a);
  });

  it('has the requested size: 4 weeks × 12 staff × 3 shift types gives 28 days and 84 cover rows', () => {
    const inst = generateCurtois({ seed: 1, weeks: 4, employees: 12, shiftTypes: 3 });
    expect([inst.horizonDays, inst.employees.length, inst.shifts.length, inst.cover.length]).toEqual([28, 12, 3, 84]);
  });

  it('follows the published family: later shifts may not precede earlier ones, fortnightly contract limits', () => {
    const inst = generateCurtois({ seed: 2, weeks: 4, employees: 6, shiftTypes: 3 });
    expect(inst.shifts.map((s) => s.cannotFollow)).toEqual([[], ['E'], ['E', 'D']]);
    for (const e of inst.employees) {
      expect([e.maxTotalMinutes, e.minTotalMinutes, e.maxWeekends, e.daysOff.length]).toEqual([8640, 6720, 2, 2]);
      expect(Object.values(e.maxShifts)).toContain(28);
    }
  });

  it('never asks the same person for a shift on a day they must be off', () => {
    const inst = generateCurtois({ seed: 9, weeks: 4, employees: 30, shiftTypes: 2 });
    const off = new Map(inst.employees.map((e) => [e.id, e.daysOff]));
    expect(inst.shiftOnRequests.filter((r) => off.get(r.employeeId)!.includes(r.day))).toEqual([]);
  });

  it.each(FIXTURES)('fixture $name is exactly what its seed generates (parse ∘ format round trip)', ({ name, ...options }) => {
    const text = readFileSync(new URL(`${name}.txt`, fixtures), 'utf8');
    expect(parseCurtois(text)).toEqual(generateCurtois(options));
    expect(text).toBe(formatCurtois(generateCurtois(options), `${name}: generateCurtois(${JSON.stringify(options)})`));
  });

  describe('edge cases', () => {
    it('one shift type and one week still yields a valid file with one weekend limit', () => {
      const inst = generateCurtois({ seed: 3, weeks: 1, employees: 2, shiftTypes: 1 });
      expect(parseCurtois(formatCurtois(inst))).toEqual(inst);
      expect(inst.employees.every((e) => e.maxWeekends === 1)).toBe(true);
    });
  });
});
